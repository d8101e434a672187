/**
 * Synthetic boiler inventory and the areas the boiler rules test against (clauses 十一, 十三, 二十三 of
 * 黑政发〔2023〕19号), seeded and reproducible byte for byte. None of it is real: every name says 合成.
 *
 *   npm run data:build   (or tsx data/build/generate-boilers.ts)   → public/data/
 *     sample-built-up.geojson            one 建成区 polygon per city
 *     sample-heating-coverage.geojson    供热管网覆盖范围 polygons (哈尔滨, 绥化, 佳木斯, 七台河, 大庆)
 *     sample-heating-pipelines.geojson   供热主管网 LineStrings (齐齐哈尔 only: the app applies a stated service radius)
 *     sample-no-burn-zones.geojson       高污染燃料禁燃区 polygons of categories Ⅰ, Ⅱ, Ⅲ
 *     sample-boilers.csv                 about 300 boilers: a named, deliberate set first, then seeded random ones
 *
 * Every polygon is star-shaped around its centre (vertices at increasing angles), so no ring crosses itself.
 * The deliberate boilers ({@link DELIBERATE_BOILERS}) are placed by a seeded search that keeps each at least
 * {@link DELIBERATE_MARGIN_M} m from every polygon edge of every layer, so no verdict hinges on edge rounding.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, LineString, Polygon, Position } from 'geojson';
import { loadBoundariesFile } from '../../src/io/node/load-boundaries-file.ts';
import type { BoilerFuel, BoilerStatus, BoilerUse, NoBurnCategory } from '../../src/core/boilers/boiler.ts';
import type { Boundaries } from '../../src/core/geo/boundaries.ts';
import { createLocator, type Locator } from '../../src/core/geo/create-locator.ts';
import { createGeodesicPolylineIndex, type GeodesicPolylineIndex } from '../../src/core/geo/geodesic-polyline-index.ts';
import { pointInRing } from '../../src/core/geo/point-in-ring.ts';
import { findRingSelfIntersections, segmentIntersection } from '../../src/core/geo/ring-self-intersections.ts';
import { seededRandom } from '../../src/core/seeded-random.ts';
import { describeBytes, recordProvenance, ROOT } from './provenance.ts';
import { HEILONGJIANG } from './source-units.ts';

export const SAMPLE_BOILERS_PATH = 'public/data/sample-boilers.csv';
export const SAMPLE_BUILT_UP_PATH = 'public/data/sample-built-up.geojson';
export const SAMPLE_HEATING_COVERAGE_PATH = 'public/data/sample-heating-coverage.geojson';
export const SAMPLE_HEATING_PIPELINES_PATH = 'public/data/sample-heating-pipelines.geojson';
export const SAMPLE_NO_BURN_ZONES_PATH = 'public/data/sample-no-burn-zones.geojson';

const SEED = 20241001;
/** Deliberate boilers keep at least this distance (m) from every polygon edge (the tests assert 300 m). */
export const DELIBERATE_MARGIN_M = 400;
/** The service radius the app assumes around pipelines by default (m). */
export const PIPELINE_SERVICE_RADIUS_M = 1000;
/** Distance bands (m) from the nearest pipeline for deliberate boilers: inside the radius, 1.5 km away, and clear of it. */
export const PIPELINE_BANDS = { within: [400, 700], beyond: [1400, 1600], clear: [1300, Infinity] } as const;
const RANDOM_BOILERS_PER_CITY: Record<string, number> = { 哈尔滨市: 80, 绥化市: 40, 佳木斯市: 40, 七台河市: 30, 齐齐哈尔市: 40, 大庆市: 40 };

export const BOILER_CSV_HEADER = '名称,经度,纬度,额定蒸发量(t/h),额定热功率(MW),燃料,用途,是否位于建成区,状态,城市,区县';

/** Rated capacities of the real series. */
const TPH_SERIES: [number, number][] = [[1, 6], [2, 8], [4, 12], [6, 8], [10, 14], [15, 6], [20, 10], [35, 8], [40, 5], [65, 4], [75, 4], [130, 2]];
const MW_SERIES: [number, number][] = [[0.7, 6], [1.4, 8], [2.8, 12], [4.2, 8], [7, 14], [14, 10], [29, 8], [46, 4], [58, 3], [70, 3]];
/** Pairs documents give for the same boiler size (a row giving both columns uses one of these as given). */
const TPH_MW_PAIRS: [number, number][] = [[1, 0.7], [2, 1.4], [4, 2.8], [6, 4.2], [10, 7], [20, 14], [35, 29], [65, 46]];

interface ShapePlan {
  /** Compass bearing (degrees, clockwise from north) and distance (× the city's built-up radius) of the centre. */
  bearing: number;
  distance: number;
  /** Mean radius, × the city's built-up radius. */
  radius: number;
}

interface ZonePlan extends ShapePlan {
  category: NoBurnCategory;
  name: string;
}

interface CityPlan {
  city: string;
  short: string;
  /** A point in the main urban district (checked with the locator). */
  centre: [number, number];
  district: string;
  /** Mean radius of the built-up polygon (m). */
  radius: number;
  vertices: number;
  coverage: ShapePlan[];
  zones: ZonePlan[];
}

