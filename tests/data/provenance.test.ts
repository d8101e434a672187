import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Entry {
  path: string;
  description: string;
  sources: { licence: string; vintage: string; coordinateSystem: string; use?: string }[];
  transforms: string[];
  zh: { description: string; sources: { licence: string; vintage: string; coordinateSystem: string; use?: string }[]; transforms: string[] };
}

const files = (JSON.parse(readFileSync('public/data/provenance.json', 'utf8')) as { files: Entry[] }).files;
const chinese = /[\u3400-\u9fff]/;

describe('provenance of the shipped data, in both UI languages', () => {
  it('records every shipped file in Chinese as well, source by source and step by step', () => {
    expect(files.map((f) => f.path)).toHaveLength(10); // boundaries, summary, tiles, border, fires sample, five boiler-sample files
    for (const file of files) {
      expect(file.zh.sources, file.path).toHaveLength(file.sources.length);
      expect(file.zh.transforms, file.path).toHaveLength(file.transforms.length);
      for (const text of [file.zh.description, ...file.zh.transforms, ...file.zh.sources.map((s) => s.vintage)]) {
        expect(text, file.path).toMatch(chinese);
      }
    }
  });

  it('keeps Chinese out of the English record, so the English data-sources dialog reads in English', () => {
    for (const file of files) {
      for (const text of [file.description, ...file.transforms, ...file.sources.flatMap((s) => [s.licence, s.vintage, s.coordinateSystem, s.use ?? ''])]) {
        expect(text, `${file.path}: ${text}`).not.toMatch(chinese);
      }
    }
  });
});
