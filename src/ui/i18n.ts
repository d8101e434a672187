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
