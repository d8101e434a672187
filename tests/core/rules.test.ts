import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findRule, validateRuleBook, type RuleBook } from '../../src/core/rules.ts';

const book = JSON.parse(readFileSync('seeds/rules.json', 'utf8')) as RuleBook;
const text = readFileSync('seeds/policy-text.txt', 'utf8');

describe('seeds/rules.json', () => {
  it('quotes every clause verbatim from 黑政发〔2023〕19号 and has sound thresholds', () => {
    expect(validateRuleBook(book, text)).toEqual([]);
  });

  it('covers the clauses the app cites', () => {
    expect(book.clauses.map((c) => c.id)).toEqual(expect.arrayContaining(['十一', '十三', '二十一', '二十三', '二十七']));
    expect(findRule(book, 'R27-border-consultation').rule.borderDistanceKm).toEqual({ lte: 20 });
    expect(findRule(book, 'R23-ultra-low').clause.id).toBe('二十三');
  });

  it('names the clause whose excerpt is not in the text', () => {
    const tampered: RuleBook = { ...book, clauses: book.clauses.map((c) => (c.id === '二十七' ? { ...c, excerpt: '省界两侧30公里内' } : c)) };
    expect(validateRuleBook(tampered, text)).toEqual(['clause 二十七: excerpt is not quoted verbatim from the policy text']);
  });

  it('rejects an unknown rule id with a clear message', () => {
    expect(() => findRule(book, 'R99-nothing')).toThrow('rule R99-nothing is not in seeds/rules.json');
  });
});
