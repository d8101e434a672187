import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summarizeBoundaries } from '../../src/core/geo/boundary-summary.ts';
import { loadBoundariesFile } from '../../src/io/node/load-boundaries-file.ts';
import { createBoundaryTiles } from '../../src/workers/boundary-tiles.ts';
import { isStaticTile, STATIC_TILE_MAX_ZOOM, staticTileRange } from '../../src/workers/tile-grid.ts';

const boundaries = loadBoundariesFile();
const provenance = JSON.parse(readFileSync('public/data/provenance.json', 'utf8')) as { files: { path: string; sha256: string; counts: Record<string, number> }[] };

describe('the first views drawn from shipped files', () => {
  it('ships every tile of zooms 0–6 over the map bounds, byte for byte what the worker serves, as provenance says', () => {
    const tiles = createBoundaryTiles(boundaries);
    const digest = createHash('sha256');
    let count = 0;
    let withData = 0;
    for (let z = 0; z <= STATIC_TILE_MAX_ZOOM; z++) {
      const range = staticTileRange(z);
      for (let x = range.x[0]; x <= range.x[1]; x++) {
        for (let y = range.y[0]; y <= range.y[1]; y++) {
          const file = `public/data/tiles/${z}/${x}/${y}.pbf`;
          expect(existsSync(file), file).toBe(true);
          const shipped = new Uint8Array(readFileSync(file));
          expect(Buffer.compare(shipped, tiles.tile(z, x, y)), file).toBe(0);
          digest.update(`${z}/${x}/${y}:`).update(shipped);
          count++;
          if (shipped.length > 0) withData++;
        }
      }
    }
    const entry = provenance.files.find((f) => f.path === 'public/data/tiles/')!;
    expect(entry.sha256).toBe(digest.digest('hex'));
    expect(entry.counts.tiles).toBe(count);
    expect(withData).toBeGreaterThan(30); // the province and its neighbours at every zoom
  });

  it('asks the worker only for tiles outside the shipped set', () => {
    expect(isStaticTile(4, 13, 5)).toBe(true);
    expect(isStaticTile(6, 0, 0)).toBe(false); // outside the map bounds: an empty tile, nothing fetched
    expect(isStaticTile(7, 109, 44)).toBe(false); // deeper than the shipped zooms: the worker's
  });

  it('ships the summary the worker would answer with', () => {
    expect(JSON.parse(readFileSync('public/data/boundary-summary.json', 'utf8'))).toEqual(summarizeBoundaries(boundaries));
  });
});
