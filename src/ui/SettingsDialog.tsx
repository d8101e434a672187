import { BASEMAP_TITLES, type BasemapKind } from '../map/basemaps.ts';
import { useAppStore } from '../state/store.ts';
import { Dialog } from './Dialog.tsx';
import { useLocalized, useT } from './i18n.ts';

const KINDS = Object.keys(BASEMAP_TITLES) as BasemapKind[];

/** Opt-in online basemaps; the Tianditu key is the user's own and stays in this browser. */
export function SettingsDialog() {
  const t = useT();
  const localized = useLocalized();
  const basemap = useAppStore((s) => s.basemap);
  const setBasemap = useAppStore((s) => s.setBasemap);
  const applyKey = (tiandituKey: string) => {
    if (tiandituKey !== basemap.tiandituKey) setBasemap({ ...basemap, tiandituKey });
  };
  const needsKey = basemap.kind.startsWith('tianditu') && basemap.tiandituKey.trim() === '';
  return (
    <Dialog title={t('settings')} testId="settings-dialog">
      <fieldset>
        <legend>{t('basemap')}</legend>
        <p className="note">{t('basemapNote')}</p>
        {KINDS.map((kind) => (
          <label key={kind} className="radio">
            <input type="radio" name="basemap" value={kind} checked={basemap.kind === kind} onChange={() => setBasemap({ ...basemap, kind })} />
            {localized(BASEMAP_TITLES[kind])}
          </label>
        ))}
        <label className="field">
          <span>{t('tiandituKey')}</span>
          {/* Applied on Enter or when leaving the field, so half-typed keys never reach the tile server. */}
          <input
            type="text"
            autoComplete="off"
            spellCheck={false}
            defaultValue={basemap.tiandituKey}
            onBlur={(e) => applyKey(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') applyKey(e.currentTarget.value);
            }}
          />
        </label>
        <p className="note">{t('tiandituKeyNote')}</p>
        {needsKey && (
          <p className="warning" role="alert">
            {t('tiandituKeyMissing')}
          </p>
        )}
      </fieldset>
    </Dialog>
  );
}
