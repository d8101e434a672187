import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../../src/io/formats/parse-delimited.ts';

const cli = (...args: string[]) => spawnSync('node', ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
const HEADER = 'latitude,longitude,bright_ti4,scan,track,acq_date,acq_time,satellite,instrument,confidence,version,bright_ti5,frp,daynight';

describe('npm run cli -- fires', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fires-'));
  const input = path.join(dir, 'fires.csv');
  writeFileSync(
    input,
    [
      HEADER,
      '45.75,126.65,330,0.4,0.4,2024-04-05,517,N,VIIRS,h,2,290,5,D', // 南岗区, Harbin
      '45.752,126.652,331,0.4,0.4,2024-04-05,617,N20,VIIRS,n,2,290,4,D', // same fire an hour later, 300 m away
      '45.9,126.65,331,0.4,0.4,2024-04-05,1730,N,VIIRS,n,2,290,4,N', // 17 km north, next Beijing day
      '43.88,125.32,330,0.4,0.4,2024-04-05,517,N,VIIRS,n,2,290,2,D', // Changchun, Jilin
      ',126.1,330,0.4,0.4,2024-04-05,517,N,VIIRS,n,2,290,2,D', // empty latitude
      '"=cmd|\' /C calc\'!A0",126.1,330,0.4,0.4,2024-04-05,517,N,VIIRS,n,2,290,2,D',
    ].join('\n'),
  );

  it('writes the input columns plus attribution, Beijing date, fire and cluster ids, and a summary on stderr', () => {
    const out = path.join(dir, 'out.csv');
    const rejected = path.join(dir, 'rejected.csv');
    const run = cli('fires', input, '--out', out, '--rejected', rejected);
    expect(run.status).toBe(0);
    const table = parseDelimited(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''));
    expect(table.header.slice(-6)).toEqual(['attributed_city', 'attributed_county', 'attributed_adcode', 'beijing_date', 'fire_id', 'cluster_id']);
    const records = Array.from({ length: table.recordCount }, (_, i) => table.record(i));
    expect(records.map((r) => r.slice(-6))).toEqual([
      ['哈尔滨市', '南岗区', '230103', '2024-04-05', '1', '1'],
      ['哈尔滨市', '南岗区', '230103', '2024-04-05', '1', '1'],
      ['哈尔滨市', expect.any(String), expect.stringMatching(/^2301/), '2024-04-06', '2', '2'],
      ['', '', '', '2024-04-05', '3', '3'],
    ]);
    expect(records[0]!.slice(0, 14).join(',')).toBe('45.75,126.65,330,0.4,0.4,2024-04-05,517,N,VIIRS,h,2,290,5,D');
    expect(run.stderr).toContain('6 rows read (firms-viirs, utf-8), 4 accepted, 2 rejected');
    expect(run.stderr).toContain('row 6, latitude: empty');
    expect(run.stderr).toMatch(/哈尔滨市\t3\t2/);
    const rejectedTable = parseDelimited(readFileSync(rejected, 'utf8').replace(/^\uFEFF/, ''));
    const rejectedRows = [rejectedTable.record(0), rejectedTable.record(1)];
    expect(rejectedRows[0]).toEqual(['6', 'latitude', 'empty', '']);
    expect(rejectedRows[1]![3]).toBe("'=cmd|' /C calc'!A0"); // formula guard on the way out
  });

  it('reads an official XLSX sheet', async () => {
    const { toXlsx } = await import('../../src/io/formats/write-xlsx.ts');
    const workbook = path.join(dir, '火点.xlsx');
    writeFileSync(workbook, new Uint8Array(await (await toXlsx(['时间', '中心经度', '中心纬度', '县'], [['2024-04-05 13:20', '126.65', '45.75', '南岗区']])).arrayBuffer()));
    const out = path.join(dir, 'xlsx-out.csv');
    const run = cli('fires', workbook, '--out', out);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('1 rows read (official, xlsx), 1 accepted, 0 rejected');
    const table = parseDelimited(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''));
    expect(table.record(0).slice(-6)).toEqual(['哈尔滨市', '南岗区', '230103', '2024-04-05', '1', '1']);
  });

  it('exits 2 with the file name on unreadable input', () => {
    const missing = cli('fires', path.join(dir, 'missing.csv'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('missing.csv: cannot read the file (ENOENT)');
    const noCoordinates = path.join(dir, 'nocoords.csv');
    writeFileSync(noCoordinates, 'a,b\n1,2\n');
    const run = cli('fires', noCoordinates);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('nocoords.csv: no longitude');
  });

  it('exits 2 on a bad option', () => {
    expect(cli('fires', input, '--fire-window-h', '-1').status).toBe(2);
    expect(cli('fires', input, '--colour', 'red').status).toBe(2);
  });
});
