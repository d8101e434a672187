import { lazy, Suspense } from 'react';
import { useAppStore } from '../state/store.ts';
import { useT } from './i18n.ts';

// The coordinate conversions (proj4) load with the first pointer move, not at start-up.
const PointerCoordinates = lazy(() => import('./PointerCoordinates.tsx').then((module) => ({ default: module.PointerCoordinates })));

/** Where the pointer is, in every form a user copies coordinates in; a hint until it first moves over the map. */
export function PointerReadout() {
  const t = useT();
  const pointer = useAppStore((s) => s.pointer);
  const hint = <div className="pointer-readout muted">{t('pointerHint')}</div>;
  if (!pointer) return hint;
  return (
    <Suspense fallback={hint}>
      <PointerCoordinates lon={pointer.lon} lat={pointer.lat} />
    </Suspense>
  );
}
