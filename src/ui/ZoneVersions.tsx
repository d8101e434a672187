import { useMemo, useState } from 'react';
import { diffZones } from '../core/zones/diff-zones.ts';
import type { ZoneField } from '../core/zones/diff-zones.ts';
import { useAppStore } from '../state/store.ts';
import { useT } from './i18n.ts';

/** Named versions of the zones: save, compare with the current zones (added, removed, changed), restore. */
export function ZoneVersions() {
  const t = useT();
  const versions = useAppStore((s) => s.zoneVersions);
  const view = useAppStore((s) => s.zoneVersionView);
  const current = useAppStore((s) => s.zoneHistory.present);
  // From the version to the zones now: it follows every edit made while the comparison is open.
  const diff = useMemo(() => (view ? diffZones(view.zones, current) : null), [view, current]);
  const editor = useAppStore((s) => s.zoneRole === 'editor');
  const busy = useAppStore((s) => s.zoneBusy === 'version');
  const { saveZoneVersion, viewZoneVersion, restoreZoneVersion } = useAppStore.getState();
  const [name, setName] = useState('');
  const language = useAppStore((s) => s.language);
  const fieldNames: Record<ZoneField, { zh: string; en: string }> = {
    geometry: { zh: '形状', en: 'shape' },
    name: { zh: '名称', en: 'name' },
    category: { zh: '类别', en: 'category' },
    documentNumber: { zh: '文号', en: 'document no.' },
    effectiveDate: { zh: '生效日期', en: 'effective date' },
    notes: { zh: '备注', en: 'notes' },
  };
  return (
    <div className="zone-versions" data-testid="zone-versions">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void saveZoneVersion(name).then(() => setName(''));
        }}
      >
        <label>
          {t('versionName')}
          <input data-testid="zone-version-name" value={name} placeholder="如 2026年征求意见稿" onChange={(e) => setName(e.target.value)} />
        </label>{' '}
        <button type="submit" disabled={busy} data-testid="zone-version-save">
          {t('saveVersion')}
        </button>
      </form>
      {versions.length === 0 ? (
        <p className="note">{t('noVersions')}</p>
      ) : (
        <ul className="version-list" data-testid="zone-version-list">
          {versions.map((v) => (
            <li key={v.id}>
              <strong>{v.name}</strong> <span className="note">{new Date(v.createdAt).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB')}，{language === 'zh' ? `${v.zoneCount} 个区域` : `${v.zoneCount} zones`}</span>{' '}
              <button type="button" onClick={() => void viewZoneVersion(view?.summary.id === v.id ? null : v.id)}>
                {t('compare')}
              </button>{' '}
              <button type="button" disabled={!editor || busy} onClick={() => void restoreZoneVersion(v.id)}>
                {t('restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="note">{t('restoreNote')}</p>
      {view && diff && (
        <div className="version-diff" data-testid="zone-version-diff">
          <h4>
            「{view.summary.name}」→ {language === 'zh' ? '当前' : 'current'}
          </h4>
          <p>
            {t('diffAdded')} <strong data-testid="diff-added">{diff!.added.length}</strong>，{t('diffRemoved')} <strong data-testid="diff-removed">{diff!.removed.length}</strong>，
            {t('diffChanged')} <strong data-testid="diff-changed">{diff!.changed.length}</strong>，{t('diffUnchanged')} {diff!.unchanged}
          </p>
          <ul>
            {diff!.added.map((z) => (
              <li key={`a${z.id}`}>+ {z.name}</li>
            ))}
            {diff!.removed.map((z) => (
              <li key={`r${z.id}`}>− {z.name}</li>
            ))}
            {diff!.changed.map((c) => (
              <li key={`c${c.after.id}`}>
                ~ {c.after.name}：{c.fields.map((f) => fieldNames[f][language]).join(language === 'zh' ? '、' : ', ')}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
