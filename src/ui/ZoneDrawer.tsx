import { useEffect, useState } from 'react';
import ruleBook from '../../seeds/rules.json';
import { NO_BURN_CATEGORIES } from '../core/boilers/boiler.ts';
import { categoryBans, type NoBurnZone } from '../core/zones/no-burn-zone.ts';
import type { RuleBook } from '../core/rules.ts';
import type { ZoneReport } from '../core/zones/validate-zones.ts';
import { useAppStore } from '../state/store.ts';
import { selectZoneRows } from '../state/zone-selectors.ts';
import { zoneModeOf } from '../state/zones-slice.ts';
import { ZoneFiles } from './ZoneFiles.tsx';
import { ZoneInside } from './ZoneInside.tsx';
import { ZoneVersions } from './ZoneVersions.tsx';
import { problemLabel, problemText } from './zone-problem-text.ts';
import { useLanguage, usePunctuation, useRender, useT, type MessageKey } from './i18n.ts';
import { ZoneSaveStatus } from './SaveBanner.tsx';
import { Tabs } from './Tabs.tsx';
import { usePlaceNames } from './place-names.ts';

type Tab = 'zones' | 'versions' | 'files';
const TABS: [Tab, MessageKey][] = [['zones', 'zoneListTab'], ['versions', 'zoneVersionsTab'], ['files', 'zoneFilesTab']];

