/**
 * `npm run data:build` (third step): writes the boundary vector tiles of the first views (zooms 0–6) and the boundary
 * summary (names, English names, label points) that the app shows before its worker has decoded the boundaries. Both
 * come from public/data/boundaries.topo.json through the app's own code (the worker's tiler, summarizeBoundaries), so
 * they are the bytes the worker would serve.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBoundaries } from '../../src/core/geo/boundaries.ts';
import { summarizeBoundaries } from '../../src/core/geo/boundary-summary.ts';
import { readBoundaryTopology } from '../../src/io/node/load-boundaries-file.ts';
import { createBoundaryTiles } from '../../src/workers/boundary-tiles.ts';
import { STATIC_TILE_MAX_ZOOM, staticTileRange } from '../../src/workers/tile-grid.ts';
import { describeBytes, recordProvenance, ROOT as root } from './provenance.ts';

export const TILES_DIR = 'public/data/tiles';
export const SUMMARY_PATH = 'public/data/boundary-summary.json';

export function buildTiles(): void {
  const boundaries = decodeBoundaries(readBoundaryTopology());
  const tiles = createBoundaryTiles(boundaries);
  rmSync(path.join(root, TILES_DIR), { recursive: true, force: true });
  const digest = createHash('sha256');
  let files = 0;
  let empty = 0;
  let bytes = 0;
  for (let z = 0; z <= STATIC_TILE_MAX_ZOOM; z++) {
    const range = staticTileRange(z);
    for (let x = range.x[0]; x <= range.x[1]; x++) {
      mkdirSync(path.join(root, TILES_DIR, String(z), String(x)), { recursive: true });
      for (let y = range.y[0]; y <= range.y[1]; y++) {
        const tile = tiles.tile(z, x, y);
        writeFileSync(path.join(root, TILES_DIR, String(z), String(x), `${y}.pbf`), tile);
        digest.update(`${z}/${x}/${y}:`).update(tile);
        files++;
        bytes += tile.length;
        if (tile.length === 0) empty++;
      }
    }
  }
  const tileSha = digest.digest('hex');
  recordProvenance({
    path: `${TILES_DIR}/`,
    synthetic: false,
    description: `Mapbox Vector Tiles of every boundary layer for zooms 0–${STATIC_TILE_MAX_ZOOM} over 95–150°E, 35–60°N: the first views are drawn from them before the worker has decoded the boundaries`,
    generatedBy: 'data/build/build-tiles.ts (npm run data:build)',
    sources: [{ name: 'public/data/boundaries.topo.json', licence: 'MIT (as its source)', vintage: '2016–2017 administrative divisions', coordinateSystem: 'WGS84, tiled in Web Mercator' }],
    transforms: [
      'decoded with the app\'s decodeBoundaries, tiled with the worker\'s createBoundaryTiles (geojson-vt 5.0.3: tolerance 3, extent 4096, buffer 64; vt-pbf 3.1.3), so every tile is byte for byte what the worker serves',
      'an empty tile is an empty file; the sha256 is over every tile in z/x/y order, each prefixed with its address',
    ],
    zh: {
      description: `各边界图层在 0–${STATIC_TILE_MAX_ZOOM} 级的矢量瓦片（Mapbox Vector Tile），范围 95–150°E、35–60°N：应用在后台线程解码边界之前即可用它们绘制初始视图`,
      sources: [{ licence: 'MIT（同其来源）', vintage: '2016–2017年行政区划', coordinateSystem: 'WGS84，按 Web 墨卡托切片' }],
      transforms: [
        '用应用的 decodeBoundaries 解码，用后台线程的 createBoundaryTiles 切片（geojson-vt 5.0.3：容差 3，范围 4096，缓冲 64；vt-pbf 3.1.3），每个瓦片与后台线程提供的逐字节相同',
        '空瓦片为空文件；sha256 按 z/x/y 顺序覆盖全部瓦片，每个瓦片前加其地址',
      ],
    },
    counts: { tiles: files, emptyTiles: empty },
    bytes,
    gzipBytes: 0,
    sha256: tileSha,
  });

  const summary = `${JSON.stringify(summarizeBoundaries(boundaries))}\n`;
  writeFileSync(path.join(root, SUMMARY_PATH), summary);
  recordProvenance({
    path: SUMMARY_PATH,
    synthetic: false,
    description: 'Names, English names, adcodes and label points of Heilongjiang\'s cities and counties, and the English names of every place in the boundaries: what the map and the panels need before the worker has decoded the boundaries',
    generatedBy: 'data/build/build-tiles.ts (npm run data:build)',
    sources: [{ name: 'public/data/boundaries.topo.json', licence: 'MIT (as its source)', vintage: '2016–2017 administrative divisions', coordinateSystem: 'WGS84' }],
    transforms: ['summarizeBoundaries of the decoded boundaries (the function the worker answers with)'],
    zh: {
      description: '黑龙江省各市、区县的名称、英文名、行政区划代码和标注点，以及边界数据中每个地名的英文名：后台线程解码边界之前，地图和面板即可使用',
      sources: [{ licence: 'MIT（同其来源）', vintage: '2016–2017年行政区划', coordinateSystem: 'WGS84' }],
      transforms: ['对解码后的边界执行 summarizeBoundaries（与后台线程所用函数相同）'],
    },
    counts: { cities: boundaries.cities.features.length, counties: boundaries.counties.features.length },
    ...describeBytes(summary),
  });
  console.error(`wrote ${files} tiles (${empty} empty, ${bytes} bytes) under ${TILES_DIR} and ${SUMMARY_PATH}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) buildTiles();