const CITIES: CityPlan[] = [
  {
    city: '哈尔滨市', short: '哈尔滨', centre: [126.64, 45.75], district: '南岗区', radius: 7000, vertices: 36,
    coverage: [{ bearing: 60, distance: 1.0, radius: 0.4 }, { bearing: 200, distance: 1.0, radius: 0.35 }, { bearing: 115, distance: 2.1, radius: 0.38 }],
    zones: [{ bearing: 300, distance: 0.2, radius: 0.3, category: 'Ⅲ', name: '哈尔滨市中心城区Ⅲ类禁燃区（合成）' }],
  },
  {
    city: '绥化市', short: '绥化', centre: [126.98, 46.64], district: '北林区', radius: 3500, vertices: 24,
    coverage: [{ bearing: 90, distance: 1.0, radius: 0.45 }, { bearing: 220, distance: 2.2, radius: 0.45 }],
    zones: [],
  },
  {
    city: '佳木斯市', short: '佳木斯', centre: [130.36, 46.8], district: '向阳区', radius: 4500, vertices: 28,
    coverage: [{ bearing: 130, distance: 1.0, radius: 0.45 }, { bearing: 250, distance: 1.05, radius: 0.35 }],
    zones: [{ bearing: 20, distance: 0.3, radius: 0.28, category: 'Ⅱ', name: '佳木斯市老城区Ⅱ类禁燃区（合成）' }],
  },
  {
    city: '七台河市', short: '七台河', centre: [131.0, 45.77], district: '桃山区', radius: 3500, vertices: 22,
    coverage: [{ bearing: 30, distance: 1.0, radius: 0.45 }, { bearing: 160, distance: 1.05, radius: 0.4 }],
    zones: [],
  },
  {
    city: '齐齐哈尔市', short: '齐齐哈尔', centre: [123.96, 47.34], district: '龙沙区', radius: 5000, vertices: 32,
    coverage: [],
    zones: [{ bearing: 200, distance: 0.35, radius: 0.28, category: 'Ⅱ', name: '齐齐哈尔市中心城区Ⅱ类禁燃区（合成）' }],
  },
  {
    city: '大庆市', short: '大庆', centre: [125.05, 46.6], district: '萨尔图区', radius: 5500, vertices: 30,
    coverage: [{ bearing: 330, distance: 1.0, radius: 0.42 }, { bearing: 160, distance: 2.1, radius: 0.4 }],
    zones: [
      { bearing: 60, distance: 0.35, radius: 0.25, category: 'Ⅲ', name: '大庆市萨尔图Ⅲ类禁燃区（合成）' },
      { bearing: 240, distance: 0.35, radius: 0.25, category: 'Ⅰ', name: '大庆市让胡路Ⅰ类禁燃区（合成）' },
    ],
  },
];

/** 齐齐哈尔's main pipelines: bearing of the general direction, start (× built-up radius from the centre), diameter. */
const PIPELINES = [
  { name: '齐齐哈尔市合成供热主管网一号线（合成）', bearing: 20, start: 0.15, diameterMm: 1200, steps: 14 },
  { name: '齐齐哈尔市合成供热主管网二号线（合成）', bearing: 135, start: 0.15, diameterMm: 1000, steps: 13 },
  { name: '齐齐哈尔市合成供热主管网三号线（合成）', bearing: 260, start: 0.2, diameterMm: 800, steps: 12 },
];

/** Where a deliberate boiler must lie; the generator places it there and the tests check it. */
export interface DeliberatePlacement {
  /** City the locator must give. */
  city: string;
  /** Inside that city's built-up polygon. */
  builtUp: boolean;
  /** Inside a heating-network coverage polygon. */
  coverage: boolean;
  /** Category of the no-burn zone it lies in, or null for none. */
  zone: NoBurnCategory | null;
  /** Band of distance from the nearest 齐齐哈尔 pipeline ({@link PIPELINE_BANDS}); `clear` when not given. */
  pipeline?: 'within' | 'beyond';
}

/** A row of the deliberate set: what the sheet says, where it lies, and the intended outcome. */
export interface DeliberateBoiler {
  name: string;
  placement: DeliberatePlacement;
  row: {
    tph: number | null;
    mw: number | null;
    fuel: BoilerFuel | null;
    use: BoilerUse | null;
    status: BoilerStatus | null;
    /** 是否位于建成区 column: filled (with the truth) on a few rows, empty otherwise. */
    builtUpColumn?: boolean;
    /** 城市 / 区县 columns when they must differ from the locator's answer (the city-mismatch case). */
    cityColumn?: string;
    countyColumn?: string;
  };
  /** Rule ids whose verdict applies (the rule matches). */
  rules: string[];
  /**
   * Rule ids that cannot be decided from the row and should be reported 需核实: a missing capacity or fuel,
   * the coal quality a Ⅰ zone depends on, a sheet city that decides differently from the location's.
   * The fuel-only advisory rules (R23-gas-low-nox, R23-biomass) are not listed for a row without fuel.
   */
  review: string[];
  /** The intended outcome in words. */
  expect: string;
}

const coal = '燃煤' as const;
const gas = '燃气' as const;

