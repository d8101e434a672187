import { render, type Localized, type Text } from '../../src/core/text/text.ts';

/**
 * Rejections (or notes) with their reason rendered in English, as the command line prints them: tests assert the
 * English sentences the readers wrote before their reasons became catalogue texts.
 */
export function inEnglish<T extends { reason: Text | Localized | string }>(items: readonly T[]): (Omit<T, 'reason'> & { reason: string })[] {
  return items.map((item) => ({ ...item, reason: render(item.reason, 'en') }));
}

/** Warnings with their message rendered in English. */
export function messagesInEnglish<T extends { message: Text | Localized | string }>(items: readonly T[]): (Omit<T, 'message'> & { message: string })[] {
  return items.map((item) => ({ ...item, message: render(item.message, 'en') }));
}

/** One text in English. */
export const english = (value: Text | Localized | string): string => render(value, 'en');

/** One text in Chinese. */
export const chinese = (value: Text | Localized | string): string => render(value, 'zh');
