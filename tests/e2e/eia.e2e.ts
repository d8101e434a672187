import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from 'vite';
import { toGaussKruger3 } from '../../src/core/geo/coordinates.ts';
import type { ProvincialBorder } from '../../src/core/eia/provincial-border.ts';
import { EIA_OUTPUT_COLUMNS } from '../../src/io/formats/eia-output.ts';
import { parseDelimited } from '../../src/io/formats/parse-delimited.ts';
import { launchChromium, openApp, startPreview, type PageWatch } from '../helpers/browser.ts';
import { geodesicAzimuths } from '../helpers/brute-force-geodesic.ts';
import { borderVertexNear, geodesicMetres, moveFrom, referenceDistance } from '../helpers/border-reference.ts';

let browser: Browser;
let server: PreviewServer;
let page: Page;
let watch: PageWatch;

const border = JSON.parse(readFileSync('public/data/provincial-border.geojson', 'utf8')) as ProvincialBorder;
// A vertex on the 牡丹江 (Heilongjiang) – 延边 (Jilin) border; azimuth − 90° points into Heilongjiang.
const vertex = borderVertexNear(border, 129.578, 43.872, '吉林省');
const intoHeilongjiang = (metres: number) => moveFrom(vertex, vertex.azimuth - 90, metres);

/** Degrees as DMS text with three decimals of seconds (3 cm), written here rather than by the app's formatter. */
function dms(value: number, axis: 'lon' | 'lat'): string {
  const milliseconds = Math.round(Math.abs(value) * 3_600_000);
  const degrees = Math.floor(milliseconds / 3_600_000);
  const minutes = Math.floor((milliseconds - degrees * 3_600_000) / 60_000);
  const seconds = (milliseconds - degrees * 3_600_000 - minutes * 60_000) / 1000;
  return `${degrees}°${String(minutes).padStart(2, '0')}'${seconds.toFixed(3).padStart(6, '0')}"${axis === 'lon' ? 'E' : 'N'}`;
}

/** The degrees a DMS text of {@link dms} stands for. */
function fromDms(value: number): number {
  return Math.round(Math.abs(value) * 3_600_000) / 3_600_000;
}

