import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PROVENANCE_FILE = path.join(ROOT, 'public/data/provenance.json');

/** One shipped file's record: where it came from, under which licence, how it was made, and its checksum. */
export interface ProvenanceEntry {
  path: string;
  /** True for generated sample data; the UI labels it 合成数据 / synthetic. */
  synthetic: boolean;
  description: string;
  generatedBy: string;
  sources: { name: string; registry?: string; licence: string; vintage: string; coordinateSystem: string; paths?: string[]; use?: string; tarballSha1?: string; sourceVertices?: number }[];
  transforms: string[];
  /** The same record in Chinese, for the data-sources dialog of the Chinese UI (the English fields serve the English UI). */
  zh: {
    description: string;
    sources: { licence: string; vintage: string; coordinateSystem: string; use?: string }[];
    transforms: string[];
    objects?: Record<string, string>;
  };
  counts: Record<string, number>;
  bytes: number;
  gzipBytes: number;
  sha256: string;
  [key: string]: unknown;
}

/** Size, gzipped size and sha256 of a file's contents. */
export function describeBytes(text: string | Uint8Array): Pick<ProvenanceEntry, 'bytes' | 'gzipBytes' | 'sha256'> {
  const buffer = typeof text === 'string' ? Buffer.from(text) : Buffer.from(text);
  return { bytes: buffer.length, gzipBytes: gzipSync(buffer, { level: 9 }).length, sha256: createHash('sha256').update(buffer).digest('hex') };
}

/** Replaces (or adds) one file's entry in public/data/provenance.json, keeping the others; sorted by path. */
export function recordProvenance(entry: ProvenanceEntry): void {
  const current = existsSync(PROVENANCE_FILE) ? (JSON.parse(readFileSync(PROVENANCE_FILE, 'utf8')) as { files?: ProvenanceEntry[] }) : {};
  const files = (current.files ?? []).filter((f) => f.path !== entry.path).concat(entry).sort((a, b) => a.path.localeCompare(b.path));
  writeFileSync(PROVENANCE_FILE, `${JSON.stringify({ files }, null, 2)}\n`);
}
