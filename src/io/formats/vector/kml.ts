import { text } from '../../../core/text/text.ts';
import { kmlWithFolders, type F as KmlFeature, type Folder as KmlFolder } from '@tmcw/togeojson';
import { DOMParser, type Document as XmlDocument, type Element as XmlElement, type Node as XmlNode } from '@xmldom/xmldom';
import { VectorFileError } from './vector-file-error.ts';
import { geometryIssue, ringProblem, stringProperties, type FeatureProblem, type RawFeature } from './vector-geometry.ts';

interface KmlItem {
  element: XmlElement;
  layer: string;
}

/** The element names that togeojson's kmlWithFolders turns into features, in the same traversal. */
const KML_FEATURE_TAGS = new Set(['Placemark', 'GroundOverlay', 'NetworkLink']);

/**
 * The Placemarks of a KML document as features, each with the name of its innermost Folder or Document as its layer.
 * togeojson converts the geometry; the raw <coordinates> text is checked here, because togeojson repairs silently.
 *
 * @throws {@link VectorFileError} when the text is not well-formed XML or holds no Placemark.
 */
export function readKml(xml: string, fileName: string): RawFeature[] {
  const document = parseXml(xml, fileName);
  const items = kmlItems(document);
  const root = document.documentElement;
  if (items.length === 0) {
    throw new VectorFileError(
      root?.localName === 'kml' ? text('vectorKmlNoPlacemark', { file: fileName }) : text('vectorXmlNotKml', { file: fileName, root: root?.nodeName ?? '' }),
    );
  }
  const converted = flattenKml(kmlWithFolders(document).children);
  // Same traversal order as togeojson; a mismatch would attach the wrong checks to a feature.
  if (converted.length !== items.length) throw new Error(`${fileName}: internal error: ${converted.length} KML features for ${items.length} elements`);
  return items.map((item, i) => {
    const feature = converted[i] as KmlFeature;
    return { geometry: feature.geometry, properties: stringProperties(feature.properties), layer: item.layer, problem: kmlCoordinatesProblem(item.element) ?? undefined };
  });
}

function parseXml(xml: string, fileName: string): XmlDocument {
  let first: { message: string; line?: number; column?: number } | undefined;
  const parser = new DOMParser({
    onError(level, message, context: { locator?: { lineNumber?: number; columnNumber?: number } }) {
      if (level === 'warning') return;
      first ??= { message, line: context?.locator?.lineNumber, column: context?.locator?.columnNumber };
      throw new Error(message); // stop at the first error: a half-read KML must not look complete
    },
  });
  // An XML declaration must come first: drop leading whitespace, and count its lines back into positions.
  const body = xml.trimStart();
  const skippedLines = xml.slice(0, xml.length - body.length).split('\n').length - 1;
  try {
    return parser.parseFromString(body, 'text/xml');
  } catch (error) {
    const line = first?.line ? first.line + skippedLines : 0;
    const place = !line ? '' : first?.column ? text('vectorXmlAtLineColumn', { line, column: first.column }) : text('vectorXmlAtLine', { line });
    throw new VectorFileError(text('vectorXmlMalformed', { file: fileName, place, detail: first?.message ?? (error as Error).message }));
  }
}

/** Placemarks (and overlays, links) in document order, each with the name of its innermost named Folder or Document. */
function kmlItems(document: XmlDocument): KmlItem[] {
  const items: KmlItem[] = [];
  const visit = (node: XmlNode, layer: string): void => {
    let inner = layer;
    if (node.nodeType === 1) {
      const element = node as XmlElement;
      if (KML_FEATURE_TAGS.has(element.tagName)) items.push({ element, layer });
      if (element.tagName === 'Folder' || element.tagName === 'Document') inner = childText(element, 'name') || layer;
    }
    for (let i = 0; i < node.childNodes.length; i++) visit(node.childNodes[i] as XmlNode, inner);
  };
  visit(document, '');
  return items;
}

function childText(element: XmlElement, tagName: string): string {
  for (let i = 0; i < element.childNodes.length; i++) {
    const child = element.childNodes[i] as XmlNode;
    if (child.nodeType === 1 && (child as XmlElement).tagName === tagName) return (child.textContent ?? '').trim();
  }
  return '';
}

function flattenKml(children: Array<KmlFolder | KmlFeature>): KmlFeature[] {
  return children.flatMap((child) => (child.type === 'folder' ? flattenKml(child.children) : [child]));
}

/**
 * Checks the raw <coordinates> text, because togeojson silently skips unreadable tuples, closes open rings
 * and drops short rings; we report those instead of repairing them.
 */
function kmlCoordinatesProblem(element: XmlElement): FeatureProblem | null {
  const lists = element.getElementsByTagName('coordinates');
  for (let i = 0; i < lists.length; i++) {
    const list = lists[i] as XmlElement;
    const tuples = (list.textContent ?? '').trim().split(/\s+/).filter(Boolean);
    const bad = tuples.find((tuple) => !isKmlTuple(tuple));
    if (bad !== undefined) return geometryIssue(text('vectorKmlBadTuple', { tuple: bad }), bad);
    if (list.parentNode && (list.parentNode as XmlElement).tagName === 'LinearRing') {
      const problem = ringProblem(tuples.map((tuple) => tuple.split(',').map(Number)));
      if (problem) return { ...problem, reason: text('vectorInLinearRing', { inner: problem.reason }) };
    }
  }
  return null;
}

function isKmlTuple(tuple: string): boolean {
  const parts = tuple.split(',');
  return (parts.length === 2 || parts.length === 3) && parts.every((part) => part !== '' && Number.isFinite(Number(part)));
}
