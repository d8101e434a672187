import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from 'vite';
import { loadBoundariesFile } from '../../src/cli/load-boundaries-file.ts';
import { geodesicArea } from '../../src/core/geodesic-area.ts';
import { launchChromium, startPreview, waitForMap } from '../helpers/browser.ts';

let browser: Browser;
let server: PreviewServer;
let url: string;
let page: Page;
const offOrigin: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  ({ server, url } = await startPreview());
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  page = await context.newPage();
  const origin = new URL(url).origin;
  page.on('request', (request) => {
    const target = request.url();
    if (!target.startsWith('data:') && !target.startsWith('blob:') && new URL(target).origin !== origin) offOrigin.push(target);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  page.on('response', (response) => {
    if (response.status() >= 400) consoleErrors.push(`HTTP ${response.status()} ${response.url()}`);
  });
  await page.goto(url);
  await waitForMap(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the offline map', () => {
  it('renders all 13 cities of Heilongjiang, then their names from local fonts', async () => {
    const cities = await page.evaluate(() => window.hljAirMap!.controller.renderedCityAdcodes());
    expect(cities).toHaveLength(13);
    expect(cities).toContain('230100');
    expect(cities).toContain('232700');
    await expect.poll(() => page.evaluate(() => window.hljAirMap!.controller.deckLayerIds()), { timeout: 30000 }).toContain('city-labels');
  });

  it('shows name, city, adcode and geodesic area of a clicked county, as text', async () => {
    const huma = loadBoundariesFile().counties.features.find((f) => f.properties.adcode === '232721')!;
    const expectedArea = (geodesicArea(huma.geometry) / 1e6).toLocaleString('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const point = await page.evaluate(
      ([lon, lat]) => window.hljAirMap!.controller.project(lon!, lat!),
      [huma.properties.labelLon, huma.properties.labelLat],
    );
    const canvas = await page.locator('.maplibregl-canvas').boundingBox();
    await page.mouse.click(canvas!.x + point.x, canvas!.y + point.y);
    const panel = page.getByTestId('county-panel');
    await expect.poll(() => panel.locator('[data-field="name"]').textContent()).toBe('呼玛县');
    expect(await panel.locator('[data-field="city"]').textContent()).toBe('大兴安岭地区');
    expect(await panel.locator('[data-field="adcode"]').textContent()).toBe('232721');
    expect(await panel.locator('[data-field="area"]').textContent()).toBe(`${expectedArea} km²`);
  });

  it('reads the pointer position in decimal degrees, DMS and Gauss-Krüger', async () => {
    const canvas = await page.locator('.maplibregl-canvas').boundingBox();
    await page.mouse.move(canvas!.x + canvas!.width / 2, canvas!.y + canvas!.height / 2);
    const readout = page.getByTestId('pointer-readout');
    await expect.poll(() => readout.locator('[data-field="dms"]').textContent()).toMatch(/^\d+°\d\d'\d\d\.\d\d"E \d+°\d\d'\d\d\.\d\d"N$/);
    expect(await readout.locator('[data-field="gauss-kruger"]').textContent()).toMatch(/^X \d{7}\.\d\d Y 4\d{7}\.\d\d \(4\d · EPSG:45\d\d\)$/);
  });

  it('keeps the view in the URL hash', async () => {
    expect(await page.evaluate(() => window.location.hash)).toMatch(/^#[\d.]+\/[\d.]+\/[\d.]+$/);
  });

  it('switches the interface to English and back', async () => {
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('Heilongjiang Air Plan Map');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('.layer-panel h2').textContent()).toBe('Layers');
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/map-en.png' });
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('黑龙江空气质量行动地图');
  });

  it('hides a layer from the layer panel', async () => {
    const citiesBefore = await page.evaluate(() => window.hljAirMap!.controller.renderedCityAdcodes().length);
    expect(citiesBefore).toBe(13);
    await page.locator('[data-layer="counties"] input[type="checkbox"]').uncheck();
    await expect.poll(() => page.evaluate(() => window.hljAirMap!.controller.renderedCityAdcodes().length)).toBe(0);
    await page.locator('[data-layer="counties"] input[type="checkbox"]').check();
    await expect.poll(() => page.evaluate(() => window.hljAirMap!.controller.renderedCityAdcodes().length)).toBe(13);
  });

  it('saves a screenshot, made no request off its origin and logged no console error', async () => {
    await page.screenshot({ path: 'test-results/map.png' });
    expect(offOrigin).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
