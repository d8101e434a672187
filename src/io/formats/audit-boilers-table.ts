import type { BoilerAudit, BoilerPlace } from '../../core/boilers/audit-boiler.ts';
import type { Boiler } from '../../core/boilers/boiler.ts';
import type { BoilerPlaceFinder } from '../../core/boilers/boiler-places.ts';
import { render, text, type Text } from '../../core/text/text.ts';
import type { BoilerRow, BoilersTable } from './read-boilers-table.ts';
import type { RowRejection } from './row-rejection.ts';

/** Columns appended to an inventory's own columns in the audit output (CLI and app export alike). */
export const BOILER_OUTPUT_COLUMNS = [
  'verdict',
  'rule_ids',
  'clauses',
  'reason',
  'deadline',
  'to_verify',
  'warnings',
  'location_city',
  'location_county',
  'heating_coverage',
  'built_up',
  'no_burn_zones',
  'error',
] as const;

/** One inventory row: the boiler as read, where it stands and its audit, or why it has none. */
export interface AuditedRecord {
  /** File line (CSV) or sheet row (XLSX). */
  row: number;
  boiler: Boiler | null;
  place: BoilerPlace | null;
  audit: BoilerAudit | null;
  /** `field: reason` when the row could not be audited, else null. */
  error: Text | null;
  /** Cells the reader could not use (the field was left empty), as `field: reason`. */
  notes: Text[];
}

/** The audit of a whole inventory: the output table and every record's result, in input order. */
export interface AuditedTable {
  header: string[];
  rows: string[][];
  records: AuditedRecord[];
  refused: RowRejection[];
}

const coverageCell = (place: BoilerPlace) => {
  if (place.coverage === null) return '';
  if (place.coverage === false) return 'false';
  return place.coverage.by === 'polygon' ? place.coverage.name : `${place.coverage.name} (${place.coverage.distanceM.toFixed(1)} m ≤ ${place.coverage.radiusM} m)`;
};

/**
 * The cells of {@link BOILER_OUTPUT_COLUMNS} for one record: verdicts, rule ids and clauses joined by `;`,
 * each rule's reason prefixed by its id and joined by ` | `, then what to verify, warnings, the location's
 * city and county and the layers it falls in (empty where a layer was not given, `false` outside a given layer).
 * The reader's notes and errors are written in English, as the command line writes them.
 *
 * @param record - An audited record.
 * @returns One cell per output column.
 * @example
 * boilerOutputCells(record); // ['淘汰', 'R11-builtup-35', '十一', 'R11-builtup-35: 燃煤；位于哈尔滨市；30 t/h ≤ 35 t/h；…', '2025', '', …]
 */
export function boilerOutputCells(record: AuditedRecord): string[] {
  const { audit, place } = record;
  if (!audit || !place) return [...BOILER_OUTPUT_COLUMNS.slice(0, -1).map(() => ''), record.error === null ? '' : render(record.error, 'en')];
  // One entry per missing fact, naming every rule that needs it.
  const rulesByMissing = new Map<string, string[]>();
  for (const item of audit.toVerify) rulesByMissing.set(item.missing.zh, [...(rulesByMissing.get(item.missing.zh) ?? []), ...(item.ruleId ? [item.ruleId] : [])]);
  const verify = [...rulesByMissing].map(([missing, ruleIds]) => (ruleIds.length > 0 ? `${missing}（${ruleIds.join('、')}）` : missing));
  return [
    audit.verdicts.join(';'),
    audit.matches.map((m) => m.ruleId).join(';'),
    [...new Set(audit.matches.map((m) => m.clause))].join(';'),
    audit.matches.map((m) => `${m.ruleId}: ${m.reason.zh}`).join(' | '),
    audit.matches.map((m) => (m.deadline ? `${m.ruleId}: ${m.deadline}` : '')).filter(Boolean).join(';'),
    [...verify, ...record.notes.map((note) => render(note, 'en'))].join(' | '),
    audit.warnings.map((w) => w.zh).join(' | '),
    place.city ?? '',
    place.county ?? '',
    coverageCell(place),
    audit.builtUp === null ? '' : String(audit.builtUp),
    place.zones === null ? '' : place.zones.length === 0 ? 'false' : place.zones.map((z) => `${z.name} (${z.category})`).join(';'),
    '',
  ];
}

/**
 * Audits every record of an inventory in input order: the one batch loop of the `boilers` command and the
 * app. Places are found in bulk, then each boiler is audited. A row without a usable location keeps its
 * cells, gets empty verdict cells and its reason in `error`; a cell the reader could not use is listed in
 * `to_verify`. Ragged rows are padded so the verdict columns line up.
 *
 * @param table - From readBoilersTable.
 * @param finder - The layers, prepared (createBoilerPlaceFinder).
 * @param audit - From createBoilerAuditor.
 * @param onProgress - Hears every 5,000 records.
 * @returns The output table and each record's result.
 * @example
 * const audited = auditBoilersTable(table, createBoilerPlaceFinder(layers, locator), createBoilerAuditor(ruleBook));
 * toCsv(audited.header, audited.rows);
 */
export function auditBoilersTable(
  table: BoilersTable,
  finder: BoilerPlaceFinder,
  audit: (boiler: Boiler, place: BoilerPlace) => BoilerAudit,
  onProgress?: (done: number, total: number) => void,
): AuditedTable {
  if (table.boilers.length + table.rejected.length !== table.recordCount) {
    throw new Error(`${table.fileName}: ${table.recordCount} records but ${table.boilers.length} boilers and ${table.rejected.length} rejections`);
  }
  const rowOfRecord: (BoilerRow | undefined)[] = new Array(table.recordCount);
  for (const row of table.boilers) rowOfRecord[row.record] = row;
  const notesOfRow = new Map<number, Text[]>();
  for (const note of table.notes) notesOfRow.set(note.row, [...(notesOfRow.get(note.row) ?? []), text('ioFieldReason', { field: note.field, reason: note.reason })]);
  const places = finder.placeMany(
    Float64Array.from(table.boilers, (row) => row.boiler.lon),
    Float64Array.from(table.boilers, (row) => row.boiler.lat),
  );
  const placeOfRecord = new Map<number, BoilerPlace>();
  table.boilers.forEach((row, i) => placeOfRecord.set(row.record, places[i]!));

  let width = table.header.length;
  for (let r = 0; r < table.recordCount; r++) width = Math.max(width, table.record(r).length);
  const header = [...table.header, ...Array.from({ length: width - table.header.length }, (_, k) => `column_${table.header.length + k + 1}`), ...BOILER_OUTPUT_COLUMNS];
  const records: AuditedRecord[] = [];
  const rows: string[][] = [];
  let nextRejection = 0;
  for (let r = 0; r < table.recordCount; r++) {
    if (r % 5000 === 0) onProgress?.(r, table.recordCount);
    const cells = table.record(r);
    while (cells.length < width) cells.push('');
    const read = rowOfRecord[r];
    let record: AuditedRecord;
    if (read) {
      const place = placeOfRecord.get(r)!;
      record = { row: read.row, boiler: read.boiler, place, audit: audit(read.boiler, place), error: null, notes: notesOfRow.get(read.row) ?? [] };
    } else {
      const rejection = table.rejected[nextRejection++]!;
      record = { row: rejection.row, boiler: null, place: null, audit: null, error: text('ioFieldReason', { field: rejection.field, reason: rejection.reason }), notes: [] };
    }
    records.push(record);
    rows.push([...cells, ...boilerOutputCells(record)]);
  }
  onProgress?.(table.recordCount, table.recordCount);
  return { header, rows, records, refused: [...table.rejected] };
}
