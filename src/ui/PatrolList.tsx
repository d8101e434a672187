import { beijingDateTime } from '../core/fires/beijing-time.ts';
import { formatDms } from '../core/geo/coordinates.ts';
import { selectPatrolClusters, selectVisibleFires } from '../state/fire-selectors.ts';
import { PATROL_STATUSES, patrolKey, type PatrolStatus } from '../state/fires-slice.ts';
import { useAppStore } from '../state/store.ts';
import { downloadTable } from './download.ts';
import { useT } from './i18n.ts';

const SHOWN = 200;

/** Patrol clusters, most detections first, with a status the coordinator sets (kept across reloads). */
export function PatrolList() {
  const t = useT();
  const data = useAppStore((s) => s.fireData);
  const clusters = useAppStore((s) => selectPatrolClusters(s.fireData, selectVisibleFires(s.fireData, s.fireFilter)));
  const statuses = useAppStore((s) => s.patrolStatus);
  const boundaries = useAppStore((s) => s.boundaries);
  if (!data) return <p className="note">{t('noFires')}</p>;
  const counties = boundaries.kind === 'ready' ? boundaries.summary.counties : [];
  const countyName = (index: number) => (index === -1 ? t('notInHeilongjiang') : `${counties[index]?.city ?? ''} ${counties[index]?.name ?? ''}`);
  const statusOf = (key: string): PatrolStatus => statuses[key] ?? '待核查';
  const rows = clusters.map((c, position) => ({ ...c, id: position + 1, key: patrolKey(data.fileName, c) }));

  const exportTable = (format: 'csv' | 'xlsx') =>
    void downloadTable(
      `巡查清单-${data.fileName}`,
      ['编号', '经度', '纬度', '经度(度分秒)', '纬度(度分秒)', '区县', '检测数', '火点数', '首次发现(北京时间)', '最后发现(北京时间)', '最大FRP(MW)', '状态'],
      rows.map((c) => [
          String(c.id), c.lon.toFixed(5), c.lat.toFixed(5), formatDms(c.lon, 'lon'), formatDms(c.lat, 'lat'), countyName(c.county), String(c.points), String(c.fires),
          Number.isNaN(c.first) ? '' : beijingDateTime(c.first), Number.isNaN(c.last) ? '' : beijingDateTime(c.last),
          Number.isNaN(c.maxFrp) ? '' : c.maxFrp.toFixed(2), statusOf(c.key),
        ]),
      format,
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
        <span className="note">
          {rows.length > SHOWN ? `${t('showingTop')} ${SHOWN} / ${rows.length}` : rows.length}
        </span>
      </div>
      <table className="compact" data-testid="patrol-table">
        <thead>
          <tr>
            <th>{t('clusterId')}</th>
            <th>{t('centre')}</th>
            <th>{t('county')}</th>
            <th>{t('detections')}</th>
            <th>{t('firstSeen')}</th>
            <th>{t('lastSeen')}</th>
            <th>{t('maxFrp')}</th>
            <th>{t('status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, SHOWN).map((c) => (
            <tr key={c.key}>
              <td>{c.id}</td>
              <td>
                {c.lon.toFixed(5)}, {c.lat.toFixed(5)}
                <br />
                <small>
                  {formatDms(c.lon, 'lon')} {formatDms(c.lat, 'lat')}
                </small>{' '}
                <button type="button" className="small" aria-label={`${t('copyCoordinates')} ${c.id}`} onClick={() => void navigator.clipboard?.writeText(`${c.lon.toFixed(6)},${c.lat.toFixed(6)}`)}>
                  ⧉
                </button>
              </td>
              <td>{countyName(c.county)}</td>
              <td>
                {c.points} / {c.fires}
              </td>
              <td>{Number.isNaN(c.first) ? '' : beijingDateTime(c.first)}</td>
              <td>{Number.isNaN(c.last) ? '' : beijingDateTime(c.last)}</td>
              <td>{Number.isNaN(c.maxFrp) ? '' : c.maxFrp.toFixed(1)}</td>
              <td>
                <select value={statusOf(c.key)} aria-label={`${t('status')} ${c.id}`} onChange={(e) => useAppStore.getState().setPatrolStatus(c.key, e.target.value as PatrolStatus)}>
                  {PATROL_STATUSES.map((status) => (
                    <option key={status}>{status}</option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
