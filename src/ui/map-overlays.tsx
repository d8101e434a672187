import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useRef, type ReactNode, type RefObject } from 'react';

/** The edge of the map an overlay hugs: the map keeps what it centres and fits clear of it on that side. */
export type MapEdge = 'left' | 'right' | 'top' | 'bottom';

export interface MapPadding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

type Register = (element: HTMLElement, edge: MapEdge) => () => void;

const OverlayContext = createContext<Register>(() => () => {});

/** Room left between an overlay and what the map shows next to it, px. */
const MARGIN = 8;

/**
 * Hook: marks an element as lying over the map along one edge; while it is mounted the map's padding keeps selected
 * features and fitted extents out from under it.
 *
 * @param edge - The edge it hugs.
 * @returns The ref to put on the element.
 */
export function useMapOverlay<T extends HTMLElement>(edge: MapEdge): RefObject<T | null> {
  const register = useContext(OverlayContext);
  const ref = useRef<T | null>(null);
  useLayoutEffect(() => {
    if (ref.current) return register(ref.current, edge);
  }, [register, edge]);
  return ref;
}

/**
 * Measures the overlays inside `area` (the map's box) and reports the padding the map needs, on every size change.
 *
 * @param props.area - The element the map fills.
 * @param props.onPadding - Hears the padding when it changes.
 */
export function MapOverlays({ area, onPadding, children }: { area: RefObject<HTMLElement | null>; onPadding: (padding: MapPadding) => void; children: ReactNode }) {
  const overlays = useRef(new Map<HTMLElement, MapEdge>());
  const last = useRef('');
  const measure = useCallback(() => {
    const box = area.current?.getBoundingClientRect();
    if (!box || box.width === 0) return;
    const padding: MapPadding = { top: 0, right: 0, bottom: 0, left: 0 };
    for (const [element, edge] of overlays.current) {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const extent = edge === 'left' ? rect.right - box.left : edge === 'right' ? box.right - rect.left : edge === 'top' ? rect.bottom - box.top : box.bottom - rect.top;
      // An overlay never takes more than 70 % of the map's width or height: the rest stays usable.
      const limit = (edge === 'left' || edge === 'right' ? box.width : box.height) * 0.7;
      padding[edge] = Math.max(padding[edge], Math.min(limit, Math.round(extent + MARGIN)));
    }
    const key = JSON.stringify(padding);
    if (key === last.current) return;
    last.current = key;
    onPadding(padding);
  }, [area, onPadding]);
  const observer = useMemo(() => (typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => measure())), [measure]);
  useLayoutEffect(() => {
    if (area.current) observer?.observe(area.current);
    measure();
    return () => observer?.disconnect();
  }, [area, observer, measure]);
  const register = useCallback<Register>(
    (element, edge) => {
      overlays.current.set(element, edge);
      observer?.observe(element);
      measure();
      return () => {
        overlays.current.delete(element);
        observer?.unobserve(element);
        measure();
      };
    },
    [observer, measure],
  );
  return <OverlayContext.Provider value={register}>{children}</OverlayContext.Provider>;
}
