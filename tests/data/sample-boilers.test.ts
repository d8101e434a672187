import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FeatureCollection, LineString, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  BOILER_CSV_HEADER,
  DELIBERATE_BOILERS,
  generateBoilerSamples,
  PIPELINE_SERVICE_RADIUS_M,
  SAMPLE_BOILERS_PATH,
  SAMPLE_BUILT_UP_PATH,
  SAMPLE_HEATING_COVERAGE_PATH,
  SAMPLE_HEATING_PIPELINES_PATH,
  SAMPLE_NO_BURN_ZONES_PATH,
} from '../../data/build/generate-boilers.ts';
import { loadBoundariesFile } from '../../src/io/node/load-boundaries-file.ts';
import { BOILER_FUELS, BOILER_STATUSES, BOILER_USES, BOILER_VERDICTS, NO_BURN_CATEGORIES } from '../../src/core/boilers/boiler.ts';
import { createLocator } from '../../src/core/geo/create-locator.ts';
import { createGeodesicPolylineIndex } from '../../src/core/geo/geodesic-polyline-index.ts';
import { pointInRing } from '../../src/core/geo/point-in-ring.ts';
import { createBoilerAuditor } from '../../src/core/boilers/audit-boiler.ts';
import { createBoilerPlaceFinder } from '../../src/core/boilers/boiler-places.ts';
import type { RuleBook } from '../../src/core/rules.ts';
import { auditBoilersTable } from '../../src/io/formats/audit-boilers-table.ts';
import { areaLayerOf, zoneLayerOf } from '../../src/io/formats/read-boiler-layers.ts';
import { readBoilersTable } from '../../src/io/formats/read-boilers-table.ts';
import { readVectorFile } from '../../src/io/formats/read-vector-file.ts';
import { findRingSelfIntersections, segmentIntersection } from '../../src/core/geo/ring-self-intersections.ts';

const PATHS = [SAMPLE_BUILT_UP_PATH, SAMPLE_HEATING_COVERAGE_PATH, SAMPLE_HEATING_PIPELINES_PATH, SAMPLE_NO_BURN_ZONES_PATH, SAMPLE_BOILERS_PATH];
const CITIES = ['哈尔滨市', '绥化市', '佳木斯市', '七台河市', '齐齐哈尔市', '大庆市'];
const COVERAGE_CITIES = ['哈尔滨市', '绥化市', '佳木斯市', '七台河市', '大庆市'];
/** The tests' own margin: the generator keeps 400 m, the brief asks for 300 m. */
const MARGIN_M = 300;

const boundaries = loadBoundariesFile();
const locator = createLocator(boundaries);
const geojson = <G extends Polygon | LineString>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<G, Record<string, any>>;
const builtUp = geojson<Polygon>(SAMPLE_BUILT_UP_PATH).features;
const coverage = geojson<Polygon>(SAMPLE_HEATING_COVERAGE_PATH).features;
const pipelines = geojson<LineString>(SAMPLE_HEATING_PIPELINES_PATH).features;
const zones = geojson<Polygon>(SAMPLE_NO_BURN_ZONES_PATH).features;
const csvText = readFileSync(SAMPLE_BOILERS_PATH, 'utf8');
const lines = csvText.replace(/^\uFEFF/, '').split('\r\n');
const rows = lines.slice(1, -1).map((line) => line.split(','));
const col = (name: string) => BOILER_CSV_HEADER.split(',').indexOf(name);
const C = { name: col('名称'), lon: col('经度'), lat: col('纬度'), tph: col('额定蒸发量(t/h)'), mw: col('额定热功率(MW)'), fuel: col('燃料'), use: col('用途'), builtUp: col('是否位于建成区'), status: col('状态'), city: col('城市'), county: col('区县') };
const ring = (f: { geometry: Polygon }) => f.geometry.coordinates[0]!;
const builtUpOf = (city: string) => ring(builtUp.find((f) => f.properties.city === city)!);
const inAnyBuiltUp = (lon: number, lat: number) => builtUp.some((f) => pointInRing(lon, lat, ring(f)));
const decimals = (v: number) => (String(v).split('.')[1] ?? '').length;

