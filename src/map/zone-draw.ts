import type { Polygon, Position } from 'geojson';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { TerraDraw, TerraDrawPolygonMode, TerraDrawRectangleMode, TerraDrawSelectMode, type GeoJSONStoreFeatures, type SnapToCustom } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { createSnapIndex, ringSegments, type SnapIndex } from '../core/snap-index.ts';
import type { NoBurnZone } from '../core/no-burn-zone.ts';

/** What the zone drawing reports back, and where it gets snapping edges. */
export interface ZoneDrawCallbacks {
  /** A polygon or rectangle was finished. */
  onDrawn(geometry: Polygon): void;
  /** A drag of a vertex, a midpoint or the whole zone ended, or a vertex was deleted: one committed edit. */
  onEdited(id: string, geometry: Polygon): void;
  /** County and city outline segments in a box, for snapping (from the boundary worker). */
  loadBoundaryEdges(west: number, south: number, east: number, north: number): Promise<Float64Array>;
}

/** How close (screen pixels) a vertex or edge must be to snap to it. */
export const SNAP_PIXELS = 12;
/** Below this zoom a county line is too coarse on screen to snap to usefully, and the view holds too many edges. */
const SNAP_MIN_ZOOM = 8;
const MAX_BOUNDARY_EDGES = 200_000;

/**
 * terra-draw on the maplibre map, for the zone being drawn or edited only; the store holds every zone and draws the
 * others. Coordinates keep 15 decimals, so a vertex terra-draw did not move comes back exactly as it went in.
 * Snapping goes to the nearest vertex (preferred) or edge of county and city outlines in view and of the other
 * zones, within {@link SNAP_PIXELS}.
 */
export class ZoneDrawController {
  private readonly draw: TerraDraw;
  private editedId: string | null = null;
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
    const adapter = new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: 15 });
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
      const geometry: Polygon = { type: 'Polygon', coordinates: feature.geometry.coordinates as Position[][] };
      if (context.action === 'draw') {
        this.draw.removeFeatures([id]);
        this.callbacks.onDrawn(geometry);
      } else if (id === this.editedId) {
        this.callbacks.onEdited(id, geometry);
      }
    });
    map.on('moveend', this.onMoveEnd);
  }

  /** terra-draw asks on every pointer move; the answer comes from the prepared index, never from the worker. */
  private readonly snapTo: SnapToCustom = (event, context) => {
    if (!this.snapEnabled || !this.snapIndex) return undefined;
    const below = context.unproject(event.containerX, event.containerY + SNAP_PIXELS);
    const radiusDeg = Math.abs(event.lat - below.lat);
    const target = this.snapIndex.nearest(event.lng, event.lat, radiusDeg);
    return target ? [target.lon, target.lat] : undefined;
  };

  /** Turns snapping on or off (held Alt is the usual way to draw freely; the drawer has a checkbox). */
  setSnapping(enabled: boolean): void {
    this.snapEnabled = enabled;
  }

  /** All zones; those other than the one edited are snap targets (a dragged corner must not snap to itself). */
  setZones(zones: readonly NoBurnZone[]): void {
    this.zones = zones;
    this.rebuildSnapIndex();
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

  /** Puts one zone (a polygon without holes) under terra-draw's vertex handles. */
  startEditing(zone: NoBurnZone): void {
    if (zone.geometry.type !== 'Polygon') return;
    this.stopEditing();
    this.editedId = zone.id;
    this.draw.setMode('select');
    const feature: GeoJSONStoreFeatures = { id: zone.id, type: 'Feature', properties: { mode: 'polygon' }, geometry: zone.geometry };
    const [result] = this.draw.addFeatures([feature]);
    if (result && !result.valid) throw new Error(`区域「${zone.name}」无法编辑：${result.reason ?? 'invalid'}`);
    this.draw.selectFeature(zone.id);
    this.rebuildSnapIndex();
    void this.refreshBoundaryEdges();
  }

  /** The edited zone changed elsewhere (undo, redo, a repair): show the new shape under the handles. */
  syncEdited(zone: NoBurnZone): void {
    if (zone.id !== this.editedId || zone.geometry.type !== 'Polygon') return;
    const current = this.draw.getSnapshotFeature(zone.id);
    if (current && JSON.stringify(current.geometry.coordinates) === JSON.stringify(zone.geometry.coordinates)) return;
    this.startEditing(zone);
  }

  /** Leaves drawing or editing; nothing stays in terra-draw. */
  stopEditing(): void {
    this.editedId = null;
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
