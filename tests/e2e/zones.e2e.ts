import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from 'vite';
import { launchChromium, openApp, startPreview, waitForMap } from '../helpers/browser.ts';

let browser: Browser;
let server: PreviewServer;
let page: Page;
let url: string;

/** A quiet stretch of 阿城区/宾县 countryside: no county line within the snapping distance at zoom 13. */
const CENTER: [number, number] = [127.3, 45.55];
const ZOOM = 13;

beforeAll(async () => {
  ({ server, url } = await startPreview());
  browser = await launchChromium();
  ({ page } = await openApp(browser, url, { viewport: { width: 1400, height: 900 }, acceptDownloads: true }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const drawer = (p: Page = page) => p.getByTestId('zone-drawer');
const tab = (name: RegExp, p: Page = page) => drawer(p).getByRole('tab', { name });
const rows = (p: Page = page) => drawer(p).getByTestId('zone-list').locator('tbody tr');
const rowCount = async (p: Page = page) => ((await drawer(p).getByTestId('zone-list').count()) === 0 ? 0 : rows(p).count());

async function openZones(p: Page = page): Promise<void> {
  // The workspace stays open across a reload (the workbench remembers it): only open it when it is not.
  if ((await p.getByTestId('zone-drawer').count()) === 0) await p.getByTestId('zones-toggle').click();
  await expect.poll(async () => (await p.getByTestId('zone-save-status').count()) + (await p.getByTestId('zone-readonly').count()), { timeout: 30000 }).toBeGreaterThan(0);
}

/** Centres the map on the test area and returns page coordinates of a point `dx`, `dy` pixels from the centre. */
async function viewTestArea(p: Page = page): Promise<void> {
  await p.evaluate(([lon, lat, zoom]) => window.hljAirMap!.controller.map.jumpTo({ center: [lon!, lat!], zoom: zoom! }), [...CENTER, ZOOM]);
  await p.waitForFunction(() => !window.hljAirMap!.controller.map.isMoving());
}

async function pagePoint(dx: number, dy: number, p: Page = page): Promise<{ x: number; y: number; lon: number; lat: number }> {
  const box = (await p.locator('.maplibregl-canvas').boundingBox())!;
  const centre = await p.evaluate(([lon, lat]) => window.hljAirMap!.controller.project(lon!, lat!), CENTER);
  const [x, y] = [centre.x + dx, centre.y + dy];
  const lngLat = await p.evaluate(([px, py]) => window.hljAirMap!.controller.map.unproject([px!, py!]), [x, y]);
  expect(await p.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.classList.contains('maplibregl-canvas'), [box.x + x, box.y + y])).toBe(true);
  return { x: box.x + x, y: box.y + y, lon: lngLat.lng, lat: lngLat.lat };
}

/** Draws a polygon by clicking its corners (pixel offsets from the centre) and then the first corner again. */
async function drawPolygon(corners: [number, number][], p: Page = page): Promise<void> {
  await drawer(p).getByTestId('zone-draw-polygon').click();
  for (const [dx, dy] of [...corners, corners[0]!]) {
    const point = await pagePoint(dx, dy, p);
    await p.mouse.move(point.x, point.y, { steps: 2 });
    await p.mouse.click(point.x, point.y);
    await p.waitForTimeout(60);
  }
}

async function saved(p: Page = page): Promise<void> {
  await expect.poll(async () => (await p.getByTestId('zone-save-status').textContent()) ?? '', { timeout: 10000 }).toMatch(/已保存/);
}

async function exportGeoJson(): Promise<{ features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: number[][][] } }[] }> {
  await tab(/导入导出/).click();
  const [download] = await Promise.all([page.waitForEvent('download'), drawer().getByTestId('zone-export-geojson').click()]);
  const parsed = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  await tab(/^区域$/).click();
  return parsed;
}

describe('no-burn zone editor', () => {
  it('draws a zone by clicks, fills its attributes, and has both back after a reload', async () => {
    await openZones();
    await viewTestArea();
    await drawer().getByRole('checkbox').uncheck(); // exact clicked positions; snapping has its own test
    const corners: [number, number][] = [[-260, -100], [-60, -100], [-60, 100], [-260, 100]];
    const expectedCorners = await Promise.all(corners.map(([dx, dy]) => pagePoint(dx, dy)));
    await drawPolygon(corners);
    await expect.poll(() => rowCount()).toBe(1);
    const form = drawer().getByTestId('zone-form');
    expect(await form.getByTestId('zone-name').inputValue()).toBe('禁燃区 1');
    await form.getByTestId('zone-name').fill('阿城示范禁燃区');
    await form.getByTestId('zone-category').selectOption('Ⅱ');
    await form.getByTestId('zone-document').fill('哈政规〔2024〕3号');
    await form.getByTestId('zone-effective').fill('2024-03-01');
    await form.getByTestId('zone-notes').fill('<b>不是HTML</b>');
    expect(await form.getByTestId('zone-bans').textContent()).toContain('煤炭及其制品');
    await expect.poll(async () => (await form.getByTestId('zone-county').textContent()) ?? '').not.toBe('—');
    const county = await form.getByTestId('zone-county').textContent();
    const area = await form.getByTestId('zone-area').textContent();
    await saved();

    const exported = await exportGeoJson();
    const ring = exported.features[0]!.geometry.coordinates[0]!;
    expect(ring).toHaveLength(5);
    // terra-draw may start the ring at any corner and wind either way: compare as a set, to 1e-9°.
    for (const corner of expectedCorners) expect(ring.some(([lon, lat]) => Math.abs(lon! - corner.lon) < 1e-9 && Math.abs(lat! - corner.lat) < 1e-9)).toBe(true);

    await page.reload();
    await waitForMap(page);
    await openZones();
    await expect.poll(() => rowCount()).toBe(1);
    await rows().first().click();
    await viewTestArea(); // a row click moves the map to its zone: back to the test view
    const again = drawer().getByTestId('zone-form');
    expect(await again.getByTestId('zone-name').inputValue()).toBe('阿城示范禁燃区');
    expect(await again.getByTestId('zone-category').inputValue()).toBe('Ⅱ');
    expect(await again.getByTestId('zone-document').inputValue()).toBe('哈政规〔2024〕3号');
    expect(await again.getByTestId('zone-effective').inputValue()).toBe('2024-03-01');
    expect(await again.getByTestId('zone-notes').inputValue()).toBe('<b>不是HTML</b>');
    await expect.poll(async () => again.getByTestId('zone-county').textContent()).toBe(county);
    expect(await again.getByTestId('zone-area').textContent()).toBe(area);
    const reloaded = await exportGeoJson();
    expect(reloaded.features[0]!.geometry.coordinates).toEqual(exported.features[0]!.geometry.coordinates);
  });

  it('snaps a corner to the corner of another zone within 12 px', async () => {
    await viewTestArea();
    await drawer().getByRole('checkbox').check();
    const before = await exportGeoJson();
    const first = before.features[0]!.geometry.coordinates[0]!;
    // The top-right corner of the first zone is at (-60, -100); click 5 px beside it.
    await drawPolygon([[-55, -96], [140, -100], [140, 100], [-60 + 4, 100 - 3]]);
    await expect.poll(() => rowCount()).toBe(2);
    await saved();
    const after = await exportGeoJson();
    const second = after.features.find((f) => f.properties.name === '禁燃区 2')!.geometry.coordinates[0]!;
    const shared = second.filter(([lon, lat]) => first.some(([x, y]) => x === lon && y === lat));
    // Both clicked-near corners landed exactly on the first zone's corners.
    expect(new Set(shared.map((p) => p.join(','))).size).toBe(2);
  });

  it('undoes and redoes a drawing and typing from the keyboard, one step each', async () => {
    await drawer().getByTestId('zone-list').click(); // focus off any field
    await page.keyboard.press('Control+z');
    await expect.poll(() => rowCount()).toBe(1);
    await page.keyboard.press('Control+y');
    await expect.poll(() => rowCount()).toBe(2);
    await rows().nth(1).click();
    await viewTestArea(); // a row click moves the map to its zone: back to the test view
    const name = drawer().getByTestId('zone-form').getByTestId('zone-name');
    await name.fill('临时名称');
    await name.press('End');
    await name.pressSequentially('一二三');
    await drawer().getByTestId('zone-list').click();
    expect(await rows().nth(1).locator('td').first().textContent()).toBe('临时名称一二三');
    await page.keyboard.press('Control+z'); // all the typing in one field is one step
    await expect.poll(async () => rows().nth(1).locator('td').first().textContent()).toBe('禁燃区 2');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => rows().nth(1).locator('td').first().textContent()).toBe('临时名称一二三');
    await drawer().getByTestId('zone-undo').click();
    await expect.poll(async () => rows().nth(1).locator('td').first().textContent()).toBe('禁燃区 2');
    await saved();
  });

  it('moves a corner by dragging; the drag is one undo step and undo restores the exact coordinates', async () => {
    await viewTestArea();
    await rows().first().click();
    await viewTestArea(); // a row click moves the map to its zone: back to the test view
    const before = (await exportGeoJson()).features.find((f) => f.properties.name === '阿城示范禁燃区')!.geometry.coordinates;
    await rows().first().click();
    await viewTestArea(); // a row click moves the map to its zone: back to the test view
    await drawer().getByTestId('zone-edit').click();
    const corner = await pagePoint(-260, 100);
    await page.mouse.move(corner.x, corner.y);
    await page.mouse.down();
    await page.mouse.move(corner.x - 30, corner.y + 30, { steps: 8 });
    await page.mouse.up();
    await saved();
    const moved = (await exportGeoJson()).features.find((f) => f.properties.name === '阿城示范禁燃区')!.geometry.coordinates;
    expect(moved).not.toEqual(before);
    expect(moved[0]).toHaveLength(5);
    await drawer().getByTestId('zone-undo').click();
    await saved();
    const restored = (await exportGeoJson()).features.find((f) => f.properties.name === '阿城示范禁燃区')!.geometry.coordinates;
    expect(restored).toEqual(before);
    await drawer().getByTestId('zone-edit-done').click();
  });

  it('shows 未保存 while IndexedDB refuses writes (quota set to 1 byte over CDP), keeps the drawing, and saves it once space returns', async () => {
    // A fresh context: Chromium applies a quota override to storage first opened after it.
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    const other = await context.newPage();
    const cdp = await context.newCDPSession(other);
    const origin = new URL(url).origin;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
    await other.goto(url);
    await waitForMap(other);
    await other.getByTestId('zones-toggle').click();
    await viewTestArea(other);
    await drawPolygon([[-100, -100], [100, -100], [100, 100], [-100, 100]], other);
    await expect.poll(() => rowCount(other)).toBe(1);
    await expect.poll(async () => other.getByTestId('zone-unsaved').count(), { timeout: 15000 }).toBe(1);
    expect(await other.getByTestId('zone-unsaved').textContent()).toMatch(/未保存（存储空间不足）/);
    // The banner stays through the automatic retries, and the zone stays in memory.
    await other.waitForTimeout(3500);
    expect(await other.getByTestId('zone-unsaved').count()).toBe(1);
    expect(await rowCount(other)).toBe(1);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await other.getByTestId('zone-retry-save').click();
    await saved(other);
    await other.reload();
    await waitForMap(other);
    await openZones(other);
    await expect.poll(() => rowCount(other)).toBe(1);
    expect(await rows(other).first().locator('td').first().textContent()).toBe('禁燃区 1');
    await context.close();
  });

  it('imports a file with a bow-tie: marks the crossing, previews a repair and applies it only when accepted; a broken file changes nothing', async () => {
    await viewTestArea();
    const [a, b, c, d] = await Promise.all([pagePoint(-200, 150), pagePoint(0, 150), pagePoint(-200, 300), pagePoint(0, 300)]);
    const bowTie = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { 名称: '蝴蝶结', 类别: '第Ⅰ类' }, geometry: { type: 'Polygon', coordinates: [[[a!.lon, a!.lat], [d!.lon, d!.lat], [b!.lon, b!.lat], [c!.lon, c!.lat], [a!.lon, a!.lat]]] } },
        { type: 'Feature', properties: { 名称: '一个点' }, geometry: { type: 'Point', coordinates: [a!.lon, a!.lat] } },
      ],
    };
    const before = await rowCount();
    await tab(/导入导出/).click();
    await drawer().getByTestId('zone-import-file').setInputFiles({ name: '损坏.geojson', mimeType: 'application/geo+json', buffer: Buffer.from('{"type":"FeatureCollection","features":[') });
    await expect.poll(async () => (await drawer().getByTestId('zone-message').textContent()) ?? '').toContain('损坏.geojson');
    await drawer().getByTestId('zone-import-file').setInputFiles({ name: '蝴蝶结.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(bowTie)) });
    await expect.poll(async () => drawer().getByTestId('zone-import-pending').count()).toBe(1);
    expect(await drawer().getByTestId('zone-import-rejected').textContent()).toContain('第 2 项');
    await drawer().getByTestId('zone-import-confirm').click();
    await tab(/^区域$/).click();
    expect(await rowCount()).toBe(before + 1);
    await rows().last().click();
    await viewTestArea(); // a row click moves the map to its zone: back to the test view
    const form = drawer().getByTestId('zone-form');
    expect(await form.getByTestId('zone-category').inputValue()).toBe('Ⅰ');
    await expect.poll(async () => (await form.getByTestId('zone-problems').count()) > 0, { timeout: 15000 }).toBe(true);
    expect(await form.getByTestId('zone-problems').textContent()).toContain('边界自相交');
    expect(await page.evaluate(() => window.hljAirMap!.controller.deckLayerIds())).toContain('zone-problems');
    const original = (await exportGeoJson()).features.find((f) => f.properties.name === '蝴蝶结')!.geometry;
    await rows().last().click();
    await viewTestArea(); // a row click moves the map to its zone: back to the test view
    await form.getByTestId('zone-preview-repair').click();
    await expect.poll(async () => form.getByTestId('zone-repair').count()).toBe(1);
    expect(await page.evaluate(() => window.hljAirMap!.controller.deckLayerIds())).toContain('zone-repair');
    // Previewing changed nothing.
    expect((await exportGeoJson()).features.find((f) => f.properties.name === '蝴蝶结')!.geometry).toEqual(original);
    await rows().last().click();
    await viewTestArea(); // a row click moves the map to its zone: back to the test view
    await form.getByTestId('zone-accept-repair').click();
    await expect.poll(async () => form.getByTestId('zone-problems-none').count(), { timeout: 15000 }).toBe(1);
    const repaired = (await exportGeoJson()).features.find((f) => f.properties.name === '蝴蝶结')!.geometry;
    expect(repaired.type).toBe('MultiPolygon');
    await saved();
  });

  it('saves a named version, shows what changed since, and restores it (keeping the replaced zones as a version)', async () => {
    await tab(/版本/).click();
    await drawer().getByTestId('zone-version-name').fill('征求意见稿');
    await drawer().getByTestId('zone-version-save').click();
    await expect.poll(async () => (await drawer().getByTestId('zone-version-list').textContent()) ?? '').toContain('征求意见稿');
    await tab(/^区域$/).click();
    await rows().first().click();
    await viewTestArea(); // a row click moves the map to its zone: back to the test view
    await drawer().getByTestId('zone-form').getByTestId('zone-name').fill('阿城示范禁燃区（修订）');
    await rows().last().click();
    await viewTestArea(); // a row click moves the map to its zone: back to the test view
    await drawer().getByTestId('zone-delete').click();
    await tab(/版本/).click();
    await drawer().getByTestId('zone-version-list').locator('li').filter({ hasText: '征求意见稿' }).getByRole('button', { name: '与当前对比' }).click();
    const diff = drawer().getByTestId('zone-version-diff');
    await expect.poll(async () => diff.count()).toBe(1);
    expect(await diff.getByTestId('diff-added').textContent()).toBe('0');
    expect(await diff.getByTestId('diff-removed').textContent()).toBe('1');
    expect(await diff.getByTestId('diff-changed').textContent()).toBe('1');
    expect(await diff.textContent()).toContain('~ 阿城示范禁燃区（修订）：名称');
    await drawer().getByTestId('zone-version-list').locator('li').filter({ hasText: '征求意见稿' }).getByRole('button', { name: '恢复此版本' }).click();
    await expect.poll(async () => (await drawer().getByTestId('zone-version-list').textContent()) ?? '').toContain('恢复「征求意见稿」之前自动保存');
    await tab(/^区域$/).click();
    await expect.poll(async () => rows().first().locator('td').first().textContent()).toBe('阿城示范禁燃区');
    expect(await rowCount()).toBe(3);
    await saved();
  });

  it('proposes a draft zone from the sample heating coverage clipped to a city', async () => {
    await tab(/导入导出/).click();
    await drawer().getByTestId('zone-load-sample-coverage').click();
    await expect.poll(async () => (await drawer().getByTestId('zone-propose').textContent()) ?? '', { timeout: 30000 }).toContain('合成数据');
    await drawer().getByTestId('zone-propose-region').selectOption('city:哈尔滨市');
    await drawer().getByTestId('zone-propose-run').click();
    await tab(/^区域$/).click();
    await expect.poll(() => rowCount(), { timeout: 30000 }).toBe(4);
    expect(await rows().last().locator('td').first().textContent()).toBe('哈尔滨市集中供热覆盖区（草案）');
    await rows().last().click();
    await viewTestArea(); // a row click moves the map to its zone: back to the test view
    await expect.poll(async () => (await drawer().getByTestId('zone-form').getByTestId('zone-city').textContent()) ?? '').toBe('哈尔滨市');
    expect(await drawer().getByTestId('zone-form').textContent()).toContain('由覆盖范围生成');
    await saved();
  });

  it('makes a second tab read-only, keeps it in step with the editing tab, and hands over editing when that tab closes', async () => {
    const second = await page.context().newPage();
    await second.goto(url);
    await waitForMap(second);
    await openZones(second);
    await expect.poll(async () => second.getByTestId('zone-readonly').count(), { timeout: 30000 }).toBe(1);
    expect(await drawer(second).getByTestId('zone-draw-polygon').isDisabled()).toBe(true);
    await expect.poll(() => rowCount(second)).toBe(await rowCount());
    await rows().first().click();
    await viewTestArea(); // a row click moves the map to its zone: back to the test view
    await drawer().getByTestId('zone-form').getByTestId('zone-name').fill('第一个标签页改的名');
    await saved();
    await expect.poll(async () => rows(second).first().locator('td').first().textContent(), { timeout: 10000 }).toBe('第一个标签页改的名');
    await page.close();
    page = second;
    await expect.poll(async () => page.getByTestId('zone-readonly').count(), { timeout: 15000 }).toBe(0);
    expect(await drawer().getByTestId('zone-draw-polygon').isDisabled()).toBe(false);
    expect(await rows().first().locator('td').first().textContent()).toBe('第一个标签页改的名');
  });

  it('draws a rectangle with two clicks, and deletes the selected zone with the Delete key', async () => {
    await viewTestArea();
    const before = await rowCount();
    await drawer().getByTestId('zone-draw-rectangle').click();
    for (const [dx, dy] of [[-150, 180], [-40, 260]] as const) {
      const point = await pagePoint(dx, dy);
      await page.mouse.move(point.x, point.y, { steps: 3 });
      await page.mouse.click(point.x, point.y);
      await page.waitForTimeout(60);
    }
    await expect.poll(() => rowCount()).toBe(before + 1);
    const name = (await rows().last().locator('td').first().textContent())!;
    const rectangle = (await exportGeoJson()).features.find((f) => f.properties.name === name)!.geometry.coordinates[0]!;
    expect(rectangle).toHaveLength(5);
    expect(new Set(rectangle.map(([lon]) => lon)).size).toBe(2);
    expect(new Set(rectangle.map(([, lat]) => lat)).size).toBe(2);
    await rows().last().click();
    await viewTestArea(); // a row click moves the map to its zone: back to the test view
    await drawer().getByRole('columnheader').first().click(); // focus out of the form fields
    await page.keyboard.press('Delete');
    await expect.poll(() => rowCount()).toBe(before);
    await saved();
  });

  it('counts what lies inside a zone as the core does, and hands the zones to the boiler audit', async () => {
    const { readBoilersTable } = await import('../../src/io/formats/read-boilers-table.ts');
    const { zoneContents } = await import('../../src/core/zones/zone-contents.ts');
    const book = JSON.parse(readFileSync('seeds/rules.json', 'utf8'));
    // One workspace at a time: the boiler audit loads its sample, then the zone editor opens again with its state kept.
    await page.getByTestId('boilers-toggle').click();
    await page.getByTestId('boiler-drawer').getByTestId('boiler-sample').click();
    await expect.poll(async () => (await page.getByTestId('boiler-inventory-status').count()) > 0, { timeout: 60000 }).toBe(true);
    await page.getByTestId('zones-toggle').click();
    const table = await readBoilersTable(readFileSync('public/data/sample-boilers.csv'), 'sample-boilers.csv');
    const boilers = table.boilers.map((row) => row.boiler);
    const draft = (await exportGeoJson()).features.find((f) => f.properties.name === '哈尔滨市集中供热覆盖区（草案）')!;
    const expected = zoneContents({ name: 'draft', category: draft.properties.category as never, geometry: draft.geometry as never }, boilers, null, book);
    expect(expected.banned.length).toBeGreaterThan(0);
    await rows().filter({ hasText: '哈尔滨市集中供热覆盖区（草案）' }).click();
    await viewTestArea(); // a row click moves the map to its zone: back to the test view
    await expect.poll(async () => drawer().getByTestId('zone-banned-count').textContent(), { timeout: 15000 }).toBe(String(expected.banned.length));
    expect(await drawer().getByTestId('zone-verify-count').textContent()).toBe(String(expected.toVerify.length));
    const zoneCount = await rowCount();
    await tab(/导入导出/).click();
    await drawer().getByTestId('zone-use-in-audit').click();
    await page.getByTestId('boilers-toggle').click();
    await expect.poll(async () => (await page.getByTestId('boiler-layer-status-zones').textContent()) ?? '', { timeout: 30000 }).toContain(`禁燃区编辑器（${zoneCount} 个区域）`);
    await page.getByTestId('zones-toggle').click();
    await tab(/^区域$/).click();
  });

  it('exports a Shapefile zip that reads back with every zone and attribute', async () => {
    const { readZonesFile } = await import('../../src/io/formats/read-zones-file.ts');
    const names = await rows().evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')!.textContent));
    await tab(/导入导出/).click();
    const [download] = await Promise.all([page.waitForEvent('download'), drawer().getByTestId('zone-export-shapefile-zip').click()]);
    expect(download.suggestedFilename()).toMatch(/^禁燃区-\d{4}-\d{2}-\d{2}\.zip$/);
    const read = await readZonesFile(readFileSync((await download.path())!), download.suggestedFilename(), { now: new Date().toISOString(), newId: () => 'new' });
    expect(read.zones.map((z) => z.name)).toEqual(names);
    expect(read.warnings).toEqual([]);
    expect(read.zones.find((z) => z.name === '哈尔滨市集中供热覆盖区（草案）')!.provenance.origin).toBe('proposed');
    await tab(/^区域$/).click();
  });

  it('switches the editor to English and back', async () => {
    await page.getByTestId('language-switch').click();
    expect(await page.getByTestId('workspace-panel').getByRole('heading', { level: 2 }).textContent()).toBe('No-burn zones');
    expect(await drawer().getByTestId('zone-draw-polygon').textContent()).toBe('Polygon (P)');
    await rows().first().click();
    await viewTestArea(); // a row click moves the map to its zone: back to the test view
    expect(await drawer().getByTestId('zone-form').textContent()).toContain('Fuel category');
    await page.getByTestId('language-switch').click();
    expect(await page.getByTestId('workspace-panel').getByRole('heading', { level: 2 }).textContent()).toBe('禁燃区编辑');
  });

  it('edits one part of a two-part zone on the map, leaving the other part exactly as it was', async () => {
    await viewTestArea();
    const geometryOf = async () => (await exportGeoJson()).features.find((f) => f.properties.name === '蝴蝶结')!.geometry as unknown as { type: string; coordinates: number[][][][] };
    const before = await geometryOf();
    expect(before.type).toBe('MultiPolygon');
    await rows().filter({ hasText: '蝴蝶结' }).click();
    await viewTestArea(); // a row click moves the map to its zone: back to the test view
    await drawer().getByTestId('zone-edit').click();
    // Select the upper triangle (between the corners at y = 150 and the crossing at y = 225), then drag its top-left corner.
    const inside = await pagePoint(-100, 175);
    await page.mouse.click(inside.x, inside.y);
    const corner = await pagePoint(-200, 150);
    await page.mouse.move(corner.x, corner.y);
    await page.mouse.down();
    await page.mouse.move(corner.x - 30, corner.y - 20, { steps: 8 });
    await page.mouse.up();
    await saved();
    const after = await geometryOf();
    expect(after.type).toBe('MultiPolygon');
    const changed = after.coordinates.map((part, k) => JSON.stringify(part) !== JSON.stringify(before.coordinates[k]));
    expect(changed.filter(Boolean)).toHaveLength(1);
    // In the edited part only the dragged corner moved (twice if it is the ring's first and last position); the
    // corners terra-draw held rounded to 12 decimals came back bit for bit.
    const k = changed.indexOf(true);
    const movedPositions = after.coordinates[k]![0]!.filter((p, i) => JSON.stringify(p) !== JSON.stringify(before.coordinates[k]![0]![i]));
    expect(after.coordinates[k]![0]).toHaveLength(before.coordinates[k]![0]!.length);
    expect(new Set(movedPositions.map((p) => p.join(','))).size).toBe(1);
    await page.keyboard.press('Escape');
    await drawer().getByTestId('zone-undo').click();
    await saved();
    expect(await geometryOf()).toEqual(before);
  });

  it('shows a zone name that looks like HTML as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.__zoneXss=1">南岗';
    await rows().first().click();
    await viewTestArea(); // a row click moves the map to its zone: back to the test view
    await drawer().getByTestId('zone-form').getByTestId('zone-name').fill(hostile);
    expect(await rows().first().locator('td').first().textContent()).toBe(hostile);
    expect(await drawer().locator('img').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __zoneXss?: number }).__zoneXss)).toBeUndefined();
    await drawer().getByTestId('zone-undo').click();
    expect(await rows().first().locator('td').first().textContent()).not.toBe(hostile);
  });

  it('snaps a corner clicked 6 px from a county-line vertex onto that vertex exactly', async () => {
    const { loadBoundariesFile } = await import('../../src/io/node/load-boundaries-file.ts');
    const { createBoundaryEdgeIndex } = await import('../../src/core/geo/snap-index.ts');
    const edges = createBoundaryEdgeIndex(loadBoundariesFile()).edgesIn(126.6, 45.7, 126.7, 45.8, 1000);
    expect(edges.length).toBeGreaterThan(0);
    const vertex: [number, number] = [edges[0]!, edges[1]!];
    const viewVertex = async () => {
      await page.evaluate(([lon, lat]) => window.hljAirMap!.controller.map.jumpTo({ center: [lon!, lat!], zoom: 14 }), vertex);
      await page.waitForFunction(() => !window.hljAirMap!.controller.map.isMoving());
    };
    await viewVertex();
    await drawer().getByRole('checkbox').check();
    const before = await rowCount();
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    const at = await page.evaluate(([lon, lat]) => window.hljAirMap!.controller.project(lon!, lat!), vertex);
    // Give the worker's county edges for this view a moment to arrive (they are requested on moveend).
    await drawer().getByTestId('zone-draw-polygon').click();
    await page.waitForTimeout(500);
    const corners = [[4, 4], [140, 0], [140, 140], [0, 140]] as const;
    for (const [dx, dy] of [...corners, corners[0]]) {
      await page.mouse.move(box.x + at.x + dx, box.y + at.y + dy, { steps: 2 });
      await page.mouse.click(box.x + at.x + dx, box.y + at.y + dy);
      await page.waitForTimeout(60);
    }
    await expect.poll(() => rowCount()).toBe(before + 1);
    const name = (await rows().last().locator('td').first().textContent())!;
    const ring = (await exportGeoJson()).features.find((f) => f.properties.name === name)!.geometry.coordinates[0]!;
    expect(ring.some(([lon, lat]) => lon === vertex[0] && lat === vertex[1])).toBe(true);
    await rows().last().click();
    await viewVertex(); // a row click moves the map to its zone: back to the vertex
    await drawer().getByTestId('zone-delete').click();
    await expect.poll(() => rowCount()).toBe(before);
  });

  it('deletes a corner by right-clicking it while editing, as one undo step', async () => {
    await viewTestArea();
    const geometryOf = async (name: string) => (await exportGeoJson()).features.find((f) => f.properties.name === name)!.geometry.coordinates;
    const name = (await rows().first().locator('td').first().textContent())!;
    const before = await geometryOf(name);
    expect(before[0]).toHaveLength(5);
    await rows().first().click();
    await viewTestArea(); // a row click moves the map to its zone: back to the test view
    await drawer().getByTestId('zone-edit').click();
    const corner = await pagePoint(-60, 100); // the first zone's lower-right corner
    await page.waitForTimeout(300);
    await page.mouse.click(corner.x, corner.y, { button: 'right' });
    await saved();
    const after = await geometryOf(name);
    expect(after[0]).toHaveLength(4);
    expect(after[0]!.every((p) => before[0]!.some((q) => q[0] === p[0] && q[1] === p[1]))).toBe(true);
    await page.keyboard.press('Escape');
    await drawer().getByTestId('zone-undo').click();
    await saved();
    expect(await geometryOf(name)).toEqual(before);
  });

  it('takes a zone file dropped on the map as an import to confirm while the editor is open', async () => {
    const before = await rowCount();
    const square = { type: 'Feature', properties: { 名称: '拖入的区域', 类别: 'Ⅱ' }, geometry: { type: 'Polygon', coordinates: [[[127.3, 45.6], [127.31, 45.6], [127.31, 45.61], [127.3, 45.61], [127.3, 45.6]]] } };
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], '拖入.geojson', { type: 'application/geo+json' }));
      document.querySelector('.workbench')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, JSON.stringify({ type: 'FeatureCollection', features: [square] }));
    await expect.poll(async () => drawer().getByTestId('zone-import-pending').count()).toBe(1);
    expect(await drawer().getByTestId('zone-import-validation').textContent()).toContain('拖入的区域（Ⅱ）');
    expect(await page.getByTestId('fire-drawer').count()).toBe(0); // not taken for fire points
    await drawer().getByRole('button', { name: '取消' }).click();
    await tab(/^区域$/).click();
    expect(await rowCount()).toBe(before);
  });

  it('snaps a dragged corner onto a county-line vertex', async () => {
    const { loadBoundariesFile } = await import('../../src/io/node/load-boundaries-file.ts');
    const { createBoundaryEdgeIndex } = await import('../../src/core/geo/snap-index.ts');
    const edges = createBoundaryEdgeIndex(loadBoundariesFile()).edgesIn(126.6, 45.7, 126.7, 45.8, 1000);
    const vertex: [number, number] = [edges[0]!, edges[1]!];
    const viewVertex = async () => {
      await page.evaluate(([lon, lat]) => window.hljAirMap!.controller.map.jumpTo({ center: [lon!, lat!], zoom: 14 }), vertex);
      await page.waitForFunction(() => !window.hljAirMap!.controller.map.isMoving());
    };
    await viewVertex();
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    const at = await page.evaluate(([lon, lat]) => window.hljAirMap!.controller.project(lon!, lat!), vertex);
    const point = (dx: number, dy: number) => ({ x: box.x + at.x + dx, y: box.y + at.y + dy });
    // A square beside the vertex, drawn without snapping so its corners stay where they are clicked.
    await drawer().getByRole('checkbox').uncheck();
    const before = await rowCount();
    await drawer().getByTestId('zone-draw-polygon').click();
    for (const [dx, dy] of [[60, 60], [160, 60], [160, 160], [60, 160], [60, 60]] as const) {
      await page.mouse.move(point(dx, dy).x, point(dx, dy).y, { steps: 2 });
      await page.mouse.click(point(dx, dy).x, point(dx, dy).y);
      await page.waitForTimeout(60);
    }
    await expect.poll(() => rowCount()).toBe(before + 1);
    await drawer().getByRole('checkbox').check();
    await rows().last().click();
    await viewVertex(); // a row click moves the map to its zone: back to the vertex
    await drawer().getByTestId('zone-edit').click();
    await page.waitForTimeout(800); // the view's county edges arrive from the worker
    await page.mouse.move(point(60, 60).x, point(60, 60).y);
    await page.mouse.down();
    await page.mouse.move(point(5, 4).x, point(5, 4).y, { steps: 16 });
    // terra-draw throttles drag events: rest on the spot so the last one lands before the button goes up.
    await page.waitForTimeout(150);
    await page.mouse.move(point(4, 4).x, point(4, 4).y);
    await page.waitForTimeout(150);
    await page.mouse.up();
    await saved();
    const name = (await rows().last().locator('td').first().textContent())!;
    const ring = (await exportGeoJson()).features.find((f) => f.properties.name === name)!.geometry.coordinates[0]!;
    expect(ring.some(([lon, lat]) => lon === vertex[0] && lat === vertex[1])).toBe(true);
    await page.keyboard.press('Escape');
    await rows().last().click();
    await viewVertex(); // a row click moves the map to its zone: back to the vertex
    await drawer().getByTestId('zone-delete').click();
    await expect.poll(() => rowCount()).toBe(before);
    await saved();
  });
});
