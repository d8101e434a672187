/** Fuels of the boiler inventory, as written in official sheets. */
export const BOILER_FUELS = ['燃煤', '燃气', '生物质', '电', '燃油'] as const;
/** One of {@link BOILER_FUELS}. */
export type BoilerFuel = (typeof BOILER_FUELS)[number];

/** What a boiler is used for. */
export const BOILER_USES = ['供热', '工业', '发电'] as const;
/** One of {@link BOILER_USES}. */
export type BoilerUse = (typeof BOILER_USES)[number];

/** In use, shut down, or planned (a new-build application). */
export const BOILER_STATUSES = ['在用', '停用', '拟建'] as const;
/** One of {@link BOILER_STATUSES}. */
export type BoilerStatus = (typeof BOILER_STATUSES)[number];

/** English for every fuel, use and status word (the Chinese word is the value itself). */
export const BOILER_VALUE_EN: Readonly<Record<BoilerFuel | BoilerUse | BoilerStatus, string>> = {
  燃煤: 'coal',
  燃气: 'gas',
  生物质: 'biomass',
  电: 'electric',
  燃油: 'oil',
  供热: 'heating',
  工业: 'industrial',
  发电: 'power',
  在用: 'in use',
  停用: 'shut down',
  拟建: 'planned',
};

/**
 * One boiler of an inventory, as given: capacities stay in the unit the sheet used (t/h for steam,
 * MW for hot water) and are never converted; a field the sheet leaves empty is null, never a guess.
 */
export interface Boiler {
  /** 名称 / 单位名称; `row N` when the sheet has none. */
  name: string;
  /** WGS84 degrees. */
  lon: number;
  lat: number;
  /** 额定蒸发量 (蒸吨/小时), as given. */
  capacityTph: number | null;
  /** 额定热功率 (MW), as given. */
  capacityMw: number | null;
  fuel: BoilerFuel | null;
  use: BoilerUse | null;
  status: BoilerStatus | null;
  /** 是否位于建成区 as the sheet says it, null when the sheet does not say. */
  builtUp: boolean | null;
  /** 城市 / 区县 as written in the sheet (compared with the location), null when absent. */
  city: string | null;
  county: string | null;
}

/** Every verdict a boiler audit can give, in the order they are listed when several apply. */
export const BOILER_VERDICTS = ['淘汰', '不予新建', '违反禁燃区规定', '超低排放改造', '低氮燃烧改造', '需核实', '合规'] as const;
/** One of {@link BOILER_VERDICTS}. */
export type BoilerVerdict = (typeof BOILER_VERDICTS)[number];

/** Categories of 高污染燃料禁燃区 (国环规大气〔2017〕2号). */
export const NO_BURN_CATEGORIES = ['Ⅰ', 'Ⅱ', 'Ⅲ'] as const;
/** One of {@link NO_BURN_CATEGORIES}: Ⅰ general, Ⅱ stricter, Ⅲ strictest. */
export type NoBurnCategory = (typeof NO_BURN_CATEGORIES)[number];
