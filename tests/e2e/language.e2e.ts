import { booleanPointInPolygon } from '@turf/turf';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from 'vite';
import { loadBoundariesFile } from '../../src/io/node/load-boundaries-file.ts';
import { launchChromium, openApp, startPreview, type PageWatch } from '../helpers/browser.ts';

let browser: Browser;
let server: PreviewServer;
let page: Page;
let watch: PageWatch;

/**
 * Visible text of the app that is in the wrong language. Chinese may appear in the English UI only inside `lang="zh-…"`
 * (place names beside their pinyin, quoted policy text); nothing is checked inside `data-user-data` (the user's own
 * files: their column names, cells, file and zone names, also where a sentence quotes one in "…"). An "English sentence"
 * is three or more Latin words in a row.
 */
function strayText(p: Page, language: 'zh' | 'en'): Promise<string[]> {
  return p.evaluate((lang) => {
    const found: string[] = [];
    const cjk = /[\u3000-\u303f\u3400-\u9fff\uff01-\uff5e]/;
    const sentence = /[A-Za-z]{2,}[,;:]?\s+[a-z]{2,}[,;:]?\s+[a-z]{2,}/;
    const roots = [document.querySelector('.app'), ...document.querySelectorAll('dialog[open]')].filter((root): root is Element => root !== null);
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        const value = node.textContent?.trim() ?? '';
        if (!element || !value) continue;
        if (element.closest('[data-user-data], .maplibregl-ctrl-attrib, option, script, style')) continue;
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || element.closest('[hidden]')) continue;
        // A name from the user's own file quoted inside a sentence ("…") is data, not UI text.
        if (lang === 'en' && cjk.test(value.replace(/"[^"\n]{0,200}"/g, '')) && !element.closest('[lang^="zh"]')) found.push(value);
        if (lang === 'zh' && sentence.test(value) && !element.closest('[lang="en"]')) found.push(value);
      }
    }
    return found;
  }, language);
}

const tabs = (name: RegExp) => page.getByTestId('workspace-panel').getByRole('tab', { name });

/** Every workspace and tab of the workbench, and the three dialogs: what each shows is checked for stray text. */
async function visitEverything(language: 'zh' | 'en'): Promise<Record<string, string[]>> {
  const stray: Record<string, string[]> = {};
  const look = async (where: string) => {
    const found = await strayText(page, language);
    if (found.length > 0) stray[where] = found;
  };
  await look('map');
  const tabNames = {
    fires: language === 'zh' ? [/导入与筛选/, /巡查清单/, /统计/] : [/Import & filter/, /Patrol list/, /Statistics/],
    eia: language === 'zh' ? [/单个项目/, /批量核查/, /核查记录/] : [/One site/, /Batch/, /History/],
    boilers: language === 'zh' ? [/数据/, /审计表/, /分市汇总/, /新建核查/] : [/Data/, /Audit table/, /By city/, /New-build check/],
    zones: language === 'zh' ? [/区域/, /版本/, /导入导出/] : [/Zones/, /Versions/, /Import \/ export/],
  };
  for (const [workspace, names] of Object.entries(tabNames)) {
    await page.getByTestId(`${workspace}-toggle`).click();
    for (const name of names) {
      await tabs(name).first().click();
      await page.waitForTimeout(200);
      await look(`${workspace} ${name.source}`);
    }
  }
  await page.getByTestId('layers-open').click();
  await look('layers');
  await page.getByTestId('layers-close').click();
  for (const dialog of ['data-sources', 'settings', 'storage']) {
    await page.getByTestId(`${dialog}-open`).click();
    await page.waitForTimeout(500);
    await look(dialog);
    await page.keyboard.press('Escape');
  }
  return stray;
}

