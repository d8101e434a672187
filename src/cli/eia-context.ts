import { createLocator, type Locator } from '../core/geo/create-locator.ts';
import { createBorderIndex, type BorderIndex } from '../core/eia/eia-verdict.ts';
import { consultationDistanceKm } from '../core/rules.ts';
import { findRule } from '../core/rules.ts';
import { loadBorderFile } from '../io/node/load-border-file.ts';
import { loadBoundariesFile } from '../io/node/load-boundaries-file.ts';
import { loadRuleBookFile } from '../io/node/load-rule-book-file.ts';

/** What every clause 二十七 verdict needs: the border index, the locator and the rule it cites. */
export interface EiaContext {
  borderIndex: BorderIndex;
  locator: Locator;
  /** The consultation distance of rule R27-border-consultation, km. */
  thresholdKm: number;
  rule: { id: string; clause: string; verdict: string };
}

const RULE_ID = 'R27-border-consultation';

let loaded: EiaContext | undefined;

/** Loads the shipped border, boundaries and rule book once per process (about 1 s), then reuses them. */
export function loadEiaContext(): EiaContext {
  if (!loaded) {
    const ruleBook = loadRuleBookFile();
    const { clause, rule } = findRule(ruleBook, RULE_ID);
    loaded = {
      borderIndex: createBorderIndex(loadBorderFile()),
      locator: createLocator(loadBoundariesFile()),
      thresholdKm: consultationDistanceKm(ruleBook),
      rule: { id: rule.id, clause: clause.id, verdict: rule.verdict ?? '' },
    };
  }
  return loaded;
}
