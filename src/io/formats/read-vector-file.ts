import { text } from '../../core/text/text.ts';
import { decodeText } from './decode-text.ts';
import { isZip } from './read-fire-file.ts';
import { readGeoJson } from './vector/geojson.ts';
import { readKml } from './vector/kml.ts';
import { extensionOf, readShapefileZip, unzipEntries } from './vector/shapefile-zip.ts';
import { VectorFileError } from './vector/vector-file-error.ts';
import { finishVectorFile, type VectorFile } from './vector/vector-geometry.ts';

export { VectorFileError } from './vector/vector-file-error.ts';
export type { VectorFeature, VectorFile } from './vector/vector-geometry.ts';

/**
 * Reads a GeoJSON, KML, KMZ or zipped shapefile into WGS84 features with string properties. The format is
 * detected from the content, not the extension. Runs in Node and in a Web Worker (no DOM needed). Nothing is
 * dropped silently: a feature whose geometry is missing, out of range or has an unclosed ring is listed in
 * `rejected` with its feature number; geometry is never repaired.
 *
 * @param bytes - The file contents.
 * @param fileName - The file's name, used in every message.
 * @returns The features, the rejections and how the coordinates were interpreted.
 * @throws {@link VectorFileError} when the file cannot be read at all.
 * @example
 * const file = await readVectorFile(new TextEncoder().encode('{"type":"Point","coordinates":[126.6,45.7]}'), 'site.geojson');
 * file.features[0].geometry; // { type: 'Point', coordinates: [126.6, 45.7] }
 */
export async function readVectorFile(bytes: Uint8Array, fileName: string): Promise<VectorFile> {
  if (bytes.length === 0) throw emptyFileError(fileName);
  if (isZip(bytes)) return readZip(bytes, fileName);
  if (isBareShapefile(bytes)) {
    throw new VectorFileError(text('vectorBareShapefile', { file: fileName }));
  }
  const decoded = decodeText(bytes).text;
  const start = decoded.trimStart();
  if (start === '') throw emptyFileError(fileName);
  if (start.startsWith('<')) return finishVectorFile(fileName, 'kml', readKml(decoded, fileName), text('vectorCrsWgs84In', { source: 'KML' }));
  if (start.startsWith('{')) {
    const { features, crs } = readGeoJson(decoded, fileName);
    return finishVectorFile(fileName, 'geojson', features, crs);
  }
  throw new VectorFileError(text('vectorUnknownFormat', { file: fileName, start: start.slice(0, 20).replace(/[\u0000-\u001f\ufffd]/g, '?') }));
}

/** A .shp on its own starts with the big-endian file code 9994 (0x0000270A). */
function isBareShapefile(bytes: Uint8Array): boolean {
  return bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0x27 && bytes[3] === 0x0a;
}

function emptyFileError(fileName: string): VectorFileError {
  return new VectorFileError(text('vectorFileEmpty', { file: fileName }));
}

/** A ZIP is a zipped shapefile when it holds a .shp, else a KMZ when it holds a .kml. */
function readZip(bytes: Uint8Array, fileName: string): VectorFile {
  const entries = unzipEntries(bytes, fileName);
  const shapefiles = entries.filter((entry) => extensionOf(entry.path) === 'shp');
  if (shapefiles.length > 0) {
    const { features, crs } = readShapefileZip(entries, shapefiles, fileName);
    return finishVectorFile(fileName, 'shapefile-zip', features, crs);
  }
  const kmls = entries.filter((entry) => extensionOf(entry.path) === 'kml');
  // A KMZ's main document is doc.kml, else its first .kml (KML 2.2 §13).
  const kml = kmls.find((entry) => entry.path.toLowerCase() === 'doc.kml') ?? kmls[0];
  if (kml) return finishVectorFile(fileName, 'kmz', readKml(decodeText(kml.data).text, `${fileName} (${kml.path})`), text('vectorCrsWgs84In', { source: 'KML' }));
  const held = entries.map((entry) => entry.path).join(', ');
  throw new VectorFileError(text('vectorZipWithoutLayer', { file: fileName, entries: held || text('vectorZipNothing') }));
}
