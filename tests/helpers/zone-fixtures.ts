import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { NoBurnZone } from '../../src/core/zones/no-burn-zone.ts';
import type { ZoneExportRow } from '../../src/io/formats/write-zones-file.ts';

/**
 * A ring of `count` vertices on an irregular circle around a centre, with full-precision coordinates (no round
 * numbers, so a writer that rounds shows), closed by repeating the first position.
 */
export function irregularRing(centre: Position, radiusDegrees: number, count: number, clockwise: boolean): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < count; i++) {
    const angle = ((clockwise ? -1 : 1) * 2 * Math.PI * i) / count + 0.1234567;
    const radius = radiusDegrees * (1 + 0.173 * Math.sin(3.7 * i + 0.5));
    ring.push([centre[0]! + radius * Math.cos(angle), centre[1]! + radius * 0.7 * Math.sin(angle)]);
  }
  ring.push([...ring[0]!]);
  return ring;
}

/** A note of 101 Chinese characters after an ASCII letter: 304 UTF-8 bytes, and byte 254 falls inside a character. */
export const LONG_NOTE = `A${'冬季供暖期内禁止燃用高污染燃料并逐步淘汰燃煤小锅炉'.repeat(4)}严`;

/**
 * Three zones near Harbin as the editor exports them:
 * - `zone-a`: a Polygon with a hole (outer counter-clockwise, hole clockwise, as RFC 7946), a name with quotes,
 *   commas and `<&>`, a note with a line break, drawn;
 * - `zone-b`: a MultiPolygon of 2 parts (the first clockwise, the second counter-clockwise), an empty effective date,
 *   a note longer than 254 UTF-8 bytes, imported, no county;
 * - `zone-c`: a Polygon whose note starts with `-` (formula-guarded in CSV), proposed, no city or county.
 */
export function sampleZoneRows(): ZoneExportRow[] {
  const a: Polygon = {
    type: 'Polygon',
    coordinates: [irregularRing([126.6312345678901, 45.7523456789012], 0.05, 9, false), irregularRing([126.63, 45.75], 0.01, 5, true)],
  };
  const b: MultiPolygon = {
    type: 'MultiPolygon',
    coordinates: [[irregularRing([126.5101234567891, 45.7798765432109], 0.03, 7, true)], [irregularRing([126.7102345678912, 45.8201234567893], 0.02, 6, false)]],
  };
  const c: Polygon = { type: 'Polygon', coordinates: [irregularRing([127.1234567890123, 45.5987654321098], 0.04, 8, false)] };
  const zone = (id: string, geometry: Polygon | MultiPolygon, fields: Omit<NoBurnZone, 'id' | 'geometry'>): NoBurnZone => ({ id, geometry, ...fields });
  return [
    {
      zone: zone('zone-a', a, {
        name: '南岗区"核心",禁燃区 <一期&二期>',
        category: 'Ⅲ',
        documentNumber: '哈政规〔2024〕3号',
        effectiveDate: '2024-03-01',
        notes: '第一行, "引号"\n第二行 <b>&amp;</b>',
        provenance: { origin: 'drawn', source: '', createdAt: '2024-02-01T08:00:00.000Z', updatedAt: '2024-02-03T09:30:15.123Z' },
      }),
      city: '哈尔滨市',
      county: '南岗区',
      areaKm2: 31.234567891234,
    },
    {
      zone: zone('zone-b', b, {
        name: '道里区禁燃区',
        category: 'Ⅱ',
        documentNumber: '',
        effectiveDate: '',
        notes: LONG_NOTE,
        provenance: { origin: 'imported', source: '道里区,禁燃区.kml', createdAt: '2023-11-20T01:02:03.000Z', updatedAt: '2024-01-05T00:00:00.000Z' },
      }),
      city: '哈尔滨市',
      county: null,
      areaKm2: 12.5,
    },
    {
      zone: zone('zone-c', c, {
        name: '阿城区建议禁燃区',
        category: 'Ⅰ',
        documentNumber: '阿政发〔2025〕7号',
        effectiveDate: '2025-10-15',
        notes: '-30℃以下严寒期执行',
        provenance: { origin: 'proposed', source: '供热覆盖 2024', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' },
      }),
      city: null,
      county: null,
      areaKm2: 0.000123,
    },
  ];
}

/** Options for `readZonesFile` whose `newId` counts its calls, so a test sees whether a new id was handed out. */
export function importOptions(now = '2025-06-01T12:00:00.000Z'): { now: string; newId: () => string; calls: () => number } {
  let count = 0;
  return { now, newId: () => `new-${++count}`, calls: () => count };
}

/** The rings of a Polygon or MultiPolygon, grouped by part. */
export function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** The largest coordinate difference between two geometries of the same shape; Infinity when the shapes differ. */
export function maxCoordinateDifference(actual: Polygon | MultiPolygon, expected: Polygon | MultiPolygon): number {
  const a = polygonsOf(actual);
  const e = polygonsOf(expected);
  if (a.length !== e.length) return Infinity;
  let max = 0;
  for (let p = 0; p < e.length; p++) {
    if (a[p]!.length !== e[p]!.length) return Infinity;
    for (let r = 0; r < e[p]!.length; r++) {
      const ra = a[p]![r]!;
      const re = e[p]![r]!;
      if (ra.length !== re.length) return Infinity;
      for (let v = 0; v < re.length; v++) {
        max = Math.max(max, Math.abs(ra[v]![0]! - re[v]![0]!), Math.abs(ra[v]![1]! - re[v]![1]!));
      }
    }
  }
  return max;
}

/** Twice the signed area of a ring (positive counter-clockwise). */
export function signedArea2(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum;
}

/** A geometry with each part's outer ring clockwise and holes counter-clockwise, as a shapefile stores them. */
export function shapefileOriented(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const orient = (rings: Position[][]) => rings.map((ring, i) => ((signedArea2(ring) < 0) === (i === 0) ? ring : [...ring].reverse()));
  return geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: orient(geometry.coordinates) } : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(orient) };
}
