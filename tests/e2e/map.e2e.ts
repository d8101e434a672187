import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from 'vite';
import { loadBoundariesFile } from '../../src/io/node/load-boundaries-file.ts';
import { geodesicArea } from '../../src/core/geo/geodesic-area.ts';
import { launchChromium, openApp, startPreview, type PageWatch } from '../helpers/browser.ts';

let browser: Browser;
let server: PreviewServer;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  let url: string;
  ({ server, url } = await startPreview());
  browser = await launchChromium();
  ({ page, watch } = await openApp(browser, url));
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

  it('reorders layers and changes their opacity from the layer panel', async () => {
    const order = () => page.evaluate(() => window.hljAirMap!.controller.map.getStyle().layers.map((layer) => layer.id));
    const before = await order();
    expect(before.indexOf('province-line')).toBeGreaterThan(before.indexOf('city-line'));
    await page.getByRole('button', { name: '下移: 省界', exact: true }).click();
    await expect.poll(async () => {
      const after = await order();
      return after.indexOf('province-line') < after.indexOf('city-line');
    }).toBe(true);
    await page.getByRole('button', { name: '上移: 省界', exact: true }).click();
    await page.getByRole('slider', { name: '不透明度: 区县（按市着色）' }).fill('50');
    await expect
      .poll(() => page.evaluate(() => window.hljAirMap!.controller.map.getPaintProperty('county-fill', 'fill-opacity')))
      .toBeCloseTo(0.425, 5);
    await page.getByRole('slider', { name: '不透明度: 区县（按市着色）' }).fill('100');
  });

  it('saves a screenshot, made no request off its origin and logged no console error', async () => {
    await page.screenshot({ path: 'test-results/map.png' });
    expect(watch.offOrigin).toEqual([]);
    expect(watch.errors).toEqual([]);
  });

  it('fetches basemap tiles only after the user turns a basemap on, and Tianditu only with a key', async () => {
    const tileRequests: string[] = [];
    // Answer tile requests here with an empty PNG: the test machine has no internet and needs none.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
    await page.route(/tianditu\.gov\.cn|tile\.openstreetmap\.org/, (route) => {
      tileRequests.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'image/png', body: png });
    });
    await page.getByRole('button', { name: '设置' }).click();
    const dialog = page.getByTestId('settings-dialog');
    await dialog.getByLabel('天地图矢量 + 注记').check();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('请填写天地图密钥');
    await page.waitForTimeout(500);
    expect(tileRequests).toEqual([]);
    await dialog.getByLabel('天地图密钥（tk）').fill('test-key');
    await page.waitForTimeout(300);
    expect(tileRequests).toEqual([]); // not applied until Enter or leaving the field
    await dialog.getByLabel('天地图密钥（tk）').press('Enter');
    await expect.poll(() => tileRequests.some((u) => /t\d\.tianditu\.gov\.cn\/DataServer\?T=vec_w&.*tk=test-key/.test(u))).toBe(true);
    await expect.poll(() => tileRequests.some((u) => u.includes('T=cva_w'))).toBe(true);
    await dialog.getByLabel('无（离线）').check();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await page.evaluate(() => window.hljAirMap!.controller.map.getSource('basemap'))).toBeUndefined();
  });
});
