import type { Text } from '../core/text/text.ts';
import type { SaveStatus } from '../io/persistence/autosaver.ts';
import { useAppStore } from '../state/store.ts';
import { usePunctuation, useRender, useT } from './i18n.ts';
import { useMapOverlay } from './map-overlays.tsx';

/**
 * The storage alerts, over the map so they stay up whichever workspace is open: 未保存 with the reasons and a retry
 * button while writes fail (the work stays in memory and saving is retried), and 只读 in a second tab of the zone
 * editor. The zone editor's last save is a quiet line in its own panel (ZoneSaveStatus).
 */
export function SaveBanner() {
  const t = useT();
  const render = useRender();
  const p = usePunctuation();
  const zoneSave = useAppStore((s) => s.zoneSave);
  const role = useAppStore((s) => s.zoneRole);
  const kept = useAppStore((s) => s.keptStatus);
  const ref = useMapOverlay<HTMLDivElement>('right');
  const failed: { label: Text | string; status: Extract<SaveStatus, { kind: 'failed' }> }[] = [
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
        {quota ? `${p.open}${t('unsavedQuota')}${p.close}` : ''}
        {p.colon}
        {t('unsavedDetail')}{' '}
        <span className="note" data-testid="unsaved-items">
          {failed.map((f) => `${render(f.label)}${p.colon}${render(f.status.message)}`).join(p.semicolon)}
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
  return null;
}

/** The zone editor's last save and the browser's answer on persistent storage, at the top of the editor. */
export function ZoneSaveStatus() {
  const t = useT();
  const zoneSave = useAppStore((s) => s.zoneSave);
  const persistence = useAppStore((s) => s.zonePersistence);
  if (zoneSave.kind !== 'saved' && zoneSave.kind !== 'pending') return null;
  return (
    <p className="note save-status" role="status" data-testid="zone-save-status">
      {zoneSave.kind === 'saved' ? `${t('savedAt')} ${new Date(zoneSave.at).toLocaleTimeString('zh-CN')}` : t('savePending')}
      {persistence === 'granted' ? ` · ${t('persistGranted')}` : persistence === 'denied' ? ` · ${t('persistDenied')}` : ''}
    </p>
  );
}
