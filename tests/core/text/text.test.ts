import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../src/core/text/messages.ts';
import { errorText, render, text, TextError } from '../../../src/core/text/text.ts';

describe('render', () => {
  it('fills parameters in either language, nested texts and written-out pairs in the same language', () => {
    const reason = text('zoneImportNothing', { file: '禁燃区.kml' });
    expect(render(text('zoneValidationFailed', { reason }), 'zh')).toBe('校验失败：禁燃区.kml：没有可导入的面要素');
    expect(render(text('zoneValidationFailed', { reason }), 'en')).toBe('Validation failed: 禁燃区.kml: no polygon to import');
    expect(render(text('legendZoneCategory', { category: { zh: 'Ⅰ', en: 'I' } }), 'en')).toBe('No-burn zone I');
    expect(render(text('eiaDraftTooFew', { n: 2 }), 'zh')).toBe('项目范围至少需要 3 个拐点，目前 2 个');
  });

  it('leaves a placeholder without a parameter as written, and returns strings and pairs as they are', () => {
    expect(render(text('eiaDraftTooFew'), 'en')).toBe('A site polygon needs at least 3 corners; {n} drawn');
    expect(render('a cell {n}', 'zh')).toBe('a cell {n}');
    expect(render({ zh: '哈尔滨市', en: 'Harbin' }, 'en')).toBe('Harbin');
  });

  it('does not take a parameter from the object prototype', () => {
    expect(render(text('eiaDraftTooFew', {}), 'en')).toContain('{n}');
    expect(render({ key: 'zoneValidationFailed', params: { toString: 'x' } as never }, 'en')).toBe('Validation failed: {reason}');
  });
});

describe('TextError and errorText', () => {
  it('carries the text for the app and the English sentence as its message', () => {
    const error = new TextError(text('zoneImportNothing', { file: 'a.kml' }));
    expect(error.message).toBe('a.kml: no polygon to import');
    expect(render(errorText(error), 'zh')).toBe('a.kml：没有可导入的面要素');
  });

  it('falls back to the message of any other error, and to the string of anything else thrown', () => {
    expect(errorText(new Error('disk I/O error'))).toBe('disk I/O error');
    expect(errorText('plain')).toBe('plain');
  });
});

describe('the one catalogue (MESSAGES)', () => {
  const entries = Object.entries(MESSAGES) as [string, { zh: string; en: string }][];
  const placeholders = (template: string) => {
    const names = new Set<string>();
    for (let i = template.indexOf('{'); i !== -1; i = template.indexOf('{', i + 1)) {
      const close = template.indexOf('}', i);
      if (close === -1) break;
      names.add(template.slice(i + 1, close));
    }
    return names;
  };

  it('has both languages for every key, with the same parameters', () => {
    expect(entries.length).toBeGreaterThan(500);
    for (const [key, { zh, en }] of entries) {
      expect(zh.trim(), key).not.toBe('');
      expect(en.trim(), key).not.toBe('');
      expect(placeholders(en), key).toEqual(placeholders(zh));
    }
  });

  it('writes no Chinese in an English text but quoted or bracketed names, the column headers a reader looks for, and 中文', () => {
    // The headers are data: the user's sheet has them in Chinese, so the English help names them as written.
    const headers = new Set(['经度', '纬度', '坐标', '经纬度', '坐标系', '名称', '额定蒸发量', '额定热功率', '燃料', '用途', '是否位于建成区', '状态', '城市', '区县', '序号', '部分', '环', '外环', '内环']);
    const allowed = (run: string) => headers.has(run) || run === '中文' || run === '切换到中文';
    for (const [key, { en }] of entries) {
      let outside = '';
      let depth = 0;
      for (const ch of en) {
        if ('“「(（'.includes(ch)) depth++;
        else if ('”」)）'.includes(ch)) depth = Math.max(0, depth - 1);
        else if (depth === 0) outside += ch;
      }
      // Runs of Chinese characters outside brackets, split at anything else.
      const runs: string[] = [];
      let run = '';
      for (const ch of outside + ' ') {
        if (ch >= '\u4e00' && ch <= '\u9fff') run += ch;
        else if (run !== '') {
          runs.push(run);
          run = '';
        }
      }
      expect(runs.filter((r) => !allowed(r)), key).toEqual([]);
    }
  });
});
