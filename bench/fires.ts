import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeFires } from '../src/core/fires/analyze-fires.ts';
import { clusterPoints } from '../src/core/fires/cluster-points.ts';
import { createLocator } from '../src/core/geo/create-locator.ts';
import { NO_FIRE_FILTER, countFires, filterFires } from '../src/core/fires/fire-summaries.ts';
import { CONFIDENCE_CLASS } from '../src/core/fires/fire-points.ts';
import { loadBoundariesFile } from '../src/io/node/load-boundaries-file.ts';
import { readFireFile } from '../src/io/formats/read-fire-file.ts';
import { generateFires } from '../data/build/generate-fires.ts';
import { launchChromium, startPreview, waitForMap } from '../tests/helpers/browser.ts';
import { summarize, time, type Figure } from './measure.ts';

export const FIRES_1M = 'bench/.data/fires-1m.csv';

/** The seeded 1 M-row FIRMS file (generated once, about 95 MB, never committed). */
function ensureMillionRowFile(log: (line: string) => void): Uint8Array {
  if (!existsSync(FIRES_1M)) {
    log(`generating ${FIRES_1M} (1,000,000 synthetic rows, once) …`);
    mkdirSync(path.dirname(FIRES_1M), { recursive: true });
    writeFileSync(FIRES_1M, generateFires(1_000_000).csv);
  }
  return readFileSync(FIRES_1M);
}

