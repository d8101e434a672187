import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from 'vite';
import { readXlsxTable } from '../../src/io/formats/read-xlsx-table.ts';
import { launchChromium, openApp, startPreview, waitForMap, type PageWatch } from '../helpers/browser.ts';

let browser: Browser;
let server: PreviewServer;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  let url: string;
  ({ server, url } = await startPreview());
  browser = await launchChromium();
  ({ page, watch } = await openApp(browser, url, { viewport: { width: 1400, height: 900 }, acceptDownloads: true }));
  await page.getByTestId('fires-toggle').click();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const counts = async () => ({
  points: Number((await page.getByTestId('fire-counts').locator('[data-field="points"]').textContent())!.replace(/,/g, '')),
  fires: Number((await page.getByTestId('fire-counts').locator('[data-field="fires"]').textContent())!.replace(/,/g, '')),
});

describe('straw-burning fire points', () => {
  it('loads the synthetic sample, says it is synthetic, counts raw and merged fires and draws them', async () => {
    await page.getByTestId('load-sample-fires').click();
    await expect.poll(() => page.getByTestId('fire-summary').isVisible(), { timeout: 60000 }).toBe(true);
    expect(await page.getByTestId('fire-summary').textContent()).toContain('合成数据');
    const all = await counts();
    expect(all.points).toBe(5000);
    expect(all.fires).toBeGreaterThan(2000);
    expect(all.fires).toBeLessThan(all.points);
    await expect.poll(() => page.evaluate(() => window.hljAirMap!.controller.deckLayerIds()), { timeout: 30000 }).toContain('fire-points');
    await page.screenshot({ path: 'test-results/fires.png' });
  });

  it('filters by confidence and updates the counts', async () => {
    const before = await counts();
    await page.getByRole('checkbox', { name: '低' }).uncheck();
    await expect.poll(async () => (await counts()).points).toBeLessThan(before.points);
    await page.getByRole('checkbox', { name: '低' }).check();
    await expect.poll(async () => (await counts()).points).toBe(before.points);
  });

  it('shows the original fields of a clicked fire point as text', async () => {
    // The sample's first row is a point on the map: click where it is drawn.
    const [, first] = readFileSync('public/data/sample-fires.csv', 'utf8').split('\n');
    const [lat, lon] = first!.split(',').map(Number);
    const target = await page.evaluate(([x, y]) => window.hljAirMap!.controller.project(x!, y!), [lon, lat]);
    expect(await page.evaluate(({ x, y }) => window.hljAirMap!.controller.pickDeck(x, y), target)).toBe('fire-points');
    const box = await page.locator('.maplibregl-canvas').boundingBox();
    await page.mouse.click(box!.x + target.x, box!.y + target.y);
    const details = page.getByTestId('fire-point-details');
    await expect.poll(() => details.isVisible()).toBe(true);
    const text = await details.textContent();
    expect(text).toContain('acq_date');
    expect(text).toContain('VIIRS');
  });

  it('shows the statistics: city totals and the county ranking of the loaded points', async () => {
    await page.getByRole('tab', { name: '统计' }).click();
    const ranking = page.getByTestId('county-ranking');
    await expect.poll(() => ranking.locator('tbody tr').count()).toBeGreaterThan(10);
    const cityRows = await page.getByTestId('city-totals').locator('tbody tr').allTextContents();
    expect(cityRows.some((row) => row.startsWith('佳木斯市'))).toBe(true);
  });

  it('keeps a patrol status on its cluster through a filter change and a re-clustering', async () => {
    await page.getByRole('tab', { name: '巡查清单' }).click();
    const first = page.getByTestId('patrol-row').first();
    const cluster = await first.getAttribute('data-cluster');
    await page.getByRole('combobox', { name: '状态 1', exact: true }).selectOption('已派出');
    const marked = () => page.locator('[data-testid="patrol-row"]').filter({ has: page.locator('option:checked', { hasText: '已派出' }) });
    expect(await marked().count()).toBe(1);
    // A filter that hides some points leaves the cluster and its status as they were.
    await page.getByRole('tab', { name: '导入与筛选' }).click();
    await page.getByLabel('低', { exact: true }).uncheck();
    await page.getByRole('tab', { name: '巡查清单' }).click();
    await expect.poll(() => marked().count()).toBe(1);
    expect(await marked().first().getAttribute('data-cluster')).toBe(cluster);
    await page.getByRole('tab', { name: '导入与筛选' }).click();
    await page.getByLabel('低', { exact: true }).check();
    // Re-clustering over 10 km gives new, larger clusters; the status stays on the detections and so on their cluster.
    const distance = page.getByRole('group', { name: '巡查聚类' }).locator('input').first();
    await distance.fill('10000');
    await distance.press('Enter');
    await page.getByRole('tab', { name: '巡查清单' }).click();
    await expect.poll(() => marked().count(), { timeout: 30000 }).toBeGreaterThan(0);
    await marked().first().click();
    expect(await page.getByTestId('cluster-card').textContent()).toContain('已派出');
    await page.getByRole('tab', { name: '导入与筛选' }).click();
    await distance.fill('3000');
    await distance.press('Enter');
    await page.getByRole('tab', { name: '巡查清单' }).click();
    await expect.poll(() => marked().count(), { timeout: 30000 }).toBe(1);
    expect(await marked().first().getAttribute('data-cluster')).toBe(cluster);
  });

  it('exports the patrol list as CSV with coordinates in decimal and DMS', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-patrol').click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFF编号,经度,纬度,经度（度分秒）')).toBe(true);
    // DMS holds a double quote, so the CSV field is quoted and the quote doubled.
    expect(text).toMatch(/\r\n1,1\d\d\.\d{5},\d\d\.\d{5},"1\d\d°\d\d'\d\d\.\d\d""E",/);
    expect(text).toContain('已派出');
  });

  it('exports the patrol list as XLSX too', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-patrol-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const table = await readXlsxTable(new Uint8Array(readFileSync((await download.path())!)), 'patrol.xlsx');
    expect(table.header.slice(0, 3)).toEqual(['编号', '经度', '纬度']);
    expect(table.record(0)[0]).toBe('1');
    expect(table.record(0)[11]).toBe('已派出');
  });

  it('imports a user file, lists rejected rows, and a bad file keeps what is loaded', async () => {
    await page.getByRole('tab', { name: '导入与筛选' }).click();
    const csv = 'latitude,longitude,acq_date,acq_time,confidence\n45.75,126.65,2024-04-05,517,h\n,126.1,2024-04-05,517,n\n126.2,46.5,2024-04-05,517,n\n';
    await page.getByTestId('fire-file-input').setInputFiles({ name: 'patrol.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(async () => (await page.getByTestId('fire-summary').locator('[data-field="rejected"]').textContent()) ?? '', { timeout: 30000 }).toContain('2');
    expect(await page.getByTestId('fire-summary').locator('[data-field="accepted"]').textContent()).toBe('1');
    const rejected = page.getByTestId('rejected-rows');
    await page.getByText('被拒 (2)').click();
    expect(await rejected.textContent()).toContain('经纬度疑似填反 (46.5, 126.2)');
    // A file with no coordinate columns fails with a message; the loaded file stays.
    await page.getByTestId('fire-file-input').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n') });
    await expect.poll(async () => (await page.getByTestId('fire-error').count()) && page.getByTestId('fire-error').textContent(), { timeout: 30000 }).toContain('bad.csv：在以下列中找不到经度列');
    expect(await page.getByTestId('fire-summary').locator('[data-field="accepted"]').textContent()).toBe('1');
  });

  it('cancels a large import and keeps the file already loaded', async () => {
    const [header, ...rows] = readFileSync('public/data/sample-fires.csv', 'utf8').trim().split('\n');
    const big = [header, ...Array.from({ length: 60 }, () => rows).flat()].join('\n'); // 300,000 rows
    await page.getByTestId('fire-file-input').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(big) });
    const progress = page.getByTestId('fire-progress');
    await expect.poll(() => progress.isVisible(), { timeout: 30000 }).toBe(true);
    await progress.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => progress.count()).toBe(0);
    expect(await page.getByTestId('fire-error').count()).toBe(0);
    expect(await page.getByTestId('fire-summary').locator('[data-field="accepted"]').textContent()).toBe('1');
  });

  it('made no request off its origin and logged no console error', () => {
    expect(watch.offOrigin).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});
