import { useState } from 'react';
import { FIRE_FIELDS, type FireColumns, type FireField } from '../io/formats/read-fire-file.ts';
import { useAppStore } from '../state/store.ts';
import { downloadText } from './download.ts';
import { useExportFailure } from './export-failure.tsx';
import { FilePicker } from './FilePicker.tsx';
import { usePunctuation, useRender, useT, type MessageKey } from './i18n.ts';

const FIELD_LABELS: Record<FireField, MessageKey> = {
  lon: 'fireFieldLon', lat: 'fireFieldLat', date: 'fireFieldDate', time: 'fireFieldTime', confidence: 'fireFieldConfidence', frp: 'fireFieldFrp',
  satellite: 'fireFieldSatellite', dayNight: 'fireFieldDayNight', province: 'fireFieldProvince', city: 'fireFieldCity', county: 'fireFieldCounty', town: 'fireFieldTown', landType: 'fireFieldLandType',
};

/** File picker, sample loader, progress with cancel, what was read and rejected, and the column mapping. */
export function FireImport() {
  const t = useT();
  const render = useRender();
  const p = usePunctuation();
  const status = useAppStore((s) => s.fireStatus);
  const data = useAppStore((s) => s.fireData);
  const { importFires, loadSampleFires, cancelFireImport } = useAppStore.getState();
  return (
    <section className="fire-import" aria-label={t('fires')}>
      <div className="row">
        <FilePicker accept=".csv,.txt,.xlsx,.geojson,.json" testId="fire-file-input" onFile={(file) => void importFires(file)} />
        <button type="button" onClick={() => void loadSampleFires()} data-testid="load-sample-fires">
          {t('loadSample')}
        </button>
      </div>
      <p className="note">{t('dropHint')}</p>
      {status.kind === 'importing' && (
        <div className="progress" role="status" data-testid="fire-progress">
          <span>
            {t('importing')} {status.fileName}
          </span>
          <progress max={status.total || 1} value={status.done} />
          <span>{status.total ? `${status.done.toLocaleString()} / ${status.total.toLocaleString()}` : ''}</span>
          <button type="button" onClick={cancelFireImport}>
            {t('cancel')}
          </button>
        </div>
      )}
      {status.kind === 'failed' && (
        <p className="warning" role="alert" data-testid="fire-error">
          {t('importFailed')}{p.colon}{render(status.message)}
        </p>
      )}
      {data && <FileSummary key={data.fileName + data.recordCount} />}
    </section>
  );
}

function FileSummary() {
  const t = useT();
  const render = useRender();
  const { watch, failure } = useExportFailure();
  const data = useAppStore((s) => s.fireData)!;
  const [columns, setColumns] = useState<FireColumns>(data.columns);
  return (
    <div className="file-summary" data-testid="fire-summary">
      {data.synthetic && (
        <p className="badge synthetic" role="note">
          {t('syntheticData')}
        </p>
      )}
      <dl>
        <dt>{t('format')}</dt>
        <dd>
          <span data-user-data="">{data.fileName}</span> · {data.format} · {data.encoding}
        </dd>
        <dt>{t('timeBasis')}</dt>
        <dd>{data.timeZone === 'utc' ? t('utc') : t('beijing')}</dd>
        <dt>{t('rowsRead')}</dt>
        <dd data-field="rows">{data.recordCount.toLocaleString()}</dd>
        <dt>{t('accepted')}</dt>
        <dd data-field="accepted">{data.points.count.toLocaleString()}</dd>
        <dt>{t('rejected')}</dt>
        <dd data-field="rejected">
          {data.rejectedCount.toLocaleString()}
          {data.rejectedByReason.length > 0 && ` (${data.rejectedByReason.map(([reason, n]) => `${render(reason)} × ${n}`).join('; ')})`}
        </dd>
      </dl>
      {data.rejectedCount > 0 && (
        <details>
          <summary>
            {t('rejected')} ({data.rejectedCount})
          </summary>
          <table className="compact" data-testid="rejected-rows">
            <thead>
              <tr>
                <th>{t('row')}</th>
                <th>{t('field')}</th>
                <th>{t('reason')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rejected.slice(0, 50).map((r) => (
                <tr key={`${r.row}-${r.field}`}>
                  <td>{r.row}</td>
                  <td data-user-data="">{r.field}</td>
                  <td>
                    {render(r.reason)}
                    {r.value ? <span data-user-data="">{` (${r.value})`}</span> : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={() => watch(useAppStore.getState().exportRejectedFires().then((csv) => downloadText(`${data.fileName}.rejected.csv`, csv)))}>
            {t('downloadRejected')}
          </button>
          {failure}
        </details>
      )}
      <details>
        <summary>{t('columns')}</summary>
        <div className="column-map">
          {FIRE_FIELDS.map((field) => (
            <label key={field}>
              <span>{t(FIELD_LABELS[field])}</span>
              <select value={columns[field]} onChange={(e) => setColumns({ ...columns, [field]: Number(e.target.value) })}>
                <option value={-1}>{t('notMapped')}</option>
                {data.header.map((name, i) => (
                  <option key={`${i}-${name}`} value={i} data-user-data="">
                    {name}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
        <button type="button" onClick={() => void useAppStore.getState().remapFireColumns(columns)}>
          {t('rereadWithColumns')}
        </button>
      </details>
    </div>
  );
}
