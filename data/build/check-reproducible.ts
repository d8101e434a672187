/**
 * `npm run data:check`: runs `npm run data:build` and fails unless every output is byte-identical
 * to the committed one (the data build must be reproducible).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outputs = [
  'public/data/boundaries.topo.json', 'public/data/provincial-border.geojson', 'public/data/sample-fires.csv',
  'public/data/sample-boilers.csv', 'public/data/sample-built-up.geojson', 'public/data/sample-heating-coverage.geojson',
  'public/data/sample-heating-pipelines.geojson', 'public/data/sample-no-burn-zones.geojson', 'public/data/boundary-summary.json', 'public/data/provenance.json',
  ...readdirSync(path.join(root, 'public/data/tiles'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort()];
const digest = (file: string) => createHash('sha256').update(readFileSync(path.join(root, file))).digest('hex');

const before = outputs.map(digest);
execFileSync('npm', ['run', '--silent', 'data:build'], { cwd: root, stdio: 'inherit' });
const changed = outputs.filter((file, i) => digest(file) !== before[i]);
if (changed.length > 0) {
  console.error(`not reproducible: ${changed.join(', ')} changed on rebuild (git diff shows how)`);
  process.exit(1);
}
console.error(`reproducible: ${outputs.map((f, i) => `${f} ${before[i]!.slice(0, 12)}`).join(', ')}`);