/** Import, clustering and filtering of 1 M fire points, each beside the naive way, in Node. */
export function benchFiresCore(log: (line: string) => void): Figure[] {
  const bytes = ensureMillionRowFile(log);
  const sink = { value: undefined as unknown };

  const ours = time(() => readFireFile(bytes, 'fires-1m.csv'), 3, sink);
  // Naive: split lines and fields, Number() the coordinates; no quotes, encodings, dates or validation.
  const naive = time(() => {
    const lines = new TextDecoder().decode(bytes).split('\n');
    const out: { lat: number; lon: number }[] = [];
    for (let i = 1; i < lines.length; i++) {
      const cells = lines[i]!.split(',');
      if (cells.length > 1) out.push({ lat: Number(cells[0]), lon: Number(cells[1]) });
    }
    return out;
  }, 3, sink);
  log(`read 1 M FIRMS rows: ours ${ours.median.toFixed(0)} ms (min ${ours.min.toFixed(0)}), naive split ${naive.median.toFixed(0)} ms → ours/naive ${(ours.median / naive.median).toFixed(2)} (ours validates, dates and keeps every row's fields)`);

  const file = readFireFile(bytes, 'fires-1m.csv');
  const points = file.points;
  const sameFire = { distanceM: 1000, windowMs: 2 * 3600e3 };
  const cluster = time(() => clusterPoints(points.lon, points.lat, points.time, sameFire), 3, sink);
  // Naive: every pair, on the first 5,000 points, as points per second.
  const naiveCount = 5000;
  const naiveCluster = time(() => {
    const parent = Int32Array.from({ length: naiveCount }, (_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
    for (let i = 0; i < naiveCount; i++) {
      for (let j = i + 1; j < naiveCount; j++) {
        const dx = (points.lon[j]! - points.lon[i]!) * Math.cos((points.lat[i]! * Math.PI) / 180) * 111195;
        const dy = (points.lat[j]! - points.lat[i]!) * 111195;
        if (dx * dx + dy * dy <= 1e6 && Math.abs(points.time[i]! - points.time[j]!) <= sameFire.windowMs) parent[find(i)] = find(j);
      }
    }
    return parent;
  }, 1, sink);
  const clusterRate = (points.count / cluster.median) * 1000;
  const naiveClusterRate = (naiveCount / naiveCluster.median) * 1000;
  log(`same-fire merging (1 km, 2 h): ours ${cluster.median.toFixed(0)} ms for 1 M (${Math.round(clusterRate).toLocaleString()} points/s); naive pairs ${Math.round(naiveClusterRate).toLocaleString()} points/s on 5,000 → ${(clusterRate / naiveClusterRate).toFixed(0)}×`);

  const analysis = analyzeFires(points, createLocator(loadBoundariesFile()));
  const filter = { ...NO_FIRE_FILTER, confidenceClasses: [CONFIDENCE_CLASS.nominal, CONFIDENCE_CLASS.high], frpMin: 1 };
  const filtered = time(() => countFires(filterFires(points, analysis, filter), analysis), 7, sink);
  const objects = Array.from({ length: points.count }, (_, i) => ({ confidence: points.confidenceClass[i]!, frp: points.frp[i]!, fire: analysis.fireId[i]! }));
  const naiveFiltered = time(() => {
    const kept = objects.filter((p) => (p.confidence === CONFIDENCE_CLASS.nominal || p.confidence === CONFIDENCE_CLASS.high) && p.frp >= 1);
    return { points: kept.length, fires: new Set(kept.map((p) => p.fire)).size };
  }, 7, sink);
  log(`filter + raw/merged counts on 1 M: ours ${filtered.median.toFixed(1)} ms (target ≤ 100 ms), array of objects ${naiveFiltered.median.toFixed(1)} ms → ${(naiveFiltered.median / filtered.median).toFixed(1)}×`);

  return [
    { name: 'fires.read_1m', value: ours.median, unit: 'ms' },
    { name: 'fires.read_1m_naive_split', value: naive.median, unit: 'ms' },
    { name: 'fires.same_fire_1m', value: cluster.median, unit: 'ms' },
    { name: 'fires.same_fire_ratio_vs_pairs', value: clusterRate / naiveClusterRate, unit: 'x' },
    { name: 'fires.filter_count_1m', value: filtered.median, unit: 'ms' },
    { name: 'fires.filter_count_1m_objects', value: naiveFiltered.median, unit: 'ms' },
  ];
}

/**
 * Imports the 1 M-row file in headless Chromium through the file picker and records main-thread long
 * tasks (Long Tasks API). Baseline: reading the same file on the main thread would be one task as long
 * as `readFireFile` takes (measured in Node above).
 */
export async function benchFiresBrowser(log: (line: string) => void, mainThreadReadMs: number): Promise<Figure[]> {
  ensureMillionRowFile(log);
  const { server, url } = await startPreview();
  const browser = await launchChromium();
  try {
    const samples: { importMs: number; repaintFloor: number; longestImportTask: number; tasksOver100: number; renderMs: number; longestRenderTask: number }[] = [];
    for (let run = 0; run < 2; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(url);
      await waitForMap(page);
      await page.getByTestId('fires-toggle').click();
      // The fire layer is hidden during the import, so what is measured is the import, not drawing.
      await page.getByTestId('layers-open').click();
      await page.locator('[data-layer="fires"] input[type="checkbox"]').uncheck();
      await page.waitForTimeout(1500);
      const observe = () =>
        page.evaluate(() => {
          const tasks: number[] = [];
          (window as unknown as { longTasks: number[] }).longTasks = tasks;
          new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration))).observe({ type: 'longtask' });
        });
      const collect = () => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.slice());
      // Floor: what one repaint of the map costs on this software renderer, with no import at all.
      await observe();
      await page.evaluate(() => window.hljAirMap!.controller.map.triggerRepaint());
      await page.waitForTimeout(1000);
      const floorTasks = await collect();
      await observe();
      const start = Date.now();
      await page.getByTestId('fire-file-input').setInputFiles(path.resolve(FIRES_1M));
      await page.waitForFunction(() => document.querySelector('[data-testid="fire-summary"] [data-field="accepted"]')?.textContent === '1,000,000', null, { timeout: 300000, polling: 200 });
      const importMs = Date.now() - start;
      await page.waitForTimeout(1000);
      const importTasks = await collect();
      // Then draw the million points once (SwiftShader: says nothing about a real GPU).
      await observe();
      const renderStart = Date.now();
      await page.locator('[data-layer="fires"] input[type="checkbox"]').click({ noWaitAfter: true }); // the draw blocks the page: no state check
      // Software WebGL may take minutes for a million points: give up after 60 s and report that.
      const drawn = await page
        .waitForFunction(() => window.hljAirMap!.controller.deckLayerIds().includes('fire-points') && window.hljAirMap!.controller.map.loaded(), null, { timeout: 60000, polling: 500 })
        .then(() => true, () => false);
      const renderMs = drawn ? Date.now() - renderStart : Number.POSITIVE_INFINITY;
      const renderTasks = await collect();
      samples.push({
        importMs,
        repaintFloor: Math.max(0, ...floorTasks),
        longestImportTask: Math.max(0, ...importTasks),
        tasksOver100: importTasks.filter((d) => d > 100).length,
        renderMs,
        longestRenderTask: Math.max(0, ...renderTasks),
      });
      await context.close();
    }
    const median = (pick: (s: (typeof samples)[number]) => number) => summarize(samples.map(pick)).median;
    log(`browser import of 1 M rows (headless Chromium, SwiftShader, ${samples.length} runs, fire layer hidden while importing):`);
    log(`  ${median((s) => s.importMs).toFixed(0)} ms from choosing the file to the summary; longest main-thread task ${median((s) => s.longestImportTask).toFixed(0)} ms (goal ≤ 100 ms), tasks over 100 ms: ${samples.map((s) => s.tasksOver100).join(', ')}`);
    log(`  baseline: one repaint of the map alone is a ${median((s) => s.repaintFloor).toFixed(0)} ms task here; reading on the main thread would be a ${mainThreadReadMs.toFixed(0)} ms task`);
    log(`  then drawing 1 M points: ${Number.isFinite(median((s) => s.renderMs)) ? `${median((s) => s.renderMs).toFixed(0)} ms` : 'over 60 s'}, longest task ${median((s) => s.longestRenderTask).toFixed(0)} ms (software WebGL, SwiftShader: says nothing about a GPU)`);
    return [
      { name: 'fires.browser_import_1m', value: median((s) => s.importMs), unit: 'ms' },
      { name: 'fires.browser_longest_import_task', value: median((s) => s.longestImportTask), unit: 'ms' },
      { name: 'fires.browser_import_tasks_over_100ms', value: Math.max(...samples.map((s) => s.tasksOver100)), unit: 'count' },
      { name: 'fires.browser_repaint_floor_task', value: median((s) => s.repaintFloor), unit: 'ms' },
      { name: 'fires.main_thread_read_would_block', value: mainThreadReadMs, unit: 'ms' },
      { name: 'fires.browser_first_draw_1m_swiftshader', value: Number.isFinite(median((s) => s.renderMs)) ? median((s) => s.renderMs) : -1, unit: 'ms (-1: over 60 s)' },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
