import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { TerraDraw, TerraDrawPolygonMode, TerraDrawRectangleMode, TerraDrawSelectMode, type GeoJSONStoreFeatures, type SnapToCustom } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { createSnapIndex, ringSegments, type SnapIndex } from '../core/geo/snap-index.ts';
import type { NoBurnZone } from '../core/zones/no-burn-zone.ts';
import { text, TextError } from '../core/text/text.ts';

/** What the zone drawing reports back, and where it gets snapping edges. */
export interface ZoneDrawCallbacks {
  /** A polygon or rectangle was finished. */
  onDrawn(geometry: Polygon): void;
  /** A drag of a vertex, a midpoint or a whole part ended, or a vertex was deleted: one committed edit. */
  onEdited(id: string, geometry: Polygon | MultiPolygon): void;
  /** County and city outline segments in a box, for snapping (from the boundary worker). */
  loadBoundaryEdges(west: number, south: number, east: number, north: number): Promise<Float64Array>;
}

const partsOf = (geometry: Polygon | MultiPolygon): Position[][][] => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates);
/** terra-draw's id of part `k` of a zone. */
const partId = (zoneId: string, k: number) => `${zoneId}::${k}`;
/** The part number of a terra-draw id of the edited zone, or null for any other id. */
const partOf = (id: string, zoneId: string): number | null => (id.startsWith(`${zoneId}::`) ? Number(id.slice(zoneId.length + 2)) : null);

/**
 * terra-draw keeps and checks coordinates to a number of decimals; 12 (0.1 µm) is the most for which its check holds
 * for every double in Heilongjiang. Zones go in rounded to it, and a vertex that comes back within rounding of the
 * one that went in gets its exact original value back, so editing one corner leaves every other corner bit for bit.
 */
const DRAW_DECIMALS = 12;
const roundForDraw = (value: number) => Math.round(value * 1e12) / 1e12;
const toDraw = (ring: Position[]): Position[] => ring.map(([lon, lat]) => [roundForDraw(lon!), roundForDraw(lat!)]);

/** The edited ring with every vertex that terra-draw did not move given back its exact original coordinates. */
function restoreUntouched(edited: Position[], original: Position[]): Position[] {
  const near = (p: Position, q: Position | undefined) => q !== undefined && Math.abs(p[0]! - q[0]!) < 1e-11 && Math.abs(p[1]! - q[1]!) < 1e-11;
  // A drag moves one vertex, an inserted midpoint or a deleted vertex shifts the rest by one: look at i - 1, i, i + 1.
  return edited.map((p, i) => [original[i], original[i - 1], original[i + 1]].find((q) => near(p, q)) ?? p);
}

/** How close (screen pixels) a vertex or edge must be to snap to it. */
export const SNAP_PIXELS = 12;
/** Below this zoom a county line is too coarse on screen to snap to usefully, and the view holds too many edges. */
const SNAP_MIN_ZOOM = 8;
const MAX_BOUNDARY_EDGES = 200_000;

/**
 * terra-draw on the maplibre map, for the zone being drawn or edited only; the store holds every zone and draws the
 * others. A vertex terra-draw did not move comes back exactly as it went in (see {@link DRAW_DECIMALS}).
 * Snapping goes to the nearest vertex (preferred) or edge of county and city outlines in view and of the other
 * zones, within {@link SNAP_PIXELS}.
 */
export class ZoneDrawController {
  private readonly draw: TerraDraw;
  private editedId: string | null = null;
  /** The edited zone's geometry as last committed: the rings terra-draw does not hold (holes, other parts) come from it. */
  private editedGeometry: Polygon | MultiPolygon | null = null;
  /** The part last selected, so undo or a repair keeps the handles on it. */
  private selectedPart = 0;
  private snapIndex: SnapIndex | null = null;
  private boundaryEdges: Float64Array = new Float64Array(0);
  private zones: readonly NoBurnZone[] = [];
  private snapEnabled = true;
  private edgeRequest = 0;
  private readonly onMoveEnd = () => void this.refreshBoundaryEdges();