describe('synthetic boiler samples', () => {
  it('are what generateBoilerSamples() makes, byte for byte, and provenance records each as synthetic', () => {
    const { files, counts } = generateBoilerSamples(boundaries);
    expect(files.map((f) => f.path)).toEqual(PATHS);
    const provenance = JSON.parse(readFileSync('public/data/provenance.json', 'utf8')) as { files: { path: string; [key: string]: any }[] };
    for (const file of files) {
      const committed = readFileSync(file.path);
      expect(Buffer.from(file.text).equals(committed), `${file.path} differs from a fresh generation: run tsx data/build/generate-boilers.ts`).toBe(true);
      expect(committed.length, file.path).toBeLessThan(200 * 1024);
      const entry = provenance.files.find((f) => f.path === file.path)!;
      expect(entry, file.path).toBeDefined();
      expect(entry.synthetic).toBe(true);
      expect(entry.description).toMatch(/^SYNTHETIC/);
      expect(entry.generatedBy).toContain('data/build/generate-boilers.ts');
      expect(entry.sha256).toBe(createHash('sha256').update(committed).digest('hex'));
      expect(entry.bytes).toBe(committed.length);
    }
    expect(counts).toMatchObject({ boilers: rows.length, deliberate: DELIBERATE_BOILERS.length, builtUp: builtUp.length, coverage: coverage.length, pipelines: pipelines.length, noBurnZones: zones.length });
  });

  it('has valid polygons: one closed ring each, no self-intersections, 6-decimal WGS84 coordinates in the right city', () => {
    for (const feature of [...builtUp, ...coverage, ...zones]) {
      const { name, city } = feature.properties;
      expect(feature.geometry.type, name).toBe('Polygon');
      expect(feature.geometry.coordinates, name).toHaveLength(1);
      const r = ring(feature);
      expect(r.length, name).toBeGreaterThanOrEqual(4);
      expect(r[0], name).toEqual(r[r.length - 1]);
      expect(findRingSelfIntersections(r), name).toEqual([]);
      for (const [lon, lat] of r) {
        expect(Math.max(decimals(lon!), decimals(lat!)), name).toBeLessThanOrEqual(6);
        expect(locator.where(lon!, lat!).city, `${name} vertex ${lon},${lat}`).toBe(city);
      }
      expect(name).toMatch(/（合成）$/);
    }
  });

  it('has one irregular built-up polygon of 20–40 vertices per city, named and labelled as asked', () => {
    expect(builtUp.map((f) => f.properties.city).sort()).toEqual([...CITIES].sort());
    for (const feature of builtUp) {
      expect(feature.properties).toEqual({ name: `${feature.properties.city}建成区（合成）`, city: feature.properties.city });
      expect(ring(feature).length - 1).toBeGreaterThanOrEqual(20);
      expect(ring(feature).length - 1).toBeLessThanOrEqual(40);
    }
  });

  it('has coverage polygons in five cities, some straddling the built-up edge and some outside it, none in 齐齐哈尔', () => {
    expect([...new Set(coverage.map((f) => f.properties.city))].sort()).toEqual([...COVERAGE_CITIES].sort());
    for (const city of COVERAGE_CITIES) {
      const own = coverage.filter((f) => f.properties.city === city);
      expect(own.length, city).toBeGreaterThanOrEqual(2);
      const inside = own.map((f) => ring(f).filter(([x, y]) => pointInRing(x!, y!, builtUpOf(city))).length);
      // At least one polygon has vertices on both sides of the built-up edge.
      expect(own.some((f, i) => inside[i]! > 0 && inside[i]! < ring(f).length), city).toBe(true);
    }
    for (const feature of coverage) expect(Object.keys(feature.properties).sort()).toEqual(['city', 'name', 'operator']);
    for (const feature of coverage) expect(feature.properties.operator).toBe('合成供热公司');
  });

  it('has 齐齐哈尔 main pipelines as LineStrings with a diameter', () => {
    expect(pipelines.length).toBeGreaterThan(0);
    for (const feature of pipelines) {
      expect(feature.geometry.type).toBe('LineString');
      expect(feature.properties.city).toBe('齐齐哈尔市');
      expect(feature.properties.diameterMm).toBeGreaterThan(0);
      for (const [lon, lat] of feature.geometry.coordinates) expect(locator.where(lon!, lat!).city).toBe('齐齐哈尔市');
    }
  });

  it('has 3–5 no-burn zones of every category, each inside the built-up area of its city, in several cities', () => {
    expect(zones.length).toBeGreaterThanOrEqual(3);
    expect(zones.length).toBeLessThanOrEqual(5);
    expect(new Set(zones.map((f) => f.properties.category))).toEqual(new Set(NO_BURN_CATEGORIES));
    expect(new Set(zones.map((f) => f.properties.city)).size).toBeGreaterThanOrEqual(2);
    for (const feature of zones) {
      const { name, category, city, docNumber, effectiveDate } = feature.properties;
      expect(name).toMatch(/禁燃区（合成）$/);
      expect(NO_BURN_CATEGORIES).toContain(category);
      expect(docNumber).toMatch(/^合成〔2024〕\d+号$/);
      expect(effectiveDate).toBe('2024-10-01');
      const outer = builtUpOf(city);
      const r = ring(feature);
      for (const [x, y] of r) expect(pointInRing(x!, y!, outer), name).toBe(true);
      for (let i = 0; i + 1 < r.length; i++) for (let j = 0; j + 1 < outer.length; j++) expect(segmentIntersection(r[i]!, r[i + 1]!, outer[j]!, outer[j + 1]!), name).toBeNull();
    }
  });

  it('writes the boiler CSV with a BOM, CRLF, the exact Chinese header and about 300 well-formed rows', () => {
    expect(csvText.startsWith(`\uFEFF${BOILER_CSV_HEADER}\r\n`)).toBe(true);
    expect(csvText.endsWith('\r\n')).toBe(true);
    expect(csvText.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(rows.length).toBeGreaterThanOrEqual(280);
    expect(rows.length).toBeLessThanOrEqual(320);
    expect(new Set(rows.map((r) => r[C.name])).size).toBe(rows.length);
    const tph = new Set(['1', '2', '4', '6', '10', '15', '20', '35', '40', '65', '75', '130']);
    const mw = new Set(['0.7', '1.4', '2.8', '4.2', '7', '14', '29', '46', '58', '70']);
    const random = rows.slice(DELIBERATE_BOILERS.length);
    for (const row of rows) {
      expect(row, row[C.name]).toHaveLength(11);
      expect(row[C.lon]).toMatch(/^\d+\.\d{6}$/);
      expect(row[C.lat]).toMatch(/^\d+\.\d{6}$/);
      if (row[C.fuel]) expect(BOILER_FUELS).toContain(row[C.fuel]);
      if (row[C.use]) expect(BOILER_USES).toContain(row[C.use]);
      expect(BOILER_STATUSES).toContain(row[C.status]);
      expect(['', '是', '否']).toContain(row[C.builtUp]);
    }
    for (const row of random) {
      expect(row[C.name]).toMatch(/^合成锅炉-(哈尔滨|绥化|佳木斯|七台河|齐齐哈尔|大庆)-\d{3}$/);
      if (row[C.tph]) expect(tph.has(row[C.tph]!), row[C.name]).toBe(true);
      if (row[C.mw]) expect(mw.has(row[C.mw]!), row[C.name]).toBe(true);
      expect(Boolean(row[C.tph] || row[C.mw]), row[C.name]).toBe(true);
      const lon = Number(row[C.lon]);
      const lat = Number(row[C.lat]);
      const where = locator.where(lon, lat);
      expect(CITIES).toContain(where.city);
      // Filled columns tell the truth on random rows.
      if (row[C.city]) expect(row[C.city], row[C.name]).toBe(where.city);
      if (row[C.county]) expect(row[C.county], row[C.name]).toBe(where.county);
      if (row[C.builtUp]) expect(row[C.builtUp], row[C.name]).toBe(inAnyBuiltUp(lon, lat) ? '是' : '否');
    }
    const share = (test: (row: string[]) => boolean) => random.filter(test).length / random.length;
    expect(share((r) => r[C.fuel] === '燃煤')).toBeGreaterThan(0.5);
    for (const fuel of BOILER_FUELS) expect(share((r) => r[C.fuel] === fuel), fuel).toBeGreaterThan(0);
    expect(share((r) => r[C.status] === '在用')).toBeGreaterThan(0.6);
    expect(share((r) => r[C.status] === '停用')).toBeGreaterThan(0);
    expect(share((r) => r[C.status] === '拟建')).toBeGreaterThan(0);
    expect(share((r) => Boolean(r[C.tph]) && !r[C.mw])).toBeGreaterThan(0.5);
    expect(share((r) => !r[C.tph] && Boolean(r[C.mw]))).toBeGreaterThan(0.05);
    expect(share((r) => Boolean(r[C.tph]) && Boolean(r[C.mw]))).toBeGreaterThan(0);
    expect(share((r) => r[C.builtUp] === '')).toBeGreaterThan(0.6);
    expect(share((r) => r[C.builtUp] !== '')).toBeGreaterThan(0);
    expect(share((r) => r[C.city] !== '')).toBeGreaterThan(0.7);
    expect(share((r) => r[C.city] === '')).toBeGreaterThan(0);
    expect(share((r) => inAnyBuiltUp(Number(r[C.lon]), Number(r[C.lat])))).toBeGreaterThan(0.2);
    expect(share((r) => coverage.some((f) => pointInRing(Number(r[C.lon]), Number(r[C.lat]), ring(f))))).toBeGreaterThan(0.1);
  });

  it('puts the deliberate boilers first, in order, with the columns their case needs', () => {
    const fuelOrEmpty = (v: string | null) => v ?? '';
    DELIBERATE_BOILERS.forEach((boiler, i) => {
      const row = rows[i]!;
      expect(row[C.name]).toBe(boiler.name);
      expect(row[C.name]).toMatch(/^合成锅炉-规则-/);
      expect(row[C.tph]).toBe(boiler.row.tph === null ? '' : String(boiler.row.tph));
      expect(row[C.mw]).toBe(boiler.row.mw === null ? '' : String(boiler.row.mw));
      expect(row[C.fuel]).toBe(fuelOrEmpty(boiler.row.fuel));
      expect(row[C.use]).toBe(fuelOrEmpty(boiler.row.use));
      expect(row[C.status]).toBe(fuelOrEmpty(boiler.row.status));
      expect(row[C.builtUp]).toBe(boiler.row.builtUpColumn === undefined ? '' : boiler.row.builtUpColumn ? '是' : '否');
    });
  });

  it('places every deliberate boiler where its case says, at least 300 m from every edge, in the city it claims', () => {
    const edges = createGeodesicPolylineIndex([...builtUp, ...coverage, ...zones].map(ring));
    const pipes = createGeodesicPolylineIndex(pipelines.map((f) => f.geometry.coordinates as Position[]));
    DELIBERATE_BOILERS.forEach((boiler, i) => {
      const row = rows[i]!;
      const lon = Number(row[C.lon]);
      const lat = Number(row[C.lat]);
      const { placement } = boiler;
      const where = locator.where(lon, lat);
      expect(where.city, boiler.name).toBe(placement.city);
      expect(pointInRing(lon, lat, builtUpOf(placement.city)), `${boiler.name} built-up`).toBe(placement.builtUp);
      expect(inAnyBuiltUp(lon, lat), `${boiler.name} any built-up`).toBe(placement.builtUp);
      expect(coverage.some((f) => pointInRing(lon, lat, ring(f))), `${boiler.name} coverage`).toBe(placement.coverage);
      const zone = zones.filter((f) => pointInRing(lon, lat, ring(f))).map((f) => f.properties.category);
      expect(zone, `${boiler.name} zone`).toEqual(placement.zone ? [placement.zone] : []);
      expect(edges.nearest(lon, lat)!.distance, `${boiler.name} distance to the nearest polygon edge`).toBeGreaterThanOrEqual(MARGIN_M);
      const pipe = pipes.nearest(lon, lat)!.distance;
      if (placement.pipeline === 'within') expect(pipe, boiler.name).toBeLessThanOrEqual(PIPELINE_SERVICE_RADIUS_M - MARGIN_M);
      else if (placement.pipeline === 'beyond') {
        expect(pipe, boiler.name).toBeGreaterThanOrEqual(1400);
        expect(pipe, boiler.name).toBeLessThanOrEqual(1600);
      } else expect(pipe, boiler.name).toBeGreaterThanOrEqual(PIPELINE_SERVICE_RADIUS_M + MARGIN_M);
      // 城市/区县 give the locator's answer, except on the deliberate mismatch.
      expect(row[C.city], boiler.name).toBe(boiler.row.cityColumn ?? where.city);
      expect(row[C.county], boiler.name).toBe(boiler.row.countyColumn ?? where.county);
      if (boiler.row.cityColumn) expect(boiler.row.cityColumn).not.toBe(where.city);
    });
  });

  it('covers every boiler rule of clauses 十一, 十三 and 二十三, each with a stated outcome', () => {
    const rules = JSON.parse(readFileSync('seeds/rules.json', 'utf8')) as { clauses: { id: string; rules: { id: string }[] }[] };
    const ids = rules.clauses.filter((c) => ['十一', '十三', '二十三'].includes(c.id)).flatMap((c) => c.rules.map((r) => r.id));
    expect(ids).toHaveLength(8);
    const named = new Set(DELIBERATE_BOILERS.flatMap((b) => [...b.rules, ...b.review]));
    for (const id of ids) expect(named.has(id), id).toBe(true);
    for (const boiler of DELIBERATE_BOILERS) {
      expect(boiler.expect.length, boiler.name).toBeGreaterThan(0);
      for (const id of [...boiler.rules, ...boiler.review]) expect(ids, boiler.name).toContain(id);
    }
    // Near misses are there too: a row that matches no rule.
    expect(DELIBERATE_BOILERS.filter((b) => b.rules.length === 0 && b.review.length === 0).length).toBeGreaterThanOrEqual(5);
  });

  it('gets the outcome each deliberate case states when the shipped sample is audited with every sample layer', async () => {
    const read = async (file: string) => readVectorFile(readFileSync(file), file);
    const finder = createBoilerPlaceFinder(
      {
        coverage: areaLayerOf(await read(SAMPLE_HEATING_COVERAGE_PATH)).areas,
        pipelines: areaLayerOf(await read(SAMPLE_HEATING_PIPELINES_PATH)).pipelines,
        serviceRadiusM: PIPELINE_SERVICE_RADIUS_M,
        builtUp: areaLayerOf(await read(SAMPLE_BUILT_UP_PATH)).areas,
        zones: zoneLayerOf(await read(SAMPLE_NO_BURN_ZONES_PATH)).zones,
      },
      locator,
    );
    const table = await readBoilersTable(readFileSync(SAMPLE_BOILERS_PATH), SAMPLE_BOILERS_PATH);
    expect(table.rejected).toEqual([]);
    expect(table.notes).toEqual([]);
    const audited = auditBoilersTable(table, finder, createBoilerAuditor(JSON.parse(readFileSync('seeds/rules.json', 'utf8')) as RuleBook));
    DELIBERATE_BOILERS.forEach((boiler, i) => {
      const audit = audited.records[i]!.audit!;
      expect(audit.matches.map((m) => m.ruleId), boiler.name).toEqual(boiler.rules);
      const verify = new Set(audit.toVerify.map((item) => item.ruleId));
      for (const id of boiler.review) expect(verify.has(id as never), `${boiler.name}: ${id}`).toBe(true);
      if (boiler.review.length > 0) expect(audit.verdicts, boiler.name).toContain('需核实');
      if (boiler.rules.length === 0 && boiler.review.length === 0) expect(audit.verdicts, boiler.name).toEqual(['合规']);
    });
    // Every verdict occurs in the sample.
    const seen = new Set(audited.records.flatMap((r) => r.audit?.verdicts ?? []));
    expect([...seen].sort()).toEqual([...BOILER_VERDICTS].sort());
  });
});