/** The deliberate cases, written first in sample-boilers.csv, in this order. */
export const DELIBERATE_BOILERS: DeliberateBoiler[] = [
  {
    name: '合成锅炉-规则-R11覆盖-在用供热',
    placement: { city: '哈尔滨市', builtUp: false, coverage: true, zone: null },
    row: { tph: 40, mw: null, fuel: coal, use: '供热', status: '在用' },
    rules: ['R11-network-coverage'], review: [],
    expect: 'R11-network-coverage 淘汰 (in-use heating coal boiler inside coverage); 40 t/h outside the built-up area, so no other rule',
  },
  {
    name: '合成锅炉-规则-R11管网1km内-在用供热',
    placement: { city: '齐齐哈尔市', builtUp: false, coverage: false, zone: null, pipeline: 'within' },
    row: { tph: 40, mw: null, fuel: coal, use: '供热', status: '在用' },
    rules: ['R11-network-coverage'], review: [],
    expect: 'R11-network-coverage 淘汰 under the stated 1,000 m pipeline service radius (400–700 m from a 齐齐哈尔 pipeline); the verdict must name the assumed radius',
  },
  {
    name: '合成锅炉-规则-R11管网1.5km-在用供热',
    placement: { city: '齐齐哈尔市', builtUp: false, coverage: false, zone: null, pipeline: 'beyond' },
    row: { tph: 40, mw: null, fuel: coal, use: '供热', status: '在用' },
    rules: [], review: [],
    expect: 'no rule: 1,400–1,600 m from the nearest pipeline, outside the 1,000 m service radius',
  },
  {
    name: '合成锅炉-规则-R11建成区-35蒸吨',
    placement: { city: '哈尔滨市', builtUp: true, coverage: false, zone: null },
    row: { tph: 35, mw: null, fuel: coal, use: '工业', status: '在用', builtUpColumn: true },
    rules: ['R11-builtup-35'], review: [],
    expect: 'R11-builtup-35 淘汰 by 2025: exactly 35 t/h counts (及以下 includes the number)',
  },
  {
    name: '合成锅炉-规则-R11建成区-36蒸吨',
    placement: { city: '哈尔滨市', builtUp: true, coverage: false, zone: null },
    row: { tph: 36, mw: null, fuel: coal, use: '工业', status: '在用' },
    rules: [], review: [],
    expect: 'no rule: 36 t/h is above 35',
  },
  {
    name: '合成锅炉-规则-R11建成区-齐齐哈尔20蒸吨',
    placement: { city: '齐齐哈尔市', builtUp: true, coverage: false, zone: null },
    row: { tph: 20, mw: null, fuel: coal, use: '工业', status: '在用' },
    rules: [], review: [],
    expect: 'no rule: 齐齐哈尔市 is not among the cities R11-builtup-35 lists',
  },
  {
    name: '合成锅炉-规则-R11行政区-绥化10蒸吨',
    placement: { city: '绥化市', builtUp: false, coverage: false, zone: null },
    row: { tph: 10, mw: null, fuel: coal, use: '工业', status: '在用', builtUpColumn: false },
    rules: ['R11-admin-10'], review: [],
    expect: 'R11-admin-10 淘汰 by 2025: exactly 10 t/h anywhere in 绥化市',
  },
  {
    name: '合成锅炉-规则-R11行政区-大庆10蒸吨',
    placement: { city: '大庆市', builtUp: false, coverage: false, zone: null },
    row: { tph: 10, mw: null, fuel: coal, use: '工业', status: '在用' },
    rules: [], review: [],
    expect: 'no rule: 大庆市 is not among the cities R11-admin-10 lists',
  },
  {
    name: '合成锅炉-规则-R11新建-建成区35蒸吨',
    placement: { city: '哈尔滨市', builtUp: true, coverage: false, zone: null },
    row: { tph: 35, mw: null, fuel: coal, use: '工业', status: '拟建' },
    rules: ['R11-new-build'], review: [],
    expect: 'R11-new-build 不予新建: planned coal boiler of 35 t/h (≤ 35) in a built-up area',
  },
  {
    name: '合成锅炉-规则-R11新建-建成区外10蒸吨',
    placement: { city: '佳木斯市', builtUp: false, coverage: false, zone: null },
    row: { tph: 10, mw: null, fuel: coal, use: '工业', status: '拟建' },
    rules: ['R11-new-build'], review: [],
    expect: 'R11-new-build 不予新建: planned coal boiler of 10 t/h (≤ 10) outside built-up areas',
  },
  {
    name: '合成锅炉-规则-R11新建-建成区外15蒸吨',
    placement: { city: '佳木斯市', builtUp: false, coverage: false, zone: null },
    row: { tph: 15, mw: null, fuel: coal, use: '工业', status: '拟建' },
    rules: [], review: [],
    expect: 'permitted (no rule): planned coal boiler of 15 t/h outside built-up areas is above the 10 t/h limit there',
  },
  {
    name: '合成锅炉-规则-R11新建-燃气4蒸吨',
    placement: { city: '七台河市', builtUp: true, coverage: false, zone: null },
    row: { tph: 4, mw: null, fuel: gas, use: '供热', status: '拟建' },
    rules: [], review: [],
    expect: 'permitted: R11-new-build covers coal only, and the R23 retrofit rules apply to boilers in use, not planned ones',
  },
  {
    name: '合成锅炉-规则-R23超低-65蒸吨',
    placement: { city: '大庆市', builtUp: false, coverage: false, zone: null },
    row: { tph: 65, mw: null, fuel: coal, use: '工业', status: '在用' },
    rules: ['R23-ultra-low'], review: [],
    expect: 'R23-ultra-low 超低排放改造: exactly 65 t/h counts (以上 includes the number)',
  },
  {
    name: '合成锅炉-规则-R23超低-130蒸吨',
    placement: { city: '七台河市', builtUp: false, coverage: false, zone: null },
    row: { tph: 130, mw: null, fuel: coal, use: '发电', status: '在用' },
    rules: ['R23-ultra-low'], review: [],
    expect: 'R23-ultra-low 超低排放改造 (power included)',
  },
  {
    name: '合成锅炉-规则-R23超低-64蒸吨',
    placement: { city: '齐齐哈尔市', builtUp: false, coverage: false, zone: null },
    row: { tph: 64, mw: null, fuel: coal, use: '工业', status: '在用' },
    rules: [], review: [],
    expect: 'no rule: 64 t/h is below 65',
  },
  {
    name: '合成锅炉-规则-R23超低-46MW',
    placement: { city: '大庆市', builtUp: false, coverage: false, zone: null },
    row: { tph: null, mw: 46, fuel: coal, use: '工业', status: '在用' },
    rules: ['R23-ultra-low'], review: [],
    expect: 'R23-ultra-low 超低排放改造: MW only, compared with the MW value rules.json pairs with 65 t/h (45.5 MW), named in the reason; never converted',
  },
  {
    name: '合成锅炉-规则-R23超低-29MW',
    placement: { city: '大庆市', builtUp: false, coverage: false, zone: null },
    row: { tph: null, mw: 29, fuel: coal, use: '工业', status: '在用' },
    rules: [], review: [],
    expect: 'no rule: MW only, 29 MW < 45.5 MW, the MW value rules.json pairs with 65 t/h',
  },
  {
    name: '合成锅炉-规则-R23燃气-在用建成区',
    placement: { city: '哈尔滨市', builtUp: true, coverage: false, zone: null },
    row: { tph: 10, mw: null, fuel: gas, use: '供热', status: '在用' },
    rules: ['R23-gas-low-nox'], review: [],
    expect: 'R23-gas-low-nox 低氮燃烧改造 (check); no coal rule',
  },
  {
    name: '合成锅炉-规则-R23燃气-在用覆盖内',
    placement: { city: '大庆市', builtUp: false, coverage: true, zone: null },
    row: { tph: null, mw: 14, fuel: gas, use: '供热', status: '在用' },
    rules: ['R23-gas-low-nox'], review: [],
    expect: 'R23-gas-low-nox 低氮燃烧改造 (check); inside coverage but R11-network-coverage is for coal only',
  },
  {
    name: '合成锅炉-规则-R23生物质-建成区内',
    placement: { city: '佳木斯市', builtUp: true, coverage: false, zone: null },
    row: { tph: 10, mw: null, fuel: '生物质', use: '供热', status: '在用' },
    rules: ['R23-biomass'], review: [],
    expect: 'R23-biomass: 专用锅炉, 袋式除尘, 不得掺烧煤炭; inside a built-up area, so also 超低排放改造',
  },
  {
    name: '合成锅炉-规则-R23生物质-建成区外',
    placement: { city: '绥化市', builtUp: false, coverage: false, zone: null },
    row: { tph: 6, mw: null, fuel: '生物质', use: '工业', status: '在用' },
    rules: ['R23-biomass'], review: [],
    expect: 'R23-biomass: 专用锅炉, 袋式除尘, 不得掺烧煤炭 only (outside built-up areas, no ultra-low verdict)',
  },
  {
    name: '合成锅炉-规则-R13禁燃区Ⅲ-燃煤4蒸吨',
    placement: { city: '大庆市', builtUp: true, coverage: false, zone: 'Ⅲ' },
    row: { tph: 4, mw: null, fuel: coal, use: '工业', status: '在用' },
    rules: ['R13-no-burn-zone-fuel'], review: [],
    expect: 'R13-no-burn-zone-fuel 违反禁燃区规定: a Ⅲ zone bans all coal (大庆市 is in no R11 city list, so no other rule)',
  },
  {
    name: '合成锅炉-规则-R13禁燃区Ⅱ-燃煤25蒸吨',
    placement: { city: '齐齐哈尔市', builtUp: true, coverage: false, zone: 'Ⅱ' },
    row: { tph: 25, mw: null, fuel: coal, use: '工业', status: '在用' },
    rules: [], review: [],
    expect: 'no rule: a Ⅱ zone exempts coal boilers of 20 t/h and above',
  },
  {
    name: '合成锅炉-规则-R13禁燃区Ⅱ-燃煤19蒸吨',
    placement: { city: '齐齐哈尔市', builtUp: true, coverage: false, zone: 'Ⅱ' },
    row: { tph: 19, mw: null, fuel: coal, use: '工业', status: '在用' },
    rules: ['R13-no-burn-zone-fuel'], review: [],
    expect: 'R13-no-burn-zone-fuel 违反禁燃区规定: a Ⅱ zone bans coal below 20 t/h',
  },
  {
    name: '合成锅炉-规则-R13禁燃区Ⅰ-燃煤4蒸吨',
    placement: { city: '大庆市', builtUp: true, coverage: false, zone: 'Ⅰ' },
    row: { tph: 4, mw: null, fuel: coal, use: '工业', status: '在用' },
    rules: [], review: ['R13-no-burn-zone-fuel'],
    expect: 'R13-no-burn-zone-fuel 需核实: a Ⅰ zone bans only coal above 0.5 % sulphur or 10 % ash in boilers under 20 t/h; the sheet gives no coal quality',
  },
  {
    name: '合成锅炉-规则-R13禁燃区Ⅲ-燃气',
    placement: { city: '大庆市', builtUp: true, coverage: false, zone: 'Ⅲ' },
    row: { tph: 2, mw: null, fuel: gas, use: '供热', status: '在用' },
    rules: ['R23-gas-low-nox'], review: [],
    expect: 'R13 satisfied (gas is not banned in a Ⅲ zone); R23-gas-low-nox 低氮燃烧改造 (check)',
  },
  {
    name: '合成锅炉-规则-需核实-容量缺失',
    placement: { city: '哈尔滨市', builtUp: true, coverage: false, zone: null },
    row: { tph: null, mw: null, fuel: coal, use: '工业', status: '在用' },
    rules: [], review: ['R11-builtup-35', 'R11-admin-10', 'R23-ultra-low'],
    expect: '需核实: no capacity in either column, so R11-builtup-35, R11-admin-10 and R23-ultra-low cannot be decided',
  },
  {
    name: '合成锅炉-规则-需核实-燃料缺失',
    placement: { city: '哈尔滨市', builtUp: false, coverage: true, zone: null },
    row: { tph: 10, mw: null, fuel: null, use: '供热', status: '在用' },
    rules: [], review: ['R11-network-coverage', 'R11-admin-10'],
    expect: '需核实: 燃料 empty, so R11-network-coverage and R11-admin-10 (both would apply to coal here) cannot be decided',
  },
  {
    name: '合成锅炉-规则-城市不符-填大庆实在哈尔滨',
    placement: { city: '哈尔滨市', builtUp: true, coverage: false, zone: null },
    row: { tph: 20, mw: null, fuel: coal, use: '工业', status: '在用', cityColumn: '大庆市', countyColumn: '萨尔图区' },
    rules: [], review: ['R11-builtup-35'],
    expect: '城市不符 warning (sheet says 大庆市/萨尔图区, the point is in 哈尔滨市); the sheet city is used, and since R11-builtup-35 lists 哈尔滨 but not 大庆 the rule is 需核实 (the city)',
  },
  {
    name: '合成锅炉-规则-停用-覆盖内',
    placement: { city: '绥化市', builtUp: false, coverage: true, zone: null },
    row: { tph: 10, mw: null, fuel: coal, use: '供热', status: '停用' },
    rules: [], review: [],
    expect: 'no rule: 停用 (shut down), so neither R11-network-coverage nor R11-admin-10 (both need 在用) applies',
  },
];