  constructor(
    private readonly map: MaplibreMap,
    private readonly callbacks: ZoneDrawCallbacks,
  ) {
    const snapping = { toCustom: this.snapTo };
    const adapter = new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: DRAW_DECIMALS });
    this.draw = new TerraDraw({
      adapter,
      idStrategy: { isValidId: (id) => typeof id === 'string' && id.length > 0, getId: () => crypto.randomUUID() },
      modes: [
        new TerraDrawPolygonMode({ snapping, pointerDistance: 16 }),
        new TerraDrawRectangleMode(),
        new TerraDrawSelectMode({
          // Delete and Escape belong to the editor's own shortcuts (delete a zone, leave editing), not terra-draw's.
          keyEvents: { deselect: null, delete: null, rotate: null, scale: null },
          allowManualDeselection: false,
          flags: {
            polygon: { feature: { draggable: true, coordinates: { draggable: true, midpoints: true, deletable: true, snappable: snapping } } },
          },
        }),
      ],
    });
    this.draw.start();
    this.draw.on('finish', (id, context) => {
      const feature = this.draw.getSnapshotFeature(id);
      if (!feature || feature.geometry.type !== 'Polygon') return;
      const rings = feature.geometry.coordinates as Position[][];
      if (context.action === 'draw') {
        this.draw.removeFeatures([id]);
        this.callbacks.onDrawn({ type: 'Polygon', coordinates: rings });
        return;
      }
      const part = this.editedId === null ? null : partOf(String(id), this.editedId);
      const geometry = part === null ? null : this.editedPart(part, rings[0]!);
      if (part === null || !geometry) return;
      this.editedGeometry = geometry;
      this.callbacks.onEdited(this.editedId!, geometry);
    });
    this.draw.on('select', (id) => {
      const part = this.editedId === null ? null : partOf(String(id), this.editedId);
      if (part !== null) this.selectedPart = part;
    });
    map.on('moveend', this.onMoveEnd);
  }

  /** terra-draw asks on every pointer move; the answer comes from the prepared index, never from the worker. */
  private readonly snapTo: SnapToCustom = (event, context) => {
    if (!this.snapEnabled || !this.snapIndex) return undefined;
    const below = context.unproject(event.containerX, event.containerY + SNAP_PIXELS);
    const radiusDeg = Math.abs(event.lat - below.lat);
    const target = this.snapIndex.nearest(event.lng, event.lat, radiusDeg);
    // terra-draw keeps a snapped corner as given, so it lands exactly on the county line or zone corner.
    return target ? [target.lon, target.lat] : undefined;
  };

  /** Turns snapping on or off (held Alt is the usual way to draw freely; the drawer has a checkbox). */
  setSnapping(enabled: boolean): void {
    this.snapEnabled = enabled;
  }

  /** All zones; those other than the one edited are snap targets (a dragged corner must not snap to itself). */
  setZones(zones: readonly NoBurnZone[]): void {
    const same = zones.length === this.zones.length && zones.every((z, i) => z.id === this.zones[i]!.id && z.geometry === this.zones[i]!.geometry);
    this.zones = zones;
    if (!same) this.rebuildSnapIndex(); // typing a name changes no edge
  }

  private rebuildSnapIndex(): void {
    const zoneEdges = ringSegments(this.zones.filter((z) => z.id !== this.editedId).map((z) => z.geometry));
    const all = new Float64Array(this.boundaryEdges.length + zoneEdges.length);
    all.set(this.boundaryEdges);
    all.set(zoneEdges, this.boundaryEdges.length);
    this.snapIndex = all.length > 0 ? createSnapIndex(all) : null;
  }

  private async refreshBoundaryEdges(): Promise<void> {
    const request = ++this.edgeRequest;
    if (this.draw.getMode() === 'static' || this.map.getZoom() < SNAP_MIN_ZOOM) {
      this.boundaryEdges = new Float64Array(0);
      this.rebuildSnapIndex();
      return;
    }
    const bounds = this.map.getBounds();
    const edges = await this.callbacks.loadBoundaryEdges(bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth());
    if (request !== this.edgeRequest) return;
    this.boundaryEdges = edges;
    this.rebuildSnapIndex();
  }

  /** Starts drawing a new zone. */
  startDrawing(shape: 'polygon' | 'rectangle'): void {
    this.stopEditing();
    this.draw.setMode(shape);
    void this.refreshBoundaryEdges();
  }

  /**
   * Puts one zone under terra-draw's vertex handles: each part's outline is a terra-draw polygon of its own (click a
   * part to edit it); holes are kept as they are and drawn by the zone layer, since terra-draw edits no holes.
   */
  startEditing(zone: NoBurnZone): void {
    this.stopEditing();
    this.editedId = zone.id;
    this.editedGeometry = zone.geometry;
    this.draw.setMode('select');
    const features: GeoJSONStoreFeatures[] = partsOf(zone.geometry).map((rings, k) => ({
      id: partId(zone.id, k),
      type: 'Feature',
      properties: { mode: 'polygon' },
      geometry: { type: 'Polygon', coordinates: [toDraw(rings[0]!)] },
    }));
    const refused = this.draw.addFeatures(features).find((result) => !result.valid);
    if (refused) {
      this.stopEditing();
      throw new TextError(text('zoneCannotEditOnMap', { name: zone.name, reason: refused.reason ?? 'invalid' }));
    }
    this.draw.selectFeature(partId(zone.id, Math.min(this.selectedPart, features.length - 1)));
    this.rebuildSnapIndex();
    void this.refreshBoundaryEdges();
  }

  /** A part's outline was dragged or reshaped: the zone with that outline replaced, every other ring untouched. */
  private editedPart(k: number, outline: Position[]): Polygon | MultiPolygon | null {
    if (!this.editedGeometry) return null;
    const parts = partsOf(this.editedGeometry).map((rings, j) => (j === k ? [restoreUntouched(outline, rings[0]!), ...rings.slice(1)] : rings));
    return this.editedGeometry.type === 'Polygon' ? { type: 'Polygon', coordinates: parts[0]! } : { type: 'MultiPolygon', coordinates: parts };
  }

  /** The edited zone changed elsewhere (undo, redo, a repair): show the new shape under the handles. */
  syncEdited(zone: NoBurnZone): void {
    if (zone.id !== this.editedId || zone.geometry === this.editedGeometry) return;
    const parts = partsOf(zone.geometry);
    const shown = parts.every((rings, k) => {
      const feature = this.draw.getSnapshotFeature(partId(zone.id, k));
      return feature !== undefined && JSON.stringify(feature.geometry.coordinates[0]) === JSON.stringify(toDraw(rings[0]!));
    });
    if (shown && !this.draw.hasFeature(partId(zone.id, parts.length))) this.editedGeometry = zone.geometry;
    else this.startEditing(zone);
  }

  /** Leaves drawing or editing; nothing stays in terra-draw. */
  stopEditing(): void {
    this.editedId = null;
    this.editedGeometry = null;
    this.draw.setMode('static');
    this.draw.clear();
  }

  get editing(): string | null {
    return this.editedId;
  }

  destroy(): void {
    this.map.off('moveend', this.onMoveEnd);
    this.draw.stop();
  }
}
