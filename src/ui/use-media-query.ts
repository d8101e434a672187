import { useSyncExternalStore } from 'react';

/** The phone layout's breakpoint: at or below this width the workspace is a bottom sheet and the header a menu. */
export const PHONE_QUERY = '(max-width: 600px)';

/**
 * Hook: whether a CSS media query matches now, following changes.
 *
 * @example
 * const phone = useMediaQuery(PHONE_QUERY);
 */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
  );
}
