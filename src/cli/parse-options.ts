import { UsageError } from './usage-error.ts';

/** Splits `--name value` options (only the names given) from positional arguments. */
export function parseOptions(args: string[], names: string[], usage: string): { positional: string[]; options: Map<string, string> } {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const name = arg.slice(2);
    if (!names.includes(name)) throw new UsageError(`unknown option ${arg}\n${usage}`);
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value\n${usage}`);
    options.set(name, value);
    i++;
  }
  return { positional, options };
}