/** True when focus is in a text field, where letters and Delete belong to the field. */
const typing = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Keyboard shortcuts of the editor: P, R, E, Delete, Escape, Ctrl+Z, Ctrl+Y / Ctrl+Shift+Z. */
function useZoneShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const state = useAppStore.getState();
      const zoneMode = zoneModeOf(state.mapMode);
      const ctrl = event.ctrlKey || event.metaKey;
      if (ctrl && event.key.toLowerCase() === 'z' && !typing(event.target)) {
        if (zoneMode.kind === 'draw') return; // a half-drawn polygon: terra-draw owns the keys
        event.preventDefault();
        if (event.shiftKey) state.redoZones();
        else state.undoZones();
        return;
      }
      if (ctrl && event.key.toLowerCase() === 'y' && !typing(event.target)) {
        event.preventDefault();
        state.redoZones();
        return;
      }
      if (ctrl || event.altKey || typing(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'escape' && zoneMode.kind === 'edit') state.setZoneMode({ kind: 'none' });
      else if (key === 'escape' && zoneMode.kind === 'draw') setTimeout(() => useAppStore.getState().setZoneMode({ kind: 'none' }), 0);
      else if (key === 'p') state.setZoneMode({ kind: 'draw', shape: 'polygon' });
      else if (key === 'r') state.setZoneMode({ kind: 'draw', shape: 'rectangle' });
      else if (key === 'e' && state.zoneSelected) state.setZoneMode({ kind: 'edit', id: state.zoneSelected });
      else if (key === 'delete' && state.zoneSelected && zoneMode.kind !== 'draw') state.deleteZone(state.zoneSelected);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function Toolbar() {
  const t = useT();
  const mode = zoneModeOf(useAppStore((s) => s.mapMode));
  const selected = useAppStore((s) => s.zoneSelected);
  const canUndo = useAppStore((s) => s.zoneHistory.past.length > 0);
  const canRedo = useAppStore((s) => s.zoneHistory.future.length > 0);
  const editor = useAppStore((s) => s.zoneRole === 'editor');
  const snapping = useAppStore((s) => s.zoneSnapping);
  const { setZoneMode, undoZones, redoZones, deleteZone, setZoneSnapping } = useAppStore.getState();
  const drawing = (shape: 'polygon' | 'rectangle') => mode.kind === 'draw' && mode.shape === shape;
  return (
    <div className="zone-toolbar" role="toolbar" aria-label={t('zones')}>
      <button type="button" disabled={!editor} aria-pressed={drawing('polygon')} data-testid="zone-draw-polygon" onClick={() => setZoneMode(drawing('polygon') ? { kind: 'none' } : { kind: 'draw', shape: 'polygon' })}>
        {t('drawPolygon')}
      </button>
      <button type="button" disabled={!editor} aria-pressed={drawing('rectangle')} data-testid="zone-draw-rectangle" onClick={() => setZoneMode(drawing('rectangle') ? { kind: 'none' } : { kind: 'draw', shape: 'rectangle' })}>
        {t('drawRectangle')}
      </button>
      {mode.kind === 'edit' ? (
        <button type="button" aria-pressed data-testid="zone-edit-done" onClick={() => setZoneMode({ kind: 'none' })}>
          {t('finishEditing')}
        </button>
      ) : (
        <button type="button" disabled={!editor || !selected} data-testid="zone-edit" onClick={() => selected && setZoneMode({ kind: 'edit', id: selected })}>
          {t('editShape')}
        </button>
      )}
      <button type="button" disabled={!editor || !selected} data-testid="zone-delete" onClick={() => selected && deleteZone(selected)}>
        {t('deleteZone')}
      </button>
      <button type="button" disabled={!editor || !canUndo} data-testid="zone-undo" onClick={undoZones}>
        {t('undo')}
      </button>
      <button type="button" disabled={!editor || !canRedo} data-testid="zone-redo" onClick={redoZones}>
        {t('redo')}
      </button>
      <label className="checkbox">
        <input type="checkbox" checked={snapping} onChange={(e) => setZoneSnapping(e.target.checked)} /> {t('snapping')}
      </label>
      {mode.kind === 'draw' && <p className="note">{t(mode.shape === 'polygon' ? 'drawingHint' : 'rectangleHint')}</p>}
      {mode.kind === 'edit' && <p className="note">{t('editingHint')}</p>}
    </div>
  );
}

/** The selected zone's attributes form; text fields commit as they are typed (one undo step per field). */
function ZoneForm({ zone, report }: { zone: NoBurnZone; report: ZoneReport | null }) {
  const t = useT();
  const p = usePunctuation();
  const render = useRender();
  const place = usePlaceNames();
  const language = useLanguage();
  const editor = useAppStore((s) => s.zoneRole === 'editor');
  const validated = useAppStore((s) => s.zoneValidated);
  const repair = useAppStore((s) => (s.zoneRepair?.id === zone.id ? s.zoneRepair.repair : null));
  const busy = useAppStore((s) => s.zoneBusy);
  const { updateZoneAttributes, previewZoneRepair, acceptZoneRepair, dismissZoneRepair, focusZoneAt } = useAppStore.getState();
  const bans = categoryBans(ruleBook as unknown as RuleBook, zone.category);
  const origin = t(({ drawn: 'zoneOriginDrawn', imported: 'zoneOriginImported', proposed: 'zoneOriginProposed' } as const)[zone.provenance.origin]);
  return (
    <form className="zone-form" data-testid="zone-form" onSubmit={(e) => e.preventDefault()}>
      <fieldset disabled={!editor}>
        <label>
          {t('zoneName')}
          <input data-testid="zone-name" value={zone.name} onChange={(e) => updateZoneAttributes(zone.id, { name: e.target.value })} />
        </label>
        <label>
          {t('zoneCategory')}
          <select data-testid="zone-category" value={zone.category} onChange={(e) => updateZoneAttributes(zone.id, { category: e.target.value as NoBurnZone['category'] })}>
            {NO_BURN_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t('zoneCategoryOption', { category: c })}
              </option>
            ))}
          </select>
        </label>
        <p className="note" data-testid="zone-bans">
          {t('zoneBans')}
          {p.colon}
          <span lang="zh-CN" data-quote="policy">
            {bans.bans.join('、')}
          </span>
          {bans.exceptCapacityTph === null ? '' : t('zoneBansExcept', { tph: bans.exceptCapacityTph })}
          {p.period}
          {t('zoneBansSource')} <span lang="zh-CN" data-quote="policy">{bans.source}</span>
        </p>
        <label>
          {t('zoneDocument')}
          <input data-testid="zone-document" value={zone.documentNumber} placeholder={t('zoneDocumentExample')} onChange={(e) => updateZoneAttributes(zone.id, { documentNumber: e.target.value })} />
        </label>
        <label>
          {t('zoneEffective')}
          <input type="date" data-testid="zone-effective" value={zone.effectiveDate} onChange={(e) => updateZoneAttributes(zone.id, { effectiveDate: e.target.value })} />
        </label>
        <label>
          {t('zoneNotes')}
          <textarea data-testid="zone-notes" rows={2} value={zone.notes} onChange={(e) => updateZoneAttributes(zone.id, { notes: e.target.value })} />
        </label>
      </fieldset>
      <dl className="facts" data-testid="zone-facts">
        <dt>{t('zoneCity')}</dt>
        <dd data-testid="zone-city">{report?.city ? render(place(report.city)) : '—'}</dd>
        <dt>{t('zoneCounty')}</dt>
        <dd data-testid="zone-county">{report?.county ? render(place(report.county)) : '—'}</dd>
        <dt>{t('zoneArea')}</dt>
        <dd data-testid="zone-area">{report ? `${report.areaKm2.toLocaleString('zh-CN')} km²` : '…'}</dd>
        <dt>{t('zoneProvenance')}</dt>
        <dd>
          {origin}
          {zone.provenance.source ? `${p.colon}${zone.provenance.source}` : ''}
          {p.semicolon}
          {new Date(zone.provenance.createdAt).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB')}
        </dd>
      </dl>
      <h4>{t('zoneProblems')}</h4>
      {!report ? (
        <p className="note">{t('zoneValidating')}</p>
      ) : report.problems.length === 0 ? (
        <p className="note" data-testid="zone-problems-none">
          {t('zoneNoProblems')}
        </p>
      ) : (
        <>
          <ul className="problems" data-testid="zone-problems">
            {report.problems.map((p, i) => (
              <li key={i} data-kind={p.kind}>
                <button type="button" className="link" title={t('showOnMap')} onClick={() => focusZoneAt(p.where)}>
                  {render(problemText(p, validated, report, place))}
                </button>
              </li>
            ))}
          </ul>
          {editor && !repair && (
            <button type="button" disabled={busy === 'repair'} data-testid="zone-preview-repair" onClick={() => void previewZoneRepair(zone.id)}>
              {t('previewRepair')}
            </button>
          )}
        </>
      )}
      {repair && (
        <div className="repair" data-testid="zone-repair">
          <ul>
            {repair.actions.map((a, i) => (
              <li key={i}>
                {problemLabel(a.kind, language)}
              </li>
            ))}
          </ul>
          <p className="note">
            {repair.areaBeforeKm2} km² → {repair.areaAfterKm2} km²{p.period}
            {t('repairNote')}
          </p>
          <button type="button" data-testid="zone-accept-repair" onClick={acceptZoneRepair}>
            {t('acceptRepair')}
          </button>{' '}
          <button type="button" onClick={dismissZoneRepair}>
            {t('keepOriginal')}
          </button>
        </div>
      )}
      <ZoneInside zone={zone} areaKm2={report?.areaKm2 ?? null} />
    </form>
  );
}

