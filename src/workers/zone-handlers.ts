import type { MultiPolygon, Polygon } from 'geojson';
import type { Boundaries } from '../core/geo/boundaries.ts';
import { proposeZoneFromCoverage } from '../core/zones/propose-zone.ts';
import { suggestZoneRepair } from '../core/zones/repair-zone.ts';
import { createZoneValidator, type ZoneValidator } from '../core/zones/validate-zones.ts';
import type { AnalysisApi, RegionRef } from './analysis-api.ts';
import type { AnalysisData } from './analysis-data.ts';
import type { WorkerHandlers } from './protocol.ts';
import type { ZoneWorkspace } from './workspace-data.ts';

type ZoneMessages = Pick<AnalysisApi, 'zones.validate' | 'zones.validateImport' | 'zones.repair' | 'zones.propose'>;

/** The outline of a city or county, or an error naming what was asked for. */
function regionOutline(boundaries: Boundaries, region: RegionRef) {
  const feature =
    region.kind === 'city'
      ? boundaries.cities.features.find((f) => f.properties.name === region.name)
      : boundaries.counties.features.find((f) => f.properties.adcode === region.adcode);
  if (!feature) throw new Error(region.kind === 'city' ? `no city named ${region.name} in the shipped boundaries` : `no county with adcode ${region.adcode} in the shipped boundaries`);
  return feature.geometry;
}

/**
 * Zone editor messages: live validation with a kept validator (an edit rechecks only what changed), repairs, and drafts
 * from the heating coverage the boiler audit holds (`coverage()` reads that layer in place).
 */
export function createZoneHandlers(data: AnalysisData, workspace: ZoneWorkspace, coverage: () => (Polygon | MultiPolygon)[] | null): WorkerHandlers<ZoneMessages> {
  let validator: ZoneValidator | null = null;
  const validatorOf = async () => (validator ??= createZoneValidator(await data.boundaries(), await data.locator()));
  return {
    async 'zones.validate'({ zones }) {
      const reports = (await validatorOf()).validate(zones);
      workspace.editorZones = zones;
      return reports;
    },
    async 'zones.validateImport'({ zones }) {
      const current = workspace.editorZones;
      return (await validatorOf()).validate([...current, ...zones]).slice(current.length);
    },
    async 'zones.repair'({ index, zones, report }) {
      return suggestZoneRepair(index, zones, report, await data.boundaries());
    },
    async 'zones.propose'({ region }) {
      const polygons = coverage();
      if (!polygons) throw new Error('load the heating-network coverage in the boiler audit first');
      return proposeZoneFromCoverage(polygons, regionOutline(await data.boundaries(), region));
    },
  };
}
