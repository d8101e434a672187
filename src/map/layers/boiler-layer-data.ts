import type { FeatureCollection, Geometry } from 'geojson';
import { BOILER_VERDICTS } from '../../core/boilers/boiler.ts';
import { primaryVerdict, refusesNewBuild } from '../../state/boiler-selectors.ts';
import type { NewBuildCheck } from '../../state/boilers-slice.ts';
import { memo } from '../../state/memo.ts';
import type { BoilerAuditResult, BoilerLayerKind, LoadedBoilerLayer } from '../../workers/analysis-api.ts';

/** What the boiler map layer draws. */
export interface BoilerLayerData {
  layers: Partial<Record<BoilerLayerKind, FeatureCollection<Geometry, { name: string; category?: string; line?: boolean }>>>;
  serviceRadiusM: number;
  /** Boilers with a location: lon/lat pairs, the verdict index ({@link BOILER_VERDICTS}) each is coloured by, and its record index. */
  positions: Float64Array;
  verdicts: Uint8Array;
  recordOfPoint: Int32Array;
  selected: [number, number] | null;
  newBuild: { position: [number, number]; refused: boolean } | null;
}

/**
 * The boiler layer's data, rebuilt only when one of its inputs changes.
 *
 * @returns The layer data, or null before anything is loaded.
 */
export const boilerLayerData = memo(
  (
    loaded: Partial<Record<BoilerLayerKind, LoadedBoilerLayer>>,
    audit: BoilerAuditResult | null,
    selected: number | null,
    check: NewBuildCheck | null,
    serviceRadiusM: number,
  ): BoilerLayerData | null => {
    if (!audit && Object.keys(loaded).length === 0 && !check) return null;
    const records = audit?.records ?? [];
    const located: number[] = [];
    records.forEach((record, i) => record.boiler && located.push(i));
    const positions = new Float64Array(located.length * 2);
    const verdicts = new Uint8Array(located.length);
    located.forEach((recordIndex, k) => {
      const record = records[recordIndex]!;
      positions[2 * k] = record.boiler!.lon;
      positions[2 * k + 1] = record.boiler!.lat;
      verdicts[k] = BOILER_VERDICTS.indexOf(primaryVerdict(record) ?? '需核实');
    });
    const selectedBoiler = selected === null ? null : records[selected]?.boiler;
    return {
      layers: Object.fromEntries(Object.entries(loaded).map(([kind, layer]) => [kind, layer.features])),
      serviceRadiusM,
      positions,
      verdicts,
      recordOfPoint: Int32Array.from(located),
      selected: selectedBoiler ? [selectedBoiler.lon, selectedBoiler.lat] : null,
      newBuild: check ? { position: [check.boiler.lon, check.boiler.lat], refused: refusesNewBuild(check.audit.verdicts).length > 0 } : null,
    };
  },
);
