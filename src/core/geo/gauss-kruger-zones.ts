/** One zone of the CGCS2000 Gauss-Krüger series as an EPSG code names it. */
export interface GaussKrugerZone {
  epsg: number;
  /** Zone width in degrees of longitude. */
  zoneWidth: 3 | 6;
  /** Zone number: 3° zone n has central meridian 3n, 6° zone n has 6n − 3. */
  zone: number;
  /** Central meridian, degrees east. */
  centralMeridian: number;
  /** False easting in metres: the zone number × 10⁶ + 500,000 when prefixed, else 500,000. */
  falseEasting: number;
  /** Whether the easting carries the zone number in front (`43xxxxxx.xx`). */
  prefixed: boolean;
  /** The EPSG name, e.g. `CGCS2000 / 3-degree Gauss-Kruger zone 43`. */
  name: string;
}

/** The four runs of the series: each numbers its zones consecutively from its first EPSG code. */
const SERIES = [
  { firstEpsg: 4491, zoneWidth: 6, firstZone: 13, lastZone: 23, prefixed: true },
  { firstEpsg: 4502, zoneWidth: 6, firstZone: 13, lastZone: 23, prefixed: false },
  { firstEpsg: 4513, zoneWidth: 3, firstZone: 25, lastZone: 45, prefixed: true },
  { firstEpsg: 4534, zoneWidth: 3, firstZone: 25, lastZone: 45, prefixed: false },
] as const;

/**
 * The central meridian of a Gauss-Krüger zone.
 *
 * @param zoneWidth - 3 or 6 (degrees).
 * @param zone - The zone number.
 * @returns Degrees east: 3 × zone for 3° zones, 6 × zone − 3 for 6° zones.
 * @example
 * centralMeridianOf(3, 43); // 129
 * centralMeridianOf(6, 22); // 129
 */
export function centralMeridianOf(zoneWidth: 3 | 6, zone: number): number {
  return zoneWidth === 3 ? 3 * zone : 6 * zone - 3;
}

/**
 * The false easting of a Gauss-Krüger zone: 500 km west of the central meridian, with the zone number in front when
 * eastings carry it.
 *
 * @param zone - The zone number.
 * @param prefixed - Whether eastings carry the zone number.
 * @returns Metres.
 * @example
 * falseEastingOf(43, true);  // 43500000
 * falseEastingOf(43, false); // 500000
 */
export function falseEastingOf(zone: number, prefixed: boolean): number {
  return prefixed ? zone * 1e6 + 500000 : 500000;
}

/**
 * The EPSG name of a CGCS2000 Gauss-Krüger zone, as EPSG writes it (the prefixed series by zone, the other by
 * central meridian).
 *
 * @param zoneWidth - 3 or 6 (degrees).
 * @param zone - The zone number.
 * @param prefixed - Whether eastings carry the zone number.
 * @returns The name, e.g. `CGCS2000 / 3-degree Gauss-Kruger CM 129E`.
 * @example
 * gaussKrugerName(6, 22, true); // 'CGCS2000 / Gauss-Kruger zone 22'
 */
export function gaussKrugerName(zoneWidth: 3 | 6, zone: number, prefixed: boolean): string {
  const family = zoneWidth === 3 ? '3-degree Gauss-Kruger' : 'Gauss-Kruger';
  return `CGCS2000 / ${family} ${prefixed ? `zone ${zone}` : `CM ${centralMeridianOf(zoneWidth, zone)}E`}`;
}

/** Every zone of the series, EPSG 4491–4554, in EPSG order. */
export const GAUSS_KRUGER_ZONES: readonly GaussKrugerZone[] = SERIES.flatMap((series) =>
  Array.from({ length: series.lastZone - series.firstZone + 1 }, (_, k): GaussKrugerZone => {
    const zone = series.firstZone + k;
    return {
      epsg: series.firstEpsg + k,
      zoneWidth: series.zoneWidth,
      zone,
      centralMeridian: centralMeridianOf(series.zoneWidth, zone),
      falseEasting: falseEastingOf(zone, series.prefixed),
      prefixed: series.prefixed,
      name: gaussKrugerName(series.zoneWidth, zone, series.prefixed),
    };
  }),
);

const FIRST_EPSG = GAUSS_KRUGER_ZONES[0]!.epsg;
const LAST_EPSG = GAUSS_KRUGER_ZONES.at(-1)!.epsg;

/**
 * The zone an EPSG code names.
 *
 * @param epsg - An EPSG code.
 * @returns The zone, or null when the code is not of the CGCS2000 Gauss-Krüger series (4491–4554).
 * @example
 * gaussKrugerZoneOfEpsg(4531); // { epsg: 4531, zoneWidth: 3, zone: 43, centralMeridian: 129, falseEasting: 43500000, prefixed: true, … }
 * gaussKrugerZoneOfEpsg(3857); // null
 */
