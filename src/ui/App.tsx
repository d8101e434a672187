import { lazy, Suspense, useEffect, useState } from 'react';
import { useAppStore } from '../state/store.ts';
import { CountyPanel } from './CountyPanel.tsx';
import { DataSourcesDialog } from './DataSourcesDialog.tsx';
import { FirePointDetails } from './FirePointDetails.tsx';
import { useT } from './i18n.ts';
import { LayerPanel } from './LayerPanel.tsx';
import { MapView } from './MapView.tsx';
import { PointerReadout } from './PointerReadout.tsx';
import { SettingsDialog } from './SettingsDialog.tsx';
import { ZoneSaveBanner } from './ZoneSaveBanner.tsx';

// The fire workspace loads when first opened, keeping it off the start-up path.
const FireDrawer = lazy(() => import('./FireDrawer.tsx').then((module) => ({ default: module.FireDrawer })));
const EiaDrawer = lazy(() => import('./EiaDrawer.tsx').then((module) => ({ default: module.EiaDrawer })));
const BoilerDrawer = lazy(() => import('./BoilerDrawer.tsx').then((module) => ({ default: module.BoilerDrawer })));
const ZoneDrawer = lazy(() => import('./ZoneDrawer.tsx').then((module) => ({ default: module.ZoneDrawer })));
const EiaReport = lazy(() => import('./EiaReport.tsx').then((module) => ({ default: module.EiaReport })));

export function App() {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const status = useAppStore((s) => s.boundaries);
  const dialog = useAppStore((s) => s.dialog);
  const { setLanguage, openDialog, importFires } = useAppStore.getState();
  const [firesOpen, setFiresOpen] = useState(false);
  const [eiaOpen, setEiaOpen] = useState(false);
  const [boilersOpen, setBoilersOpen] = useState(false);
  const [zonesOpen, setZonesOpen] = useState(false);

  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    document.title = t('appTitle');
  }, [language, t]);

  return (
    <>
    <div className="app">
      <header className="topbar">
        <h1>
          {t('appTitle')} <small>{t('appSubtitle')}</small>
        </h1>
        <nav>
          <button type="button" aria-pressed={firesOpen} onClick={() => setFiresOpen(!firesOpen)} data-testid="fires-toggle">
            {t('fires')}
          </button>
          <button type="button" aria-pressed={eiaOpen} onClick={() => setEiaOpen(!eiaOpen)} data-testid="eia-toggle">
            {t('eia')}
          </button>
          <button type="button" aria-pressed={boilersOpen} onClick={() => setBoilersOpen(!boilersOpen)} data-testid="boilers-toggle">
            {t('boilers')}
          </button>
          <button type="button" aria-pressed={zonesOpen} onClick={() => setZonesOpen(!zonesOpen)} data-testid="zones-toggle">
            {t('zones')}
          </button>
          <button type="button" onClick={() => openDialog('data-sources')}>
            {t('dataSources')}
          </button>
          <button type="button" onClick={() => openDialog('settings')}>
            {t('settings')}
          </button>
          <button type="button" onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')} aria-label={t('switchLanguageLabel')} data-testid="language-switch">
            {t('switchLanguage')}
          </button>
        </nav>
      </header>
      <main
        className="workspace"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          // A dropped file goes to the open zone editor as an import to confirm; otherwise it opens the fire workspace
          // and imports. Nothing already loaded is touched until it succeeds.
          e.preventDefault();
          const file = e.dataTransfer.files[0];
          if (!file) return;
          if (zonesOpen) {
            void useAppStore.getState().readZoneImport(file, file.name);
            return;
          }
          setFiresOpen(true);
          void importFires(file);
        }}
      >
        <MapView />
        {status.kind === 'ready' && (
          <>
            <aside className="sidebar">
              <LayerPanel summary={status.summary} />
            </aside>
            <div className="right-column">
              <CountyPanel />
              <FirePointDetails />
              {eiaOpen && (
                <Suspense fallback={null}>
                  <EiaDrawer />
                </Suspense>
              )}
              <ZoneSaveBanner />
              {zonesOpen && (
                <Suspense fallback={null}>
                  <ZoneDrawer />
                </Suspense>
              )}
              {boilersOpen && (
                <Suspense fallback={null}>
                  <BoilerDrawer />
                </Suspense>
              )}
              {firesOpen && (
                <Suspense fallback={null}>
                  <FireDrawer />
                </Suspense>
              )}
            </div>
          </>
        )}
        {status.kind === 'loading' && <p className="status">{t('loading')}</p>}
        {status.kind === 'failed' && (
          <p className="status warning" role="alert">
            {t('loadFailed')}: {status.message}
          </p>
        )}
      </main>
      <footer className="statusbar">
        <PointerReadout />
      </footer>
      {dialog === 'settings' && <SettingsDialog />}
      {dialog === 'data-sources' && <DataSourcesDialog />}
    </div>
    {/* Outside .app: printing hides the app and shows only the report. */}
    {eiaOpen && (
      <Suspense fallback={null}>
        <EiaReport />
      </Suspense>
    )}
    </>
  );
}