interface Area {
  city: string;
  ring: Position[];
}

/** The generated file texts and the figures provenance records. */
export interface BoilerSamples {
  files: { path: string; text: string }[];
  counts: {
    boilers: number;
    deliberate: number;
    random: number;
    builtUp: number;
    coverage: number;
    pipelines: number;
    noBurnZones: number;
  };
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
const RADIANS = Math.PI / 180;
const METRES_PER_DEGREE_LAT = 111_170; // near 46°N; only for drawing shapes (checks use geodesic distances)

/** The point `metres` away from (lon, lat) towards a compass bearing, on a local plane (shapes only). */
function offset([lon, lat]: Position, bearingDegrees: number, metres: number): [number, number] {
  const b = bearingDegrees * RADIANS;
  const dLat = (metres * Math.cos(b)) / METRES_PER_DEGREE_LAT;
  const dLon = (metres * Math.sin(b)) / (111_413 * Math.cos(lat! * RADIANS));
  return [lon! + dLon, lat! + dLat];
}

/** A closed, counter-clockwise, star-shaped ring of `vertices` points around a centre: never self-intersecting. */
function starRing(random: () => number, centre: Position, radius: number, vertices: number): Position[] {
  const p1 = random() * 2 * Math.PI;
  const p2 = random() * 2 * Math.PI;
  const p3 = random() * 2 * Math.PI;
  const ring: Position[] = [];
  const step = (2 * Math.PI) / vertices;
  const start = random() * step;
  for (let i = 0; i < vertices; i++) {
    const theta = start + i * step + (random() - 0.5) * 0.5 * step;
    const r = radius * (1 + 0.12 * Math.sin(2 * theta + p1) + 0.08 * Math.sin(3 * theta + p2) + 0.04 * Math.sin(5 * theta + p3)) * (1 + 0.06 * (random() - 0.5));
    // Math angle theta (counter-clockwise from east) is compass bearing 90° − theta.
    const [lon, lat] = offset(centre, 90 - theta / RADIANS, r);
    ring.push([round6(lon), round6(lat)]);
  }
  ring.push([ring[0]![0]!, ring[0]![1]!]);
  return ring;
}

function ringBox(ring: Position[]): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of ring) {
    x0 = Math.min(x0, x!); x1 = Math.max(x1, x!); y0 = Math.min(y0, y!); y1 = Math.max(y1, y!);
  }
  return [x0, y0, x1, y1];
}

