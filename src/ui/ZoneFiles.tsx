import { useState } from 'react';
import type { ZoneExportFormat } from '../io/formats/write-zones-file.ts';
import { errorText, text, type Text } from '../core/text/text.ts';
import { useAppStore } from '../state/store.ts';
import { problemLabel } from './zone-problem-text.ts';
import { downloadBytes } from './download.ts';
import { FilePicker } from './FilePicker.tsx';
import { useLanguage, usePunctuation, useRender, useT, type MessageKey } from './i18n.ts';

const ZONE_FILES = '.geojson,.json,.kml,.kmz,.zip,.csv,.xlsx';
const EXPORTS: [ZoneExportFormat, MessageKey][] = [
  ['geojson', 'exportGeojson'],
  ['kml', 'exportKml'],
  ['shapefile-zip', 'exportShapefile'],
  ['csv-decimal', 'exportCsvDecimal'],
  ['csv-dms', 'exportCsvDms'],
];

/** Up to ten rows left out or warned about, by feature number or file line, with how many more there are. */
function ImportItems({ title, testId, items }: { title: string; testId: string; items: { row: number; field: string; text: Text | string }[] }) {
  const t = useT();
  const render = useRender();
  const p = usePunctuation();
  if (items.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul className="note" data-testid={testId}>
        {items.slice(0, 10).map((item, i) => (
          <li key={i}>
            {t('itemNumber', { n: item.row })}
            {p.comma}
            <span data-user-data="">{item.field}</span>
            {p.colon}
            {render(item.text)}
          </li>
        ))}
        {items.length > 10 && <li>… {items.length - 10}</li>}
      </ul>
    </>
  );
}

/** A pending import: what was read, what was left out and why; nothing changes until 导入 is pressed. */
function PendingImport() {
  const t = useT();
  const render = useRender();
  const pending = useAppStore((s) => s.zoneImport);
  const language = useLanguage();
  const p = usePunctuation();
  const editor = useAppStore((s) => s.zoneRole === 'editor');
  const { confirmZoneImport, cancelZoneImport } = useAppStore.getState();
  if (!pending) return null;
  return (
    <div className="pending-import" data-testid="zone-import-pending">
      <p>
        <span data-user-data="">{pending.fileName}</span>
        {p.colon}
        {t('storedZoneCount', { n: pending.zones.length })}
        {p.open}
        {render(pending.crs)}
        {p.close}
      </p>
      <ul className="note" data-testid="zone-import-validation">
        {pending.zones.map((zone, i) => {
          const problems = pending.reports[i]?.problems ?? [];
          return (
            <li key={zone.id} className={problems.length > 0 ? 'warning' : ''}>
              <span data-user-data="">{zone.name}</span>
              {p.open}
              {zone.category}
              {p.close}
              {p.colon}
              {pending.reports[i]?.areaKm2 ?? '…'} km²{p.comma}
              {problems.length === 0 ? t('zoneNoProblems') : `${problems.length} ${t('problemsCount')}${p.colon}${[...new Set(problems.map((problem) => problemLabel(problem.kind, language)))].join(p.list)}`}
            </li>
          );
        })}
      </ul>
      <ImportItems title={t('importLeftOut')} testId="zone-import-rejected" items={pending.rejected.map((r) => ({ row: r.row, field: r.field, text: r.reason }))} />
      <ImportItems title={t('importWarnings')} testId="zone-import-warnings" items={pending.warnings.map((w) => ({ row: w.row, field: w.field, text: w.message }))} />
      <button type="button" disabled={!editor} data-testid="zone-import-confirm" onClick={confirmZoneImport}>
        {t('importConfirm')}
      </button>{' '}
      <button type="button" onClick={cancelZoneImport}>
        {t('cancel')}
      </button>
    </div>
  );
}

