import { BEIJING_OFFSET_MS, DAY_MS } from '../../core/fires/beijing-time.ts';
import { text, type Text } from '../../core/text/text.ts';

/** Excel's day 0 is 1899-12-30 (which absorbs its 1900 leap-year bug for every date after February 1900). */
const EXCEL_EPOCH_UNIX_DAYS = -25569;

/** A time in milliseconds since the epoch, or why the cell is none (a catalogue text). */
export type TimeResult = { ok: true; value: number } | { ok: false; reason: Text };

function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(ms);
  return check.getUTCDate() === day && check.getUTCMonth() === month - 1 ? ms : null; // rejects 2024-02-30
}

/**
 * FIRMS `acq_date` (YYYY-MM-DD) and `acq_time` (HHMM in UTC, sometimes written without leading zeros: `517` is 05:17).
 *
 * @param date - The `acq_date` cell.
 * @param time - The `acq_time` cell.
 * @returns Milliseconds since the epoch, or the reason.
 * @example
 * parseFirmsTime('2024-04-05', '1730'); // 17:30 UTC = 01:30 on 6 April in Beijing
 */
export function parseFirmsTime(date: string | undefined, time: string | undefined): TimeResult {
  if (!date || date.trim() === '') return { ok: false, reason: text('timeEmpty') };
  const d = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(date);
  if (!d) return { ok: false, reason: text('timeNotIsoDate', { value: date }) };
  const t = (time ?? '0').trim() === '' ? '0' : (time ?? '0').trim();
  if (!/^\d{1,4}$/.test(t)) return { ok: false, reason: text('timeNotHhmm', { value: String(time) }) };
  const padded = t.padStart(4, '0');
  const ms = utcMs(Number(d[1]), Number(d[2]), Number(d[3]), Number(padded.slice(0, 2)), Number(padded.slice(2)));
  return ms === null ? { ok: false, reason: text('timeInvalidDateTime', { value: `${date} ${time ?? ''}` }) } : { ok: true, value: ms };
}

const TEXT_DATE = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*[T ]?\s*(\d{1,2})\s*[:时點点]\s*(\d{1,2})\s*(?:[:分]\s*(\d{1,2})\s*秒?)?\s*分?)?\s*$/;
const COMPACT_DATE = /^\s*(\d{4})(\d{2})(\d{2})\s*$/;

/**
 * A time written in Beijing time, as official sheets do: an Excel serial day number (`45387.5`) or text
 * such as `2024-04-05`, `2024/4/5 13:20`, `2024年4月5日13时20分`, `20240405`.
 *
 * @param cell - The cell text.
 * @returns Milliseconds since the epoch (UTC instant), or the reason.
 * @example
 * parseBeijingTime('2024年4月5日 08:00'); // 2024-04-05T00:00:00Z
 */
export function parseBeijingTime(cell: string | undefined): TimeResult {
  if (cell === undefined || cell.trim() === '') return { ok: false, reason: text('timeEmpty') };
  const value = cell.trim();
  if (/^\d+(\.\d+)?$/.test(value) && !COMPACT_DATE.test(value)) {
    const serial = Number(value);
    // Serial days between 1950 and 2100 only: anything else is more likely a stray number than a date.
    if (serial < 18264 || serial > 73051) return { ok: false, reason: text('timeNotADate', { value }) };
    return { ok: true, value: Math.round((serial + EXCEL_EPOCH_UNIX_DAYS) * DAY_MS) - BEIJING_OFFSET_MS };
  }
  const m = TEXT_DATE.exec(value) ?? COMPACT_DATE.exec(value);
  if (!m) return { ok: false, reason: text('timeNotADate', { value }) };
  const ms = utcMs(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  return ms === null ? { ok: false, reason: text('timeInvalidDate', { value }) } : { ok: true, value: ms - BEIJING_OFFSET_MS };
}
