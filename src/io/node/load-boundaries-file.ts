import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBoundaries, type Boundaries, type BoundaryTopology } from '../../core/geo/boundaries.ts';

/** Path of the shipped boundary data, relative to the repository. */
export const BOUNDARIES_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../public/data/boundaries.topo.json');

/** Reads the shipped boundary topology from disk, undecoded (the data build derives the border and tiles from it). */
export function readBoundaryTopology(file = BOUNDARIES_FILE): BoundaryTopology {
  return JSON.parse(readFileSync(file, 'utf8')) as BoundaryTopology;
}

/** Reads and decodes the shipped boundary data from disk (the app fetches the same file). */
export function loadBoundariesFile(file = BOUNDARIES_FILE): Boundaries {
  return decodeBoundaries(readBoundaryTopology(file));
}
