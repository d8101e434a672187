/**
 * Entry: start the boundary worker first (fetch, decode, tile), then load the UI bundle, so the
 * worker's work overlaps with downloading and evaluating React, maplibre and deck.gl.
 */
import { loadBoundaries } from './workers/boundary-client.ts';

void loadBoundaries().catch(() => {}); // failures are shown by the UI, which awaits the same promise
void import('./ui/mount.tsx');
