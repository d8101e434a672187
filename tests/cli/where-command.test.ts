import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const cli = (...args: string[]) => spawnSync('node', ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });

describe('npm run cli -- where', () => {
  it('prints the JSON location of a point in Heilongjiang', () => {
    const run = cli('where', '126.65', '45.75');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ province: '黑龙江省', city: '哈尔滨市', county: '南岗区', adcode: '230103' });
  });

  it('exits 2 with a hint when latitude and longitude are swapped', () => {
    const run = cli('where', '45.75', '126.65');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('did you swap them? try: where 126.65 45.75');
    expect(run.stdout).toBe('');
  });

  it('exits 2 on a value that is not a number or a missing argument', () => {
    const notNumber = cli('where', '126.65E', '45.75');
    expect(notNumber.status).toBe(2);
    expect(notNumber.stderr).toContain('<lon> "126.65E" is not a decimal number of degrees');
    expect(cli('where', '126.65').status).toBe(2);
    expect(cli('nowhere').status).toBe(2);
  });
});
