import { useAppStore } from '../state/store.ts';
import { useT } from './i18n.ts';

const AREA_FORMAT = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The clicked county: name, city, adcode and geodesic area, all rendered as text. */
export function CountyPanel() {
  const t = useT();
  const selection = useAppStore((s) => s.selection);
  if (selection.kind !== 'county') return null;
  const details = selection.county;
  return (
    <section className="panel county-panel" aria-labelledby="county-panel-title" data-testid="county-panel">
      <header>
        <h2 id="county-panel-title">{details.name}</h2>
        <button type="button" onClick={() => useAppStore.getState().clearSelection()} aria-label={t('close')}>
          ×
        </button>
      </header>
      <dl>
        <dt>{t('county')}</dt>
        <dd data-field="name">{details.name}</dd>
        <dt>{t('city')}</dt>
        <dd data-field="city">{details.city}</dd>
        <dt>{t('adcode')}</dt>
        <dd data-field="adcode">{details.adcode}</dd>
        <dt>{t('area')}</dt>
        <dd data-field="area">{AREA_FORMAT.format(details.areaKm2)} km²</dd>
      </dl>
    </section>
  );
}
