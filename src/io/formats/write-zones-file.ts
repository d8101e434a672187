import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { NoBurnZone } from '../../core/zones/no-burn-zone.ts';
import { toCsv } from './write-csv.ts';
import { DBF_TEXT_MAX_BYTES, writeShapefileZip, type ShapefileField, type ShapefileTruncation } from './write-shapefile-zip.ts';

/** The formats no-burn zones are exported in. */
export type ZoneExportFormat = 'geojson' | 'kml' | 'shapefile-zip' | 'csv-decimal' | 'csv-dms';

/** One zone with what is derived from its geometry, as the editor shows it. */
export interface ZoneExportRow {
  zone: NoBurnZone;
  city: string | null;
  county: string | null;
  areaKm2: number;
}

/** Who wrote an export and when; written into the file where the format has a place for it. */
export interface ZoneExportMeta {
  /** ISO 8601. */
  exportedAt: string;
  /** e.g. 'hlj-air-map 0.1.0'. */
  application: string;
  note?: string;
}

/** An attribute as every format names it: GeoJSON/KML property, shapefile .dbf field (≤ 10 bytes), CSV header. */
export interface ZoneExportField {
  key: 'id' | 'name' | 'category' | 'documentNumber' | 'effectiveDate' | 'notes' | 'city' | 'county' | 'areaKm2' | 'origin' | 'source' | 'createdAt' | 'updatedAt';
  property: string;
  dbf: string;
  csv: string;
  /** What the field holds, for the shapefile README. */
  meaning: string;
}

/** A text a format could not hold whole (a .dbf field holds 254 bytes): which zone, which field, how much was kept. */
export interface ZoneTextCut {
  zoneId: string;
  field: string;
  bytes: number;
  keptBytes: number;
}

/** The attributes every export carries, one name per format, in the order they are written. */
export const ZONE_EXPORT_FIELDS: readonly ZoneExportField[] = [
  { key: 'id', property: 'id', dbf: 'ID', csv: 'id', meaning: 'zone id, kept through edits, export and import' },
  { key: 'name', property: 'name', dbf: 'NAME', csv: '名称', meaning: '禁燃区名称 (zone name)' },
  { key: 'category', property: 'category', dbf: 'CATEGORY', csv: '类别', meaning: '燃料类别 Ⅰ/Ⅱ/Ⅲ (fuel category of 《高污染燃料目录》)' },
  { key: 'documentNumber', property: 'document_number', dbf: 'DOC_NO', csv: '文号', meaning: '文号 of the designating document' },
  { key: 'effectiveDate', property: 'effective_date', dbf: 'EFFECTIVE', csv: '生效日期', meaning: '生效日期, YYYY-MM-DD or empty' },
  { key: 'notes', property: 'notes', dbf: 'NOTES', csv: '备注', meaning: '备注 (notes)' },
  { key: 'city', property: 'city', dbf: 'CITY', csv: '城市', meaning: 'city the zone lies in (derived from the geometry at export)' },
  { key: 'county', property: 'county', dbf: 'COUNTY', csv: '区县', meaning: 'county the zone lies in (derived from the geometry at export)' },
  { key: 'areaKm2', property: 'area_km2', dbf: 'AREA_KM2', csv: '面积(km²)', meaning: 'geodesic area in km² (derived from the geometry at export)' },
  { key: 'origin', property: 'origin', dbf: 'ORIGIN', csv: '来源方式', meaning: 'drawn, imported or proposed' },
  { key: 'source', property: 'source', dbf: 'SOURCE', csv: '来源', meaning: 'file an imported zone came from, or what a proposal was made from' },
  { key: 'createdAt', property: 'created_at', dbf: 'CREATED', csv: '创建时间', meaning: 'when the zone was created (ISO 8601)' },
  { key: 'updatedAt', property: 'updated_at', dbf: 'UPDATED', csv: '修改时间', meaning: 'when the zone was last changed (ISO 8601)' },
];

/** Columns of a vertex-list CSV before the attributes, as `readZoneVertices` reads them. */
export const ZONE_CSV_VERTEX_COLUMNS = ['名称', '部分', '环', '序号', '经度', '纬度', '坐标系'] as const;

/** Attribute columns of a vertex-list CSV: the name is the first vertex column, so it is not repeated. */
const CSV_ATTRIBUTE_FIELDS = ['category', 'documentNumber', 'effectiveDate', 'notes', 'city', 'county', 'areaKm2', 'id', 'origin', 'source', 'createdAt', 'updatedAt'].map(
  (key) => ZONE_EXPORT_FIELDS.find((field) => field.key === key)!,
);