beforeAll(async () => {
  let url: string;
  ({ server, url } = await startPreview());
  browser = await launchChromium();
  ({ page, watch } = await openApp(browser, url, { viewport: { width: 1440, height: 900 } }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('one language at a time', () => {
  it('has work in every workspace, with rejected rows, errors and problems whose messages show', async () => {
  await page.getByTestId('fires-toggle').click();
  const fires = 'latitude,longitude,acq_date,acq_time,confidence\n45.75,126.65,2024-04-05,517,h\n,126.1,2024-04-05,517,n\n126.2,46.5,2024-04-05,517,n\n45.8,127.1,2024-13-05,517,h\n';
  await page.getByTestId('fire-file-input').setInputFiles({ name: 'patrol.csv', mimeType: 'text/csv', buffer: Buffer.from(fires) });
  await expect.poll(() => page.getByTestId('fire-summary').count(), { timeout: 60000 }).toBe(1);
  await page.getByText(/被拒 \(/).click();
  // A file the reader refuses in the worker: the reason crosses the worker boundary as a catalogue text, and the
  // points already loaded stay.
  await page.getByTestId('fire-file-input').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
  await expect.poll(() => page.getByTestId('fire-error').textContent(), { timeout: 30000 }).toBe('读取失败（已加载的数据保持不变）：empty.csv：文件为空');
  expect(await page.getByTestId('fire-summary').count()).toBe(1);
  await page.getByTestId('eia-toggle').click();
  await page.getByTestId('eia-pair').fill('124.1, 46.25');
  await page.getByTestId('eia-check').click();
  await expect.poll(() => page.getByTestId('eia-drawer').getByTestId('eia-verdict').count(), { timeout: 60000 }).toBe(1);
  await page.getByTestId('eia-pair').fill('46.25, 124.1'); // swapped: an error line under the kept verdict
  await page.getByTestId('eia-check').click();
  await expect.poll(() => page.getByTestId('eia-error').count()).toBe(1);
  await tabs(/批量核查/).click();
  const sites = ['名称,经度,纬度', '近界,124.1,46.25', '缺纬度,126.6,', '反了,46.2,124.2'].join('\n');
  await page.getByTestId('eia-batch-file').setInputFiles({ name: 'sites.csv', mimeType: 'text/csv', buffer: Buffer.from(sites) });
  await expect.poll(() => page.getByTestId('eia-batch-row').count(), { timeout: 60000 }).toBe(3);
  await page.getByTestId('boilers-toggle').click();
  await page.getByTestId('boiler-sample').click();
  await expect.poll(() => page.getByTestId('boiler-inventory-status').count(), { timeout: 60000 }).toBe(1);
  await tabs(/审计表/).click();
  await page.getByTestId('boiler-row').first().click();
  await page.getByTestId('zones-toggle').click();
  await tabs(/导入导出/).click();
  const zones = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { name: 'bow', category: 'Ⅲ' }, geometry: { type: 'Polygon', coordinates: [[[127.3, 45.5], [127.32, 45.52], [127.32, 45.5], [127.3, 45.52], [127.3, 45.5]]] } },
      { type: 'Feature', properties: { name: 'point' }, geometry: { type: 'Point', coordinates: [127.3, 45.5] } },
    ],
  };
  await page.getByTestId('zone-import-file').setInputFiles({ name: 'zones.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(zones)) });
  await expect.poll(() => page.getByTestId('zone-import-pending').count(), { timeout: 30000 }).toBe(1);
  await page.getByTestId('zone-import-confirm').click();
  await tabs(/^区域$/).click();
  await page.getByTestId('zone-row').first().click();
  await expect.poll(() => page.getByTestId('zone-problems').count(), { timeout: 30000 }).toBe(1);
  });

  it('shows no English sentence in the Chinese UI, with data and messages in every workspace', async () => {
    expect(await visitEverything('zh')).toEqual({});
  });

  it('shows no Chinese in the English UI except place names beside their pinyin and quoted policy text', async () => {
    await page.getByTestId('language-switch').click();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await visitEverything('en')).toEqual({});
    // Place names: the county card and the EIA verdict show pinyin with the Chinese beside it.
    await page.getByTestId('eia-toggle').click();
    await page.getByTestId('workspace-panel').getByRole('tab', { name: /One site/ }).click();
    // The county that holds the checked site (124.1, 46.25) by Turf's point-in-polygon over the shipped boundaries,
    // with its city: each as pinyin followed by the Chinese.
    const boundaries = loadBoundariesFile();
    const county = boundaries.counties.features.find((feature) => booleanPointInPolygon([124.1, 46.25], feature))!.properties;
    const city = boundaries.cities.features.find((feature) => feature.properties.adcode === county.cityAdcode)!.properties;
    expect(`${city.nameEn} ${county.nameEn}`).toBe('Daqing Dorbod Mongol Autonomous County');
    expect(await page.getByTestId('eia-drawer').getByTestId('eia-place').textContent()).toBe(`Heilongjiang 黑龙江省 ${city.nameEn} ${city.name} ${county.nameEn} ${county.name}`);
    await page.getByTestId('language-switch').click();
  });

  it('logged no console error and made no request off its origin', () => {
    expect(watch.offOrigin).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});
