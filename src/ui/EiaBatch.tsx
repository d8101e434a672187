import { useMemo, useState } from 'react';
import type { Text } from '../core/text/text.ts';
import type { CoordinateSystem } from '../io/formats/parse-site-location.ts';
import { gaussKrugerEpsgCodes } from '../io/formats/parse-site-location.ts';
import { useAppStore } from '../state/store.ts';
import { selectBatchOrder, type BatchFilter, type BatchSortKey } from '../state/eia-selectors.ts';
import { downloadTable } from './download.ts';
import { useExportFailure } from './export-failure.tsx';
import { epsgOptionText } from './epsg-option.ts';
import { FilePicker } from './FilePicker.tsx';
import { usePunctuation, useRender, useT, type MessageKey } from './i18n.ts';
import { usePlaceNames } from './place-names.ts';
import { ExportBar, SortHeader } from './TableTools.tsx';

const SHOWN = 500;
type Filter = BatchFilter;
type SortKey = BatchSortKey;
const FILTERS: [Filter, MessageKey][] = [
  ['all', 'filterAll'],
  ['within', 'filterWithin'],
  ['outside', 'filterOutside'],
  ['errors', 'filterErrors'],
];

/**
 * A row's error: the column it names is the user's own heading (shown as written, often Chinese), the reason in the UI
 * language; the reader's '(location)' for a geometry failure reads as 位置/location.
 */
function SiteError({ error }: { error: Text }) {
  const t = useT();
  const render = useRender();
  const p = usePunctuation();
  const field = error.params?.field;
  const reason = error.params?.reason;
  if (error.key !== 'ioFieldReason' || typeof field !== 'string' || reason === undefined || typeof reason === 'number') return <>{render(error)}</>;
  return (
    <>
      {field === '(location)' ? t('siteLocation') : <span data-user-data="">{field}</span>}
      {p.colon}
      {render(reason)}
    </>
  );
}

/** Batch check of a sites table: sortable, filterable verdict table and CSV/XLSX export of the filtered rows. */
export function EiaBatch() {
  const t = useT();
  const { watch, failure } = useExportFailure();
  const render = useRender();
  const place = usePlaceNames();
  const batch = useAppStore((s) => s.eiaBatch);
  const status = useAppStore((s) => s.eiaBatchStatus);
  const selected = useAppStore((s) => s.eiaBatchSelected);
  const { runBatch, cancelBatch, selectBatchSite } = useAppStore.getState();
  const [system, setSystem] = useState<CoordinateSystem>('wgs84');
  const [epsg, setEpsg] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'row', descending: false });

  const order = useMemo(() => (batch ? selectBatchOrder(batch, filter, query, sort) : []), [batch, filter, query, sort]);

  const exportTable = (format: 'csv' | 'xlsx') => batch && watch(downloadTable(`${t('eiaBatchFileName')}-${batch.fileName.replace(/\.[^.]+$/, '')}`, batch.header, order.map((i) => batch.rows[i]!), format));

  return (
    <section className="eia-batch" aria-label={t('eiaBatchTab')}>
      <FilePicker label={t('batchFile')} accept=".csv,.txt,.xlsx" testId="eia-batch-file" onFile={(file) => void runBatch(file, system, system === 'gauss-kruger' && epsg ? Number(epsg) : undefined)} />
      <div className="row">
        <label>
          {t('defaultSystem')}
          <select value={system} onChange={(e) => setSystem(e.target.value as CoordinateSystem)}>
            <option value="wgs84">WGS84 / CGCS2000</option>
            <option value="gcj02">GCJ-02</option>
            <option value="bd09">BD-09</option>
            <option value="gauss-kruger">{t('systemGkShort')}</option>
          </select>
        </label>
        {system === 'gauss-kruger' && (
          <select value={epsg} onChange={(e) => setEpsg(e.target.value)} aria-label={t('epsgPick')}>
            <option value="">{t('epsgFromPrefix')}</option>
            {gaussKrugerEpsgCodes().map((code) => (
              <option key={code.epsg} value={code.epsg}>
                {render(epsgOptionText(code))}
              </option>
            ))}
          </select>
        )}
      </div>
      {status.kind === 'running' && (
        <p role="status">
          {t('batchRunning')} <span data-user-data="">{status.fileName}</span> <progress value={status.done} max={status.total || 1} />{' '}
          <button type="button" onClick={cancelBatch}>
            {t('cancel')}
          </button>
        </p>
      )}
      {status.kind === 'failed' && (
        <p className="warning" role="alert" data-testid="eia-batch-error">
          <span data-user-data="">{status.fileName}</span>: {render(status.message)}
        </p>
      )}
      {batch && (
        <>
          <p data-testid="eia-batch-summary">
            <span data-user-data="">{batch.fileName}</span>: {t('batchSummary', { sites: batch.sites.length, within: batch.withinCount, refused: batch.rejectedCount, ms: Math.round(batch.milliseconds) })}
          </p>
          <div className="row">
            <div role="radiogroup" className="segmented">
              {FILTERS.map(([key, label]) => (
                <label key={key}>
                  <input type="radio" name="eia-filter" checked={filter === key} onChange={() => setFilter(key)} />
                  {t(label)}
                </label>
              ))}
            </div>
            <input type="search" placeholder={t('search')} aria-label={t('search')} value={query} onChange={(e) => setQuery(e.target.value)} />
          </div>
          <ExportBar onExport={exportTable} count={order.length} shown={SHOWN} testId="eia" />
          {failure}
          <table className="compact" data-testid="eia-batch-table">
            <thead>
              <tr>
                <SortHeader column="row" label="row" sort={sort} onSort={setSort} />
                <SortHeader column="name" label="name" sort={sort} onSort={setSort} />
                <SortHeader column="within" label="withinZone" sort={sort} onSort={setSort} />
                <SortHeader column="distance" label="distanceKm" sort={sort} onSort={setSort} />
                <th>{t('consultWith')}</th>
                <th>{t('siteLocation')}</th>
                <th>{t('error')}</th>
              </tr>
            </thead>
            <tbody>
              {order.slice(0, SHOWN).map((i) => {
                const site = batch.sites[i]!;
                const v = site.verdict;
                return (
                  <tr
                    key={i}
                    className={v ? (v.withinConsultationZone ? 'within' : '') : 'error'}
                    aria-selected={selected === i}
                    tabIndex={0}
                    onClick={() => selectBatchSite(i)}
                    onKeyDown={(e) => e.key === 'Enter' && selectBatchSite(i)}
                    data-testid="eia-batch-row"
                  >
                    <td>{site.row}</td>
                    <td data-user-data="">{site.name}</td>
                    <td>{v ? (v.withinConsultationZone ? t('yes') : t('no')) : ''}</td>
                    <td>{v ? (v.distanceM / 1000).toFixed(3) : ''}</td>
                    <td>{v?.consultProvinces.map((p) => render(place(p))).join(', ') ?? ''}</td>
                    <td>{v ? [v.province, v.city, v.county].filter((p): p is string => Boolean(p)).map((p) => render(place(p))).join(' ') : ''}</td>
                    <td>{site.error && <SiteError error={site.error} />}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
