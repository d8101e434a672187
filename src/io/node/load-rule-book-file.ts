import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleBook } from '../../core/rules.ts';

/** Path of the machine-readable rule book, relative to the repository. */
export const RULE_BOOK_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../seeds/rules.json');

/** Reads seeds/rules.json, where every threshold a verdict uses lives. */
export function loadRuleBookFile(file = RULE_BOOK_FILE): RuleBook {
  return JSON.parse(readFileSync(file, 'utf8')) as RuleBook;
}