/** The base name of the files inside an exported shapefile ZIP. */
const SHAPEFILE_LAYER = 'no_burn_zones';

/**
 * Writes no-burn zones in one of the formats a planner exchanges them in, each zone with all its attributes, its
 * city, county and area, and its provenance (origin, source, created, updated). Field names are the same in every
 * format that allows it (see {@link ZONE_EXPORT_FIELDS}); `readZonesFile` reads every format back to the same zones.
 *
 * - `geojson`: a FeatureCollection; the file's provenance is the top-level member `hlj_air_map`. Geometry is written
 *   exactly as stored (ring order and every digit).
 * - `kml`: one Placemark per zone with its name and an ExtendedData `Data` per attribute; Polygon or MultiGeometry
 *   with outer and inner boundaries; the Document's description and ExtendedData hold the provenance. Characters
 *   XML 1.0 cannot hold (control characters other than tab, line feed and carriage return) are left out.
 * - `shapefile-zip`: .shp/.shx/.dbf (UTF-8)/.prj (WGS84)/.cpg plus `README.txt` with the provenance, the field
 *   names and anything cut. Outer rings are stored clockwise and holes counter-clockwise, as shapefiles require
 *   (such rings are reversed). Text longer than 254 UTF-8 bytes (long notes) is cut there on a character boundary,
 *   and the README lists each cut; the area is written with 6 decimals (1 m²).
 * - `csv-decimal` / `csv-dms`: a vertex list, one row per vertex (名称, 部分, 环, 序号, 经度, 纬度, 坐标系 = WGS84,
 *   then the attributes under Chinese headers), UTF-8 with BOM, formula-guarded like every CSV export. Each ring's
 *   positions are listed as stored, the closing one included. `csv-dms` writes 126°38'12.345678"E (seconds to 6
 *   decimals, within 3·10⁻¹⁰°). Vertex lists are grouped by name when read, so an empty or repeated name is written
 *   as `<name> #<id>` (`#<id>` when empty) and read back as the name. Their reader takes only coordinates in
 *   115–140°E, 38–58°N.
 *
 * A one-part MultiPolygon comes back as a Polygon from every format but GeoJSON.
 *
 * @param rows - The zones with their derived city, county and area.
 * @param format - The format to write.
 * @param meta - When and by what the file was written.
 * @returns The file bytes, its extension (without the dot) and MIME type.
 * @throws Error when `meta.exportedAt` is not a date.
 * @example
 * const file = await writeZonesFile(rows, 'shapefile-zip', { exportedAt: new Date().toISOString(), application: 'hlj-air-map 0.1.0' });
 * download(new Blob([file.bytes], { type: file.mimeType }), `禁燃区.${file.extension}`);
 */
export async function writeZonesFile(
  rows: readonly ZoneExportRow[],
  format: ZoneExportFormat,
  meta: ZoneExportMeta,
): Promise<{ bytes: Uint8Array; extension: string; mimeType: string; truncated: ZoneTextCut[] }> {
  const date = new Date(meta.exportedAt);
  if (Number.isNaN(date.getTime())) throw new Error(`writeZonesFile: meta.exportedAt "${meta.exportedAt}" is not an ISO 8601 time; pass new Date().toISOString()`);
  const encoder = new TextEncoder();
  switch (format) {
    case 'geojson':
      return { bytes: encoder.encode(geoJsonText(rows, meta)), extension: 'geojson', mimeType: 'application/geo+json', truncated: [] };
    case 'kml':
      return { bytes: encoder.encode(kmlText(rows, meta)), extension: 'kml', mimeType: 'application/vnd.google-earth.kml+xml', truncated: [] };
    case 'shapefile-zip':
      return { ...shapefileBytes(rows, meta, date), extension: 'zip', mimeType: 'application/zip' };
    case 'csv-decimal':
    case 'csv-dms':
      return { bytes: encoder.encode(csvText(rows, format === 'csv-dms' ? 'dms' : 'decimal')), extension: 'csv', mimeType: 'text/csv;charset=utf-8', truncated: [] };
    default:
      throw new Error(`writeZonesFile: unknown format "${String(format)}"; use geojson, kml, shapefile-zip, csv-decimal or csv-dms`);
  }
}

/** Every attribute of a row as text or number (null for an unknown city or county). */
function attributeValues(row: ZoneExportRow): Record<ZoneExportField['key'], string | number | null> {
  const { zone } = row;
  return {
    id: zone.id,
    name: zone.name,
    category: zone.category,
    documentNumber: zone.documentNumber,
    effectiveDate: zone.effectiveDate,
    notes: zone.notes,
    city: row.city,
    county: row.county,
    areaKm2: row.areaKm2,
    origin: zone.provenance.origin,
    source: zone.provenance.source,
    createdAt: zone.provenance.createdAt,
    updatedAt: zone.provenance.updatedAt,
  };
}

