import { writeFileSync } from 'node:fs';
import { UsageError } from './usage-error.ts';

/** Writes an `--out` file; a path that cannot be written is a usage error naming it, not a stack trace. */
export function writeOutputFile(file: string, data: string | Uint8Array): void {
  try {
    writeFileSync(file, data);
  } catch (error) {
    throw new UsageError(`--out ${file}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check that the folder exists`);
  }
}
