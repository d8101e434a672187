import { useCallback } from 'react';
import type { Localized } from '../core/text/text.ts';
import { useAppStore } from '../state/store.ts';

const NO_NAMES: Readonly<Record<string, string>> = {};

/**
 * Hook: a place's name in both languages, from the shipped boundaries' own English names (pinyin): provinces, cities,
 * counties and the neighbouring provinces' cities. An unknown name stays as it is in both.
 *
 * @example
 * const place = usePlaceNames(); place('南岗区').en; // 'Nangang District'
 */
export function usePlaceNames(): (zh: string) => Localized {
  const names = useAppStore((s) => (s.boundaries.kind === 'ready' ? s.boundaries.summary.names : NO_NAMES));
  return useCallback((zh: string) => ({ zh, en: names[zh] ?? zh }), [names]);
}
