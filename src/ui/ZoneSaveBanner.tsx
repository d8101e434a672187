import { useAppStore } from '../state/store.ts';
import { useT } from './i18n.ts';

/**
 * The zone editor's storage state, outside the drawer so it stays up while the drawer is closed: 未保存 with the
 * reason and a retry button while writes fail, 只读 in a second tab, and the persistent-storage answer.
 */
export function ZoneSaveBanner() {
  const t = useT();
  const save = useAppStore((s) => s.zoneSave);
  const role = useAppStore((s) => s.zoneRole);
  const persistence = useAppStore((s) => s.zonePersistence);
  const { retryZoneSave } = useAppStore.getState();
  if (save.kind === 'loading') return null;
  if (save.kind === 'failed') {
    return (
      <div className="banner unsaved" role="alert" data-testid="zone-unsaved">
        <strong>{t('unsaved')}</strong>
        {save.quota ? `（${t('unsavedQuota')}）` : ''}：{t('unsavedDetail')} <span className="note">{save.message}</span>{' '}
        <button type="button" onClick={retryZoneSave} data-testid="zone-retry-save">
          {t('retryNow')}
        </button>
      </div>
    );
  }
  if (save.kind === 'conflict') {
    return (
      <div className="banner unsaved" role="alert" data-testid="zone-conflict">
        {t('conflict')}
      </div>
    );
  }
  if (role === 'reader') {
    return (
      <div className="banner readonly" role="status" data-testid="zone-readonly">
        {t('readOnly')}
      </div>
    );
  }
  return (
    <div className="banner saved" role="status" data-testid="zone-save-status">
      {save.kind === 'pending' ? t('savePending') : `${t('savedAt')} ${new Date(save.at).toLocaleTimeString('zh-CN')}`}
      {persistence === 'granted' ? ` · ${t('persistGranted')}` : persistence === 'denied' ? ` · ${t('persistDenied')}` : ''}
    </div>
  );
}
