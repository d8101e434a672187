/** Beijing time is UTC+8 all year (no daylight saving). */
export const BEIJING_OFFSET_MS = 8 * 3600 * 1000;
export const DAY_MS = 86400 * 1000;

/**
 * The Beijing calendar date of an instant, as `YYYY-MM-DD`: daily counts use this date.
 *
 * @param ms - Milliseconds since the epoch.
 * @returns The date in Beijing.
 * @example
 * beijingDate(Date.UTC(2024, 3, 5, 17, 30)); // '2024-04-06'
 */
export function beijingDate(ms: number): string {
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The Beijing day number (days since 1970-01-01 in Beijing time) of an instant: a cheap key for daily counts.
 *
 * @param ms - Milliseconds since the epoch.
 * @returns The day number.
 * @example
 * beijingDay(Date.UTC(2024, 3, 5, 17, 30)); // 19819, the number of 2024-04-06
 */
export function beijingDay(ms: number): number {
  return Math.floor((ms + BEIJING_OFFSET_MS) / DAY_MS);
}

/**
 * Beijing date and time to the minute, `YYYY-MM-DD HH:mm`.
 *
 * @param ms - Milliseconds since the epoch.
 * @returns The text.
 * @example
 * beijingDateTime(Date.UTC(2024, 3, 5, 17, 30)); // '2024-04-06 01:30'
 */
export function beijingDateTime(ms: number): string {
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The `YYYY-MM-DD` of a Beijing day number (see {@link beijingDay}).
 *
 * @param day - Day number.
 * @returns The date.
 * @example
 * dayToDate(19818); // '2024-04-05'
 */
export function dayToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
