import { useCallback } from 'react';
import type { MessageKey } from '../core/text/messages.ts';
import { render, text, type Language, type Localized, type Text, type TextParam } from '../core/text/text.ts';
import { useAppStore } from '../state/store.ts';

export type { MessageKey } from '../core/text/messages.ts';

/** Hook: the UI language. */
export const useLanguage = (): Language => useAppStore((s) => s.language);

/**
 * Hook: a function that renders a catalogue key (with parameters) in the UI language. Every string a user sees goes
 * through it or through {@link useRender} (texts from the worker, place names with their pinyin).
 */
export function useT(): (key: MessageKey, params?: Readonly<Record<string, TextParam>>) => string {
  const language = useLanguage();
  return useCallback((key, params) => render(text(key, params), language), [language]);
}

/** Hook: renders a {@link Text}, a {@link Localized} pair or a plain string (a file name, a cell) in the UI language. */
export function useRender(): (value: Text | Localized | string) => string {
  const language = useLanguage();
  return useCallback((value) => render(value, language), [language]);
}

/** Punctuation between UI parts: Chinese full-width forms, or English ones with their spaces. */
export interface Punctuation {
  colon: string;
  comma: string;
  /** Between the items of a list (、 in Chinese). */
  list: string;
  semicolon: string;
  open: string;
  close: string;
  period: string;
  quoteOpen: string;
  quoteClose: string;
}

const PUNCTUATION: Record<Language, Punctuation> = {
  zh: { colon: '：', comma: '，', list: '、', semicolon: '；', open: '（', close: '）', period: '。', quoteOpen: '「', quoteClose: '」' },
  en: { colon: ': ', comma: ', ', list: ', ', semicolon: '; ', open: ' (', close: ')', period: '. ', quoteOpen: '"', quoteClose: '"' },
};

/** Hook: the punctuation of the UI language, for joining parts of a line. */
export function usePunctuation(): Punctuation {
  return PUNCTUATION[useLanguage()];
}
