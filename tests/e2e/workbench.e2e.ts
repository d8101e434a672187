import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from 'vite';
import { launchChromium, startPreview, waitForMap } from '../helpers/browser.ts';

let browser: Browser;
let server: PreviewServer;
let url: string;

beforeAll(async () => {
  ({ server, url } = await startPreview());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const WORKSPACES = ['fires', 'eia', 'boilers', 'zones'] as const;

/** A fresh browser profile (empty storage) at a viewport, with the page open on the map. */
async function open(viewport: { width: number; height: number }, phone = false): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', isMobile: phone, hasTouch: phone, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(url);
  await waitForMap(page);
  return { context, page, errors };
}

/** The share of the window where the map canvas is the topmost element, sampled on a 10 px grid. */
function mapShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    let map = 0;
    let all = 0;
    for (let y = 5; y < window.innerHeight; y += 10) {
      for (let x = 5; x < window.innerWidth; x += 10) {
        all++;
        if (document.elementFromPoint(x, y)?.classList.contains('maplibregl-canvas')) map++;
      }
    }
    return map / all;
  });
}

/** Whether a WGS84 point is in the window and the map canvas is what lies on top there (no panel, card or control). */
async function pointUncovered(page: Page, lon: number, lat: number): Promise<boolean> {
  await page.waitForTimeout(150); // the camera move starts on the next frame
  await page.waitForFunction(() => !window.hljAirMap!.controller.map.isMoving(), null, { timeout: 15000 });
  return page.evaluate(
    ([x0, y0]) => {
      const controller = window.hljAirMap!.controller;
      const at = controller.project(x0!, y0!);
      const box = controller.map.getCanvas().getBoundingClientRect();
      const [x, y] = [box.left + at.x, box.top + at.y];
      if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) return false;
      return document.elementFromPoint(x, y)?.classList.contains('maplibregl-canvas') ?? false;
    },
    [lon, lat],
  );
}

/** Opens a workspace from the header (through the menu on a phone). */
async function openWorkspace(page: Page, workspace: (typeof WORKSPACES)[number], phone = false): Promise<void> {
  if (phone) await page.getByTestId('menu-button').click();
  await page.getByTestId(`${workspace}-toggle`).click();
  await expect.poll(() => page.getByTestId('workspace-panel').getAttribute('data-workspace')).toBe(workspace);
}

/** The cluster card's decimal centre. */
async function clusterCentre(page: Page): Promise<[number, number]> {
  const text = (await page.getByTestId('cluster-decimal').textContent())!;
  const [lon, lat] = text.split(',').map((part) => Number(part.trim()));
  return [lon!, lat!];
}

