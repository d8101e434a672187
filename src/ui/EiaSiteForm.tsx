import { useEffect, useState } from 'react';
import { gaussKrugerEpsgCodes } from '../io/formats/parse-site-location.ts';
import { EMPTY_SITE_FORM, type SiteForm } from '../state/eia-slice.ts';
import { useAppStore } from '../state/store.ts';
import { epsgOptionText } from './epsg-option.ts';
import { FilePicker } from './FilePicker.tsx';
import { usePunctuation, useRender, useT, type MessageKey } from './i18n.ts';

const SYSTEMS: [SiteForm['system'], MessageKey][] = [
  ['wgs84', 'systemWgs84'],
  ['gcj02', 'systemGcj02'],
  ['bd09', 'systemBd09'],
  ['gauss-kruger', 'systemGk'],
];
const EPSG_CODES = gaussKrugerEpsgCodes();

/** Where the site is: typed coordinates in any supported form, a map click, a drawn outline or an uploaded one. */
export function EiaSiteForm() {
  const t = useT();
  const render = useRender();
  const p = usePunctuation();
  const [form, setForm] = useState<SiteForm>(() => useAppStore.getState().eiaCheck?.source.kind === 'typed' ? (useAppStore.getState().eiaCheck!.source as { form: SiteForm }).form : EMPTY_SITE_FORM);
  const mapMode = useAppStore((s) => s.mapMode.kind);
  const mode = mapMode === 'eia-pick' ? 'pick' : mapMode === 'eia-draw' ? 'draw' : 'none';
  const draft = useAppStore((s) => s.eiaDraft);
  const downwind = useAppStore((s) => s.eiaDownwind);
  const { checkTypedSite, undoDraftVertex, finishDraft, loadSiteOutline, setDownwind } = useAppStore.getState();
  /** Picking or drawing the site takes the map's clicks; 'none' gives them back. A new drawing starts empty. */
  const setEiaMode = (next: 'none' | 'pick' | 'draw') => {
    useAppStore.setState({ eiaDraft: [] });
    useAppStore.getState().setMapMode(next === 'pick' ? { kind: 'eia-pick' } : next === 'draw' ? { kind: 'eia-draw' } : { kind: 'browse' });
  };
  const change = (patch: Partial<SiteForm>) => setForm({ ...form, ...patch });

  // Keyboard while picking or drawing on the map: Enter finishes, Backspace removes a corner, Esc cancels.
  useEffect(() => {
    if (mode === 'none') return;
    const onKey = (event: KeyboardEvent) => {
      // Keys typed into a field are the field's; Enter and Backspace on a button are the button's.
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, select, textarea')) return;
      if (event.key === 'Escape') setEiaMode('none');
      else if (target?.closest('button')) return;
      else if (mode === 'draw' && event.key === 'Enter') void finishDraft();
      else if (mode === 'draw' && event.key === 'Backspace') {
        event.preventDefault();
        undoDraftVertex();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mode, finishDraft, undoDraftVertex]);

  const isGk = form.system === 'gauss-kruger';
  return (
    <div className="eia-site-form">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void checkTypedSite(form);
        }}
        data-testid="eia-site-form"
      >
        <label>
          {t('coordinateSystem')}
          <select value={form.system} onChange={(e) => change({ system: e.target.value as SiteForm['system'] })} data-testid="eia-system">
            {SYSTEMS.map(([value, label]) => (
              <option key={value} value={value}>
                {t(label)}
              </option>
            ))}
          </select>
        </label>
        {!isGk && (
          <label className="inline">
            <input type="checkbox" checked={form.pair} onChange={(e) => change({ pair: e.target.checked })} />
            {t('onePairField')}
          </label>
        )}
        {!isGk && form.pair && (
          <label>
            {t('coordinatePair')}
            <input value={form.text} onChange={(e) => change({ text: e.target.value })} data-testid="eia-pair" autoComplete="off" spellCheck={false} />
          </label>
        )}
        {!isGk && !form.pair && (
          <div className="row">
            <label>
              {t('longitude')}
              <input value={form.lon} onChange={(e) => change({ lon: e.target.value })} data-testid="eia-lon" autoComplete="off" />
            </label>
            <label>
              {t('latitude')}
              <input value={form.lat} onChange={(e) => change({ lat: e.target.value })} data-testid="eia-lat" autoComplete="off" />
            </label>
          </div>
        )}
        {isGk && (
          <>
            <div className="row">
              <label>
                {t('gkX')}
                <input value={form.x} onChange={(e) => change({ x: e.target.value })} data-testid="eia-x" inputMode="decimal" autoComplete="off" />
              </label>
              <label>
                {t('gkY')}
                <input value={form.y} onChange={(e) => change({ y: e.target.value })} data-testid="eia-y" inputMode="decimal" autoComplete="off" />
              </label>
            </div>
            <label>
              {t('epsgPick')}
              <select value={form.epsg} onChange={(e) => change({ epsg: e.target.value })} data-testid="eia-epsg">
                <option value="">{t('epsgFromPrefix')}</option>
                {EPSG_CODES.map((code) => (
                  <option key={code.epsg} value={code.epsg}>
                    {render(epsgOptionText(code))}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <button type="submit" className="primary" data-testid="eia-check">
          {t('check')}
        </button>
      </form>

      <div className="row">
        <button type="button" aria-pressed={mode === 'pick'} onClick={() => setEiaMode(mode === 'pick' ? 'none' : 'pick')} data-testid="eia-pick">
          {t('pickOnMap')}
        </button>
        <button type="button" aria-pressed={mode === 'draw'} onClick={() => setEiaMode(mode === 'draw' ? 'none' : 'draw')} data-testid="eia-draw">
          {t('drawSite')}
        </button>
      </div>
      {mode === 'pick' && <p className="note" role="status">{t('pickHint')}</p>}
      {mode === 'draw' && (
        <div className="row" role="status">
          <span className="note">
            {t('drawHint')}
            {p.open}
            {draft.length}
            {p.close}
          </span>
          <button type="button" onClick={() => void finishDraft()} disabled={draft.length < 3} data-testid="eia-finish-draw">
            {t('finishDrawing')}
          </button>
          <button type="button" onClick={undoDraftVertex} disabled={draft.length === 0}>
            {t('undoVertex')}
          </button>
          <button type="button" onClick={() => setEiaMode('none')}>
            {t('cancel')}
          </button>
        </div>
      )}
      <FilePicker label={t('uploadOutline')} accept=".geojson,.json,.kml,.kmz,.zip" testId="eia-outline-file" onFile={(file) => void loadSiteOutline(file)} />

      <fieldset className="downwind">
        <legend>
          <label className="inline">
            <input type="checkbox" checked={downwind.enabled} onChange={(e) => void setDownwind({ enabled: e.target.checked })} data-testid="eia-downwind" />
            {t('elevatedSource')}
          </label>
        </legend>
        {downwind.enabled && (
          <div className="grid-2">
            <NumberField label={t('stackHeight')} value={downwind.stackHeightM} onCommit={(v) => void setDownwind({ stackHeightM: v })} optional />
            <NumberField label={t('windFrom')} value={downwind.windFrom} min={0} max={360} onCommit={(v) => void setDownwind({ windFrom: v ?? 0 })} testId="eia-wind-from" />
            <NumberField label={t('sectorLength')} value={downwind.lengthKm} min={1} max={200} onCommit={(v) => void setDownwind({ lengthKm: v ?? 30 })} testId="eia-sector-km" />
            <NumberField label={t('sectorHalfAngle')} value={downwind.halfAngle} min={1} max={90} onCommit={(v) => void setDownwind({ halfAngle: v ?? 22.5 })} />
          </div>
        )}
      </fieldset>
    </div>
  );
}

/** A number input that applies its value on Enter or when it loses focus; out-of-range values are clamped. */
function NumberField(props: { label: string; value: number | null; min?: number; max?: number; optional?: boolean; testId?: string; onCommit: (value: number | null) => void }) {
  const [text, setText] = useState(props.value === null ? '' : String(props.value));
  useEffect(() => setText(props.value === null ? '' : String(props.value)), [props.value]);
  const commit = () => {
    if (text.trim() === '' && props.optional) return props.onCommit(null);
    const value = Number(text);
    if (!Number.isFinite(value)) return setText(props.value === null ? '' : String(props.value));
    props.onCommit(Math.min(props.max ?? Infinity, Math.max(props.min ?? -Infinity, value)));
  };
  return (
    <label>
      {props.label}
      <input
        value={text}
        inputMode="decimal"
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
        data-testid={props.testId}
      />
    </label>
  );
}