/** True when ring `inner` lies inside ring `outer`: every vertex inside and no edges crossing. */
function ringInside(inner: Position[], outer: Position[]): boolean {
  if (!inner.every(([x, y]) => pointInRing(x!, y!, outer))) return false;
  for (let i = 0; i + 1 < inner.length; i++) {
    for (let j = 0; j + 1 < outer.length; j++) if (segmentIntersection(inner[i]!, inner[i + 1]!, outer[j]!, outer[j + 1]!)) return false;
  }
  return true;
}

function ringsMeet(a: Position[], b: Position[]): boolean {
  if (a.some(([x, y]) => pointInRing(x!, y!, b)) || b.some(([x, y]) => pointInRing(x!, y!, a))) return true;
  for (let i = 0; i + 1 < a.length; i++) {
    for (let j = 0; j + 1 < b.length; j++) if (segmentIntersection(a[i]!, a[i + 1]!, b[j]!, b[j + 1]!)) return true;
  }
  return false;
}

function featureCollection(features: Feature[]): string {
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

/** The areas and lines the boiler rules test against, as generated (shared by the generator and its tests). */
export interface BoilerAreas {
  builtUp: Area[];
  coverage: (Area & { name: string })[];
  zones: (Area & { name: string; category: NoBurnCategory })[];
  pipelines: { name: string; diameterMm: number; line: Position[] }[];
}

/** Where a point stands against the generated areas: what the deliberate placements are checked with. */
export interface PlacementCheck {
  city: string | null;
  county: string | null;
  builtUp: boolean;
  coverage: boolean;
  zone: NoBurnCategory | null;
  /** Geodesic distance (m) to the nearest polygon edge of any layer. */
  edgeDistance: number;
  /** Geodesic distance (m) to the nearest pipeline. */
  pipelineDistance: number;
}

/** Builds the checker the generator and the tests share: the locator plus the generated areas. */
export function createPlacementChecker(locator: Locator, areas: BoilerAreas): (lon: number, lat: number, edgeCutoff?: number) => PlacementCheck {
  const edges = createGeodesicPolylineIndex([...areas.builtUp, ...areas.coverage, ...areas.zones].map((a) => a.ring));
  const pipes: GeodesicPolylineIndex = createGeodesicPolylineIndex(areas.pipelines.map((p) => p.line));
  return (lon, lat, edgeCutoff) => {
    const where = locator.where(lon, lat);
    const zone = areas.zones.find((z) => pointInRing(lon, lat, z.ring));
    const edge = edges.nearest(lon, lat, edgeCutoff === undefined ? undefined : { maxDistance: edgeCutoff });
    return {
      city: where.city,
      county: where.county,
      builtUp: areas.builtUp.some((a) => pointInRing(lon, lat, a.ring)),
      coverage: areas.coverage.some((a) => pointInRing(lon, lat, a.ring)),
      zone: zone ? zone.category : null,
      edgeDistance: edge ? edge.distance : Infinity,
      pipelineDistance: pipes.nearest(lon, lat)?.distance ?? Infinity,
    };
  };
}

/** True when a checked point satisfies a deliberate placement, margins included. */
export function placementHolds(check: PlacementCheck, placement: DeliberatePlacement, margin: number): boolean {
  const band = PIPELINE_BANDS[placement.pipeline ?? 'clear'];
  return (
    check.city === placement.city &&
    check.builtUp === placement.builtUp &&
    check.coverage === placement.coverage &&
    check.zone === placement.zone &&
    check.edgeDistance >= margin &&
    check.pipelineDistance >= band[0] &&
    check.pipelineDistance <= band[1]
  );
}

/** Draws the built-up areas, coverage polygons, no-burn zones and pipelines, checking each against the boundaries. */
export function generateBoilerAreas(locator: Locator, seed = SEED): BoilerAreas {
  const random = seededRandom(seed);
  const cityAt = (p: Position) => locator.where(p[0]!, p[1]!).city;
  const areas: BoilerAreas = { builtUp: [], coverage: [], zones: [], pipelines: [] };
  for (const plan of CITIES) {
    const centreWhere = locator.where(plan.centre[0], plan.centre[1]);
    if (centreWhere.city !== plan.city || centreWhere.county !== plan.district) {
      throw new Error(`${plan.city}: centre ${plan.centre} lies in ${centreWhere.city}${centreWhere.county}, not ${plan.district}`);
    }
    const builtUp = starRing(random, plan.centre, plan.radius, plan.vertices);
    const check = (ring: Position[], what: string) => {
      if (findRingSelfIntersections(ring, 1).length > 0) throw new Error(`${what} crosses itself`);
      const outside = ring.find((p) => cityAt(p) !== plan.city);
      if (outside) throw new Error(`${what}: vertex ${outside} lies outside ${plan.city}`);
    };
    check(builtUp, `${plan.city} built-up area`);
    areas.builtUp.push({ city: plan.city, ring: builtUp });
    plan.coverage.forEach((shape, i) => {
      const centre = offset(plan.centre, shape.bearing, shape.distance * plan.radius);
      const ring = starRing(random, centre, shape.radius * plan.radius, 16 + Math.floor(random() * 9));
      check(ring, `${plan.city} coverage ${i + 1}`);
      for (const other of areas.coverage) if (ringsMeet(ring, other.ring)) throw new Error(`${plan.city} coverage ${i + 1} overlaps ${other.name}`);
      areas.coverage.push({ city: plan.city, name: `${plan.city}合成供热管网覆盖区${i + 1}（合成）`, ring });
    });
    for (const shape of plan.zones) {
      const centre = offset(plan.centre, shape.bearing, shape.distance * plan.radius);
      const ring = starRing(random, centre, shape.radius * plan.radius, 14 + Math.floor(random() * 7));
      check(ring, shape.name);
      if (!ringInside(ring, builtUp)) throw new Error(`${shape.name} is not inside the ${plan.city} built-up area`);
      for (const other of areas.zones) if (ringsMeet(ring, other.ring)) throw new Error(`${shape.name} overlaps ${other.name}`);
      areas.zones.push({ city: plan.city, name: shape.name, category: shape.category, ring });
    }
  }
  const qiqihar = CITIES.find((c) => c.city === '齐齐哈尔市')!;
  for (const pipe of PIPELINES) {
    let point = offset(qiqihar.centre, pipe.bearing, pipe.start * qiqihar.radius);
    const line: Position[] = [[round6(point[0]), round6(point[1])]];
    let heading = pipe.bearing;
    for (let i = 0; i < pipe.steps; i++) {
      heading = Math.max(pipe.bearing - 30, Math.min(pipe.bearing + 30, heading + (random() - 0.5) * 30));
      point = offset(point, heading, 700 + random() * 300);
      line.push([round6(point[0]), round6(point[1])]);
    }
    const outside = line.find((p) => cityAt(p) !== qiqihar.city);
    if (outside) throw new Error(`${pipe.name}: vertex ${outside} lies outside 齐齐哈尔市`);
    areas.pipelines.push({ name: pipe.name, diameterMm: pipe.diameterMm, line });
  }
  return areas;
}

interface BoilerRow {
  name: string;
  lon: number;
  lat: number;
  tph: number | null;
  mw: number | null;
  fuel: string | null;
  use: string | null;
  builtUp: boolean | null;
  status: string | null;
  city: string | null;
  county: string | null;
}

function csvLine(row: BoilerRow): string {
  const cell = (v: string | number | null) => (v === null ? '' : String(v));
  return [
    row.name, row.lon.toFixed(6), row.lat.toFixed(6), cell(row.tph), cell(row.mw), cell(row.fuel), cell(row.use),
    row.builtUp === null ? '' : row.builtUp ? '是' : '否', cell(row.status), cell(row.city), cell(row.county),
  ].join(',');
}

/**
 * Generates every sample file in memory: pure (same seed, same boundaries → same bytes).
 *
 * @param boundaries - The shipped boundaries (placement is checked with the locator built on them).
 * @returns The file texts, in the order they are written, and the counts provenance records.
 */
export function generateBoilerSamples(boundaries: Boundaries = loadBoundariesFile(), seed = SEED): BoilerSamples {
  const locator = createLocator(boundaries);
  const areas = generateBoilerAreas(locator, seed);
  const checkAt = createPlacementChecker(locator, areas);
  const random = seededRandom(seed + 1);
  const pick = <T>(items: [T, number][]): T => {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = random() * total;
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items[items.length - 1]![0];
  };
  const inBox = ([x0, y0, x1, y1]: [number, number, number, number]): [number, number] => [round6(x0 + random() * (x1 - x0)), round6(y0 + random() * (y1 - y0))];
  const plans = new Map(CITIES.map((c) => [c.city, c]));
  const pipelineBox = (() => {
    const box = ringBox(areas.pipelines.flatMap((p) => p.line));
    const pad = 0.03;
    return [box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad] as [number, number, number, number];
  })();

  // Deliberate boilers: a seeded search for a point that meets the placement with margins, and is at least 300 m from the others.
  const rows: BoilerRow[] = [];
  const placed: [number, number][] = [];
  for (const boiler of DELIBERATE_BOILERS) {
    const { placement, row } = boiler;
    const plan = plans.get(placement.city)!;
    const candidates = placement.zone
      ? areas.zones.filter((z) => z.city === placement.city && z.category === placement.zone).map((z) => ringBox(z.ring))
      : placement.coverage
        ? areas.coverage.filter((a) => a.city === placement.city).map((a) => ringBox(a.ring))
        : placement.pipeline
          ? [pipelineBox]
          : placement.builtUp
            ? [ringBox(areas.builtUp.find((a) => a.city === placement.city)!.ring)]
            : [ringBox([offset(plan.centre, 225, 3.2 * plan.radius), offset(plan.centre, 45, 3.2 * plan.radius)])];
    let found: [number, number] | null = null;
    for (let attempt = 0; attempt < 20000 && !found; attempt++) {
      const [lon, lat] = inBox(candidates[Math.floor(random() * candidates.length)]!);
      if (placed.some(([x, y]) => Math.abs(x - lon) < 0.004 && Math.abs(y - lat) < 0.003)) continue;
      if (placementHolds(checkAt(lon, lat, DELIBERATE_MARGIN_M), placement, DELIBERATE_MARGIN_M)) found = [lon, lat];
    }
    if (!found) throw new Error(`${boiler.name}: no point found for ${JSON.stringify(placement)}`);
    placed.push(found);
    const where = checkAt(found[0], found[1], 0);
    rows.push({
      name: boiler.name, lon: found[0], lat: found[1], tph: row.tph, mw: row.mw, fuel: row.fuel, use: row.use,
      builtUp: row.builtUpColumn ?? null, status: row.status,
      city: row.cityColumn ?? where.city, county: row.countyColumn ?? where.county,
    });
  }

  // Random boilers: per city, in the built-up area, in coverage (near pipelines in 齐齐哈尔), or anywhere within ~30 km.
  let random_ = 0;
  for (const plan of CITIES) {
    const builtUp = areas.builtUp.find((a) => a.city === plan.city)!;
    const coverage = areas.coverage.filter((a) => a.city === plan.city);
    const around = ringBox([offset(plan.centre, 225, 42_000), offset(plan.centre, 45, 42_000)]);
    for (let n = 1; n <= RANDOM_BOILERS_PER_CITY[plan.city]!; n++) {
      const where = random();
      let point: [number, number];
      let check: PlacementCheck;
      for (;;) {
        if (where < 0.38) {
          point = inBox(ringBox(builtUp.ring));
          if (!pointInRing(point[0], point[1], builtUp.ring)) continue;
        } else if (where < 0.58 && coverage.length > 0) {
          const area = coverage[Math.floor(random() * coverage.length)]!;
          point = inBox(ringBox(area.ring));
          if (!pointInRing(point[0], point[1], area.ring)) continue;
        } else if (where < 0.58) {
          point = inBox(pipelineBox);
        } else {
          point = inBox(around);
        }
        check = checkAt(point[0], point[1], 0);
        if (check.city !== plan.city) continue;
        if (where >= 0.38 && where < 0.58 && coverage.length === 0 && check.pipelineDistance > PIPELINE_SERVICE_RADIUS_M) continue;
        break;
      }
      const fuel = pick<BoilerFuel>([['燃煤', 64], ['燃气', 16], ['生物质', 10], ['电', 5], ['燃油', 5]]);
      const small = fuel === '电' || fuel === '燃油';
      const unit = random();
      let tph: number | null = null;
      let mw: number | null = null;
      if (unit < 0.75) tph = pick(small ? TPH_SERIES.slice(0, 5) : TPH_SERIES);
      else if (unit < 0.93) mw = pick(small ? MW_SERIES.slice(0, 5) : MW_SERIES);
      else [tph, mw] = TPH_MW_PAIRS[Math.floor(random() * (small ? 5 : TPH_MW_PAIRS.length))]!;
      const big = (tph ?? 0) >= 35 || (mw ?? 0) >= 29;
      const use: BoilerUse = big && fuel === '燃煤' && random() < 0.3 ? '发电' : random() < 0.62 ? '供热' : '工业';
      const status = pick<BoilerStatus>([['在用', 80], ['停用', 12], ['拟建', 8]]);
      const located = random();
      rows.push({
        name: `合成锅炉-${plan.short}-${String(n).padStart(3, '0')}`,
        lon: point[0], lat: point[1], tph, mw, fuel, use,
        builtUp: random() < 0.2 ? check.builtUp : null,
        status,
        city: located < 0.88 ? check.city : null,
        county: located < 0.82 ? check.county : null,
      });
      random_++;
    }
  }

  const csv = `\uFEFF${BOILER_CSV_HEADER}\r\n${rows.map(csvLine).join('\r\n')}\r\n`;
  const polygon = (ring: Position[]): Polygon => ({ type: 'Polygon', coordinates: [ring] });
  const builtUpText = featureCollection(areas.builtUp.map((a): Feature<Polygon> => ({ type: 'Feature', properties: { name: `${a.city}建成区（合成）`, city: a.city }, geometry: polygon(a.ring) })));
  const coverageText = featureCollection(areas.coverage.map((a): Feature<Polygon> => ({ type: 'Feature', properties: { name: a.name, city: a.city, operator: '合成供热公司' }, geometry: polygon(a.ring) })));
  const pipelinesText = featureCollection(areas.pipelines.map((p): Feature<LineString> => ({ type: 'Feature', properties: { name: p.name, city: '齐齐哈尔市', diameterMm: p.diameterMm }, geometry: { type: 'LineString', coordinates: p.line } })));
  const zonesText = featureCollection(areas.zones.map((z, i): Feature<Polygon> => ({
    type: 'Feature',
    properties: { name: z.name, category: z.category, city: z.city, docNumber: `合成〔2024〕${i + 1}号`, effectiveDate: '2024-10-01' },
    geometry: polygon(z.ring),
  })));
  return {
    files: [
      { path: SAMPLE_BUILT_UP_PATH, text: builtUpText },
      { path: SAMPLE_HEATING_COVERAGE_PATH, text: coverageText },
      { path: SAMPLE_HEATING_PIPELINES_PATH, text: pipelinesText },
      { path: SAMPLE_NO_BURN_ZONES_PATH, text: zonesText },
      { path: SAMPLE_BOILERS_PATH, text: csv },
    ],
    counts: {
      boilers: rows.length,
      deliberate: DELIBERATE_BOILERS.length,
      random: random_,
      builtUp: areas.builtUp.length,
      coverage: areas.coverage.length,
      pipelines: areas.pipelines.length,
      noBurnZones: areas.zones.length,
    },
  };
}

const SOURCE = {
  name: 'generated (no external source)',
  licence: 'same as this project',
  vintage: '2024 (synthetic)',
  coordinateSystem: 'WGS84; placed and checked against the shipped boundaries public/data/boundaries.topo.json (2016–2017 divisions)',
  use: 'sample data, labelled synthetic in the UI',
};
const SOURCE_ZH = {
  licence: '与本项目相同',
  vintage: '2024年（合成）',
  coordinateSystem: 'WGS84；按随附边界 public/data/boundaries.topo.json（2016–2017年区划）布设并校核',
  use: '示例数据，界面中标注为“合成数据”',
};

function main(): void {
  const started = performance.now();
  const { files, counts } = generateBoilerSamples();
  const generatedBy = `data/build/generate-boilers.ts (npm run data:build), seed ${SEED}`;
  const shapes = 'star-shaped rings (vertices at increasing angles around a centre, radius varied by low-order harmonics and noise), so no ring crosses itself; checked with findRingSelfIntersections; coordinates rounded to 6 decimals';
  const shapesZh = '星形环（拐点绕中心按角度递增排列，半径由低阶谐波和噪声扰动），环不自交；已用 findRingSelfIntersections 检查；坐标保留 6 位小数';
  const cityEn = (city: string) => HEILONGJIANG.cities.find((c) => c.name === city)?.nameEn ?? city;
  type About = { description: string; transforms: string[]; zh: { description: string; transforms: string[] }; counts: Record<string, number> };
  const described: Record<string, About> = {
    [SAMPLE_BUILT_UP_PATH]: {
      description: 'SYNTHETIC built-up areas: one built-up area polygon per city around a centre in its main urban district, for trying the boiler rules; not real built-up area boundaries',
      transforms: [`one polygon per city (${CITIES.map((c) => `${cityEn(c.city)} ${c.radius / 1000} km`).join(', ')}), ${CITIES.map((c) => c.vertices).join('/')} vertices`, shapes, 'every vertex located in its city with the shipped boundaries'],
      zh: {
        description: '合成建成区：每市一个建成区多边形，围绕主城区中心生成，用于试用锅炉规则；并非真实建成区边界',
        transforms: [`每市一个多边形（${CITIES.map((c) => `${c.city} ${c.radius / 1000} 公里`).join('，')}），拐点数 ${CITIES.map((c) => c.vertices).join('/')}`, shapesZh, '每个拐点均用随附边界确认位于所属市内'],
      },
      counts: { polygons: counts.builtUp },
    },
    [SAMPLE_HEATING_COVERAGE_PATH]: {
      description: 'SYNTHETIC heating-network coverage polygons for Harbin, Suihua, Jiamusi, Qitaihe and Daqing, some straddling the built-up edge and some outside it; not real coverage',
      transforms: ['2–3 polygons per city, centred on the built-up edge or beyond it, 16–24 vertices, not overlapping one another', shapes, 'every vertex located in its city'],
      zh: {
        description: '合成供热管网覆盖范围：哈尔滨、绥化、佳木斯、七台河、大庆的覆盖面，部分跨越建成区边缘，部分在建成区外；并非真实覆盖范围',
        transforms: ['每市 2–3 个多边形，中心位于建成区边缘或其外侧，16–24 个拐点，互不重叠', shapesZh, '每个拐点均位于所属市内'],
      },
      counts: { polygons: counts.coverage },
    },
    [SAMPLE_HEATING_PIPELINES_PATH]: {
      description: 'SYNTHETIC main heating pipelines of Qiqihar only (no coverage polygons there); the app applies a stated service radius (default 1,000 m); not real pipelines',
      transforms: ['three lines from near the Qiqihar centre outward, 700–1,000 m steps, heading drifting within ±30° of a set bearing', 'coordinates rounded to 6 decimals; every vertex located in Qiqihar'],
      zh: {
        description: '合成供热主管网：仅齐齐哈尔市（该市无覆盖面）；应用按明示的服务半径（默认 1,000 米）计算覆盖；并非真实管网',
        transforms: ['三条管线自齐齐哈尔市中心附近向外延伸，步长 700–1,000 米，走向在设定方位 ±30° 内变化', '坐标保留 6 位小数；每个拐点均位于齐齐哈尔市内'],
      },
      counts: { lines: counts.pipelines },
    },
    [SAMPLE_NO_BURN_ZONES_PATH]: {
      description: 'SYNTHETIC no-burn zones of categories I, II and III inside the synthetic built-up areas, with made-up document numbers; not real zones',
      transforms: ['zones inside the built-up polygon of their city (checked: vertices inside, no edge crossings), not overlapping one another', shapes],
      zh: {
        description: '合成高污染燃料禁燃区：Ⅰ、Ⅱ、Ⅲ类（国环规大气〔2017〕2号），位于合成建成区内，文号为虚构的“合成〔2024〕N号”；并非真实禁燃区',
        transforms: ['禁燃区位于所属市的建成区多边形内（已核：拐点在内、边界不相交），互不重叠', shapesZh],
      },
      counts: { polygons: counts.noBurnZones },
    },
    [SAMPLE_BOILERS_PATH]: {
      description: 'SYNTHETIC boiler inventory (UTF-8 with BOM, CRLF, Chinese headers) for trying the boiler rules of clauses 11, 13 and 23; a named deliberate set first (intended outcomes in DELIBERATE_BOILERS of the generator), then seeded random boilers; not real boilers',
      transforms: [
        `deliberate boilers placed by a seeded search, each at least ${DELIBERATE_MARGIN_M} m (geodesic) from every polygon edge, pipeline distance 400–700 m, 1,400–1,600 m or at least 1,300 m`,
        'random boilers per city: 38 % in the built-up area, 20 % in coverage (within 1,000 m of a pipeline in Qiqihar), the rest within about 40 km, all located in their city',
        'fuel coal 64 %, gas 16 %, biomass 10 %, electric 5 %, oil 5 %; status in use 80 %, shut down 12 %, planned 8 %; capacities from the real t/h and MW series: 75 % t/h only, 18 % MW only, 7 % both (a documented pair)',
        'the built-up column filled (with the polygon answer) on about 20 % of random rows; city and county from the locator on most rows, empty on some',
      ],
      zh: {
        description: '合成锅炉清单（UTF-8 带 BOM，CRLF，中文表头），用于试用第十一、十三、二十三条的锅炉规则；先列出一组有意设计的锅炉（名称“合成锅炉-规则-…”，预期结果见生成器的 DELIBERATE_BOILERS），再列出按种子随机生成的锅炉；并非真实锅炉',
        transforms: [
          `有意设计的锅炉经种子搜索布设，每台距任何多边形边界至少 ${DELIBERATE_MARGIN_M} 米（椭球面），距管网分别为 400–700 米、1,400–1,600 米或至少 1,300 米`,
          '各市随机锅炉：38% 位于建成区，20% 位于覆盖范围内（齐齐哈尔为距管网 1,000 米以内），其余在约 40 公里内，均位于所属市',
          '燃料：燃煤 64%，燃气 16%，生物质 10%，电 5%，燃油 5%；状态：在用 80%，停用 12%，拟建 8%；容量取自真实的蒸吨与 MW 系列：75% 仅 t/h，18% 仅 MW，7% 两者都有（文件中成对的数值）',
          '约 20% 的随机行填写了“是否位于建成区”（与多边形判断一致）；多数行由定位得出城市和区县，部分留空',
        ],
      },
      counts: { boilers: counts.boilers, deliberate: counts.deliberate, random: counts.random },
    },
  };
  for (const file of files) {
    const out = path.join(ROOT, file.path);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, file.text);
    const about = described[file.path]!;
    recordProvenance({ path: file.path, synthetic: true, generatedBy, sources: [SOURCE], ...about, zh: { ...about.zh, sources: [SOURCE_ZH] }, ...describeBytes(file.text) });
    console.error(`wrote ${file.path}: ${Buffer.byteLength(file.text)} bytes`);
  }
  console.error(`${counts.boilers} synthetic boilers (${counts.deliberate} deliberate) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