describe('the workbench on a 1440×900 desktop', () => {
  it('keeps the map the topmost element over at least 55 % of the window with each workspace open in turn', async () => {
    const { context, page, errors } = await open(DESKTOP);
    const shares: Record<string, number> = { start: await mapShare(page) };
    for (const workspace of WORKSPACES) {
      await openWorkspace(page, workspace);
      if (workspace === 'fires') {
        await page.getByTestId('load-sample-fires').click();
        await expect.poll(() => page.getByTestId('fire-summary').count(), { timeout: 60000 }).toBe(1);
      }
      if (workspace === 'boilers') {
        await page.getByTestId('boiler-sample').click();
        await expect.poll(() => page.getByTestId('boiler-inventory-status').count(), { timeout: 60000 }).toBe(1);
      }
      shares[workspace] = await mapShare(page);
    }
    // A card of what was clicked (a fire point or the county under it) lies over the map too.
    const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
    const aihui = await page.evaluate(() => window.hljAirMap!.controller.project(127.1, 50.0));
    await page.mouse.click(canvas.x + aihui.x, canvas.y + aihui.y);
    await expect.poll(() => page.locator('.map-cards .card').count()).toBe(1);
    shares.county = await mapShare(page);
    for (const [what, share] of Object.entries(shares)) expect(share, what).toBeGreaterThanOrEqual(0.55);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps each workspace as it was when switching, and folds the panel to a strip', async () => {
    const { context, page } = await open(DESKTOP);
    await openWorkspace(page, 'fires');
    await page.getByTestId('load-sample-fires').click();
    await expect.poll(() => page.getByTestId('fire-summary').count(), { timeout: 60000 }).toBe(1);
    await page.getByRole('tab', { name: '巡查清单' }).click();
    await openWorkspace(page, 'eia');
    await openWorkspace(page, 'fires');
    expect(await page.getByTestId('patrol-table').count()).toBe(1); // still loaded, and its tab still chosen
    const before = await mapShare(page);
    await page.getByTestId('panel-collapse').click();
    expect((await page.getByTestId('workspace-panel').boundingBox())!.width).toBeLessThan(60);
    expect(await mapShare(page)).toBeGreaterThan(before + 0.2);
    await page.getByTestId('panel-collapse').click();
    expect(await page.getByTestId('patrol-table').count()).toBe(1);
    await context.close();
  });

  it('flies to a patrol cluster chosen in the list, highlights it, and keeps it clear of every panel', async () => {
    const { context, page } = await open(DESKTOP);
    await openWorkspace(page, 'fires');
    await page.getByTestId('layers-open').click(); // the layer panel open over the map too: the map keeps clear of it
    await page.getByTestId('load-sample-fires').click();
    await expect.poll(() => page.getByTestId('fire-summary').count(), { timeout: 60000 }).toBe(1);
    await page.getByRole('tab', { name: '巡查清单' }).click();
    for (const index of [0, 5]) {
      await page.getByTestId('patrol-row').nth(index).click();
      const [lon, lat] = await clusterCentre(page);
      expect(await pointUncovered(page, lon, lat), `cluster ${index + 1}`).toBe(true);
      await expect.poll(() => page.evaluate(() => window.hljAirMap!.controller.deckLayerIds())).toContain('patrol-highlight');
    }
    await context.close();
  });

  it('flies to a boiler, a batch site and a zone chosen in their tables', async () => {
    const { context, page } = await open(DESKTOP);
    await openWorkspace(page, 'boilers');
    await page.getByTestId('boiler-sample').click();
    await expect.poll(() => page.getByTestId('boiler-inventory-status').count(), { timeout: 60000 }).toBe(1);
    await page.getByRole('tab', { name: '审计表' }).click();
    await page.getByTestId('boiler-row').nth(7).click();
    const coordinates = /(\d+\.\d{6}), (\d+\.\d{6})/.exec((await page.getByTestId('boiler-card').textContent())!)!;
    expect(await pointUncovered(page, Number(coordinates[1]), Number(coordinates[2]))).toBe(true);

    await openWorkspace(page, 'eia');
    await page.getByRole('tab', { name: '批量核查' }).click();
    const csv = ['名称,经度,纬度', '近界,124.1,46.25', '牡丹江,129.6,44.58'].join('\n');
    await page.getByTestId('eia-batch-file').setInputFiles({ name: 'sites.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.getByTestId('eia-batch-row').count(), { timeout: 60000 }).toBe(2);
    await page.getByTestId('eia-batch-row').nth(1).click();
    expect(await pointUncovered(page, 129.6, 44.58)).toBe(true);
    await expect.poll(() => page.evaluate(() => window.hljAirMap!.controller.deckLayerIds())).toContain('eia-batch-highlight');

    await openWorkspace(page, 'zones');
    await page.getByRole('tab', { name: '导入导出' }).click();
    const zone = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '东宁测试区', category: 'Ⅲ' }, geometry: { type: 'Polygon', coordinates: [[[131.1, 44.05], [131.14, 44.05], [131.14, 44.08], [131.1, 44.08], [131.1, 44.05]]] } }] };
    await page.getByTestId('zone-import-file').setInputFiles({ name: 'zone.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(zone)) });
    await page.getByTestId('zone-import-confirm').click();
    await page.getByRole('tab', { name: '区域' }).click();
    await page.getByTestId('zone-row').filter({ hasText: '东宁测试区' }).click();
    expect(await pointUncovered(page, 131.12, 44.065)).toBe(true);
    expect(await page.evaluate(() => window.hljAirMap!.controller.map.getZoom())).toBeGreaterThan(11);
    await context.close();
  });
});

