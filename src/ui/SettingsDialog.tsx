import type { BasemapKind } from '../state/settings-slice.ts';
import { useAppStore } from '../state/store.ts';
import { Dialog } from './Dialog.tsx';
import { useT, type MessageKey } from './i18n.ts';

const BASEMAPS: [BasemapKind, MessageKey][] = [
  ['none', 'basemapNone'],
  ['tianditu-vector', 'basemapTiandituVector'],
  ['tianditu-imagery', 'basemapTiandituImagery'],
  ['osm', 'basemapOsm'],
];

/** Opt-in online basemaps; the Tianditu key is the user's own and stays in this browser. */
export function SettingsDialog() {
  const t = useT();
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
        {BASEMAPS.map(([kind, label]) => (
          <label key={kind} className="radio">
            <input type="radio" name="basemap" value={kind} checked={basemap.kind === kind} onChange={() => setBasemap({ ...basemap, kind })} />
            {t(label)}
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
