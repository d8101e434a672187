import { createLocator, type Location } from '../core/geo/create-locator.ts';
import { loadBoundariesFile } from '../io/node/load-boundaries-file.ts';
import { UsageError } from './usage-error.ts';

const USAGE = 'usage: npm run cli -- where <lon> <lat>   (WGS84 decimal degrees, e.g. where 126.65 45.75)';

function parseDegrees(text: string | undefined, name: 'lon' | 'lat'): number {
  if (text === undefined) throw new UsageError(`missing <${name}>\n${USAGE}`);
  const value = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isFinite(value)) throw new UsageError(`<${name}> "${text}" is not a decimal number of degrees\n${USAGE}`);
  return value;
}

/** `where <lon> <lat>`: prints the province, city, county and adcode of a WGS84 point as JSON. */
export function whereCommand(args: string[]): number {
  console.log(JSON.stringify(locate(args)));
  return 0;
}

function locate(args: string[]): Location {
  if (args.length !== 2) throw new UsageError(`expected 2 arguments, got ${args.length}\n${USAGE}`);
  const lon = parseDegrees(args[0], 'lon');
  const lat = parseDegrees(args[1], 'lat');
  if (Math.abs(lat) > 90 && Math.abs(lon) <= 90) {
    throw new UsageError(`latitude ${lat} is out of range (−90…90); did you swap them? try: where ${lat} ${lon}`);
  }
  if (Math.abs(lon) > 180) throw new UsageError(`longitude ${lon} is out of range (−180…180)`);
  if (Math.abs(lat) > 90) throw new UsageError(`latitude ${lat} is out of range (−90…90)`);
  return createLocator(loadBoundariesFile()).where(lon, lat);
}