beforeAll(async () => {
  let url: string;
  ({ server, url } = await startPreview());
  browser = await launchChromium();
  ({ page, watch } = await openApp(browser, url, { viewport: { width: 1400, height: 900 }, acceptDownloads: true }));
  await page.getByTestId('eia-toggle').click();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const drawer = () => page.getByTestId('eia-drawer');
/** The workspace panel's title. */
const panelTitle = () => page.getByTestId('workspace-panel').locator('h2');
const verdictText = async () => ((await drawer().getByTestId('eia-verdict').count()) ? (await drawer().getByTestId('eia-verdict').textContent()) ?? '' : '');
const headline = async () => (await drawer().getByTestId('eia-verdict-headline').textContent()) ?? '';
/** Metres of the card's distance line ("11,469.3 m (11.469 km)"). */
const distanceMetres = async () => Number(/^([\d,]+\.\d) m/.exec((await drawer().getByTestId('eia-distance').textContent())!)![1]!.replace(/,/g, ''));
/** WGS84 degrees of the card's converted-coordinates line (7 decimals). */
const convertedPoint = async (): Promise<[number, number]> => {
  const [, lon, lat] = /(\d+\.\d{7}), (\d+\.\d{7})/.exec((await drawer().getByTestId('eia-converted').textContent())!)!;
  return [Number(lon), Number(lat)];
};
const errorText = async () => ((await drawer().getByTestId('eia-error').count()) ? (await drawer().getByTestId('eia-error').textContent()) ?? '' : '');

/** Types a WGS84/GCJ-02 pair into the one-field form and checks it. */
async function checkPair(system: 'wgs84' | 'gcj02', text: string): Promise<void> {
  await drawer().getByTestId('eia-system').selectOption(system);
  await drawer().getByTestId('eia-pair').fill(text);
  await drawer().getByTestId('eia-check').click();
  await expect.poll(verdictText, { timeout: 30000 }).toContain(`${text}（${system.toUpperCase()}）`);
}

/** Centres the map on a point at a zoom (close enough that one pixel is far under the tolerances). */
async function centreOn(lon: number, lat: number, zoom: number): Promise<void> {
  await page.evaluate(([x, y, z]) => window.hljAirMap!.controller.map.jumpTo({ center: [x!, y!], zoom: z! }), [lon, lat, zoom]);
}
/** Clicks a point on the map canvas, after making sure no panel covers it there. */
async function clickMap(lon: number, lat: number): Promise<void> {
  const target = await page.evaluate(([x, y]) => window.hljAirMap!.controller.project(x!, y!), [lon, lat]);
  const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
  const [x, y] = [box.x + target.x, box.y + target.y];
  expect(await page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.classList.contains('maplibregl-canvas'), [x, y])).toBe(true);
  await page.mouse.click(x, y);
}

describe('EIA border workspace (clause 二十七)', () => {
  it('draws the border and the 20 km buffer, and rebuilds the buffer at 5 km', async () => {
    const status = drawer().getByTestId('eia-buffer-status');
    await expect.poll(async () => (await status.textContent()) ?? '', { timeout: 60000 }).toMatch(/：20 公里，[\d]+ /);
    await expect.poll(() => page.evaluate(() => window.hljAirMap!.controller.deckLayerIds()), { timeout: 30000 }).toEqual(expect.arrayContaining(['eia-border', 'eia-buffer']));
    const at20 = (await status.textContent())!;

    await drawer().getByTestId('eia-buffer-km').fill('5');
    await drawer().getByTestId('eia-buffer-km').press('Enter');
    await expect.poll(async () => (await status.textContent()) ?? '', { timeout: 60000 }).toMatch(/：5 公里，[\d]+ /);
    const at5 = (await status.textContent())!;
    // A different buffer (other vertex count), and the note that verdicts still use 20 km.
    expect(/(\d+) 个顶点/.exec(at5)![1]).not.toBe(/(\d+) 个顶点/.exec(at20)![1]);
    expect(at5).toContain('判定按第二十七条 20 公里');
    expect(await page.evaluate(() => window.hljAirMap!.controller.deckLayerIds())).toContain('eia-buffer');

    await drawer().getByTestId('eia-buffer-km').fill('20');
    await drawer().getByTestId('eia-buffer-km').press('Enter');
    const vertices20 = /(\d+) 个顶点/.exec(at20)![1];
    await expect.poll(async () => (await status.textContent()) ?? '', { timeout: 60000 }).toMatch(new RegExp(`：20 公里，${vertices20} 个顶点，\\d+ ms$`));
  });

  it('moves the buffer with the slider from the keyboard (three steps right: 23 km), and back', async () => {
    const status = drawer().getByTestId('eia-buffer-status');
    const slider = drawer().getByTestId('eia-buffer-slider');
    await slider.focus();
    for (let i = 0; i < 3; i++) await slider.press('ArrowRight');
    await expect.poll(async () => (await status.textContent()) ?? '', { timeout: 60000 }).toMatch(/：23 公里，\d+ /);
    expect(await drawer().getByTestId('eia-buffer-km').inputValue()).toBe('23');
    await drawer().getByTestId('eia-buffer-km').fill('20');
    await drawer().getByTestId('eia-buffer-km').press('Enter');
    await expect.poll(async () => (await status.textContent()) ?? '', { timeout: 60000 }).toMatch(/：20 公里，\d+ /);
  });

  it('judges a typed DMS pair 12 km into Heilongjiang from the Jilin border to the brute-force metre', async () => {
    const [lon, lat] = intoHeilongjiang(12_000);
    const text = `${dms(lon, 'lon')} ${dms(lat, 'lat')}`;
    const reference = referenceDistance(border, fromDms(lon), fromDms(lat));
    expect(reference.distance).toBeGreaterThan(11_000);
    expect(reference.distance).toBeLessThan(12_001);

    await checkPair('wgs84', text);
    expect(await headline()).toContain('位于省界两侧 20 公里内');
    expect(Math.abs((await distanceMetres()) - reference.distance)).toBeLessThan(1);
    expect(await drawer().getByTestId('eia-consult').textContent()).toBe('吉林省');
    expect(await drawer().getByTestId('eia-place').textContent()).toMatch(/^黑龙江省 牡丹江市/);
    const converted = await convertedPoint();
    expect(geodesicMetres(converted, [fromDms(lon), fromDms(lat)])).toBeLessThan(0.05);
  });

  it('reads Gauss-Krüger X/Y with the zone prefix, and refuses Y without it while keeping the verdict', async () => {
    const [lon, lat] = intoHeilongjiang(12_000);
    const gk = toGaussKruger3(lon, lat);
    const [x, y] = [gk.x.toFixed(3), gk.y.toFixed(3)];
    const reference = referenceDistance(border, lon, lat);

    await drawer().getByTestId('eia-system').selectOption('gauss-kruger');
    await drawer().getByTestId('eia-x').fill(x);
    await drawer().getByTestId('eia-y').fill(y);
    await drawer().getByTestId('eia-check').click();
    await expect.poll(verdictText, { timeout: 30000 }).toContain(`X=${x} Y=${y}（CGCS2000 高斯-克吕格）`);
    expect(await headline()).toContain('位于省界两侧 20 公里内');
    expect(geodesicMetres(await convertedPoint(), [lon, lat])).toBeLessThan(0.05);
    expect(Math.abs((await distanceMetres()) - reference.distance)).toBeLessThan(1);
    expect(await drawer().getByTestId('eia-converted').textContent()).toContain(`EPSG:${gk.epsg}`);
    const before = await verdictText();

    const withoutPrefix = (gk.y - gk.zone * 1e6).toFixed(3);
    await drawer().getByTestId('eia-y').fill(withoutPrefix);
    await drawer().getByTestId('eia-check').click();
    await expect.poll(errorText, { timeout: 10000 }).toContain('没有带号');
    expect(await errorText()).toContain('投影带');
    expect(await errorText()).toContain(withoutPrefix);
    expect(await verdictText()).toBe(before);
  });

  it('converts a GCJ-02 pair to WGS84, a shift of 400–700 m', async () => {
    const typed: [number, number] = [126.6368, 45.7583];
    await checkPair('gcj02', `${typed[0]}, ${typed[1]}`);
    expect(await drawer().getByTestId('eia-error').count()).toBe(0);
    const converted = await convertedPoint();
    const shift = geodesicMetres(converted, typed);
    expect(shift).toBeGreaterThan(400);
    expect(shift).toBeLessThan(700);
    expect(Math.abs((await distanceMetres()) - referenceDistance(border, converted[0], converted[1]).distance)).toBeLessThan(1);
  });

  it('picks a site on the map 30 km inside Heilongjiang: outside the zone', async () => {
    const [lon, lat] = intoHeilongjiang(30_000);
    expect(referenceDistance(border, lon, lat).distance).toBeGreaterThan(25_000);
    await centreOn(lon, lat, 9);
    await drawer().getByTestId('eia-pick').click();
    expect(await drawer().getByTestId('eia-pick').getAttribute('aria-pressed')).toBe('true');
    await clickMap(lon, lat);
    await expect.poll(verdictText, { timeout: 30000 }).toContain('地图点选');
    expect(await headline()).toContain('不在省界两侧 20 公里范围内');
    const picked = await convertedPoint();
    expect(Math.abs(picked[0] - lon)).toBeLessThan(0.01);
    expect(Math.abs(picked[1] - lat)).toBeLessThan(0.01);
    expect(Math.abs((await distanceMetres()) - referenceDistance(border, picked[0], picked[1]).distance)).toBeLessThan(1);
    expect(await drawer().getByTestId('eia-consult').textContent()).toBe('—');
    expect(await drawer().getByTestId('eia-pick').getAttribute('aria-pressed')).toBe('false');
  });

  it('draws a polygon straddling the border with 4 clicks and Enter: distance 0', async () => {
    const corners = [0, 90, 180, 270].map((azimuth) => moveFrom(vertex, azimuth, 4000));
    await centreOn(vertex.lon, vertex.lat, 10);
    await drawer().getByTestId('eia-draw').click();
    for (const [lon, lat] of corners) await clickMap(lon!, lat!);
    await expect.poll(async () => (await drawer().getByRole('status').textContent()) ?? '').toContain('（4）');
    await page.keyboard.press('Enter');
    await expect.poll(verdictText, { timeout: 30000 }).toContain('手绘范围，4 个拐点');
    expect(await headline()).toContain('位于省界两侧 20 公里内');
    expect(await distanceMetres()).toBe(0);
    expect(await drawer().getByTestId('eia-consult').textContent()).toBe('吉林省');
    expect(await page.evaluate(() => window.hljAirMap!.controller.deckLayerIds())).toContain('eia-site');
  });

  it('judges an uploaded GeoJSON outline, and a bow-tie fails with a message while the verdict stays', async () => {
    const [lon, lat] = intoHeilongjiang(12_000);
    const [west, east, south, north] = [lon - 0.01, lon + 0.01, lat - 0.008, lat + 0.008];
    const outline = (ring: number[][]) =>
      Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '测试厂区' }, geometry: { type: 'Polygon', coordinates: [ring] } }] }));
    const [sw, se, ne, nw] = [[west, south], [east, south], [east, north], [west, north]];
    await drawer().getByTestId('eia-outline-file').setInputFiles({ name: 'outline.geojson', mimeType: 'application/geo+json', buffer: outline([sw!, se!, ne!, nw!, sw!]) });
    await expect.poll(verdictText, { timeout: 30000 }).toContain('outline.geojson：测试厂区');
    expect(await headline()).toContain('位于省界两侧 20 公里内');
    // The card's nearest point of the outline lies on its edge, the brute force agrees with the distance from it, and no corner is nearer.
    const distance = await distanceMetres();
    const nearest = await convertedPoint();
    const onEdge = Math.min(Math.abs(nearest[0] - west), Math.abs(nearest[0] - east), Math.abs(nearest[1] - south), Math.abs(nearest[1] - north));
    expect(onEdge).toBeLessThan(1e-5);
    expect(Math.abs(distance - referenceDistance(border, nearest[0], nearest[1]).distance)).toBeLessThan(1);
    for (const corner of [sw, se, ne, nw]) expect(distance).toBeLessThanOrEqual(referenceDistance(border, corner![0]!, corner![1]!).distance + 1);
    const before = await verdictText();

    await drawer().getByTestId('eia-outline-file').setInputFiles({ name: 'bowtie.geojson', mimeType: 'application/geo+json', buffer: outline([sw!, ne!, se!, nw!, sw!]) });
    await expect.poll(errorText, { timeout: 30000 }).toContain('自相交');
    expect(await verdictText()).toBe(before);
  });

  it('screens the downwind sector of an elevated source 10 km from the Jilin border', async () => {
    const [lon, lat] = intoHeilongjiang(10_000).map((degrees) => Number(degrees.toFixed(6))) as [number, number];
    const reference = referenceDistance(border, lon, lat);
    await checkPair('wgs84', `${lon}, ${lat}`);
    expect(await headline()).toContain('位于省界两侧 20 公里内');

    // The wind blows from the opposite of the bearing to the nearest border point, so the sector points at it.
    const bearing = geodesicAzimuths([lon, lat], reference.point).atStart;
    const towardsBorder = Math.round((bearing + 180 + 360) % 360);
    await drawer().getByTestId('eia-downwind').check();
    await drawer().getByTestId('eia-wind-from').fill(String(towardsBorder));
    await drawer().getByTestId('eia-wind-from').press('Enter');
    await drawer().getByTestId('eia-sector-km').fill('30');
    await drawer().getByTestId('eia-sector-km').press('Enter');
    const result = drawer().getByTestId('eia-downwind-result');
    await expect.poll(async () => ((await result.count()) ? (await result.textContent()) ?? '' : ''), { timeout: 30000 }).toContain(`${towardsBorder}°，30 km`);
    expect(await result.textContent()).toContain('下风向扇区越过省界进入 吉林省');
    expect(await page.evaluate(() => window.hljAirMap!.controller.deckLayerIds())).toContain('eia-sector');

    // The opposite wind points the sector into Heilongjiang: it stays.
    const awayFromBorder = Math.round((bearing + 360) % 360);
    await drawer().getByTestId('eia-wind-from').fill(String(awayFromBorder));
    await drawer().getByTestId('eia-wind-from').press('Enter');
    await expect.poll(async () => (await result.textContent()) ?? '', { timeout: 30000 }).toContain(`${awayFromBorder}°，30 km`);
    expect(await result.textContent()).toContain('下风向扇区未越过省界');
    expect(await result.textContent()).not.toContain('吉林省');
  });

  it('checks a sites table, filters to the zone and exports every filtered row with the verdict columns', async () => {
    const near12 = intoHeilongjiang(12_000);
    const near5 = intoHeilongjiang(5_000);
    const far45 = intoHeilongjiang(45_000);
    const far70 = intoHeilongjiang(70_000);
    const references = [near12, near5, far45, far70].map(([lon, lat]) => referenceDistance(border, Number(lon!.toFixed(6)), Number(lat!.toFixed(6))).distance);
    expect(references.map((d) => d <= 20_000)).toEqual([true, true, false, false]);
    const f = (value: number) => value.toFixed(6);
    const csv = [
      '名称,经度,纬度',
      `近界甲,${f(near12[0])},${f(near12[1])}`,
      `近界乙,${f(near5[0])},${f(near5[1])}`,
      `远离丙,${f(far45[0])},${f(far45[1])}`,
      `远离丁,${f(far70[0])},${f(far70[1])}`,
      `缺纬度,${f(near12[0])},`,
      `填反,${f(near5[1])},${f(near5[0])}`,
    ].join('\n');

    await drawer().getByRole('tab', { name: '批量核查' }).click();
    await drawer().getByTestId('eia-batch-file').setInputFiles({ name: 'sites.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const summary = drawer().getByTestId('eia-batch-summary');
    await expect.poll(async () => ((await summary.count()) ? (await summary.textContent()) ?? '' : ''), { timeout: 30000 }).toContain('sites.csv: 6 个项目，2 个在会商区内，2 行无法读取');
    const table = drawer().getByTestId('eia-batch-table');
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatch(/^2近界甲是/);
    expect(rows[2]).toMatch(/^4远离丙否/);
    // The row's reason in the UI language, the column heading as the file has it.
    expect(rows[4]).toContain('纬度：纬度为空');
    expect(rows[5]).toContain('填反');
    expect(await page.evaluate(() => window.hljAirMap!.controller.deckLayerIds())).toContain('eia-batch');

    await drawer().getByRole('radio', { name: '会商区内' }).check();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);

    const [download] = await Promise.all([page.waitForEvent('download'), drawer().getByTestId('eia-export-csv').click()]);
    expect(download.suggestedFilename()).toBe('环评会商核查-sites.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const exported = parseDelimited(text.slice(1));
    const header = exported.header;
    expect(header).toEqual(['名称', '经度', '纬度', ...EIA_OUTPUT_COLUMNS]);
    const records = Array.from({ length: exported.recordCount }, (_, i) => exported.record(i));
    expect(records.map((record) => record[0])).toEqual(['近界甲', '近界乙']);
    const column = (name: string) => header.indexOf(name);
    records.forEach((record, i) => {
      expect(record[column('within_consultation_zone')]).toBe('true');
      expect(Math.abs(Number(record[column('distance_to_border_m')]) - references[i]!)).toBeLessThan(1);
      expect(record[column('consult_provinces')]).toBe('吉林省');
      expect(record[column('province')]).toBe('黑龙江省');
      expect(record[column('error')]).toBe('');
    });

    await drawer().getByRole('tab', { name: '单个项目' }).click();
    await expect.poll(headline).toContain('位于省界两侧 20 公里内');
  });

  it('prints a one-page report with the clause text and the border data version', async () => {
    const provenance = JSON.parse(readFileSync('public/data/provenance.json', 'utf8')) as { files: { path: string; sha256: string }[] };
    const sha = provenance.files.find((file) => file.path.endsWith('provincial-border.geojson'))!.sha256;
    const report = page.getByTestId('eia-report');
    expect(await report.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    try {
      await expect.poll(() => report.isVisible()).toBe(true);
      await expect.poll(async () => (await report.getByTestId('eia-report-version').textContent()) ?? '').toContain(sha.slice(0, 12));
      expect(await report.getByTestId('eia-report-clause').textContent()).toContain('省界两侧20公里');
      expect(await report.getByTestId('eia-verdict-headline').textContent()).toContain('位于省界两侧 20 公里内');
      expect(await page.getByTestId('eia-drawer').isVisible()).toBe(false);
      const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
      expect(pdf.match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    await expect.poll(() => report.isVisible()).toBe(false);
  });

  it('ends picking when the workspace closes, so a map click selects a county again', async () => {
    await drawer().getByTestId('eia-pick').click();
    await page.getByTestId('eia-toggle').click();
    await expect.poll(() => page.getByTestId('eia-drawer').count()).toBe(0);
    expect(await page.evaluate(() => window.hljAirMap!.controller.map.getCanvas().style.cursor)).not.toBe('crosshair');
    await page.getByTestId('eia-toggle').click();
    await expect.poll(() => drawer().getByTestId('eia-pick').getAttribute('aria-pressed')).toBe('false');
  });

  it('switches the workspace to English and back', async () => {
    await page.getByTestId('language-switch').click();
    await expect.poll(() => panelTitle().textContent()).toBe('EIA border check');
    expect(await headline()).toContain('Within 20 km of the provincial border');
    await page.getByTestId('language-switch').click();
    await expect.poll(() => panelTitle().textContent()).toBe('省界环评会商');
  });

  it('made no request off its origin and logged no console error', () => {
    expect(watch.offOrigin).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});