export function gaussKrugerZoneOfEpsg(epsg: number): GaussKrugerZone | null {
  if (!Number.isInteger(epsg) || epsg < FIRST_EPSG || epsg > LAST_EPSG) return null;
  return GAUSS_KRUGER_ZONES[epsg - FIRST_EPSG]!;
}

/**
 * The EPSG code of a zone.
 *
 * @param zoneWidth - 3 or 6 (degrees).
 * @param zone - The zone number.
 * @param prefixed - Whether eastings carry the zone number.
 * @returns The code, or null for a zone outside the series (3° zones 25–45, 6° zones 13–23).
 * @example
 * gaussKrugerEpsgOfZone(3, 43, true);  // 4531
 * gaussKrugerEpsgOfZone(3, 43, false); // 4552
 */
export function gaussKrugerEpsgOfZone(zoneWidth: 3 | 6, zone: number, prefixed: boolean): number | null {
  const series = SERIES.find((run) => run.zoneWidth === zoneWidth && run.prefixed === prefixed)!;
  if (!Number.isInteger(zone) || zone < series.firstZone || zone > series.lastZone) return null;
  return series.firstEpsg + zone - series.firstZone;
}

/**
 * The prefixed zone an easting's leading digits name: 25–45 are 3° zones, 13–23 are 6° zones (the ranges do not
 * overlap, so the prefix alone decides).
 *
 * @param easting - Y in metres, e.g. 43554321.98.
 * @returns The zone, or null when the easting has no prefix (below 10,000,000 m) or the prefix names no zone.
 * @example
 * gaussKrugerZoneOfEasting(43554321.98)?.epsg; // 4531
 * gaussKrugerZoneOfEasting(554321.98);         // null
 */
export function gaussKrugerZoneOfEasting(easting: number): GaussKrugerZone | null {
  if (!(easting >= 1e7 && easting < 1e8)) return null;
  const prefix = Math.floor(easting / 1e6);
  const zoneWidth = prefix >= 25 ? 3 : 6;
  const epsg = gaussKrugerEpsgOfZone(zoneWidth, prefix, true);
  return epsg === null ? null : gaussKrugerZoneOfEpsg(epsg);
}

/**
 * The first EPSG code of the series written in a text as a number of its own (`CGCS2000 4531`, `EPSG:4552`), read
 * digit by digit: no regular expression, so no backtracking on long cells.
 *
 * @param text - Any text, e.g. a 坐标系 cell.
 * @returns The code, or null when the text names none.
 * @example
 * gaussKrugerEpsgInText('cgcs2000/3度带43带(4531)'); // 4531
 * gaussKrugerEpsgInText('45310');                   // null
 */
export function gaussKrugerEpsgInText(text: string): number | null {
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && isDigit(text.charCodeAt(end))) end++;
    if (end - i === 4) {
      const code = Number(text.slice(i, end));
      if (code >= FIRST_EPSG && code <= LAST_EPSG) return code;
    }
    i = end;
  }
  return null;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The codes covering Heilongjiang (121°–135°E), in the order a picker lists them. */
const HEILONGJIANG_EPSG = [4528, 4529, 4530, 4531, 4532, 4533, 4549, 4550, 4551, 4552, 4553, 4554, 4499, 4500, 4501, 4510, 4511, 4512] as const;

/**
 * The zones that cover Heilongjiang (121°–135°E), for a picker: 3° zones 40–45 with prefix (4528–4533) and without
 * (4549–4554), then 6° zones 21–23 with prefix (4499–4501) and without (4510–4512).
 *
 * @returns The zones in that order.
 * @example
 * heilongjiangGaussKrugerZones().map((zone) => zone.epsg); // [4528, 4529, …, 4512]
 */
export function heilongjiangGaussKrugerZones(): GaussKrugerZone[] {
  return HEILONGJIANG_EPSG.map((epsg) => gaussKrugerZoneOfEpsg(epsg)!);
}

/**
 * The proj4 definition of a zone on the GRS80 ellipsoid (CGCS2000 and WGS84 agree within decimetres, so no datum shift).
 *
 * @param zone - A zone of the series, or any central meridian and false easting.
 * @returns A `+proj=tmerc …` definition.
 * @example
 * gaussKrugerDefinition(gaussKrugerZoneOfEpsg(4531)!); // '+proj=tmerc +lat_0=0 +lon_0=129 +k=1 +x_0=43500000 +y_0=0 +ellps=GRS80 +units=m +no_defs'
 */
export function gaussKrugerDefinition(zone: Pick<GaussKrugerZone, 'centralMeridian' | 'falseEasting'>): string {
  return `+proj=tmerc +lat_0=0 +lon_0=${zone.centralMeridian} +k=1 +x_0=${zone.falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
}
