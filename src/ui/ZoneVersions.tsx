import { useMemo, useState } from 'react';
import { diffZones } from '../core/zones/diff-zones.ts';
import type { ZoneField } from '../core/zones/diff-zones.ts';
import { useAppStore } from '../state/store.ts';
import { useLanguage, usePunctuation, useT, type MessageKey } from './i18n.ts';

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
  const language = useLanguage();
  const p = usePunctuation();
  const fieldNames: Record<ZoneField, MessageKey> = {
    geometry: 'zoneFieldShape',
    name: 'zoneName',
    category: 'zoneCategory',
    documentNumber: 'zoneDocument',
    effectiveDate: 'zoneEffective',
    notes: 'zoneNotes',
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
          <input data-testid="zone-version-name" value={name} placeholder={t('versionNameExample')} onChange={(e) => setName(e.target.value)} />
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
              <strong data-user-data="">{v.name}</strong> <span className="note">{new Date(v.createdAt).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB')}
                {p.comma}
                {t('storedZoneCount', { n: v.zoneCount })}</span>{' '}
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
            {p.quoteOpen}
            <span data-user-data="">{view.summary.name}</span>
            {p.quoteClose} → {t('diffCurrent')}
          </h4>
          <p>
            {t('diffAdded')} <strong data-testid="diff-added">{diff!.added.length}</strong>
            {p.comma}
            {t('diffRemoved')} <strong data-testid="diff-removed">{diff!.removed.length}</strong>
            {p.comma}
            {t('diffChanged')} <strong data-testid="diff-changed">{diff!.changed.length}</strong>
            {p.comma}
            {t('diffUnchanged')} {diff!.unchanged}
          </p>
          <ul>
            {diff!.added.map((z) => (
              <li key={`a${z.id}`} data-user-data="">+ {z.name}</li>
            ))}
            {diff!.removed.map((z) => (
              <li key={`r${z.id}`} data-user-data="">− {z.name}</li>
            ))}
            {diff!.changed.map((c) => (
              <li key={`c${c.after.id}`}>
                ~ <span data-user-data="">{c.after.name}</span>
                {p.colon}
                {c.fields.map((f) => t(fieldNames[f])).join(p.list)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
