import { useAppStore } from '../state/store.ts';
import { useT } from './i18n.ts';
import { useMapOverlay } from './map-overlays.tsx';

/** Every original field of the clicked fire point, rendered as text (the file's own column names and cells). */
export function FirePointCard() {
  const t = useT();
  const selected = useAppStore((s) => s.selectedFire);
  const ref = useMapOverlay<HTMLElement>('right');
  if (!selected) return null;
  return (
    <section ref={ref} className="panel card fire-point" aria-label={t('pointDetails')} data-testid="fire-point-details">
      <header>
        <h2>{t('pointDetails')}</h2>
        <button type="button" className="icon" aria-label={t('close')} onClick={() => void useAppStore.getState().selectFire(null)}>
          ×
        </button>
      </header>
      <dl>
        <dt>{t('line')}</dt>
        <dd>{selected.line}</dd>
        {selected.header.map((name, i) => (
          <div key={`${i}-${name}`} className="pair">
            <dt>{name}</dt>
            <dd>{selected.fields[i] ?? ''}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
