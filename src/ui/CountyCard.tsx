import { useAppStore } from '../state/store.ts';
import { useT } from './i18n.ts';
import { useMapOverlay } from './map-overlays.tsx';
import { PlaceName } from './PlaceName.tsx';

const AREA_FORMAT = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The clicked county: name, city, adcode and geodesic area, all rendered as text. */
export function CountyCard() {
  const t = useT();
  const selection = useAppStore((s) => s.selection);
  const ref = useMapOverlay<HTMLElement>('right');
  if (selection.kind !== 'county') return null;
  const details = selection.county;
  return (
    <section ref={ref} className="panel card county-card" aria-labelledby="county-card-title" data-testid="county-panel">
      <header>
        <h2 id="county-card-title">
          <PlaceName zh={details.name} en={details.nameEn} />
        </h2>
        <button type="button" className="icon" onClick={() => useAppStore.getState().clearSelection()} aria-label={t('close')}>
          ×
        </button>
      </header>
      <dl>
        <dt>{t('county')}</dt>
        <dd data-field="name">{details.name}</dd>
        <dt>{t('city')}</dt>
        <dd data-field="city">
          <PlaceName zh={details.city} en={details.cityEn} />
        </dd>
        <dt>{t('adcode')}</dt>
        <dd data-field="adcode">{details.adcode}</dd>
        <dt>{t('area')}</dt>
        <dd data-field="area">{AREA_FORMAT.format(details.areaKm2)} km²</dd>
      </dl>
    </section>
  );
}
