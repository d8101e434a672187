import { useStore } from 'zustand';
import { createAppStore, type AppState } from './app-store.ts';
import { browserPorts } from './browser-ports.ts';

/** The app's one store, over the browser's worker and storage; settings persist in this browser's localStorage. */
export const appStore = createAppStore(browserPorts(), { settingsStorage: globalThis.localStorage });

/**
 * React hook over {@link appStore}; `useAppStore.getState()` and `useAppStore.setState()` work outside React too.
 *
 * @example
 * const language = useAppStore((s) => s.language);
 */
export const useAppStore = Object.assign(<T>(selector: (state: AppState) => T): T => useStore(appStore, selector), {
  getState: appStore.getState,
  setState: appStore.setState,
  subscribe: appStore.subscribe,
});
