import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { loadBoundariesFile } from '../src/io/node/load-boundaries-file.ts';
import { launchChromium, startPreview, waitForMap } from '../tests/helpers/browser.ts';
import { summarize, type Figure } from './measure.ts';

const DIST = 'dist';
const NAIVE_DIR = 'bench-naive';
const COLD_START_TARGET_MS = 2000;
const INITIAL_JS_TARGET_KB = 500;
const DATA_TARGET_KB = 2048;

const gzipKb = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

/** JavaScript the first page load fetches: the entry module and its modulepreloads, read from dist/index.html. */
function initialScripts(): string[] {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map((m) => m[1]!);
  return [...new Set(refs)].map((ref) => path.join(DIST, ref.replace(/^\.\//, '')));
}

/**
 * The naive way, for comparison: the same boundaries as plain GeoJSON files loaded by URL into a bare
 * maplibre page, written into dist/bench-naive/ (build output, never committed).
 */
function writeNaivePage(): { dataKb: number } {
  const dir = path.join(DIST, NAIVE_DIR);
  mkdirSync(dir, { recursive: true });
  copyFileSync('node_modules/maplibre-gl/dist/maplibre-gl.js', path.join(dir, 'maplibre-gl.js'));
  copyFileSync('node_modules/maplibre-gl/dist/maplibre-gl.css', path.join(dir, 'maplibre-gl.css'));
  const boundaries = loadBoundariesFile();
  const round = (_key: string, value: unknown) => (typeof value === 'number' ? Math.round(value * 1e6) / 1e6 : value);
  let dataKb = 0;
  for (const name of ['russia', 'neighbourCities', 'counties', 'cities', 'province'] as const) {
    const file = path.join(dir, `${name}.geojson`);
    writeFileSync(file, JSON.stringify(boundaries[name], round));
    dataKb += gzipKb(file);
  }
  writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="maplibre-gl.css">
<style>html,body,#map{margin:0;height:100%}</style></head><body><div id="map"></div>
<script src="maplibre-gl.js"></script><script>
const map = new maplibregl.Map({ container: 'map', bounds: [[121.1, 43.4], [135.1, 53.6]],
  style: { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#e9eef1' } }] } });
map.on('load', () => {
  for (const name of ['russia', 'neighbourCities', 'counties', 'cities', 'province']) {
    map.addSource(name, { type: 'geojson', data: name + '.geojson' });
    if (name !== 'cities' && name !== 'province') map.addLayer({ id: name + '-fill', type: 'fill', source: name, paint: { 'fill-color': '#ccc' } });
    map.addLayer({ id: name + '-line', type: 'line', source: name, paint: { 'line-color': '#555' } });
  }
  map.once('idle', () => { window.naiveReadyAt = performance.now(); });
});
</script></body></html>`,
  );
  // The floor: the same bare page with no data at all, i.e. what maplibre alone costs on this renderer.
  writeFileSync(
    path.join(dir, 'bare.html'),
    `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="maplibre-gl.css">
<style>html,body,#map{margin:0;height:100%}</style></head><body><div id="map"></div>
<script src="maplibre-gl.js"></script><script>
const map = new maplibregl.Map({ container: 'map', bounds: [[121.1, 43.4], [135.1, 53.6]],
  style: { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#e9eef1' } }] } });
map.once('idle', () => { window.naiveReadyAt = performance.now(); });
</script></body></html>`,
  );
  return { dataKb };
}

interface ColdStart {
  readyMs: number;
  /** Paths (under dist/) of the JavaScript files fetched before the map was ready. */
  scriptsBeforeReady: string[];
}

async function coldStarts(browser: Browser, url: string, runs: number, readyAt: (page: Page) => Promise<number>): Promise<ColdStart[]> {
  const samples: ColdStart[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } }); // empty cache every run
    const page = await context.newPage();
    await page.goto(url);
    const readyMs = await readyAt(page);
    const scriptsBeforeReady = await page.evaluate(
      (ready) =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => entry.name.endsWith('.js') && entry.startTime < ready)
          .map((entry) => new URL(entry.name).pathname),
      readyMs,
    );
    samples.push({ readyMs, scriptsBeforeReady });
    await context.close();
  }
  return samples;
}

/** Cold start to an interactive map, initial JavaScript and default data, each beside the naive way or its target. */
export async function benchStartup(log: (line: string) => void): Promise<Figure[]> {
  const naive = writeNaivePage();
  const entryScripts = initialScripts();
  const entryJsKb = entryScripts.reduce((sum, file) => sum + gzipKb(file), 0);
  const dataKb = gzipKb(path.join(DIST, 'data/boundaries.topo.json'));

  const { server, url } = await startPreview();
  const browser = await launchChromium();
  try {
    const runs = 5;
    const oursRuns = await coldStarts(browser, url, runs, async (page) => {
      await waitForMap(page);
      return page.evaluate(() => window.hljAirMap!.readyAt!);
    });
    const ours = summarize(oursRuns.map((run) => run.readyMs));
    const naiveStart = summarize(
      (
        await coldStarts(browser, `${url}${NAIVE_DIR}/index.html`, runs, async (page) => {
          await page.waitForFunction(() => (window as unknown as { naiveReadyAt?: number }).naiveReadyAt, null, { timeout: 60000, polling: 50 });
          return page.evaluate(() => (window as unknown as { naiveReadyAt: number }).naiveReadyAt);
        })
      ).map((run) => run.readyMs),
    );
    const bare = summarize(
      (
        await coldStarts(browser, `${url}${NAIVE_DIR}/bare.html`, runs, async (page) => {
          await page.waitForFunction(() => (window as unknown as { naiveReadyAt?: number }).naiveReadyAt, null, { timeout: 60000, polling: 50 });
          return page.evaluate(() => (window as unknown as { naiveReadyAt: number }).naiveReadyAt);
        })
      ).map((run) => run.readyMs),
    );
    // Everything fetched before the map was ready counts, lazy chunks and the worker included.
    const scripts = [...new Set(oursRuns.flatMap((run) => run.scriptsBeforeReady))].map((pathname) => path.join(DIST, pathname));
    const initialJsKb = scripts.reduce((sum, file) => sum + gzipKb(file), 0);
    log(`cold start to interactive map (headless Chromium, SwiftShader, ${runs} runs, empty cache):`);
    log(`  ours   min ${ours.min.toFixed(0)} ms, median ${ours.median.toFixed(0)} ms (target ≤ ${COLD_START_TARGET_MS} ms: ${(ours.median / COLD_START_TARGET_MS).toFixed(2)} of it)`);
    log(`  naive  min ${naiveStart.min.toFixed(0)} ms, median ${naiveStart.median.toFixed(0)} ms (plain GeoJSON by URL, bare maplibre, no labels or UI) → ours/naive ${(ours.median / naiveStart.median).toFixed(2)}`);
    log(`  floor  min ${bare.min.toFixed(0)} ms, median ${bare.median.toFixed(0)} ms (bare maplibre page, no data: what this renderer costs before any data)`);
    log(`JS fetched before the map was ready, gzipped: ${initialJsKb.toFixed(0)} KB in ${scripts.length} file(s) (target ≤ ${INITIAL_JS_TARGET_KB} KB: ${(initialJsKb / INITIAL_JS_TARGET_KB).toFixed(2)} of it); entry alone ${entryJsKb.toFixed(1)} KB`);
    log(`default data gzipped: ${dataKb.toFixed(0)} KB TopoJSON vs ${naive.dataKb.toFixed(0)} KB as GeoJSON → ${(naive.dataKb / dataKb).toFixed(2)}× smaller (target ≤ ${DATA_TARGET_KB} KB)`);
    return [
      { name: 'startup.cold_start_median', value: ours.median, unit: 'ms' },
      { name: 'startup.cold_start_min', value: ours.min, unit: 'ms' },
      { name: 'startup.naive_geojson_cold_start_median', value: naiveStart.median, unit: 'ms' },
      { name: 'startup.ratio_vs_naive', value: ours.median / naiveStart.median, unit: 'x' },
      { name: 'startup.bare_maplibre_floor_median', value: bare.median, unit: 'ms' },
      { name: 'startup.initial_js_gzip', value: initialJsKb, unit: 'KB' },
      { name: 'startup.entry_js_gzip', value: entryJsKb, unit: 'KB' },
      { name: 'startup.default_data_gzip', value: dataKb, unit: 'KB' },
      { name: 'startup.naive_geojson_data_gzip', value: naive.dataKb, unit: 'KB' },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
