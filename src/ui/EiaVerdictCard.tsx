import { formatDms, toGaussKruger3 } from '../core/geo/coordinates.ts';
import type { Language } from '../map/localized.ts';
import type { EiaCheck, SiteSource } from '../state/eia-slice.ts';
import { useAppStore } from '../state/store.ts';
import { useT } from './i18n.ts';

const metres = (m: number) => `${m.toLocaleString('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} m`;

/** The input as the reviewer gave it, as text in the UI language (for the card and the printed report). */
export function describeSource(source: SiteSource, language: Language): string {
  const zh = language === 'zh';
  switch (source.kind) {
    case 'typed': {
      const { form } = source;
      if (form.system === 'gauss-kruger') return `X=${form.x} Y=${form.y}${form.epsg ? ` EPSG:${form.epsg}` : ''} (CGCS2000 ${zh ? '高斯-克吕格' : 'Gauss-Krüger'})`;
      return `${form.pair ? form.text : `${form.lon}, ${form.lat}`} (${form.system.toUpperCase()})`;
    }
    case 'map':
      return `${zh ? '地图点选' : 'map click'} ${source.lon.toFixed(6)}, ${source.lat.toFixed(6)}`;
    case 'drawn':
      return zh ? `手绘范围，${source.vertices} 个拐点` : `drawn polygon, ${source.vertices} corners`;
    case 'file':
      return `${source.fileName}: ${source.name} (${source.crs})`;
  }
}

/** The verdict of the judged site, every field as text. */
export function EiaVerdictCard({ check }: { check: EiaCheck }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const { verdict, source, site } = check;
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
        <dd data-testid="eia-consult">{verdict.consultProvinces.join('、') || '—'}</dd>
        <dt>{t('nearestBorderPoint')}</dt>
        <dd>
          {verdict.nearestBorderPoint[0].toFixed(6)}, {verdict.nearestBorderPoint[1].toFixed(6)} ({formatDms(verdict.nearestBorderPoint[0], 'lon')} {formatDms(verdict.nearestBorderPoint[1], 'lat')})
        </dd>
        <dt>{t('borderPiece')}</dt>
        <dd>
          {language === 'zh' ? '黑龙江省' : 'Heilongjiang'} {piece.city} ↔ {piece.neighbor} {piece.neighborCity}
        </dd>
        <dt>{t('byNeighbour')}</dt>
        <dd>{verdict.byNeighbor.map((n) => `${n.neighbor} ${n.distanceM === null ? `> ${verdict.thresholdM / 1000}` : km(n.distanceM)} km`).join('；')}</dd>
        <dt>{t('siteLocation')}</dt>
        <dd data-testid="eia-place">{[verdict.province, verdict.city, verdict.county].filter(Boolean).join(' ') || '—'}</dd>
        <dt>{t('inputAsEntered')}</dt>
        <dd>{describeSource(source, language)}</dd>
        <dt>{t('convertedCoordinates')}</dt>
        <dd data-testid="eia-converted">
          {site.kind === 'point' ? '' : `${language === 'zh' ? '范围最近点' : 'nearest point of the outline'}: `}
          {lon.toFixed(7)}, {lat.toFixed(7)}；{formatDms(lon, 'lon')} {formatDms(lat, 'lat')}；CGCS2000 3° GK {language === 'zh' ? '带' : 'zone'} {gk.zone} (EPSG:{gk.epsg}) X={gk.x.toFixed(2)} Y={gk.y.toFixed(2)}
        </dd>
        {source.kind === 'typed' && (
          <>
            <dt>{t('conversionAccuracy')}</dt>
            <dd>
              ±{source.location.accuracyM} m — {source.location.note}
            </dd>
          </>
        )}
        {verdict.downwind && (
          <>
            <dt>{t('elevatedSource')}</dt>
            <dd data-testid="eia-downwind-result">
              {verdict.downwind.reaches.length ? `${t('downwindReaches')} ${verdict.downwind.reaches.join('、')}` : t('downwindStays')}（
              {language === 'zh' ? '风向' : 'wind from'} {verdict.downwind.input.windFrom}°，{verdict.downwind.input.lengthKm} km，±{verdict.downwind.input.halfAngle}°
              {verdict.downwind.input.stackHeightM !== null ? `，${t('stackHeight')} ${verdict.downwind.input.stackHeightM}` : ''}）— {t('screeningOnly')}
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