function ZoneList() {
  const t = useT();
  const render = useRender();
  const place = usePlaceNames();
  const history = useAppStore((s) => s.zoneHistory);
  const reports = useAppStore((s) => s.zoneReports);
  const selected = useAppStore((s) => s.zoneSelected);
  const rows = selectZoneRows(history.present, reports);
  const { selectZone } = useAppStore.getState();
  if (rows.length === 0) return <p className="note">{t('noZones')}</p>;
  return (
    <table className="zone-list" data-testid="zone-list">
      <thead>
        <tr>
          <th>{t('zoneName')}</th>
          <th>{t('zoneCategory')}</th>
          <th>{t('zoneCounty')}</th>
          <th>km²</th>
          <th>{t('problemsCount')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ zone, report }) => (
          <tr key={zone.id} aria-current={zone.id === selected ? 'true' : undefined} tabIndex={0} onClick={() => selectZone(zone.id, true)} onKeyDown={(e) => e.key === 'Enter' && selectZone(zone.id, true)} data-testid="zone-row">
            <td data-user-data="">{zone.name}</td>
            <td>{zone.category}</td>
            <td>{report ? `${report.city ? render(place(report.city)) : '—'} ${report.county ? render(place(report.county)) : ''}` : '…'}</td>
            <td>{report?.areaKm2 ?? '…'}</td>
            <td className={report && report.problems.length > 0 ? 'warning' : ''}>{report ? report.problems.length : '…'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The no-burn zone editor workspace (clause 十三): draw, edit, validate, version, import and export. */
export function ZoneDrawer() {
  const t = useT();
  const [tab, setTab] = useState<Tab>('zones');
  const selectedZone = useAppStore((s) => s.zoneHistory.present.find((z) => z.id === s.zoneSelected) ?? null);
  const report = useAppStore((s) => (s.zoneSelected ? (s.zoneReports[s.zoneSelected] ?? null) : null));
  const message = useAppStore((s) => s.zoneMessage);
  const render = useRender();
  const { openZones, dismissZoneMessage } = useAppStore.getState();
  useEffect(() => void openZones(), [openZones]);
  // A file read for import (chosen or dropped on the map) waits for confirmation on the files tab.
  const pendingImport = useAppStore((s) => s.zoneImport !== null);
  useEffect(() => {
    if (pendingImport) setTab('files');
  }, [pendingImport]);
  useZoneShortcuts();

  return (
    <div className="drawer zone-drawer" data-testid="zone-drawer">
      <ZoneSaveStatus />
      <Tabs tabs={TABS} selected={tab} onSelect={setTab} />
      {message && (
        <p className={message.kind === 'error' ? 'status warning' : 'status'} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="zone-message">
          {render(message.text)}{' '}
          <button type="button" className="link" onClick={dismissZoneMessage}>
            {t('close')}
          </button>
        </p>
      )}
      {tab === 'zones' && (
        <>
          <Toolbar />
          <ZoneList />
          {selectedZone && <ZoneForm key={selectedZone.id} zone={selectedZone} report={report} />}
        </>
      )}
      {tab === 'versions' && <ZoneVersions />}
      {tab === 'files' && <ZoneFiles />}
    </div>
  );
}
