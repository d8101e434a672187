import { decodeBoundaries, type Boundaries, type BoundaryTopology } from '../core/geo/boundaries.ts';
import { createLocator, type Locator } from '../core/geo/create-locator.ts';

/**
 * What the analysis worker holds for every domain: the shipped boundaries, fetched and decoded once, and the locator
 * built from them on first use. Domain handlers keep their own data (fires, boiler layers, zones, the border) and
 * reach each other's through the references they are given, never through a copy.
 */
export interface AnalysisData {
  /** Reads a file the app ships (public/data) as text; `fetch` in the worker, the disk in Node tests. */
  fetchText(url: string): Promise<string>;
  /** Starts fetching and decoding the boundaries (once; later calls share the answer). */
  loadBoundaries(url: string): Promise<Boundaries>;
  /** The decoded boundaries; rejects when nothing has asked to load them. */
  boundaries(): Promise<Boundaries>;
  /** Point-in-county lookups over the boundaries, built on first use. */
  locator(): Promise<Locator>;
}

/** The boundaries and locator of one worker. */
export function createAnalysisData(fetchText: (url: string) => Promise<string>): AnalysisData {
  let loading: Promise<Boundaries> | null = null;
  let locating: Promise<Locator> | null = null;
  const boundaries = () => loading ?? Promise.reject(new Error('boundary data was not loaded: send "boundaries.load" first'));
  return {
    fetchText,
    loadBoundaries(url) {
      loading ??= fetchText(url).then((text) => decodeBoundaries(JSON.parse(text) as BoundaryTopology));
      return loading;
    },
    boundaries,
    locator() {
      locating ??= boundaries().then(createLocator);
      return locating;
    },
  };
}
