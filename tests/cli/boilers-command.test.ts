import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { boilersCommand } from '../../src/cli/boilers-command.ts';
import { BOILER_OUTPUT_COLUMNS } from '../../src/io/formats/audit-boilers-table.ts';
import { parseDelimited } from '../../src/io/formats/parse-delimited.ts';
import { readXlsxTable } from '../../src/io/formats/read-xlsx-table.ts';
import { runCliCommand } from '../helpers/run-cli-command.ts';

const boilers = (...args: string[]) => runCliCommand(boilersCommand, args);
const folder = mkdtempSync(path.join(tmpdir(), 'boilers-cli-'));
const write = (name: string, text: string) => {
  const file = path.join(folder, name);
  writeFileSync(file, text);
  return file;
};

const square = (west: number, south: number, size: number) => [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]];
const collection = (features: object[]) => JSON.stringify({ type: 'FeatureCollection', features });
const polygonFeature = (properties: object, west: number, south: number, size: number) => ({ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: square(west, south, size) } });

/** Harbin (南岗区) around 126.65 E 45.75 N; 大庆 (萨尔图区) around 125.03 E 46.60 N. */
const INVENTORY = [
  '名称,经度,纬度,额定蒸发量(t/h),燃料,用途,状态,城市',
  '建成区内30蒸吨,126.65,45.75,30,燃煤,工业,在用,哈尔滨市',
  '覆盖内供热40蒸吨,126.65,45.75,40,燃煤,供热,在用,哈尔滨',
  '大庆65蒸吨,125.03,46.60,65,燃煤,发电,在用,',
  '容量缺失,125.03,46.60,,燃煤,工业,在用,',
  '禁燃区内4蒸吨,125.03,46.60,4,燃煤,工业,在用,',
  '没有坐标,,,10,燃煤,工业,在用,',
  '木柴锅炉,125.03,46.60,4,木柴,工业,在用,',
].join('\n');

const inventory = write('锅炉.csv', INVENTORY);
const coverage = write('coverage.geojson', collection([polygonFeature({ 名称: '南岗供热区' }, 126.6, 45.7, 0.1)]));
const builtUp = write('built-up.geojson', collection([polygonFeature({ name: '哈尔滨市建成区' }, 126.55, 45.65, 0.2)]));
const zones = write('zones.geojson', collection([polygonFeature({ name: '萨尔图禁燃区', 类别: 'Ⅲ类' }, 125.0, 46.57, 0.06), polygonFeature({ name: '无类别' }, 125.5, 46.5, 0.01)]));
const pipelines = write('pipes.geojson', collection([{ type: 'Feature', properties: { name: '一号线' }, geometry: { type: 'LineString', coordinates: [[126.64, 45.7], [126.64, 45.8]] } }]));

const outputOf = (csv: string) => {
  const table = parseDelimited(csv.replace(/^\uFEFF/, ''));
  const column = (name: string) => table.header.indexOf(name);
  return { table, cell: (row: number, name: string) => table.record(row)[column(name)] ?? '' };
};

