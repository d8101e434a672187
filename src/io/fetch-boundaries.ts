import { decodeBoundaries, type Boundaries, type BoundaryTopology } from '../core/boundaries.ts';

/** URL of a file under public/data, relative to wherever the app is served from. */
export function dataUrl(file: string): string {
  return `${import.meta.env.BASE_URL}data/${file}`;
}

/** Fetches the shipped boundary topology (same origin, no network beyond the app's own server). */
export async function fetchBoundaries(): Promise<Boundaries> {
  const url = dataUrl('boundaries.topo.json');
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}; is public/data/boundaries.topo.json in the build?`);
  return decodeBoundaries((await response.json()) as BoundaryTopology);
}
