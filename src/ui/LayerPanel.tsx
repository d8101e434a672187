import type { BoundarySummary } from '../core/geo/boundary-summary.ts';
import { layerDefinition } from '../map/layer-registry.ts';
import { useAppStore } from '../state/store.ts';
import { useLanguage, useRender, useT } from './i18n.ts';
import { useMapOverlay } from './map-overlays.tsx';
import { PHONE_QUERY, useMediaQuery } from './use-media-query.ts';

/** Layer list over the map, top of the drawing order first: visibility, opacity, order and legend. Folds to a button. */
export function LayerPanel({ summary }: { summary: BoundarySummary }) {
  const t = useT();
  const render = useRender();
  const language = useLanguage();
  const layers = useAppStore((s) => s.layers);
  const open = useAppStore((s) => s.layersOpen);
  const fireStyle = useAppStore((s) => (s.fireData ? s.fireStyle : null));
  const { setLayerVisible, setLayerOpacity, moveLayer, setLayersOpen } = useAppStore.getState();
  // On a desktop the panel stays open beside what the map shows; on a phone it is a passing menu over the map.
  const phone = useMediaQuery(PHONE_QUERY);
  const ref = useMapOverlay<HTMLElement>('left');
  const topFirst = [...layers].reverse();
  if (!open) {
    return (
      <button type="button" className="layer-toggle" aria-expanded={false} onClick={() => setLayersOpen(true)} data-testid="layers-open">
        {t('layers')}
      </button>
    );
  }
  return (
    <section ref={phone ? undefined : ref} className="panel layer-panel" aria-labelledby="layer-panel-title" data-testid="layer-panel">
      <header>
        <h2 id="layer-panel-title">{t('layers')}</h2>
        <button type="button" className="icon" aria-label={t('close')} title={t('close')} aria-expanded onClick={() => setLayersOpen(false)} data-testid="layers-close">
          ×
        </button>
      </header>
      <ol className="layer-list">
        {topFirst.map((layer, i) => {
          const definition = layerDefinition(layer.key);
          const title = render(definition.title);
          const legend = definition.legend({ summary, language, fireStyle });
          return (
            <li key={layer.key} className="layer-item" data-layer={layer.key}>
              <div className="layer-row">
                <label className="layer-title">
                  <input type="checkbox" checked={layer.visible} onChange={(e) => setLayerVisible(layer.key, e.target.checked)} />
                  <span>{title}</span>
                </label>
                <span className="layer-order">
                  <button type="button" disabled={i === 0} onClick={() => moveLayer(layer.key, 'up')} aria-label={`${t('moveUp')}: ${title}`} title={t('moveUp')}>
                    ▲
                  </button>
                  <button type="button" disabled={i === topFirst.length - 1} onClick={() => moveLayer(layer.key, 'down')} aria-label={`${t('moveDown')}: ${title}`} title={t('moveDown')}>
                    ▼
                  </button>
                </span>
              </div>
              <label className="layer-opacity">
                <span>{t('opacity')}</span>
                <input
                  type="range"
                  min={0}
                  max={100}
                  step={5}
                  value={Math.round(layer.opacity * 100)}
                  onChange={(e) => setLayerOpacity(layer.key, Number(e.target.value) / 100)}
                  aria-label={`${t('opacity')}: ${title}`}
                />
                <output>{Math.round(layer.opacity * 100)}%</output>
              </label>
              {legend.length > 0 && (
                <ul className="legend">
                  {legend.map((item) => {
                    const label = render(item.label);
                    return (
                      <li key={label}>
                        <span className={`swatch swatch-${item.kind}`} style={item.kind === 'fill' ? { background: item.color } : { borderColor: item.color }} />
                        {label}
                      </li>
                    );
                  })}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
