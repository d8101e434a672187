/** A parsed coordinate, or why it could not be read. */
export type CoordinateResult = { ok: true; value: number } | { ok: false; reason: 'empty' | 'not a number' };

/** A parsed angle with the axis its hemisphere letter names, or a precise reason it could not be read. */
export type AngleResult =
  | { ok: true; value: number; /** set when a hemisphere letter or word (E, N, 东经, 北纬…) says which axis this is */ axis?: 'lon' | 'lat'; dms: boolean }
  | { ok: false; reason: 'empty' | 'not-a-number' | 'malformed-dms' };

// Every pattern is compiled once here: a sites table or fire file calls these per cell.
const HEMISPHERE = '东经|西经|北纬|南纬|[NSEWnsew东西南北]';
const PREFIX = new RegExp(`^(${HEMISPHERE})\\s*[:：]?\\s*`);
const DEGREE = '(?:°|º|˚|度|d)';
const MINUTE = "(?:'|′|’|‘|分|m)";
const SECOND = "(?:\"|″|”|“|''|′′|’’|秒|s)";
const NUMBER = '(\\d+(?:\\.\\d*)?|\\.\\d+)';
const DECIMAL = new RegExp(`^([+-])?\\s*${NUMBER}\\s*(?:°|º|˚|度)?\\s*(${HEMISPHERE})?$`);
// Seconds may lack their mark when minutes come first (`126°38'12.5`), as people type them.
const DMS = new RegExp(
  `^([+-])?\\s*${NUMBER}\\s*${DEGREE}\\s*(?:${NUMBER}\\s*${MINUTE}\\s*(?:${NUMBER}\\s*${SECOND}?\\s*)?|${NUMBER}\\s*${SECOND}\\s*)?(${HEMISPHERE})?$`,
);
const COLONS = new RegExp(`^([+-])?\\s*(\\d+):${NUMBER}(?::${NUMBER})?\\s*(${HEMISPHERE})?$`);
const DMS_MARKS = /[°º˚度分秒'′’‘"″”“:]/;
const PLAIN_DECIMAL = /^-?\d{1,3}\.\d+$/;

function hemisphereOf(word: string | undefined): { sign: 1 | -1; axis: 'lon' | 'lat' } | undefined {
  if (!word) return undefined;
  switch (word) {
    case 'E': case 'e': case '东': case '东经': return { sign: 1, axis: 'lon' };
    case 'W': case 'w': case '西': case '西经': return { sign: -1, axis: 'lon' };
    case 'N': case 'n': case '北': case '北纬': return { sign: 1, axis: 'lat' };
    default: return { sign: -1, axis: 'lat' }; // S, s, 南, 南纬
  }
}

/**
 * Reads one longitude or latitude and says which axis its hemisphere letter names. Accepts decimal degrees
 * (`126.6367`, `126.6367°E`), degrees-minutes-seconds (`126°38'12.5"E`, `126°38′12.5″`, `126度38分12.5秒`),
 * degrees and decimal minutes (`126°38.2083'`), colon notation (`126:38:12.5`), and the hemisphere before
 * the number (`E126°38′12.5″`, `N45.75`, `东经126°38'12.5"`, `北纬 45.75`). W, S, 西经 and 南纬 make it negative.
 *
 * @param text - The text of one value.
 * @returns The value in decimal degrees with its axis when a hemisphere names it, or `empty`,
 *   `malformed-dms` (degree/minute/second marks present but not a valid angle, or minutes or seconds ≥ 60)
 *   or `not-a-number`.
 * @example
 * parseAngle('北纬45°45\'30"'); // { ok: true, value: 45.758333…, axis: 'lat', dms: true }
 * parseAngle('126°61\'');       // { ok: false, reason: 'malformed-dms' }
 */
export function parseAngle(text: string | undefined): AngleResult {
  if (text === undefined) return { ok: false, reason: 'empty' };
  let body = text.trim();
  if (body === '') return { ok: false, reason: 'empty' };
  if (PLAIN_DECIMAL.test(body)) return { ok: true, value: Number(body), dms: false };
  let prefix: ReturnType<typeof hemisphereOf>;
  const prefixMatch = PREFIX.exec(body);
  if (prefixMatch) {
    prefix = hemisphereOf(prefixMatch[1]);
    body = body.slice(prefixMatch[0].length);
  }
  const finish = (sign: string | undefined, value: number, suffixWord: string | undefined, dms: boolean): AngleResult => {
    const suffix = hemisphereOf(suffixWord);
    // `E126.5N` names two axes; `N45.5N` is merely redundant.
    if (prefix && suffix && (prefix.axis !== suffix.axis || prefix.sign !== suffix.sign)) return { ok: false, reason: dms ? 'malformed-dms' : 'not-a-number' };
    const hemisphere = prefix ?? suffix;
    const signed = value * (sign === '-' ? -1 : 1) * (hemisphere?.sign ?? 1);
    return hemisphere ? { ok: true, value: signed, axis: hemisphere.axis, dms } : { ok: true, value: signed, dms };
  };
  const decimal = DECIMAL.exec(body);
  if (decimal) return finish(decimal[1], Number(decimal[2]), decimal[3], false);
  const dms = DMS.exec(body);
  if (dms) {
    const [, sign, degrees = '', minutes, secondsAfterMinutes, secondsAlone, suffix] = dms;
    const seconds = secondsAfterMinutes ?? secondsAlone;
    // Only the last part given may carry decimals: `126.5°30'` and `126°30.5'12"` are not angles.
    if ((minutes !== undefined || seconds !== undefined) && degrees.includes('.')) return { ok: false, reason: 'malformed-dms' };
    if (minutes !== undefined && seconds !== undefined && minutes.includes('.')) return { ok: false, reason: 'malformed-dms' };
    const m = Number(minutes ?? 0);
    const s = Number(seconds ?? 0);
    if (m >= 60 || s >= 60) return { ok: false, reason: 'malformed-dms' };
    return finish(sign, Number(degrees) + m / 60 + s / 3600, suffix, true);
  }
  const colons = COLONS.exec(body);
  if (colons) {
    const [, sign, degrees = '', minutes = '0', seconds, suffix] = colons;
    if (seconds !== undefined && minutes.includes('.')) return { ok: false, reason: 'malformed-dms' };
    const m = Number(minutes);
    const s = Number(seconds ?? 0);
    if (m >= 60 || s >= 60) return { ok: false, reason: 'malformed-dms' };
    return finish(sign, Number(degrees) + m / 60 + s / 3600, suffix, true);
  }
  return { ok: false, reason: DMS_MARKS.test(body) ? 'malformed-dms' : 'not-a-number' };
}

/**
 * Reads a longitude or latitude written as decimal degrees (`126.2437`, `126,2437` with a decimal comma)
 * or degrees-minutes-seconds (`126°14'37.289"E`, `126°14′37.289″`, `126度14分37.289秒`, `E126°14′37.289″`,
 * `东经126°14'37.289"`). W and S make it negative. See {@link parseAngle} for every form and precise reasons.
 *
 * @param text - The cell text.
 * @param decimalComma - Treat `,` as the decimal separator (files with `;` delimiters).
 * @returns The value in decimal degrees, or the reason it could not be read.
 * @example
 * parseCoordinate('126°14\'37.289"E'); // { ok: true, value: 126.243691… }
 */
export function parseCoordinate(text: string | undefined, decimalComma = false): CoordinateResult {
  if (text === undefined || text.trim() === '') return { ok: false, reason: 'empty' };
  // Fast path for plain decimals, which is nearly every FIRMS cell.
  if (!decimalComma && PLAIN_DECIMAL.test(text)) return { ok: true, value: Number(text) };
  const angle = parseAngle(decimalComma ? text.replace(',', '.') : text);
  return angle.ok ? { ok: true, value: angle.value } : { ok: false, reason: 'not a number' };
}