describe('boilers command', () => {
  it('writes every input row with its verdict, rule ids, clauses and reason', async () => {
    const run = await boilers(inventory, '--coverage', coverage, '--built-up', builtUp, '--zones', zones);
    expect(run.status).toBe(0);
    const { table, cell } = outputOf(run.stdout);
    expect(table.header).toEqual(['名称', '经度', '纬度', '额定蒸发量(t/h)', '燃料', '用途', '状态', '城市', ...BOILER_OUTPUT_COLUMNS]);
    expect(table.recordCount).toBe(7);
    expect(cell(0, 'verdict')).toBe('淘汰');
    expect(cell(0, 'rule_ids')).toBe('R11-builtup-35');
    expect(cell(0, 'clauses')).toBe('十一');
    expect(cell(0, 'reason')).toContain('30 t/h ≤ 35 t/h');
    expect(cell(0, 'reason')).toContain('哈尔滨市建成区');
    expect(cell(1, 'rule_ids')).toBe('R11-network-coverage');
    expect(cell(1, 'reason')).toContain('南岗供热区');
    expect(cell(2, 'verdict')).toBe('违反禁燃区规定;超低排放改造');
    expect(cell(2, 'clauses')).toBe('十三;二十三');
    expect(cell(3, 'verdict')).toBe('违反禁燃区规定;需核实'); // Ⅲ bans all coal, whatever the capacity
    expect(cell(3, 'to_verify')).toContain('额定蒸发量（t/h）或额定热功率（MW）');
    expect(cell(4, 'verdict')).toBe('违反禁燃区规定');
    expect(cell(4, 'no_burn_zones')).toBe('萨尔图禁燃区 (Ⅲ)');
    expect(cell(5, 'verdict')).toBe('');
    expect(cell(5, 'error')).toMatch(/^经度\/纬度: no location in this row/);
    expect(cell(6, 'verdict')).toBe('需核实');
    expect(cell(6, 'to_verify')).toContain('木柴');
    // The zone without a category is reported by feature number and left out, never given a default.
    expect(run.stderr).toContain('--zones');
    expect(run.stderr).toMatch(/feature 2, category: no fuel category/);
    expect(run.stderr).toMatch(/row 7, 经度/);
    expect(run.stderr).toContain('7 rows, 6 boilers audited, 1 rejected');
  });

  it('says 需核实 instead of passing when no coverage was given, and states it', async () => {
    const run = await boilers(inventory, '--built-up', builtUp);
    const { cell } = outputOf(run.stdout);
    expect(cell(1, 'verdict')).toBe('需核实');
    expect(cell(1, 'to_verify')).toContain('供热管网覆盖范围');
    expect(cell(4, 'verdict')).toBe('合规');
    expect(run.stderr).toContain('rule R13-no-burn-zone-fuel not evaluated');
  });

  it('needs a stated service radius for pipelines and names it in the reason', async () => {
    const refused = await boilers(inventory, '--pipelines', pipelines);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('give --service-radius-m');
    const run = await boilers(inventory, '--pipelines', pipelines, '--service-radius-m', '1500', '--built-up', builtUp);
    const { cell } = outputOf(run.stdout);
    expect(cell(1, 'rule_ids')).toBe('R11-network-coverage');
    expect(cell(1, 'reason')).toMatch(/距供热管网「一号线」\d+ m ≤ 服务半径 1500 m（假定）/);
    expect(run.stderr).toContain('pipelines serve 1500 m (assumed)');
  });

  it('writes XLSX with --out', async () => {
    const out = path.join(folder, 'verdicts.xlsx');
    const run = await boilers(inventory, '--built-up', builtUp, '--coverage', coverage, '--out', out);
    expect(run.status).toBe(0);
    const table = await readXlsxTable(readFileSync(out), out);
    expect(table.recordCount).toBe(7);
    expect(table.record(0)[table.header.indexOf('verdict')]).toBe('淘汰');
  });

  it('exits 2 with the file name on unreadable input', async () => {
    const missing = await boilers(path.join(folder, 'nope.csv'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope\.csv: cannot read the file/);
    const noColumns = await boilers(write('bad.csv', '名称,燃料\nA,燃煤\n'));
    expect(noColumns.status).toBe(2);
    expect(noColumns.stderr).toMatch(/bad\.csv: no location columns/);
    const badLayer = await boilers(inventory, '--zones', write('broken.geojson', '{"type":'));
    expect(badLayer.status).toBe(2);
    expect(badLayer.stderr).toMatch(/--zones .*broken\.geojson/);
    const badRadius = await boilers(inventory, '--pipelines', pipelines, '--service-radius-m', 'abc');
    expect(badRadius.status).toBe(2);
  });

  it('runs through the command-line entry point', () => {
    const result = spawnSync('node', ['--import', 'tsx', 'src/cli/main.ts', 'boilers', inventory, '--coverage', coverage], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[1]).toContain('R11-builtup-35');
  });
});
