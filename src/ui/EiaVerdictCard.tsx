import { formatDms, toGaussKruger3 } from '../core/geo/coordinates.ts';
import { render, text, type Language, type Text } from '../core/text/text.ts';
import type { EiaCheck, SiteSource } from '../state/eia-slice.ts';
import { useLanguage, usePunctuation, useRender, useT } from './i18n.ts';
import { usePlaceNames } from './place-names.ts';
import { PlaceName } from './PlaceName.tsx';

const metres = (m: number) => `${m.toLocaleString('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} m`;

/** The input as the reviewer gave it, as a text (for the card, the history and the printed report). */
export function sourceText(source: SiteSource): Text {
  switch (source.kind) {
    case 'typed': {
      const { form } = source;
      if (form.system === 'gauss-kruger') return text('sourceGaussKruger', { x: form.x, y: form.y, epsg: form.epsg ? ` EPSG:${form.epsg}` : '' });
      return text('sourceTyped', { value: form.pair ? form.text : `${form.lon}, ${form.lat}`, system: form.system.toUpperCase() });
    }
    case 'map':
      return text('sourceMap', { lon: source.lon.toFixed(6), lat: source.lat.toFixed(6) });
    case 'drawn':
      return text('sourceDrawn', { n: source.vertices });
    case 'file':
      return text('sourceFile', { file: source.fileName, name: source.name, crs: source.crs });
  }
}

/** {@link sourceText} rendered in a language. */
export const describeSource = (source: SiteSource, language: Language): string => render(sourceText(source), language);

/** The verdict of the judged site, every field as text. */
export function EiaVerdictCard({ check }: { check: EiaCheck }) {
  const t = useT();
  const renderText = useRender();
  const language = useLanguage();
  const place = usePlaceNames();
  const p = usePunctuation();
  const { verdict, source, site } = check;
  /** Place names in the UI language: a list ('、') by default, a path from province down (' ') when `path`. */
  const places = (names: readonly (string | null)[], path = false) =>
    names.filter((name): name is string => Boolean(name)).map((name, i) => (
      <span key={name}>
        {i > 0 ? (path ? ' ' : p.list) : ''}
        <PlaceName {...place(name)} />
      </span>
    ));
  const [lon, lat] = site.kind === 'point' ? [site.lon, site.lat] : verdict.nearestSitePoint;
  const gk = toGaussKruger3(lon, lat);
  const piece = verdict.nearestPiece;
  const km = (m: number) => (m / 1000).toFixed(3);
  return (
    <section className={`verdict ${verdict.withinConsultationZone ? 'within' : 'outside'}`} aria-live="polite" data-testid="eia-verdict">
      <h3 data-testid="eia-verdict-headline">{verdict.withinConsultationZone ? t('verdictWithin') : t('verdictOutside')}</h3>
      <dl>
        <dt>{t('distanceToBorder')}</dt>
        <dd data-testid="eia-distance">
          {metres(verdict.distanceM)} ({km(verdict.distanceM)} km)
        </dd>
        <dt>{t('consultWith')}</dt>
        <dd data-testid="eia-consult">{verdict.consultProvinces.length > 0 ? places(verdict.consultProvinces) : '—'}</dd>
        <dt>{t('nearestBorderPoint')}</dt>
        <dd>
          {verdict.nearestBorderPoint[0].toFixed(6)}, {verdict.nearestBorderPoint[1].toFixed(6)} ({formatDms(verdict.nearestBorderPoint[0], 'lon')} {formatDms(verdict.nearestBorderPoint[1], 'lat')})
        </dd>
        <dt>{t('borderPiece')}</dt>
        <dd>
          {places(['黑龙江省', piece.city], true)} ↔ {places([piece.neighbor, piece.neighborCity], true)}
        </dd>
        <dt>{t('byNeighbour')}</dt>
        <dd>
          {verdict.byNeighbor.map((n) => (
            <span key={n.neighbor} className="inline">
              <PlaceName {...place(n.neighbor)} /> {n.distanceM === null ? `> ${verdict.thresholdM / 1000}` : km(n.distanceM)} km
            </span>
          ))}
        </dd>
        <dt>{t('siteLocation')}</dt>
        <dd data-testid="eia-place">{verdict.province ? places([verdict.province, verdict.city, verdict.county], true) : t('outsideThreeProvinces')}</dd>
        <dt>{t('inputAsEntered')}</dt>
        <dd data-user-data="">{renderText(sourceText(source))}</dd>
        <dt>{t('convertedCoordinates')}</dt>
        <dd data-testid="eia-converted">
          {site.kind === 'point' ? '' : `${t('nearestOutlinePoint')}: `}
          {lon.toFixed(7)}, {lat.toFixed(7)}
          {p.semicolon}
          {formatDms(lon, 'lon')} {formatDms(lat, 'lat')}
          {p.semicolon}
          {t('gkZoneLine', { zone: gk.zone, epsg: gk.epsg ?? '—', x: gk.x.toFixed(2), y: gk.y.toFixed(2) })}
        </dd>
        {source.kind === 'typed' && (
          <>
            <dt>{t('conversionAccuracy')}</dt>
            <dd>
              ±{source.location.accuracyM} m — {renderText(source.location.note)}
            </dd>
          </>
        )}
        {verdict.downwind && (
          <>
            <dt>{t('elevatedSource')}</dt>
            <dd data-testid="eia-downwind-result">
              {verdict.downwind.reaches.length ? (
                <>
                  {t('downwindReaches')} {places(verdict.downwind.reaches)}
                </>
              ) : (
                t('downwindStays')
              )}
              {p.open}
              {t('downwindParameters', { windFrom: verdict.downwind.input.windFrom, km: verdict.downwind.input.lengthKm, halfAngle: verdict.downwind.input.halfAngle })}
              {verdict.downwind.input.stackHeightM !== null ? `${p.comma}${t('stackHeight')} ${verdict.downwind.input.stackHeightM}` : ''}
              {p.close} — {t('screeningOnly')}
            </dd>
          </>
        )}
      </dl>
      <button type="button" onClick={() => window.print()} data-testid="eia-print">
        {t('printReport')}
      </button>
    </section>
  );
}
