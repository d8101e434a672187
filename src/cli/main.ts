/**
 * `npm run cli -- <command> …`: the command-line face of the same src/core the app uses.
 * Exit codes: 0 done, 2 bad arguments or unreadable input, 1 anything unexpected.
 */
import { boilersCommand } from './boilers-command.ts';
import { borderCommand } from './border-command.ts';
import { eiaCommand } from './eia-command.ts';
import { firesCommand } from './fires-command.ts';
import { UsageError } from './usage-error.ts';
import { whereCommand } from './where-command.ts';
import { zonesCommand } from './zones-command.ts';

/** Each command writes its own output and returns the exit code. */
const COMMANDS: Record<string, (args: string[]) => number | Promise<number>> = {
  where: whereCommand,
  fires: firesCommand,
  border: borderCommand,
  eia: eiaCommand,
  boilers: boilersCommand,
  zones: zonesCommand,
};

const HELP = `hlj-air-map command line
  where <lon> <lat>           province, city, county and adcode of a WGS84 point (JSON)
  fires <file> [--out f.csv]  fire points attributed to county, Beijing date, same-fire and patrol cluster ids (CSV)
  border [--buffer <km>] [--out f.geojson]
                              the Jilin / Inner Mongolia provincial border lines, or their buffer polygon (GeoJSON)
  eia --lon <lon> --lat <lat> | --dms "<pair>" | --gk <X> <Y> [--epsg N] | --site <outline file>
                              clause 二十七: within 20 km of the provincial border? exact geodesic distance, whom to consult (JSON)
  eia <sites.csv|xlsx> [--out verdicts.csv|.xlsx]
                              the same verdict for every site of a table (CSV or XLSX)
  boilers <inventory.csv|xlsx> [--coverage f] [--pipelines f] [--built-up f] [--zones f] [--service-radius-m N] [--out f.csv|.xlsx]
                              clauses 十一/十三/二十三: every boiler's verdict, rule ids, clauses and reason (CSV or XLSX)
  zones validate <zones.geojson|kml|zip>
                              no-burn zones checked: area, city, county, self-intersections, overlaps, parts outside the city, slivers (JSON)
  border --help, eia --help, boilers --help
                              every form and option of those commands`;

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    console.log(HELP);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}"\n${HELP}`);
    return await command(args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

// `… | head` closes the pipe early: stop quietly, as other command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});
process.exitCode = await main(process.argv.slice(2));
