/**
 * Entry: fetch the boundary summary (names and label points, 26 KB) while the UI bundle downloads, so the map's labels
 * are ready when it first draws. The first views' tiles are shipped files; the analysis worker decodes the full
 * boundaries once the map is drawn, or sooner when something needs them (see gatedAnalysis in state/map-slice.ts).
 */
import { appStore } from './state/store.ts';

performance.mark('hlj:entry');
void appStore.getState().loadBoundaries(); // failures are shown by the UI, which reads the same status
void import('./ui/mount.tsx');