/** Clause 十三: the heating coverage clipped to a city or county, added as a draft zone. */
function Propose() {
  const t = useT();
  const language = useLanguage();
  const p = usePunctuation();
  const status = useAppStore((s) => s.boundaries);
  const coverage = useAppStore((s) => s.boilerLayers.coverage);
  const editor = useAppStore((s) => s.zoneRole === 'editor');
  const busy = useAppStore((s) => s.zoneBusy === 'propose' || s.boilerBusy.kind === 'running');
  const { proposeZone } = useAppStore.getState();
  const [region, setRegion] = useState('');
  if (status.kind !== 'ready') return null;
  const { cities, counties } = status.summary;
  const loadSample = () => useAppStore.getState().loadBoilerSampleLayer('coverage');
  const propose = () => {
    const [kind, code] = region.split(':') as ['city' | 'county', string];
    if (kind === 'city') void proposeZone({ kind: 'city', name: code }, code);
    else {
      const county = counties.find((c) => c.adcode === code);
      if (county) void proposeZone({ kind: 'county', adcode: code }, `${county.city}${county.name}`);
    }
  };
  return (
    <div className="zone-propose" data-testid="zone-propose">
      <h4>{t('proposeZone')}</h4>
      {coverage ? (
        <p className="note">
          {t('coverageLoaded')}
          {p.colon}
          <span data-user-data="">{coverage.fileName}</span> {coverage.synthetic && <span className="badge synthetic">{t('synthetic')}</span>}
          {p.comma}
          {coverage.areaCount} {t('polygons')}
        </p>
      ) : (
        <p className="note">
          {t('coverageMissing')}{' '}
          <button type="button" className="link" data-testid="zone-load-sample-coverage" onClick={() => void loadSample()}>
            {t('loadSampleCoverage')}
          </button>
        </p>
      )}
      <label>
        {t('proposeRegion')}
        <select data-testid="zone-propose-region" value={region} onChange={(e) => setRegion(e.target.value)}>
          <option value="">—</option>
          <optgroup label={t('city')}>
            {cities.map((c) => (
              <option key={c.adcode} value={`city:${c.name}`}>
                {language === 'zh' ? c.name : c.nameEn}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('county')}>
            {counties.map((c) => (
              <option key={c.adcode} value={`county:${c.adcode}`}>
                {language === 'zh' ? `${c.city} ${c.name}` : c.nameEn}
              </option>
            ))}
          </optgroup>
        </select>
      </label>{' '}
      <button type="button" disabled={!editor || !coverage || !region || busy} data-testid="zone-propose-run" onClick={propose}>
        {t('propose')}
      </button>
    </div>
  );
}

/** Import and export of zones, proposals from coverage, and handing the zones to the boiler audit. */
export function ZoneFiles() {
  const t = useT();
  const p = usePunctuation();
  const editor = useAppStore((s) => s.zoneRole === 'editor');
  const zones = useAppStore((s) => s.zoneHistory.present);
  const busy = useAppStore((s) => s.zoneBusy);
  const { readZoneImport, exportZones, useZonesInBoilerAudit } = useAppStore.getState();
  const [exporting, setExporting] = useState(false);
  const exportAs = async (format: ZoneExportFormat) => {
    setExporting(true);
    try {
      const file = await exportZones(format);
      downloadBytes(file.fileName, file.bytes, file.mimeType);
      if (file.truncated.length > 0) {
        const names = new Map(zones.map((z) => [z.id, z.name]));
        const list = file.truncated.map((cut) => `${p.quoteOpen}${names.get(cut.zoneId) ?? cut.zoneId}${p.quoteClose} ${cut.field} ${cut.bytes}→${cut.keptBytes} B`).join(p.semicolon);
        useAppStore.setState({ zoneMessage: { kind: 'info', text: text('zoneShapefileCut', { list }) } });
      }
    } catch (error) {
      useAppStore.setState({ zoneMessage: { kind: 'error', text: errorText(error) } });
    } finally {
      setExporting(false);
    }
  };
  return (
    <div className="zone-files" data-testid="zone-files">
      <FilePicker label={t('importZones')} accept={ZONE_FILES} disabled={!editor || busy === 'import'} testId="zone-import-file" onFile={(file) => void readZoneImport(file, file.name)} />
      <PendingImport />
      <h4>{t('exportZones')}</h4>
      <div className="export-bar">
        {EXPORTS.map(([format, label]) => (
          <button key={format} type="button" disabled={zones.length === 0 || exporting} data-testid={`zone-export-${format}`} onClick={() => void exportAs(format)}>
            {t(label)}
          </button>
        ))}
      </div>
      <Propose />
      <p>
        <button type="button" disabled={zones.length === 0} data-testid="zone-use-in-audit" onClick={() => void useZonesInBoilerAudit()}>
          {t('useInBoilerAudit')}
        </button>
      </p>
    </div>
  );
}