describe('the workbench on a 390×844 phone', () => {
  it('keeps 60 % of the screen for the map at start and 35 % with a workspace open, with a one-line header', async () => {
    const { context, page, errors } = await open(PHONE, true);
    expect((await page.locator('.topbar').boundingBox())!.height).toBeLessThanOrEqual(56);
    expect(await mapShare(page)).toBeGreaterThanOrEqual(0.6);
    for (const workspace of WORKSPACES) {
      await openWorkspace(page, workspace, true);
      expect(await mapShare(page), workspace).toBeGreaterThanOrEqual(0.35);
      // Every control a finger uses in the header and the sheet is at least 40 px tall and wide.
      const small = await page.evaluate(() => {
        const controls = document.querySelectorAll<HTMLElement>('.topbar button, .workspace-panel :is(button, select, input:not([type="checkbox"]):not([type="radio"]):not([type="range"]):not([type="file"]), .button, label.inline, label.radio, label.checkbox)');
        return [...controls]
          .filter((element) => element.getClientRects().length > 0 && element.offsetParent !== null)
          .map((element) => ({ text: (element.textContent ?? element.getAttribute('aria-label') ?? '').trim().slice(0, 20), box: element.getBoundingClientRect() }))
          .filter(({ box }) => box.height < 40 || box.width < 40)
          .map(({ text, box }) => `${text} ${Math.round(box.width)}×${Math.round(box.height)}`);
      });
      expect(small, workspace).toEqual([]);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('works the patrol list by finger: a row brings its cluster above the sheet, and its card sets the status', async () => {
    const { context, page } = await open(PHONE, true);
    await openWorkspace(page, 'fires', true);
    await page.getByTestId('load-sample-fires').click();
    await expect.poll(() => page.getByTestId('fire-summary').count(), { timeout: 60000 }).toBe(1);
    await page.getByRole('tab', { name: '巡查清单' }).click();
    await page.getByTestId('patrol-row').nth(2).locator('.patrol-place').click();
    const card = page.getByTestId('cluster-card');
    await expect.poll(() => card.isVisible()).toBe(true);
    const [lon, lat] = await clusterCentre(page);
    expect(await pointUncovered(page, lon, lat)).toBe(true);
    await card.getByRole('combobox').selectOption('已核实');
    expect(await page.getByTestId('patrol-row').nth(2).locator('select').inputValue()).toBe('已核实');
    // The sheet grows to most of the screen and folds to its header.
    await page.getByTestId('sheet-handle').click();
    expect((await page.getByTestId('workspace-panel').boundingBox())!.height).toBeGreaterThan(PHONE.height * 0.7);
    await page.getByTestId('panel-collapse').click();
    expect((await page.getByTestId('workspace-panel').boundingBox())!.height).toBeLessThan(90);
    expect(await mapShare(page)).toBeGreaterThanOrEqual(0.6);
    await context.close();
  });
});

describe('nothing is lost on a reload', () => {
  it('brings back the imported fire points, their filter, and a status set on a cluster', async () => {
    const { context, page } = await open(DESKTOP);
    await openWorkspace(page, 'fires');
    await page.getByTestId('load-sample-fires').click();
    await expect.poll(() => page.getByTestId('fire-summary').count(), { timeout: 60000 }).toBe(1);
    await page.getByLabel('低', { exact: true }).uncheck();
    const filtered = (await page.getByTestId('fire-counts').locator('[data-field="points"]').textContent())!;
    await page.getByRole('tab', { name: '巡查清单' }).click();
    const cluster = await page.getByTestId('patrol-row').nth(3).getAttribute('data-cluster');
    await page.getByTestId('patrol-row').nth(3).locator('select').selectOption('已派出');
    await page.waitForTimeout(600); // saved within 250 ms of the change
    await page.reload();
    await waitForMap(page);
    // The workspace is open again with the file, the filter and the status; nothing was imported again by hand.
    expect(await page.getByTestId('workspace-panel').getAttribute('data-workspace')).toBe('fires');
    await page.getByRole('tab', { name: '导入与筛选' }).click();
    await expect.poll(() => page.getByTestId('fire-summary').locator('[data-field="accepted"]').textContent(), { timeout: 30000 }).toBe('5,000');
    expect(await page.getByTestId('fire-counts').locator('[data-field="points"]').textContent()).toBe(filtered);
    expect(await page.getByLabel('低', { exact: true }).isChecked()).toBe(false);
    await page.getByRole('tab', { name: '巡查清单' }).click();
    const row = page.locator(`[data-testid="patrol-row"][data-cluster="${cluster}"]`);
    expect(await row.locator('select').inputValue()).toBe('已派出');
    // The points are drawn again, and a point's card (read from the kept file) opens.
    await expect.poll(() => page.evaluate(() => window.hljAirMap!.controller.deckLayerIds()), { timeout: 30000 }).toContain('fire-points');
    await context.close();
  });

  it('brings back the boiler inventory, its layers and the audit', async () => {
    const { context, page } = await open(DESKTOP);
    await openWorkspace(page, 'boilers');
    await page.getByTestId('boiler-sample').click();
    await expect.poll(() => page.getByTestId('boiler-inventory-status').count(), { timeout: 60000 }).toBe(1);
    const status = (await page.getByTestId('boiler-inventory-status').textContent())!;
    await page.waitForTimeout(600);
    await page.reload();
    await waitForMap(page);
    await expect.poll(async () => (await page.getByTestId('boiler-inventory-status').count()) && page.getByTestId('boiler-inventory-status').textContent(), { timeout: 60000 }).toContain('300');
    expect((await page.getByTestId('boiler-inventory-status').textContent())!.split('（')[0]).toBe(status.split('（')[0]);
    for (const kind of ['coverage', 'pipelines', 'builtUp', 'zones']) expect(await page.getByTestId(`boiler-layer-status-${kind}`).count(), kind).toBe(1);
    await page.getByRole('tab', { name: '分市汇总' }).click();
    expect(await page.getByTestId('boiler-summary').locator('tbody tr').count()).toBeGreaterThan(3);
    await context.close();
  });

  it('keeps every EIA check in a history that survives the reload, reopens one, and the storage view can delete it', async () => {
    const { context, page } = await open(DESKTOP);
    const verdict = () => page.getByTestId('eia-drawer').getByTestId('eia-verdict');
    await openWorkspace(page, 'eia');
    for (const pair of ['126.65, 45.75', '124.1, 46.25']) {
      await page.getByTestId('eia-pair').fill(pair);
      await page.getByTestId('eia-check').click();
      await expect.poll(async () => (await verdict().count()) && verdict().textContent(), { timeout: 60000 }).toContain(pair);
    }
    await page.waitForTimeout(600);
    await page.reload();
    await waitForMap(page);
    await page.getByRole('tab', { name: '核查记录' }).click();
    await expect.poll(() => page.getByTestId('eia-history-row').count(), { timeout: 30000 }).toBe(2);
    await page.getByTestId('eia-history-row').nth(1).getByRole('button').first().click();
    await expect.poll(async () => (await verdict().count()) && verdict().textContent()).toContain('126.65, 45.75');
    expect(await pointUncovered(page, 126.65, 45.75)).toBe(true);

    await page.getByTestId('storage-open').click();
    const items = page.getByTestId('storage-items');
    await expect.poll(() => items.locator('tr[data-key="eia.history"]').count()).toBe(1);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('storage-delete-eia.history').click();
    await expect.poll(() => items.locator('tr[data-key="eia.history"]').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.reload();
    await waitForMap(page);
    await page.getByRole('tab', { name: '核查记录' }).click();
    await expect.poll(() => page.getByTestId('eia-history-row').count()).toBe(0);
    await context.close();
  });
});
