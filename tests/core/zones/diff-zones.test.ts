import { describe, expect, it } from 'vitest';
import { diffZones } from '../../../src/core/zones/diff-zones.ts';
import { threeZones, zoneFixture } from '../../helpers/zone-fixtures-db.ts';

const ids = (zones: { id: string }[]) => zones.map((z) => z.id);

describe('diffZones', () => {
  it('finds nothing between a set and a deep copy of it', () => {
    const before = threeZones();
    const diff = diffZones(before, structuredClone(before));
    expect(diff).toEqual({ added: [], removed: [], changed: [], unchanged: 3 });
  });

  it('lists added zones in after order and removed zones in before order', () => {
    const [a, b, c] = threeZones();
    const d = zoneFixture('d', 127.0, 46.0);
    const e = zoneFixture('e', 127.1, 46.1);
    const diff = diffZones([a!, b!, c!], [e, b!, d]);
    expect(ids(diff.added)).toEqual(['e', 'd']);
    expect(ids(diff.removed)).toEqual(['a', 'c']);
    expect(diff.changed).toEqual([]);
    expect(diff.unchanged).toBe(1);
  });

  it('reports a single moved vertex as a geometry change, and the attributes that changed, in field order', () => {
    const [a, b, c] = threeZones();
    const moved = structuredClone(b!);
    (moved.geometry.coordinates[0] as number[][])[2]![0] = 126.6100001; // one vertex, 1 cm east
    const renamed = { ...c!, notes: '含供热管网覆盖区', name: '香坊禁燃区', category: 'Ⅱ' as const };
    const diff = diffZones([a!, b!, c!], [a!, renamed, moved]);
    expect(diff.changed.map((x) => [x.after.id, x.fields])).toEqual([
      ['c', ['name', 'category', 'notes']],
      ['b', ['geometry']],
    ]);
    expect(diff.changed[1]!.before).toBe(b);
    expect(diff.changed[1]!.after).toBe(moved);
    expect(diff.unchanged).toBe(1);
  });

  it('compares geometry by coordinates, not by reference, and sees an added vertex, a hole and a type change', () => {
    const base = zoneFixture('z', 126.65, 45.75);
    const ring = base.geometry.coordinates[0] as number[][];
    const sameCopy = { ...base, geometry: { type: 'Polygon' as const, coordinates: [ring.map((p) => [...p])] } };
    const extraVertex = { ...base, geometry: { type: 'Polygon' as const, coordinates: [[...ring.slice(0, 2), [126.661, 45.745], ...ring.slice(2)]] } };
    const withHole = { ...base, geometry: { type: 'Polygon' as const, coordinates: [ring, [[126.649, 45.749], [126.651, 45.749], [126.651, 45.751], [126.649, 45.749]]] } };
    const asMulti = { ...base, geometry: { type: 'MultiPolygon' as const, coordinates: [[ring]] } };
    expect(diffZones([base], [sameCopy]).unchanged).toBe(1);
    for (const after of [extraVertex, withHole, asMulti]) expect(diffZones([base], [after]).changed[0]?.fields).toEqual(['geometry']);
  });

  it('does not count a newer provenance timestamp alone as a change', () => {
    const [a] = threeZones();
    const resaved = { ...a!, provenance: { ...a!.provenance, updatedAt: '2025-01-01T00:00:00.000Z' } };
    expect(diffZones([a!], [resaved])).toMatchObject({ changed: [], unchanged: 1 });
  });

  it('reports a changed document number and effective date', () => {
    const [a] = threeZones();
    const issued = { ...a!, documentNumber: '哈政规〔2025〕1号', effectiveDate: '2025-03-01' };
    expect(diffZones([a!], [issued]).changed[0]!.fields).toEqual(['documentNumber', 'effectiveDate']);
  });

  it('does not modify its inputs', () => {
    const before = threeZones();
    const after = [zoneFixture('x', 127, 46), before[1]!];
    const snapshot = structuredClone([before, after]);
    diffZones(before, after);
    expect([before, after]).toEqual(snapshot);
  });
});
