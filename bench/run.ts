/**
 * `npm run bench [-- --json] [-- --only startup|locate|fires|border|boilers|zones] [-- --skip-slow]`: every figure beside its
 * baseline, measured in the same run. Human-readable lines go to stderr; with --json, stdout gets
 * [{"name","value","unit"}]. --skip-slow (or BENCH_SKIP_SLOW=1) leaves out baselines that take minutes.
 */
import { benchBoilers } from './boilers.ts';
import { benchBorder } from './border.ts';
import { benchFiresBrowser, benchFiresCore } from './fires.ts';
import { benchLocatePoints } from './locate-points.ts';
import type { Figure } from './measure.ts';
import { benchStartup } from './startup.ts';
import { benchZoneAssists } from './zone-assists.ts';
import { benchZones } from './zones.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const skipSlow = args.includes('--skip-slow') || process.env.BENCH_SKIP_SLOW === '1';
const log = (line: string) => console.error(line);

const suites: Record<string, () => Figure[] | Promise<Figure[]>> = {
  locate: () => benchLocatePoints(log),
  startup: () => benchStartup(log),
  fires: async () => {
    const core = benchFiresCore(log);
    const readMs = core.find((f) => f.name === 'fires.read_1m')!.value;
    return [...core, ...(await benchFiresBrowser(log, readMs))];
  },
  border: () => benchBorder(log, { skipSlow }),
  boilers: () => benchBoilers(log),
  zones: () => [...benchZones(log), ...benchZoneAssists(log)],
};

const figures: Figure[] = [];
for (const [name, suite] of Object.entries(suites)) {
  if (only && only !== name) continue;
  figures.push(...(await suite()));
}
if (json) console.log(JSON.stringify(figures, null, 2));
