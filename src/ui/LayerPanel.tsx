import { layerDefinition } from '../map/layer-registry.ts';
import { useAppStore } from '../state/store.ts';
import { useLocalized, useT } from './i18n.ts';
import type { BoundarySummary } from '../core/geo/boundary-summary.ts';

/** Layer list, top of the drawing order first: visibility, opacity, order and legend. */
export function LayerPanel({ summary }: { summary: BoundarySummary }) {
  const t = useT();
  const localized = useLocalized();
  const layers = useAppStore((s) => s.layers);
  const language = useAppStore((s) => s.language);
  const fireStyle = useAppStore((s) => (s.fireData ? s.fireStyle : null));
  const { setLayerVisible, setLayerOpacity, moveLayer } = useAppStore.getState();
  const topFirst = [...layers].reverse();

  return (
    <section className="panel layer-panel" aria-labelledby="layer-panel-title">
      <h2 id="layer-panel-title">{t('layers')}</h2>
      <ol className="layer-list">
        {topFirst.map((layer, i) => {
          const definition = layerDefinition(layer.key);
          const title = localized(definition.title);
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
                  <button
                    type="button"
                    disabled={i === topFirst.length - 1}
                    onClick={() => moveLayer(layer.key, 'down')}
                    aria-label={`${t('moveDown')}: ${title}`}
                    title={t('moveDown')}
                  >
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
                  {legend.map((item) => (
                    <li key={item.label.zh}>
                      <span className={`swatch swatch-${item.kind}`} style={item.kind === 'fill' ? { background: item.color } : { borderColor: item.color }} />
                      {localized(item.label)}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
