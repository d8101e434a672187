import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../src/core/text/messages.ts';
import { IO_MESSAGES } from '../../../src/core/text/messages-io.ts';

/** The `{name}` placeholders of a template, read without a regular expression (as render does). */
function placeholders(template: string): string[] {
  const names: string[] = [];
  let i = 0;
  for (;;) {
    const open = template.indexOf('{', i);
    if (open === -1) return names;
    const close = template.indexOf('}', open + 1);
    if (close === -1) return names;
    names.push(template.slice(open + 1, close));
    i = close + 1;
  }
}

const entries = Object.entries(IO_MESSAGES) as [string, { zh: string; en: string }][];

describe('the readers’ catalogue (IO_MESSAGES)', () => {
  it('gives every key a Chinese and an English text', () => {
    for (const [key, { zh, en }] of entries) {
      expect(zh.trim(), key).not.toBe('');
      expect(en.trim(), key).not.toBe('');
    }
  });

  it('uses in English every parameter the Chinese uses, and the other way round', () => {
    for (const [key, { zh, en }] of entries) {
      expect(new Set(placeholders(en)), key).toEqual(new Set(placeholders(zh)));
    }
  });

  it('writes Chinese punctuation in Chinese sentences: no ASCII colon or semicolon before Chinese words', () => {
    for (const [key, { zh }] of entries) {
      expect(zh, key).not.toMatch(/[;:] ?[\u4e00-\u9fff]/);
    }
  });

  it('names its keys after the reader and is merged into the one catalogue unchanged', () => {
    for (const [key, value] of entries) {
      expect(key, key).toMatch(/^(io|fire|time|xlsx|vector|shapefile|boilerLayer|table|coordinate|boilersTable|sitesTable|zoneVertices|zonesFile|siteLocation|storage)[A-Z]/);
      expect(MESSAGES[key as keyof typeof MESSAGES], key).toBe(value);
    }
  });
});
