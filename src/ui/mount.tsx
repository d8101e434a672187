import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { appStore } from '../state/store.ts';
import { App } from './App.tsx';
import './app.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// Every workspace's work kept in this browser comes back (the map shows it as it arrives).
void appStore.getState().restoreWork();
// Nothing waiting to be saved is lost when the page is hidden or closed.
window.addEventListener('pagehide', () => void appStore.getState().flushWork());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') void appStore.getState().flushWork();
});
