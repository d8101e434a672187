import { useEffect, useMemo } from 'react';
import { approximateBytes } from '../io/persistence/workspace-database.ts';
import { useAppStore } from '../state/store.ts';
import { Dialog } from './Dialog.tsx';
import { useLanguage, useRender, useT, type MessageKey } from './i18n.ts';

const KIND_LABELS: Record<string, MessageKey> = { fires: 'storedFires', patrol: 'storedPatrol', eia: 'storedEia', boilers: 'storedBoilers' };

const size = (bytes: number) => (bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** What this browser keeps of the user's work: each item with its size and date, and a button to delete it. */
export function StorageDialog() {
  const t = useT();
  const language = useLanguage();
  const render = useRender();
  const items = useAppStore((s) => s.keptItems);
  const error = useAppStore((s) => s.keptError);
  const zones = useAppStore((s) => s.zoneHistory.present);
  const versions = useAppStore((s) => s.zoneVersions);
  const zoneSave = useAppStore((s) => s.zoneSave);
  const { refreshKeptItems, deleteKeptItem, deleteZoneVersion, openZones } = useAppStore.getState();
  useEffect(() => {
    void refreshKeptItems();
    void openZones();
  }, [refreshKeptItems, openZones]);
  const zoneBytes = useMemo(() => approximateBytes(zones), [zones]);
  const date = (iso: string) => new Date(iso).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB');
  return (
    <Dialog title={t('storage')} testId="storage-dialog">
      <p className="note">{t('storageNote')}</p>
      <table className="compact storage-table" data-testid="storage-items">
        <thead>
          <tr>
            <th>{t('storedWhat')}</th>
            <th>{t('storedItem')}</th>
            <th>{t('storedSize')}</th>
            <th>{t('storedAt')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          <tr data-key="zones">
            <td>{t('zones')}</td>
            <td>{t('storedZoneCount', { n: zones.length })}</td>
            <td>{size(zoneBytes)}</td>
            <td>{zoneSave.kind === 'saved' ? date(zoneSave.at) : '—'}</td>
            <td className="note">{t('storedZonesHint')}</td>
          </tr>
          {versions.map((version) => (
            <tr key={version.id} data-key={`zone-version-${version.id}`}>
              <td>{t('zoneVersionsTab')}</td>
              <td data-user-data="">{version.name}</td>
              <td>{t('storedZoneCount', { n: version.zoneCount })}</td>
              <td>{date(version.createdAt)}</td>
              <td>
                <button type="button" onClick={() => window.confirm(t('storedDeleteConfirm', { name: version.name })) && void deleteZoneVersion(version.id)}>
                  {t('delete')}
                </button>
              </td>
            </tr>
          ))}
          {(items ?? []).map((item) => (
            <tr key={item.key} data-key={item.key}>
              <td>{t(KIND_LABELS[item.kind] ?? 'storedOther')}</td>
              <td>{typeof item.label === 'string' ? <span data-user-data="">{item.label}</span> : render(item.label)}</td>
              <td>{size(item.bytes)}</td>
              <td>{date(item.savedAt)}</td>
              <td>
                <button
                  type="button"
                  onClick={() => window.confirm(t('storedDeleteConfirm', { name: item.label })) && void deleteKeptItem(item.key)}
                  data-testid={`storage-delete-${item.key}`}
                >
                  {t('delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {items === null && <p className="note">{t('loading')}</p>}
      {error !== null && (
        <p className="warning" role="alert" data-testid="storage-error">
          {render(error)}
        </p>
      )}
    </Dialog>
  );
}
