import { BOILER_VALUE_EN, type BoilerFuel, type BoilerStatus, type BoilerUse, type BoilerVerdict } from '../boilers/boiler.ts';
import type { PatrolStatus } from '../fires/patrol-status.ts';
import type { Localized } from './text.ts';

/**
 * Domain words that are data in Chinese (verdicts, statuses, fuels: they are what sheets and the rule book write), with
 * their English, for the UI and exports in either language.
 */
const VERDICT_EN: Record<BoilerVerdict, string> = {
  淘汰: 'Phase out',
  不予新建: 'New build not permitted',
  违反禁燃区规定: 'No-burn zone violation',
  超低排放改造: 'Ultra-low emission retrofit',
  低氮燃烧改造: 'Low-NOx retrofit',
  需核实: 'To verify',
  合规: 'Compliant',
};

const PATROL_STATUS_EN: Record<PatrolStatus, string> = {
  待核查: 'To check',
  已派出: 'Patrol sent',
  已核实: 'Verified',
  误报: 'False alarm',
};

/**
 * A boiler verdict in both languages.
 *
 * @example
 * verdictText('淘汰').en; // 'Phase out'
 */
export const verdictText = (verdict: BoilerVerdict): Localized => ({ zh: verdict, en: VERDICT_EN[verdict] });

/**
 * A patrol status in both languages.
 *
 * @example
 * patrolStatusText('已派出').en; // 'Patrol sent'
 */
export const patrolStatusText = (status: PatrolStatus): Localized => ({ zh: status, en: PATROL_STATUS_EN[status] });

/**
 * A fuel, use or status word of a boiler inventory in both languages.
 *
 * @example
 * boilerValueText('燃煤').en; // 'coal'
 */
export const boilerValueText = (value: BoilerFuel | BoilerUse | BoilerStatus): Localized => ({ zh: value, en: BOILER_VALUE_EN[value] });
