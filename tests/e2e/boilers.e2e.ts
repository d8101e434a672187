import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from 'vite';
import { loadBoundariesFile } from '../../src/io/node/load-boundaries-file.ts';
import { createBoilerAuditor } from '../../src/core/boilers/audit-boiler.ts';
import { createBoilerPlaceFinder } from '../../src/core/boilers/boiler-places.ts';
import { createLocator } from '../../src/core/geo/create-locator.ts';
import type { RuleBook } from '../../src/core/rules.ts';
import { auditBoilersTable, BOILER_OUTPUT_COLUMNS, type AuditedTable } from '../../src/io/formats/audit-boilers-table.ts';
import { parseDelimited } from '../../src/io/formats/parse-delimited.ts';
import { areaLayerOf, zoneLayerOf } from '../../src/io/formats/read-boiler-layers.ts';
import { readBoilersTable } from '../../src/io/formats/read-boilers-table.ts';
import { readVectorFile } from '../../src/io/formats/read-vector-file.ts';
import { launchChromium, openApp, startPreview, type PageWatch } from '../helpers/browser.ts';

let browser: Browser;
let server: PreviewServer;
let page: Page;
let watch: PageWatch;
/** The sample audited in Node by the same core, with the app's default 1,000 m service radius: the figures the UI must show. */
let expected: AuditedTable;

const SAMPLE = 'public/data/sample-boilers.csv';
const sampleRow = (name: string) => {
  const line = readFileSync(SAMPLE, 'utf8').split('\r\n').find((l) => l.startsWith(`${name},`))!;
  const [, lon, lat] = line.split(',');
  return [Number(lon), Number(lat)] as [number, number];
};