const text = (value: string | number | null): string => (value === null ? '' : String(value));

const CRS_TEXT = 'WGS84 longitude/latitude (EPSG:4326)';

function provenanceLines(meta: ZoneExportMeta, count: number): string[] {
  return [
    `高污染燃料禁燃区 (no-burn zones, plan clause 十三): ${count} zone(s)`,
    `exported at: ${meta.exportedAt}`,
    `application: ${meta.application}`,
    `coordinates: ${CRS_TEXT}`,
    ...(meta.note ? [`note: ${meta.note}`] : []),
  ];
}

// ---------------------------------------------------------------------------------------------- GeoJSON

function geoJsonText(rows: readonly ZoneExportRow[], meta: ZoneExportMeta): string {
  const provenance = { kind: 'no-burn-zones', exported_at: meta.exportedAt, application: meta.application, crs: CRS_TEXT, ...(meta.note ? { note: meta.note } : {}) };
  const features = rows.map((row) => {
    const values = attributeValues(row);
    const properties = Object.fromEntries(ZONE_EXPORT_FIELDS.map((field) => [field.property, values[field.key]]));
    return JSON.stringify({ type: 'Feature', id: row.zone.id, properties, geometry: row.zone.geometry });
  });
  // One feature per line: diffable, and still one JSON document.
  return `{"type":"FeatureCollection","hlj_air_map":${JSON.stringify(provenance)},"features":[\n${features.join(',\n')}\n]}\n`;
}

// ---------------------------------------------------------------------------------------------- KML

/** Escapes XML text; a carriage return becomes a character reference because XML parsers turn a raw CR LF into LF. */
function xml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/[&<>"'\r]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' })[char]!);
}

function kmlData(name: string, value: string, indent: string): string {
  return `${indent}<Data name="${xml(name)}"><value>${xml(value)}</value></Data>`;
}

function kmlRing(ring: readonly Position[]): string {
  return `<LinearRing><coordinates>${ring.map((position) => `${position[0]},${position[1]}`).join(' ')}</coordinates></LinearRing>`;
}

function kmlPolygon(rings: readonly (readonly Position[])[]): string {
  const [outer, ...holes] = rings;
  const inner = holes.map((ring) => `<innerBoundaryIs>${kmlRing(ring)}</innerBoundaryIs>`).join('');
  return `<Polygon><outerBoundaryIs>${kmlRing(outer ?? [])}</outerBoundaryIs>${inner}</Polygon>`;
}

function kmlGeometry(geometry: Polygon | MultiPolygon): string {
  if (geometry.type === 'Polygon') return kmlPolygon(geometry.coordinates);
  return `<MultiGeometry>${geometry.coordinates.map(kmlPolygon).join('')}</MultiGeometry>`;
}

