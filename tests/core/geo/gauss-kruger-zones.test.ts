import { describe, expect, it } from 'vitest';
import {
  GAUSS_KRUGER_ZONES,
  gaussKrugerDefinition,
  gaussKrugerEpsgInText,
  gaussKrugerEpsgOfZone,
  gaussKrugerZoneOfEasting,
  gaussKrugerZoneOfEpsg,
  heilongjiangGaussKrugerZones,
} from '../../../src/core/geo/gauss-kruger-zones.ts';

describe('gaussKrugerZoneOfEpsg', () => {
  it('reads EPSG 4531 as 3° zone 43 with the zone prefix, central meridian 129°E', () => {
    expect(gaussKrugerZoneOfEpsg(4531)).toEqual({
      epsg: 4531,
      zoneWidth: 3,
      zone: 43,
      centralMeridian: 129,
      falseEasting: 43_500_000,
      prefixed: true,
      name: 'CGCS2000 / 3-degree Gauss-Kruger zone 43',
    });
  });

  it('reads EPSG 4552 as the 3° zone on 129°E without prefix', () => {
    expect(gaussKrugerZoneOfEpsg(4552)).toMatchObject({ zoneWidth: 3, zone: 43, centralMeridian: 129, falseEasting: 500_000, prefixed: false, name: 'CGCS2000 / 3-degree Gauss-Kruger CM 129E' });
  });

  it('reads EPSG 4500 as 6° zone 22 (central meridian 129°E) and 4511 as the same zone without prefix', () => {
    expect(gaussKrugerZoneOfEpsg(4500)).toMatchObject({ zoneWidth: 6, zone: 22, centralMeridian: 129, falseEasting: 22_500_000, prefixed: true, name: 'CGCS2000 / Gauss-Kruger zone 22' });
    expect(gaussKrugerZoneOfEpsg(4511)).toMatchObject({ zoneWidth: 6, zone: 22, centralMeridian: 129, falseEasting: 500_000, prefixed: false, name: 'CGCS2000 / Gauss-Kruger CM 129E' });
  });

  it('answers null for codes outside the CGCS2000 Gauss-Krüger series', () => {
    for (const code of [4326, 4490, 4555, 3857, 4531.5]) expect(gaussKrugerZoneOfEpsg(code)).toBeNull();
  });

  it('holds every code 4491–4554 once, in order', () => {
    expect(GAUSS_KRUGER_ZONES.map((zone) => zone.epsg)).toEqual(Array.from({ length: 64 }, (_, k) => 4491 + k));
  });
});

describe('gaussKrugerEpsgOfZone', () => {
  it('finds the code of a zone with and without prefix, and null outside the series', () => {
    expect(gaussKrugerEpsgOfZone(3, 43, true)).toBe(4531);
    expect(gaussKrugerEpsgOfZone(3, 43, false)).toBe(4552);
    expect(gaussKrugerEpsgOfZone(6, 22, true)).toBe(4500);
    expect(gaussKrugerEpsgOfZone(6, 13, false)).toBe(4502);
    expect(gaussKrugerEpsgOfZone(3, 46, true)).toBeNull();
    expect(gaussKrugerEpsgOfZone(6, 24, true)).toBeNull();
  });

  it('is the inverse of gaussKrugerZoneOfEpsg over the whole series', () => {
    for (const zone of GAUSS_KRUGER_ZONES) expect(gaussKrugerEpsgOfZone(zone.zoneWidth, zone.zone, zone.prefixed)).toBe(zone.epsg);
  });
});

describe('gaussKrugerZoneOfEasting', () => {
  it('reads 3° zone 43 from an easting 43xxxxxx.xx and 6° zone 22 from 22xxxxxx', () => {
    expect(gaussKrugerZoneOfEasting(43_554_321.98)).toMatchObject({ epsg: 4531, zone: 43, zoneWidth: 3 });
    expect(gaussKrugerZoneOfEasting(22_500_000)).toMatchObject({ epsg: 4500, zone: 22, zoneWidth: 6 });
  });

  it('answers null for an easting without prefix or with a prefix that names no zone', () => {
    expect(gaussKrugerZoneOfEasting(554_321.98)).toBeNull();
    expect(gaussKrugerZoneOfEasting(24_500_000)).toBeNull();
    expect(gaussKrugerZoneOfEasting(50_500_000)).toBeNull();
  });
});

describe('gaussKrugerEpsgInText', () => {
  it('finds a code standing as a number of its own, never inside a longer number', () => {
    expect(gaussKrugerEpsgInText('cgcs2000 3度带 4531')).toBe(4531);
    expect(gaussKrugerEpsgInText('epsg:4552')).toBe(4552);
    expect(gaussKrugerEpsgInText('45310')).toBeNull();
    expect(gaussKrugerEpsgInText('wgs84')).toBeNull();
    expect(gaussKrugerEpsgInText('4326')).toBeNull();
  });
});

describe('heilongjiangGaussKrugerZones', () => {
  it('lists the 3° zones 40–45 and 6° zones 21–23, prefixed first', () => {
    expect(heilongjiangGaussKrugerZones().map((zone) => zone.epsg)).toEqual([4528, 4529, 4530, 4531, 4532, 4533, 4549, 4550, 4551, 4552, 4553, 4554, 4499, 4500, 4501, 4510, 4511, 4512]);
  });
});

describe('gaussKrugerDefinition', () => {
  it('writes the proj4 transverse Mercator of a zone on GRS80', () => {
    expect(gaussKrugerDefinition(gaussKrugerZoneOfEpsg(4531)!)).toBe('+proj=tmerc +lat_0=0 +lon_0=129 +k=1 +x_0=43500000 +y_0=0 +ellps=GRS80 +units=m +no_defs');
  });
});
