import { beijingDateTime } from '../core/fires/beijing-time.ts';
import { formatDms } from '../core/geo/coordinates.ts';
import { PATROL_STATUSES, type PatrolStatus } from '../core/fires/patrol-status.ts';
import { patrolStatusText } from '../core/text/labels.ts';
import { selectPatrolRows, selectVisibleFires, type PatrolRow } from '../state/fire-selectors.ts';
import { useAppStore } from '../state/store.ts';
import { downloadTable } from './download.ts';
import { useExportFailure } from './export-failure.tsx';
import { useLanguage, useRender, useT } from './i18n.ts';
import { PlaceName } from './PlaceName.tsx';

const SHOWN = 200;

/** Beijing time of an instant, or '' when the source gave none. */
const when = (ms: number) => (Number.isNaN(ms) ? '' : beijingDateTime(ms));

/** The county of a cluster as a place name (both languages), or outside Heilongjiang. */
function useCountyOf(): (row: PatrolRow) => { zh: string; en: string } {
  const t = useT();
  const boundaries = useAppStore((s) => s.boundaries);
  const counties = boundaries.kind === 'ready' ? boundaries.summary.counties : [];
  const cities = boundaries.kind === 'ready' ? boundaries.summary.cities : [];
  return (row) => {
    const county = counties[row.county];
    if (row.county === -1 || !county) return { zh: t('notInHeilongjiang'), en: t('notInHeilongjiang') };
    const city = cities.find((c) => c.adcode === county.cityAdcode);
    return { zh: `${county.city} ${county.name}`, en: `${county.nameEn}, ${city?.nameEn ?? ''}` };
  };
}

/** A status picker; setting it marks every detection of the cluster, so the status survives filters, reloads and re-clustering. */
function StatusSelect({ row, id }: { row: PatrolRow; id: number }) {
  const t = useT();
  const render = useRender();
  return (
    <select
      value={row.status.status}
      aria-label={`${t('status')} ${id}`}
      onClick={(e) => e.stopPropagation()}
      onChange={(e) => useAppStore.getState().setPatrolStatus(row.cluster, e.target.value as PatrolStatus)}
      data-testid={`patrol-status-${id}`}
    >
      {PATROL_STATUSES.map((status) => (
        <option key={status} value={status}>
          {render(patrolStatusText(status))}
        </option>
      ))}
    </select>
  );
}

/** The chosen cluster: where to send a patrol, in decimal and DMS, with its county, counts and times. */
function ClusterCard({ row, id }: { row: PatrolRow; id: number }) {
  const t = useT();
  const countyOf = useCountyOf();
  const county = countyOf(row);
  const coordinates = `${row.lon.toFixed(6)},${row.lat.toFixed(6)}`;
  return (
    <section className="cluster-card" aria-label={t('clusterCard')} data-testid="cluster-card">
      <header>
        <h3>
          {t('clusterId')} {id} · <PlaceName zh={county.zh} en={county.en} />
        </h3>
        <button type="button" className="icon" aria-label={t('close')} onClick={() => useAppStore.getState().selectPatrolCluster(null)}>
          ×
        </button>
      </header>
      <dl className="facts">
        <dt>{t('centre')}</dt>
        <dd>
          <span data-testid="cluster-decimal">{row.lon.toFixed(5)}, {row.lat.toFixed(5)}</span>
          <br />
          {formatDms(row.lon, 'lon')} {formatDms(row.lat, 'lat')}
        </dd>
        <dt>{t('detections')}</dt>
        <dd>
          {row.points} / {t('mergedFires')} {row.fires}
        </dd>
        <dt>{t('firstSeen')}</dt>
        <dd>{when(row.first)}</dd>
        <dt>{t('lastSeen')}</dt>
        <dd>{when(row.last)}</dd>
        <dt>{t('maxFrp')}</dt>
        <dd>{Number.isNaN(row.maxFrp) ? '—' : `${row.maxFrp.toFixed(1)} MW`}</dd>
        <dt>{t('status')}</dt>
        <dd>
          <StatusSelect row={row} id={id} />
          <StatusNote row={row} />
        </dd>
      </dl>
      <button type="button" onClick={() => void navigator.clipboard?.writeText(coordinates)}>
        {t('copyCoordinates')}
      </button>
    </section>
  );
}

