import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProvincialBorder } from '../../core/eia/provincial-border.ts';

/** Path of the shipped provincial border lines, relative to the repository. */
export const BORDER_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../public/data/provincial-border.geojson');

/** Reads the shipped Heilongjiang–Jilin / Heilongjiang–Inner Mongolia border lines from disk (the app fetches the same file). */
export function loadBorderFile(file = BORDER_FILE): ProvincialBorder {
  return JSON.parse(readFileSync(file, 'utf8')) as ProvincialBorder;
}
