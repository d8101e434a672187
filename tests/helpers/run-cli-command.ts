import { vi } from 'vitest';
import { UsageError } from '../../src/cli/usage-error.ts';

/** What a command printed and the exit code main.ts would give (2 for a UsageError, as `error: …` on stderr). */
export interface CommandRun {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a CLI command in this process (no tsx start-up, data loaded once per test file), capturing
 * process.stdout and process.stderr writes. The child-process tests cover main.ts itself.
 */
export async function runCliCommand(command: (args: string[]) => number | Promise<number>, args: string[]): Promise<CommandRun> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const status = await command(args);
    return { status, stdout, stderr };
  } catch (error) {
    if (error instanceof UsageError) return { status: 2, stdout, stderr: `${stderr}error: ${error.message}\n` };
    throw error;
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