/** Says when re-clustering joined clusters marked apart, or divided a marked one: the status was carried over. */
function StatusNote({ row }: { row: PatrolRow }) {
  const t = useT();
  if (!row.status.merged && !row.status.split) return null;
  return (
    <p className="note" data-testid="patrol-status-note">
      {row.status.merged ? t('patrolStatusMerged') : t('patrolStatusSplit')}
    </p>
  );
}

/** Patrol clusters, most detections first, each with the status the coordinator sets (kept across reloads). A row click moves the map to it. */
export function PatrolList() {
  const t = useT();
  const { watch, failure } = useExportFailure();
  const render = useRender();
  const language = useLanguage();
  const data = useAppStore((s) => s.fireData);
  const rows = useAppStore((s) => selectPatrolRows(s.fireData, selectVisibleFires(s.fireData, s.fireFilter), s.patrolMarks));
  const selected = useAppStore((s) => s.patrolSelected);
  const countyOf = useCountyOf();
  if (!data) return <p className="note">{t('noFires')}</p>;
  const numbered = rows.map((row, position) => ({ row, id: position + 1 }));
  const chosen = numbered.find((entry) => entry.row.cluster === selected);
  const choose = (row: PatrolRow) => useAppStore.getState().selectPatrolCluster(row.cluster, [row.lon, row.lat]);

  const exportTable = (format: 'csv' | 'xlsx') =>
    watch(
      downloadTable(
        `${t('patrolTab')}-${data.fileName.replace(/\.[^.]+$/, '')}`,
        [t('clusterId'), t('longitude'), t('latitude'), t('longitudeDms'), t('latitudeDms'), t('county'), t('detections'), t('mergedFires'), t('firstSeenBeijing'), t('lastSeenBeijing'), t('maxFrpMw'), t('status')],
        numbered.map(({ row, id }) => [
          String(id), row.lon.toFixed(5), row.lat.toFixed(5), formatDms(row.lon, 'lon'), formatDms(row.lat, 'lat'), countyOf(row)[language], String(row.points), String(row.fires),
          when(row.first), when(row.last), Number.isNaN(row.maxFrp) ? '' : row.maxFrp.toFixed(2), render(patrolStatusText(row.status.status)),
        ]),
        format,
      ),
    );

  return (
    <section className="patrol-list" aria-label={t('patrolTab')}>
      <div className="row">
        <button type="button" onClick={() => exportTable('csv')} data-testid="export-patrol">
          {t('exportCsv')}
        </button>
        <button type="button" onClick={() => exportTable('xlsx')} data-testid="export-patrol-xlsx">
          {t('exportXlsx')}
        </button>
        <span className="note">{rows.length > SHOWN ? t('showingFirstOf', { shown: SHOWN, total: rows.length }) : t('clustersCount', { n: rows.length })}</span>
      </div>
      {failure}
      {chosen && <ClusterCard row={chosen.row} id={chosen.id} />}
      <ol className="patrol-rows" data-testid="patrol-table">
        {numbered.slice(0, SHOWN).map(({ row, id }) => {
          const county = countyOf(row);
          return (
            <li
              key={row.cluster}
              className="patrol-row"
              aria-current={row.cluster === selected ? 'true' : undefined}
              tabIndex={0}
              onClick={() => choose(row)}
              onKeyDown={(e) => e.key === 'Enter' && e.target === e.currentTarget && choose(row)}
              data-cluster={row.cluster}
              data-testid="patrol-row"
            >
              <span className="patrol-id">{id}</span>
              <span className="patrol-place">
                <PlaceName zh={county.zh} en={county.en} />
                <small>
                  {row.lon.toFixed(4)}, {row.lat.toFixed(4)} · {when(row.first)}
                </small>
              </span>
              <span className="patrol-count" title={`${t('detections')} / ${t('mergedFires')}`}>
                {row.points}/{row.fires}
              </span>
              <StatusSelect row={row} id={id} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
