import type { SaveStatus } from '../io/persistence/autosaver.ts';
import { useAppStore } from '../state/store.ts';
import { useRender, useT } from './i18n.ts';
import { useMapOverlay } from './map-overlays.tsx';

/**
 * The storage state of everything the workspaces keep, over the map so it stays up whichever workspace is open: 未保存
 * with the reasons and a retry button while writes fail (the work stays in memory and saving is retried), 只读 in a
 * second tab of the zone editor, and the zone editor's last save.
 */
export function SaveBanner() {
  const t = useT();
  const render = useRender();
  const zoneSave = useAppStore((s) => s.zoneSave);
  const role = useAppStore((s) => s.zoneRole);
  const persistence = useAppStore((s) => s.zonePersistence);
  const kept = useAppStore((s) => s.keptStatus);
  const workspace = useAppStore((s) => s.workspace);
  const ref = useMapOverlay<HTMLDivElement>('top');
  const failed: { label: string; status: Extract<SaveStatus, { kind: 'failed' }> }[] = [
    ...(zoneSave.kind === 'failed' ? [{ label: t('zones'), status: zoneSave }] : []),
    ...Object.values(kept).flatMap((item) => (item.status.kind === 'failed' ? [{ label: item.label, status: item.status }] : [])),
  ];
  const retry = () => {
    useAppStore.getState().retryZoneSave();
    useAppStore.getState().retryKeeping();
  };
  if (failed.length > 0) {
    const quota = failed.some((f) => f.status.quota);
    return (
      <div ref={ref} className="banner unsaved" role="alert" data-testid="zone-unsaved">
        <strong>{t('unsaved')}</strong>
        {quota ? `（${t('unsavedQuota')}）` : ''}：{t('unsavedDetail')}{' '}
        <span className="note" data-testid="unsaved-items">
          {failed.map((f) => `${render(f.label)}: ${f.status.message}`).join('；')}
        </span>{' '}
        <button type="button" onClick={retry} data-testid="zone-retry-save">
          {t('retryNow')}
        </button>
      </div>
    );
  }
  if (zoneSave.kind === 'conflict') {
    return (
      <div ref={ref} className="banner unsaved" role="alert" data-testid="zone-conflict">
        {t('conflict')}
      </div>
    );
  }
  if (role === 'reader') {
    return (
      <div ref={ref} className="banner readonly" role="status" data-testid="zone-readonly">
        {t('readOnly')}
      </div>
    );
  }
  // The last save is news only in the zone editor; elsewhere a quiet map is better.
  if (workspace !== 'zones' || zoneSave.kind === 'loading') return null;
  return (
    <div ref={ref} className="banner saved" role="status" data-testid="zone-save-status">
      {zoneSave.kind === 'saved' ? `${t('savedAt')} ${new Date(zoneSave.at).toLocaleTimeString('zh-CN')}` : t('savePending')}
      {persistence === 'granted' ? ` · ${t('persistGranted')}` : persistence === 'denied' ? ` · ${t('persistDenied')}` : ''}
    </div>
  );
}
