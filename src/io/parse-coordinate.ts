/** A parsed coordinate, or why it could not be read. */
export type CoordinateResult = { ok: true; value: number } | { ok: false; reason: 'empty' | 'not a number' };

const DMS = /^\s*([+-])?\s*(\d+(?:\.\d+)?)\s*(?:°|度|d)\s*(?:(\d+(?:\.\d+)?)\s*(?:'|′|’|分|m)\s*)?(?:(\d+(?:\.\d+)?)\s*(?:"|″|”|''|秒|s)\s*)?([NSEWnsew东西南北])?\s*$/;
const DECIMAL = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*([NSEWnsew东西南北])?\s*$/;

/**
 * Reads a longitude or latitude written as decimal degrees (`126.2437`, `126,2437` with a decimal comma)
 * or degrees-minutes-seconds (`126°14'37.289"E`, `126°14′37.289″`, `126度14分37.289秒`). W and S make it negative.
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
  if (!decimalComma && /^-?\d{1,3}\.\d+$/.test(text)) return { ok: true, value: Number(text) };
  const normalised = decimalComma ? text.replace(',', '.') : text;
  const hemisphereSign = (letter: string | undefined) => (letter && /[SWsw西南]/.test(letter) ? -1 : 1);
  const decimal = DECIMAL.exec(normalised);
  if (decimal) {
    const value = Number.parseFloat(normalised.replace(/[NSEWnsew东西南北\s]/g, ''));
    return Number.isFinite(value) ? { ok: true, value: value * hemisphereSign(decimal[3]) } : { ok: false, reason: 'not a number' };
  }
  const dms = DMS.exec(normalised);
  if (dms) {
    const [, sign, degrees, minutes = '0', seconds = '0', hemisphere] = dms;
    if (Number(minutes) >= 60 || Number(seconds) >= 60) return { ok: false, reason: 'not a number' };
    const value = Number(degrees) + Number(minutes) / 60 + Number(seconds) / 3600;
    return { ok: true, value: value * (sign === '-' ? -1 : 1) * hemisphereSign(hemisphere) };
  }
  return { ok: false, reason: 'not a number' };
}
