import { UsageError } from './usage-error.ts';

/** Options beyond `--name value`: bare flags (`--gcj`) and options that take two values (`--gk <x> <y>`). */
export interface OptionKinds {
  flags?: string[];
  pairs?: string[];
}

/** Splits `--name value` options (only the names given), flags and two-value options from positional arguments. */
export function parseOptions(
  args: string[],
  names: string[],
  usage: string,
  kinds: OptionKinds = {},
): { positional: string[]; options: Map<string, string>; flags: Set<string>; pairs: Map<string, [string, string]> } {
  const positional: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  const pairs = new Map<string, [string, string]>();
  // A value may be a negative number, never another option.
  const isValue = (value: string | undefined): value is string => value !== undefined && !value.startsWith('--');
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const name = arg.slice(2);
    if (kinds.flags?.includes(name)) {
      flags.add(name);
      continue;
    }
    if (kinds.pairs?.includes(name)) {
      const first = args[i + 1];
      const second = args[i + 2];
      if (!isValue(first) || !isValue(second)) throw new UsageError(`${arg} needs two values\n${usage}`);
      pairs.set(name, [first, second]);
      i += 2;
      continue;
    }
    if (!names.includes(name)) throw new UsageError(`unknown option ${arg}\n${usage}`);
    const value = args[i + 1];
    if (!isValue(value)) throw new UsageError(`${arg} needs a value\n${usage}`);
    options.set(name, value);
    i++;
  }
  return { positional, options, flags, pairs };
}
