import { lazy, Suspense, useState } from 'react';
import type { WorkspaceKey } from '../state/workbench-slice.ts';
import { useAppStore } from '../state/store.ts';
import { useT, type MessageKey } from './i18n.ts';
import { useMapOverlay } from './map-overlays.tsx';

// Each workspace loads when first opened, keeping it off the start-up path.
const DRAWERS = {
  fires: lazy(() => import('./FireDrawer.tsx').then((module) => ({ default: module.FireDrawer }))),
  eia: lazy(() => import('./EiaDrawer.tsx').then((module) => ({ default: module.EiaDrawer }))),
  boilers: lazy(() => import('./BoilerDrawer.tsx').then((module) => ({ default: module.BoilerDrawer }))),
  zones: lazy(() => import('./ZoneDrawer.tsx').then((module) => ({ default: module.ZoneDrawer }))),
} satisfies Record<WorkspaceKey, unknown>;

/** The title of each workspace, in the header and on its panel. */
export const WORKSPACE_TITLES: Record<WorkspaceKey, MessageKey> = { fires: 'fires', eia: 'eia', boilers: 'boilers', zones: 'zones' };

/** How much of the phone's screen the sheet takes. */
type SheetHeight = 'peek' | 'half' | 'full';

/**
 * The open workspace: a column beside the map on a desktop (it can be folded to a strip), a bottom sheet over the map
 * on a phone (folded to its header, half the screen, or most of it). Switching workspaces keeps each one's state: it
 * lives in the store.
 */
export function WorkspacePanel({ workspace, phone }: { workspace: WorkspaceKey; phone: boolean }) {
  const t = useT();
  const collapsed = useAppStore((s) => s.panelCollapsed);
  const { setPanelCollapsed, openWorkspace } = useAppStore.getState();
  const [height, setHeight] = useState<SheetHeight>('half');
  // On a phone the sheet lies over the map: the map keeps what it shows above it.
  const sheet = useMapOverlay<HTMLElement>('bottom');
  const Drawer = DRAWERS[workspace];
  const title = t(WORKSPACE_TITLES[workspace]);
  const shownHeight: SheetHeight = collapsed ? 'peek' : height;
  const cycle = () => {
    if (collapsed) return setPanelCollapsed(false);
    setHeight(height === 'half' ? 'full' : 'half');
  };
  return (
    <aside
      ref={phone ? sheet : undefined}
      className={`workspace-panel ${phone ? `sheet sheet-${shownHeight}` : collapsed ? 'collapsed' : ''}`}
      aria-label={title}
      data-testid="workspace-panel"
      data-workspace={workspace}
    >
      <header className="panel-header">
        {phone && (
          <button type="button" className="sheet-handle" aria-label={t('sheetResize')} onClick={cycle} data-testid="sheet-handle">
            <span aria-hidden="true" />
          </button>
        )}
        <h2>{title}</h2>
        <button
          type="button"
          className="icon"
          aria-label={collapsed ? t('expandPanel') : t('collapsePanel')}
          title={collapsed ? t('expandPanel') : t('collapsePanel')}
          aria-expanded={!collapsed}
          onClick={() => setPanelCollapsed(!collapsed)}
          data-testid="panel-collapse"
        >
          {phone ? (collapsed ? '▴' : '▾') : collapsed ? '»' : '«'}
        </button>
        <button type="button" className="icon" aria-label={t('closeWorkspace')} title={t('closeWorkspace')} onClick={() => openWorkspace(null)} data-testid="panel-close">
          ×
        </button>
      </header>
      <div className="panel-body" hidden={collapsed}>
        <Suspense fallback={<p className="note">{t('loadingWorkspace')}</p>}>
          <Drawer />
        </Suspense>
      </div>
    </aside>
  );
}
