/**
 * `npm run cli -- <command> …`: the command-line face of the same src/core the app uses.
 * Exit codes: 0 done, 2 bad arguments or unreadable input, 1 anything unexpected.
 */
import { firesCommand } from './fires-command.ts';
import { UsageError } from './usage-error.ts';
import { whereCommand } from './where-command.ts';

/** Each command writes its own output and returns the exit code. */
const COMMANDS: Record<string, (args: string[]) => number | Promise<number>> = {
  where: whereCommand,
  fires: firesCommand,
};

const HELP = `hlj-air-map command line
  where <lon> <lat>           province, city, county and adcode of a WGS84 point (JSON)
  fires <file> [--out f.csv]  fire points attributed to county, Beijing date, same-fire and patrol cluster ids (CSV)`;

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

process.exitCode = await main(process.argv.slice(2));
