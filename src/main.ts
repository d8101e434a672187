/**
 * Entry: start the analysis worker fetching, decoding and tiling the boundaries, then load the UI bundle, so the
 * worker's work overlaps with downloading and evaluating React, maplibre and deck.gl.
 */
import { appStore } from './state/store.ts';

performance.mark('hlj:entry');
void appStore.getState().loadBoundaries(); // failures are shown by the UI, which reads the same status
void import('./ui/mount.tsx');