function kmlText(rows: readonly ZoneExportRow[], meta: ZoneExportMeta): string {
  const placemarks = rows.map((row) => {
    const values = attributeValues(row);
    return [
      '  <Placemark>',
      `    <name>${xml(row.zone.name)}</name>`,
      '    <ExtendedData>',
      ...ZONE_EXPORT_FIELDS.map((field) => kmlData(field.property, text(values[field.key]), '      ')),
      '    </ExtendedData>',
      `    ${kmlGeometry(row.zone.geometry)}`,
      '  </Placemark>',
    ].join('\n');
  });
  const documentData = [
    kmlData('exported_at', meta.exportedAt, '    '),
    kmlData('application', meta.application, '    '),
    kmlData('crs', CRS_TEXT, '    '),
    ...(meta.note ? [kmlData('note', meta.note, '    ')] : []),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2">',
    '<Document>',
    '  <name>高污染燃料禁燃区</name>',
    `  <description>${xml(provenanceLines(meta, rows.length).join('\n'))}</description>`,
    '  <ExtendedData>',
    ...documentData,
    '  </ExtendedData>',
    ...placemarks,
    '</Document>',
    '</kml>',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------- shapefile

const DBF_FIELDS: ShapefileField[] = ZONE_EXPORT_FIELDS.map((field) => (field.key === 'areaKm2' ? { name: field.dbf, type: 'number', decimals: 6 } : { name: field.dbf, type: 'text' }));

function shapefileBytes(rows: readonly ZoneExportRow[], meta: ZoneExportMeta, date: Date): { bytes: Uint8Array; truncated: ZoneTextCut[] } {
  const features = rows.map((row) => {
    const values = attributeValues(row);
    return { geometry: row.zone.geometry, attributes: Object.fromEntries(ZONE_EXPORT_FIELDS.map((field) => [field.dbf, values[field.key]])) };
  });
  const readme = (truncated: readonly ShapefileTruncation[]) =>
    [
      ...provenanceLines(meta, rows.length),
      `files: ${SHAPEFILE_LAYER}.shp/.shx/.dbf (text in UTF-8, see .cpg)/.prj (WGS84 GEOGCS)`,
      'rings: outer rings clockwise, holes counter-clockwise (shapefile order); all parts of a zone are one record',
      '',
      'fields:',
      ...ZONE_EXPORT_FIELDS.map((field) => `  ${field.dbf.padEnd(10)} ${field.meaning}`),
      '',
      truncated.length === 0
        ? `nothing was cut: every text fits the ${DBF_TEXT_MAX_BYTES} bytes a .dbf field holds`
        : `cut to the ${DBF_TEXT_MAX_BYTES} bytes a .dbf field holds (the GeoJSON, KML or CSV export keeps the whole text):`,
      ...truncated.map((cut) => `  zone ${rows[cut.record - 1]!.zone.id} (record ${cut.record}), ${cut.field}: ${cut.bytes} bytes, ${cut.keptBytes} kept`),
      '',
    ].join('\r\n');
  const { bytes, truncated } = writeShapefileZip({ name: SHAPEFILE_LAYER, fields: DBF_FIELDS, features, date, extraFiles: (cuts) => ({ 'README.txt': readme(cuts) }) });
  return { bytes, truncated: truncated.map((cut) => ({ zoneId: rows[cut.record - 1]!.zone.id, field: cut.field, bytes: cut.bytes, keptBytes: cut.keptBytes })) };
}

// ---------------------------------------------------------------------------------------------- CSV vertex lists

/**
 * An angle as degrees, minutes and seconds with 6 decimals of seconds and a hemisphere letter, as `parseAngle`
 * reads it: 126.63680555 → `126°38'12.500000"E`. Rounded in whole micro-arcseconds so 59.9999999" carries.
 */
function dmsText(value: number, axis: 'lon' | 'lat'): string {
  const hemisphere = axis === 'lon' ? (value < 0 ? 'W' : 'E') : value < 0 ? 'S' : 'N';
  const micro = Math.round(Math.abs(value) * 3600e6);
  const degrees = Math.floor(micro / 3600e6);
  const minutes = Math.floor((micro - degrees * 3600e6) / 60e6);
  const microSeconds = micro - degrees * 3600e6 - minutes * 60e6;
  const seconds = `${String(Math.floor(microSeconds / 1e6)).padStart(2, '0')}.${String(microSeconds % 1e6).padStart(6, '0')}`;
  return `${degrees}°${String(minutes).padStart(2, '0')}'${seconds}"${hemisphere}`;
}

/** Names as written in the 名称 column: unique per zone, because the vertex-list reader groups rows by name. */
function csvNames(rows: readonly ZoneExportRow[]): string[] {
  const counts = new Map<string, number>();
  for (const { zone } of rows) counts.set(zone.name.trim(), (counts.get(zone.name.trim()) ?? 0) + 1);
  return rows.map(({ zone }) => {
    const name = zone.name.trim();
    if (name !== '' && counts.get(name) === 1) return zone.name;
    return name === '' ? `#${zone.id}` : `${zone.name} #${zone.id}`;
  });
}

function csvText(rows: readonly ZoneExportRow[], notation: 'decimal' | 'dms'): string {
  const header = [...ZONE_CSV_VERTEX_COLUMNS, ...CSV_ATTRIBUTE_FIELDS.map((field) => field.csv)];
  const names = csvNames(rows);
  const lines: string[][] = [];
  rows.forEach((row, z) => {
    const values = attributeValues(row);
    // Attributes on every vertex row, so the table still reads right after sorting or filtering in Excel.
    const attributes = CSV_ATTRIBUTE_FIELDS.map((field) => text(values[field.key]));
    const polygons = row.zone.geometry.type === 'Polygon' ? [row.zone.geometry.coordinates] : row.zone.geometry.coordinates;
    polygons.forEach((rings, p) => {
      rings.forEach((ring, r) => {
        ring.forEach((position, v) => {
          const [lon = NaN, lat = NaN] = position;
          const lonText = notation === 'dms' ? dmsText(lon, 'lon') : String(lon);
          const latText = notation === 'dms' ? dmsText(lat, 'lat') : String(lat);
          lines.push([names[z]!, String(p + 1), String(r), String(v + 1), lonText, latText, 'WGS84', ...attributes]);
        });
      });
    });
  });
  return toCsv(header, lines);
}
