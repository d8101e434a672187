import { useState } from 'react';
import { dataUrl } from '../io/data-url.ts';
import type { ZoneExportFormat } from '../io/formats/write-zones-file.ts';
import { BOILER_SAMPLE } from '../state/boilers-slice.ts';
import { useAppStore } from '../state/store.ts';
import { PROBLEM_LABEL } from './zone-problem-text.ts';
import { downloadBytes } from './download.ts';
import { useT } from './i18n.ts';

const ZONE_FILES = '.geojson,.json,.kml,.kmz,.zip,.csv,.xlsx';
const EXPORTS: [ZoneExportFormat, { zh: string; en: string }][] = [
  ['geojson', { zh: 'GeoJSON', en: 'GeoJSON' }],
  ['kml', { zh: 'KML', en: 'KML' }],
  ['shapefile-zip', { zh: 'Shapefile (zip)', en: 'Shapefile (zip)' }],
  ['csv-decimal', { zh: 'CSV 拐点（十进制度）', en: 'CSV vertices (decimal)' }],
  ['csv-dms', { zh: 'CSV 拐点（度分秒）', en: 'CSV vertices (DMS)' }],
];

/** 'item 3' / '第 3 项': a feature number or file line in a message. */
const itemLabel = (row: number, language: 'zh' | 'en') => (language === 'zh' ? `第 ${row} 项` : `item ${row}`);

/** Up to ten rows left out or warned about, by feature number or file line, with how many more there are. */
function ImportItems({ title, testId, items }: { title: string; testId: string; items: { row: number; field: string; text: string }[] }) {
  const language = useAppStore((s) => s.language);
  if (items.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul className="note" data-testid={testId}>
        {items.slice(0, 10).map((item, i) => (
          <li key={i}>
            {itemLabel(item.row, language)}，{item.field}：{item.text}
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
  const pending = useAppStore((s) => s.zoneImport);
  const language = useAppStore((s) => s.language);
  const editor = useAppStore((s) => s.zoneRole === 'editor');
  const { confirmZoneImport, cancelZoneImport } = useAppStore.getState();
  if (!pending) return null;
  return (
    <div className="pending-import" data-testid="zone-import-pending">
      <p>
        {pending.fileName}：{language === 'zh' ? `${pending.zones.length} 个区域` : `${pending.zones.length} zones`}（{pending.crs}）
      </p>
      <ul className="note" data-testid="zone-import-validation">
        {pending.zones.map((zone, i) => {
          const problems = pending.reports[i]?.problems ?? [];
          return (
            <li key={zone.id} className={problems.length > 0 ? 'warning' : ''}>
              {zone.name}（{zone.category}）：{pending.reports[i]?.areaKm2 ?? '…'} km²，
              {problems.length === 0 ? t('zoneNoProblems') : `${problems.length} ${t('problemsCount')}：${[...new Set(problems.map((p) => PROBLEM_LABEL[p.kind][language]))].join('、')}`}
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
  const status = useAppStore((s) => s.boundaries);
  const coverage = useAppStore((s) => s.boilerLayers.coverage);
  const editor = useAppStore((s) => s.zoneRole === 'editor');
  const busy = useAppStore((s) => s.zoneBusy === 'propose' || s.boilerBusy.kind === 'running');
  const { proposeZone, loadBoilerLayer } = useAppStore.getState();
  const [region, setRegion] = useState('');
  if (status.kind !== 'ready') return null;
  const { cities, counties } = status.summary;
  const loadSample = async () => {
    const response = await fetch(dataUrl(BOILER_SAMPLE.layers.coverage));
    await loadBoilerLayer('coverage', await response.blob(), BOILER_SAMPLE.layers.coverage, true);
  };
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
          {t('coverageLoaded')}：{coverage.fileName} {coverage.synthetic && <span className="badge synthetic">{t('synthetic')}</span>}，{coverage.areaCount} {t('polygons')}
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
          <optgroup label="市 / City">
            {cities.map((c) => (
              <option key={c.adcode} value={`city:${c.name}`}>
                {c.name}
              </option>
            ))}
          </optgroup>
          <optgroup label="区县 / County">
            {counties.map((c) => (
              <option key={c.adcode} value={`county:${c.adcode}`}>
                {c.city} {c.name}
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
  const editor = useAppStore((s) => s.zoneRole === 'editor');
  const zones = useAppStore((s) => s.zoneHistory.present);
  const language = useAppStore((s) => s.language);
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
        const list = file.truncated.map((cut) => `「${names.get(cut.zoneId) ?? cut.zoneId}」${cut.field} ${cut.bytes}→${cut.keptBytes} B`).join('；');
        useAppStore.setState({ zoneMessage: { kind: 'info', text: `Shapefile 字段最多 254 字节，以下文字被截断（GeoJSON、KML、CSV 导出保留全文）/ cut to 254 bytes in the .dbf: ${list}` } });
      }
    } catch (error) {
      useAppStore.setState({ zoneMessage: { kind: 'error', text: error instanceof Error ? error.message : String(error) } });
    } finally {
      setExporting(false);
    }
  };
  return (
    <div className="zone-files" data-testid="zone-files">
      <label>
        {t('importZones')}
        <input
          type="file"
          accept={ZONE_FILES}
          disabled={!editor || busy === 'import'}
          data-testid="zone-import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void readZoneImport(file, file.name);
            e.target.value = '';
          }}
        />
      </label>
      <PendingImport />
      <h4>{t('exportZones')}</h4>
      <div className="export-bar">
        {EXPORTS.map(([format, label]) => (
          <button key={format} type="button" disabled={zones.length === 0 || exporting} data-testid={`zone-export-${format}`} onClick={() => void exportAs(format)}>
            {label[language]}
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
