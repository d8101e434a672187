import type { MultiPolygon, Polygon, Position } from 'geojson';
import { NO_BURN_CATEGORIES, type NoBurnCategory } from '../../core/boilers/boiler.ts';
import type { CategorisedZone, NamedArea, NamedPipeline } from '../../core/boilers/boiler-places.ts';
import { findRingSelfIntersections } from '../../core/geo/ring-self-intersections.ts';
import { text, type Text } from '../../core/text/text.ts';
import { areaGeometry } from './area-geometry.ts';
import type { VectorFeature, VectorFile } from './read-vector-file.ts';
import { rowRejection, type RowRejection } from './row-rejection.ts';

/** Polygons and lines of an audit layer file (coverage, built-up areas), and every feature left out. */
export interface AreaLayer {
  areas: NamedArea[];
  /** Lines: heating pipelines (they need a service radius to count as coverage). */
  pipelines: NamedPipeline[];
  rejected: RowRejection[];
}

/** No-burn zones read from a file, and every feature left out. */
export interface ZoneLayer {
  zones: CategorisedZone[];
  rejected: RowRejection[];
}

const NAME_KEYS = ['名称', 'name', 'NAME', 'Name', '区域名称', '禁燃区名称', '管网名称', 'zone_name', 'title', 'MC'];
const CATEGORY_KEYS = ['category', 'Category', 'CATEGORY', '类别', '燃料类别', '禁燃区类别', '管控类别', '管理类别', 'class', 'LB'];

// A Map, so words like "constructor" are not found on the object prototype.
const CATEGORY_WORDS = new Map<string, NoBurnCategory>([
  ['1', 'Ⅰ'], ['i', 'Ⅰ'], ['ⅰ', 'Ⅰ'], ['一', 'Ⅰ'],
  ['2', 'Ⅱ'], ['ii', 'Ⅱ'], ['ⅱ', 'Ⅱ'], ['二', 'Ⅱ'],
  ['3', 'Ⅲ'], ['iii', 'Ⅲ'], ['ⅲ', 'Ⅲ'], ['三', 'Ⅲ'],
]);

/**
 * Reads a no-burn zone category as written in files and documents: `Ⅲ`, `III`, `3`, `三类`, `第Ⅲ类`, `Ⅲ类（严格）`.
 *
 * @param value - The cell or property text.
 * @returns The category, or null when the text names none.
 * @example
 * parseNoBurnCategory('第Ⅲ类'); // 'Ⅲ'
 * parseNoBurnCategory('II');    // 'Ⅱ'
 */
export function parseNoBurnCategory(value: string): NoBurnCategory | null {
  const core = value.trim().toLowerCase().replace(/^第/, '').replace(/(类|级).*$/, '').replace(/^(category|class)\s*/, '').trim();
  if ((NO_BURN_CATEGORIES as readonly string[]).includes(core.toUpperCase())) return core.toUpperCase() as NoBurnCategory;
  return CATEGORY_WORDS.get(core) ?? null;
}

const firstOf = (properties: Record<string, string>, keys: string[]): [string, string] | null => {
  for (const key of keys) {
    const value = properties[key];
    if (value !== undefined && value.trim() !== '') return [key, value.trim()];
  }
  return null;
};

/**
 * A feature's name from its 名称/name/… property, or `<file> #<number>` when it has none.
 *
 * @param feature - A feature of the file.
 * @param file - The file it came from.
 * @returns The name to show.
 * @example
 * featureName(file.features[0], file); // '南岗供热区', or 'zones.geojson #1'
 */
export function featureName(feature: VectorFeature, file: VectorFile): string {
  return firstOf(feature.properties, NAME_KEYS)?.[1] ?? `${file.fileName} #${feature.number}`;
}