beforeAll(async () => {
  const read = async (file: string) => readVectorFile(readFileSync(file), file);
  const finder = createBoilerPlaceFinder(
    {
      coverage: areaLayerOf(await read('public/data/sample-heating-coverage.geojson')).areas,
      pipelines: areaLayerOf(await read('public/data/sample-heating-pipelines.geojson')).pipelines,
      serviceRadiusM: 1000,
      builtUp: areaLayerOf(await read('public/data/sample-built-up.geojson')).areas,
      zones: zoneLayerOf(await read('public/data/sample-no-burn-zones.geojson')).zones,
    },
    createLocator(loadBoundariesFile()),
  );
  expected = auditBoilersTable(await readBoilersTable(readFileSync(SAMPLE), SAMPLE), finder, createBoilerAuditor(JSON.parse(readFileSync('seeds/rules.json', 'utf8')) as RuleBook));
  let url: string;
  ({ server, url } = await startPreview());
  browser = await launchChromium();
  ({ page, watch } = await openApp(browser, url, { viewport: { width: 1400, height: 900 }, acceptDownloads: true }));
  await page.getByTestId('boilers-toggle').click();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const drawer = () => page.getByTestId('boiler-drawer');
const tab = (name: RegExp) => drawer().getByRole('tab', { name });
const countText = async () => (await drawer().getByTestId('boiler-table-count').textContent()) ?? '';
const expectedWith = (verdict: string) => expected.records.filter((r) => r.audit?.verdicts.includes(verdict as never)).length;

/** Clicks a point on the map canvas, after making sure no panel covers it there. */
async function clickMap(lon: number, lat: number): Promise<void> {
  await page.evaluate(([x, y]) => window.hljAirMap!.controller.map.jumpTo({ center: [x!, y!], zoom: 15 }), [lon, lat]);
  await page.waitForFunction(() => !window.hljAirMap!.controller.map.isMoving());
  const target = await page.evaluate(([x, y]) => window.hljAirMap!.controller.project(x!, y!), [lon, lat]);
  const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
  const [x, y] = [box.x + target.x, box.y + target.y];
  expect(await page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.classList.contains('maplibregl-canvas'), [x, y])).toBe(true);
  await page.mouse.click(x, y);
}

describe('boiler audit workspace', () => {
  it('loads the synthetic sample, says it is synthetic, and audits every row as the core does', async () => {
    await drawer().getByTestId('boiler-sample').click();
    await expect.poll(async () => (await drawer().getByTestId('boiler-inventory-status').count()) > 0, { timeout: 60000 }).toBe(true);
    expect(await drawer().getByTestId('boiler-inventory-status').textContent()).toContain(`sample-boilers.csv：${expected.records.length} 行，0 行无法读取`);
    expect(await drawer().getByText('合成数据：示例锅炉').count()).toBe(1);
    expect(await drawer().getByTestId('boiler-layer-status-zones').textContent()).toContain('5 个面');
    expect(await drawer().getByTestId('boiler-layer-status-pipelines').textContent()).toContain('3 条线');
    await tab(/审计表/).click();
    expect(await countText()).toContain(`${expected.records.length}；`);
    await drawer().getByTestId('boiler-filter-verdict').selectOption('淘汰');
    expect(await countText()).toContain(`${expectedWith('淘汰')}；`);
    expect(expectedWith('淘汰')).toBeGreaterThan(10);
  });

  it('filters by rule and city, and exports exactly the filtered rows with the audit columns', async () => {
    await drawer().getByTestId('boiler-filter-verdict').selectOption('all');
    await drawer().getByTestId('boiler-filter-rule').selectOption('R11-builtup-35');
    await drawer().getByTestId('boiler-filter-city').selectOption('哈尔滨市');
    const wanted = expected.records.filter((r) => r.audit?.city === '哈尔滨市' && (r.audit.matches.some((m) => m.ruleId === 'R11-builtup-35') || r.audit.toVerify.some((v) => v.ruleId === 'R11-builtup-35')));
    expect(await countText()).toContain(`${wanted.length}；`);
    const [download] = await Promise.all([page.waitForEvent('download'), drawer().getByTestId('boiler-export-csv').click()]);
    const table = parseDelimited(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, ''));
    expect(table.header.slice(-BOILER_OUTPUT_COLUMNS.length)).toEqual([...BOILER_OUTPUT_COLUMNS]);
    expect(table.recordCount).toBe(wanted.length);
    const ruleColumn = table.header.indexOf('rule_ids');
    const names = Array.from({ length: table.recordCount }, (_, i) => table.record(i)[0]);
    expect(names).toEqual(wanted.map((r) => r.boiler!.name));
    for (let i = 0; i < table.recordCount; i++) expect(table.record(i)[ruleColumn]! + table.record(i)[table.header.indexOf('to_verify')]!).toContain('R11-builtup-35');
    await drawer().getByTestId('boiler-filter-rule').selectOption('all');
    await drawer().getByTestId('boiler-filter-city').selectOption('all');
  });

  it('shows the verdict card of a boiler clicked on the map, with rule, clause, deadline and the numbers', async () => {
    const name = '合成锅炉-规则-R11建成区-35蒸吨';
    await clickMap(...sampleRow(name));
    await expect.poll(async () => (await drawer().getByTestId('boiler-card').count()) > 0, { timeout: 15000 }).toBe(true);
    expect(await drawer().getByTestId('boiler-card-name').textContent()).toBe(name);
    expect(await drawer().getByTestId('boiler-card-verdicts').textContent()).toBe('淘汰');
    const matches = (await drawer().getByTestId('boiler-matches').textContent()) ?? '';
    expect(matches).toContain('R11-builtup-35');
    expect(matches).toContain('条款（十一）');
    expect(matches).toContain('期限 2025');
    expect(matches).toContain('35 t/h ≤ 35 t/h');
  });

  it('re-audits when the stated service radius changes, and names the radius in the reason', async () => {
    const name = '合成锅炉-规则-R11管网1.5km-在用供热';
    const search = drawer().getByRole('searchbox');
    await search.fill(name);
    await expect.poll(countText).toContain('1；');
    expect(await drawer().getByTestId('boiler-table').textContent()).toContain('合规');
    await tab(/数据/).click();
    await drawer().getByTestId('boiler-service-radius').fill('2000');
    await drawer().getByTestId('boiler-service-radius').press('Enter');
    await tab(/审计表/).click();
    await expect.poll(async () => (await drawer().getByTestId('boiler-table').textContent()) ?? '', { timeout: 30000 }).toContain('R11-network-coverage');
    await drawer().getByTestId('boiler-table').getByText(name).click();
    expect(await drawer().getByTestId('boiler-matches').textContent()).toContain('≤ 服务半径 2000 m（假定）');
    await tab(/数据/).click();
    await drawer().getByTestId('boiler-service-radius').fill('1000');
    await drawer().getByTestId('boiler-service-radius').press('Enter');
    await tab(/审计表/).click();
    await expect.poll(async () => (await drawer().getByTestId('boiler-table').textContent()) ?? '', { timeout: 30000 }).not.toContain('R11-network-coverage');
    await search.fill('');
  });

  it('sums phase-out and retrofit per city, t/h and MW apart', async () => {
    await tab(/分市汇总/).click();
    const rows = drawer().getByTestId('boiler-summary').locator('tbody tr');
    const total = await rows.last().locator('td').allTextContents();
    expect(total[0]).toBe('合计');
    expect(Number(total[1])).toBe(expected.records.length);
    expect(Number(total[2])).toBe(expectedWith('淘汰'));
    expect((await rows.allTextContents()).some((row) => row.startsWith('哈尔滨市'))).toBe(true);
  });

  it('checks a planned boiler placed on the map: refused in a built-up area, permitted as gas', async () => {
    await tab(/新建核查/).click();
    await drawer().getByTestId('newbuild-capacity').fill('20');
    const pick = drawer().getByTestId('newbuild-pick');
    await pick.click();
    await page.keyboard.press('Escape');
    expect(await pick.getAttribute('aria-pressed')).toBe('false');
    await pick.click();
    // Right on an existing sample boiler: while placing, the click places, it does not select that boiler.
    const [lon, lat] = sampleRow('合成锅炉-规则-R11新建-建成区35蒸吨');
    await clickMap(lon, lat);
    await expect.poll(async () => (await drawer().getByTestId('newbuild-headline').count()) > 0, { timeout: 15000 }).toBe(true);
    expect(Number(await drawer().getByTestId('newbuild-lon').inputValue())).toBeCloseTo(lon, 4);
    expect(await pick.getAttribute('aria-pressed')).toBe('false');
    expect(await drawer().getByTestId('newbuild-headline').textContent()).toBe('不予新建');
    expect(await drawer().getByTestId('newbuild-result').textContent()).toContain('R11-new-build');
    expect(await drawer().getByTestId('newbuild-result').textContent()).toContain('20 t/h ≤ 35 t/h');
    // In a category Ⅲ zone the zone is a further reason.
    const [zoneLon, zoneLat] = sampleRow('合成锅炉-规则-R13禁燃区Ⅲ-燃煤4蒸吨');
    await drawer().getByTestId('newbuild-lon').fill(String(zoneLon));
    await drawer().getByTestId('newbuild-lat').fill(String(zoneLat));
    await drawer().getByTestId('newbuild-check').click();
    await expect.poll(async () => (await drawer().getByTestId('newbuild-headline').textContent()) ?? '').toBe('不予新建：违反禁燃区规定');
    await drawer().getByTestId('newbuild-fuel').selectOption('燃气');
    await drawer().getByTestId('newbuild-check').click();
    await expect.poll(async () => (await drawer().getByTestId('newbuild-headline').textContent()) ?? '').toBe('允许新建（未触及第十一、十三条限制）');
    await drawer().getByTestId('newbuild-lon').fill('');
    await drawer().getByTestId('newbuild-check').click();
    expect(await drawer().getByTestId('newbuild-problem').textContent()).toContain('经纬度');
    // The last result stays.
    expect(await drawer().getByTestId('newbuild-headline').textContent()).toBe('允许新建（未触及第十一、十三条限制）');
  });

  it('refuses a bad inventory with its file name and keeps the audit already loaded; shows cell text as text', async () => {
    await tab(/数据/).click();
    const input = drawer().getByTestId('boiler-inventory-file');
    await input.setInputFiles({ name: '坏清单.csv', mimeType: 'text/csv', buffer: Buffer.from('名称,燃料\nA,燃煤\n') });
    await expect.poll(async () => (await drawer().getByTestId('boiler-error').count()) > 0, { timeout: 15000 }).toBe(true);
    expect(await drawer().getByTestId('boiler-error').textContent()).toContain('坏清单.csv：在以下列中找不到位置列');
    expect(await drawer().getByTestId('boiler-inventory-status').textContent()).toContain('sample-boilers.csv');
    const hostile = '名称,经度,纬度,额定蒸发量,燃料,用途,状态\n<img src=x onerror="window.__hacked=1">,126.65,45.75,8,燃煤,工业,在用\n=HYPERLINK("http://x"),126.65,45.75,30,木柴,工业,在用\n';
    await input.setInputFiles({ name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(hostile) });
    await expect.poll(async () => (await drawer().getByTestId('boiler-inventory-status').textContent()) ?? '', { timeout: 15000 }).toContain('hostile.csv：2 行');
    await tab(/审计表/).click();
    expect(await drawer().getByTestId('boiler-table').textContent()).toContain('<img src=x onerror="window.__hacked=1">');
    expect(await drawer().getByTestId('boiler-table').locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __hacked?: number }).__hacked)).toBeUndefined();
    const [download] = await Promise.all([page.waitForEvent('download'), drawer().getByTestId('boiler-export-csv').click()]);
    const table = parseDelimited(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, ''));
    expect(table.record(1)[0]).toBe(`'=HYPERLINK("http://x")`);
    expect(table.record(1)[table.header.indexOf('to_verify')]).toContain('木柴');
  });

  it('shows verdicts in English when the UI is English', async () => {
    await page.getByTestId('language-switch').click();
    expect(await drawer().getByTestId('boiler-table').textContent()).toContain('Phase out');
    await page.getByTestId('language-switch').click();
  });

  it('made no request off the app origin and logged no error', () => {
    expect(watch.offOrigin).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});
