import { lazy, Suspense, useEffect, useState } from 'react';
import { WORKSPACES } from '../state/workbench-slice.ts';
import { useAppStore } from '../state/store.ts';
import { CountyCard } from './CountyCard.tsx';
import { DataSourcesDialog } from './DataSourcesDialog.tsx';
import { FirePointCard } from './FirePointCard.tsx';
import { usePunctuation, useRender, useT } from './i18n.ts';
import { LayerPanel } from './LayerPanel.tsx';
import { MapView } from './MapView.tsx';
import { PointerReadout } from './PointerReadout.tsx';
import { SaveBanner } from './SaveBanner.tsx';
import { SettingsDialog } from './SettingsDialog.tsx';
import { StorageDialog } from './StorageDialog.tsx';
import { PHONE_QUERY, useMediaQuery } from './use-media-query.ts';
import { WORKSPACE_TITLES, WorkspacePanel } from './WorkspacePanel.tsx';

// Printing shows only the EIA report; it loads with the EIA workspace.
const EiaReport = lazy(() => import('./EiaReport.tsx').then((module) => ({ default: module.EiaReport })));

/** The header: the app's name, the workspaces, and the data, storage, settings and language buttons; on a phone, one line with a menu. */
function Topbar({ phone }: { phone: boolean }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const workspace = useAppStore((s) => s.workspace);
  const { setLanguage, openDialog, openWorkspace } = useAppStore.getState();
  const [menuOpen, setMenuOpen] = useState(false);
  const choose = (action: () => void) => () => {
    setMenuOpen(false);
    action();
  };
  const workspaceButtons = WORKSPACES.map((key) => (
    <button key={key} type="button" className="workspace-tab" aria-pressed={workspace === key} onClick={choose(() => openWorkspace(workspace === key ? null : key))} data-testid={`${key}-toggle`}>
      {t(WORKSPACE_TITLES[key])}
    </button>
  ));
  const tools = (
    <>
      <button type="button" onClick={choose(() => openDialog('data-sources'))} data-testid="data-sources-open">
        {t('dataSources')}
      </button>
      <button type="button" onClick={choose(() => openDialog('storage'))} data-testid="storage-open">
        {t('storage')}
      </button>
      <button type="button" onClick={choose(() => openDialog('settings'))} data-testid="settings-open">
        {t('settings')}
      </button>
    </>
  );
  const languageSwitch = (
    <button type="button" onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')} aria-label={t('switchLanguageLabel')} lang={language === 'zh' ? 'en' : 'zh'} data-testid="language-switch">
      {t('switchLanguage')}
    </button>
  );
  if (phone) {
    return (
      <header className="topbar phone">
        <button type="button" className="menu-button" aria-expanded={menuOpen} aria-label={t('menu')} onClick={() => setMenuOpen(!menuOpen)} data-testid="menu-button">
          ☰
        </button>
        <h1>{t('appTitleShort')}</h1>
        {languageSwitch}
        {menuOpen && (
          <nav className="menu" aria-label={t('menu')} data-testid="menu">
            {workspaceButtons}
            {tools}
          </nav>
        )}
      </header>
    );
  }
  return (
    <header className="topbar">
      <h1>
        {t('appTitle')}{' '}
        <small>
          <span lang="zh-CN" data-quote="policy">
            黑政发〔2023〕19号
          </span>{' '}
          {t('appSubtitle')}
        </small>
      </h1>
      <nav className="workspace-tabs" aria-label={t('workspaces')}>
        {workspaceButtons}
      </nav>
      <div className="tools">
        {tools}
        {languageSwitch}
      </div>
    </header>
  );
}

/** The workbench: one workspace at a time beside the map (a bottom sheet on a phone), the layer panel and cards over it. */
export function App() {
  const t = useT();
  const render = useRender();
  const p = usePunctuation();
  const language = useAppStore((s) => s.language);
  const status = useAppStore((s) => s.boundaries);
  const decodeError = useAppStore((s) => s.decodeError);
  const dialog = useAppStore((s) => s.dialog);
  const workspace = useAppStore((s) => s.workspace);
  const phone = useMediaQuery(PHONE_QUERY);

  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    document.title = t('appTitle');
  }, [language, t]);

  return (
    <>
      <div className={`app ${phone ? 'phone' : 'desktop'}`} data-workspace={workspace ?? 'none'}>
        <Topbar phone={phone} />
        <div
          className="workbench"
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            // A dropped file goes to the open zone editor as an import to confirm, to the boiler audit as its inventory,
            // or else to the fire workspace. Nothing already loaded is touched until it succeeds.
            e.preventDefault();
            const file = e.dataTransfer.files[0];
            if (!file) return;
            const state = useAppStore.getState();
            if (state.workspace === 'zones') void state.readZoneImport(file, file.name);
            else if (state.workspace === 'boilers') void state.loadBoilerInventory(file, file.name);
            else {
              state.openWorkspace('fires');
              void state.importFires(file);
            }
          }}
        >
          {!phone && workspace && <WorkspacePanel workspace={workspace} phone={false} />}
          <MapView>
            {status.kind === 'ready' && <LayerPanel summary={status.summary} />}
            <div className="map-cards">
              <SaveBanner />
              <CountyCard />
              <FirePointCard />
            </div>
            {status.kind === 'loading' && <p className="map-status">{t('loading')}</p>}
            {status.kind === 'failed' && (
              <p className="map-status warning" role="alert">
                {t('loadFailed')}{p.colon}{render(status.message)}
              </p>
            )}
            {decodeError !== null && (
              <p className="map-status warning" role="alert" data-testid="decode-error">
                {t('decodeFailed')}{p.colon}{render(decodeError)}
              </p>
            )}
            {phone && workspace && <WorkspacePanel workspace={workspace} phone />}
          </MapView>
        </div>
        {!phone && (
          <footer className="statusbar">
            <PointerReadout />
          </footer>
        )}
        {dialog === 'settings' && <SettingsDialog />}
        {dialog === 'data-sources' && <DataSourcesDialog />}
        {dialog === 'storage' && <StorageDialog />}
      </div>
      {/* Outside .app: printing hides the app and shows only the report. */}
      {workspace === 'eia' && (
        <Suspense fallback={null}>
          <EiaReport />
        </Suspense>
      )}
    </>
  );
}