/** The rings of a polygon that cross themselves: such a polygon has no agreed inside, so it is left out. */
function crossingProblem(geometry: Polygon | MultiPolygon): Text | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const rings of polygons) {
    for (const ring of rings) {
      const crossing = findRingSelfIntersections(ring as Position[], 1)[0];
      if (crossing) return text('boilerLayerSelfCrossing', { lon: crossing.lon.toFixed(6), lat: crossing.lat.toFixed(6) });
    }
  }
  return null;
}

type Classified = { kind: 'area'; area: NamedArea } | { kind: 'line'; pipeline: NamedPipeline } | { kind: 'rejected'; rejection: RowRejection };

/** A feature as an area, a line, or a rejection with its reason. */
function classify(feature: VectorFeature, file: VectorFile): Classified {
  const { geometry } = feature;
  const area = areaGeometry(geometry);
  if (area) {
    const problem = crossingProblem(area);
    return problem
      ? { kind: 'rejected', rejection: rowRejection(feature.number, 'geometry', problem, geometry.type) }
      : { kind: 'area', area: { name: featureName(feature, file), geometry: area } };
  }
  if (geometry.type === 'LineString' || geometry.type === 'MultiLineString') {
    return { kind: 'line', pipeline: { name: featureName(feature, file), lines: geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates } };
  }
  return { kind: 'rejected', rejection: rowRejection(feature.number, 'geometry', text('boilerLayerNoArea', { type: geometry.type }), geometry.type) };
}

/**
 * Splits a vector file of an audit layer into named polygons and named lines (pipelines). A point, or a
 * polygon whose outline crosses itself, is left out with its feature number and reason; nothing is repaired.
 *
 * @param file - From readVectorFile.
 * @returns Areas, pipelines and rejections (the file's own rejections included), rejections by feature number.
 * @example
 * const { areas, pipelines } = areaLayerOf(await readVectorFile(bytes, '供热覆盖.geojson'));
 */
export function areaLayerOf(file: VectorFile): AreaLayer {
  const layer: AreaLayer = { areas: [], pipelines: [], rejected: [...file.rejected] };
  for (const feature of file.features) {
    const item = classify(feature, file);
    if (item.kind === 'area') layer.areas.push(item.area);
    else if (item.kind === 'line') layer.pipelines.push(item.pipeline);
    else layer.rejected.push(item.rejection);
  }
  layer.rejected.sort((a, b) => a.row - b.row);
  return layer;
}

/**
 * Reads no-burn zones from a vector file: polygons with a fuel category property (`category`, `类别`,
 * `燃料类别`…: Ⅰ/Ⅱ/Ⅲ, I/II/III, 1/2/3, 三类). A zone without a readable category is left out with the
 * feature number, the field and what to write; it is never given a default category.
 *
 * @param file - From readVectorFile.
 * @returns Zones and rejections, by feature number.
 * @example
 * const { zones, rejected } = zoneLayerOf(await readVectorFile(bytes, '禁燃区.kml'));
 */
export function zoneLayerOf(file: VectorFile): ZoneLayer {
  const layer: ZoneLayer = { zones: [], rejected: [...file.rejected] };
  for (const feature of file.features) {
    const item = classify(feature, file);
    if (item.kind === 'rejected') {
      layer.rejected.push(item.rejection);
    } else if (item.kind === 'line') {
      layer.rejected.push(rowRejection(feature.number, 'geometry', text('boilerLayerZoneIsLine'), feature.geometry.type));
    } else {
      const found = firstOf(feature.properties, CATEGORY_KEYS);
      const category = found ? parseNoBurnCategory(found[1]) : null;
      if (category) layer.zones.push({ ...item.area, category });
      else {
        layer.rejected.push(
          rowRejection(feature.number, found?.[0] ?? 'category', found ? text('boilerLayerNotCategory', { value: found[1] }) : text('boilerLayerNoCategory'), found?.[1] ?? ''),
        );
      }
    }
  }
  layer.rejected.sort((a, b) => a.row - b.row);
  return layer;
}
