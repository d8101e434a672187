/** A numeric threshold as written in the plan: `lte` for 以下/及以下, `gte` for 以上 (both include the number). */
export interface Threshold {
  lte?: number;
  gte?: number;
  [key: string]: unknown;
}

/** One machine-readable rule derived from a clause; later verdicts cite its `id` and its clause. */
export interface Rule {
  id: string;
  summary: string;
  verdict?: string;
  deadline?: string;
  cities?: string[];
  [key: string]: unknown;
}

/** A numbered clause of the plan with a verbatim excerpt of its wording. */
export interface Clause {
  id: string;
  title: string;
  excerpt: string;
  rules: Rule[];
}

/** The contents of seeds/rules.json. */
export interface RuleBook {
  document: { title: string; number: string; issuer: string; issued: string; text: string };
  counting: string;
  /** The MW value documents pair with a t/h threshold, for boilers rated only in MW (never a conversion). */
  capacityPairs?: { note: string; pairs: { tph: number; mw: number }[] };
  clauses: Clause[];
}

/**
 * Checks a rule book against the policy text: every clause exists in the text under its number,
 * every excerpt is quoted verbatim, rule ids are unique and every threshold is a number.
 *
 * @param book - Parsed seeds/rules.json.
 * @param policyText - The full policy text (seeds/policy-text.txt).
 * @returns Problems found, each naming the clause or rule; empty when the book is sound.
 * @example
 * validateRuleBook(book, text); // []
 */
export function validateRuleBook(book: RuleBook, policyText: string): string[] {
  const problems: string[] = [];
  const ruleIds = new Set<string>();
  for (const clause of book.clauses) {
    if (!policyText.includes(`(${clause.id})`) && !policyText.includes(`（${clause.id}）`)) {
      problems.push(`clause ${clause.id}: no "(${clause.id})" heading in the policy text`);
    }
    if (!policyText.includes(clause.excerpt)) problems.push(`clause ${clause.id}: excerpt is not quoted verbatim from the policy text`);
    for (const rule of clause.rules) {
      if (ruleIds.has(rule.id)) problems.push(`rule ${rule.id}: id used twice`);
      ruleIds.add(rule.id);
      for (const [key, value] of Object.entries(rule)) {
        if (!/(Tph|Km|Percent)$/.test(key) || typeof value !== 'object' || value === null) continue;
        for (const [bound, number] of Object.entries(value as Record<string, unknown>)) {
          if (bound !== 'by' && typeof number !== 'number') problems.push(`rule ${rule.id}: ${key}.${bound} is not a number`);
        }
      }
    }
  }
  return problems;
}

/**
 * Finds the clause a rule belongs to.
 *
 * @param book - The rule book.
 * @param ruleId - A rule id such as `R27-border-consultation`.
 * @returns The clause and the rule.
 * @example
 * findRule(book, 'R23-ultra-low').clause.id; // '二十三'
 */
export function findRule(book: RuleBook, ruleId: string): { clause: Clause; rule: Rule } {
  for (const clause of book.clauses) {
    const rule = clause.rules.find((r) => r.id === ruleId);
    if (rule) return { clause, rule };
  }
  throw new Error(`rule ${ruleId} is not in seeds/rules.json`);
}

/**
 * The consultation distance of clause 二十七 from the rule book (R27-border-consultation, km).
 *
 * @param book - seeds/rules.json.
 * @returns The distance in km (20).
 * @example
 * consultationDistanceKm(ruleBook); // 20
 */
export function consultationDistanceKm(book: RuleBook): number {
  const { rule } = findRule(book, 'R27-border-consultation');
  const limit = (rule.borderDistanceKm as { lte?: number } | undefined)?.lte;
  if (typeof limit !== 'number') throw new Error('rule R27-border-consultation has no borderDistanceKm.lte');
  return limit;
}
