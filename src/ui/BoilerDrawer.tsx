import { useEffect, useState } from 'react';
import { useAppStore } from '../state/store.ts';
import { BOILER_LAYER_KINDS, type BoilerLayerKind } from '../workers/analysis-api.ts';
import { BoilerCard } from './BoilerCard.tsx';
import { BoilerNewBuild } from './BoilerNewBuild.tsx';
import { BoilerSummaryTable } from './BoilerSummaryTable.tsx';
import { BoilerTable } from './BoilerTable.tsx';
import { FilePicker } from './FilePicker.tsx';
import { usePunctuation, useRender, useT, type MessageKey } from './i18n.ts';
import { Tabs } from './Tabs.tsx';

type Tab = 'data' | 'audit' | 'summary' | 'newBuild';
const TABS: [Tab, MessageKey][] = [['data', 'boilerDataTab'], ['audit', 'boilerAuditTab'], ['summary', 'boilerSummaryTab'], ['newBuild', 'boilerNewBuildTab']];

const LAYER_LABELS: Record<BoilerLayerKind, MessageKey> = { coverage: 'layerCoverage', pipelines: 'layerPipelines', builtUp: 'layerBuiltUp', zones: 'layerZones' };
const VECTOR_FILES = '.geojson,.json,.kml,.kmz,.zip';

/** One audit layer: its file, what was read and left out, and a button to remove it. */
function LayerFile({ kind }: { kind: BoilerLayerKind }) {
  const t = useT();
  const render = useRender();
  const p = usePunctuation();
  const layer = useAppStore((s) => s.boilerLayers[kind]);
  const { loadBoilerLayer, clearBoilerLayer } = useAppStore.getState();
  return (
    <div className="layer-file" data-testid={`boiler-layer-${kind}`}>
      <FilePicker label={t(LAYER_LABELS[kind])} accept={VECTOR_FILES} testId={`boiler-layer-file-${kind}`} onFile={(file) => void loadBoilerLayer(kind, file, file.name)} />
      {layer ? (
        <p className="note" data-testid={`boiler-layer-status-${kind}`}>
          <span data-user-data="">{layer.fileName}</span> {layer.synthetic && <span className="badge synthetic">{t('synthetic')}</span>}
          {p.colon}
          {layer.areaCount} {t('polygons')}
          {layer.pipelineCount > 0 ? `${p.comma}${layer.pipelineCount} ${t('lines')}` : ''}
          {layer.rejected.length > 0 ? `${p.comma}${layer.rejected.length} ${t('featuresLeftOut')}` : ''}
          {p.open}
          {render(layer.crs)}
          {p.close}{' '}
          <button type="button" className="link" onClick={() => void clearBoilerLayer(kind)}>
            {t('remove')}
          </button>
        </p>
      ) : (
        <p className="note">{t(kind === 'zones' ? 'zonesNotGiven' : 'layerNotGiven')}</p>
      )}
      {layer && layer.rejected.length > 0 && (
        <ul className="note" data-testid={`boiler-layer-rejected-${kind}`}>
          {layer.rejected.slice(0, 5).map((r) => (
            <li key={`${r.row}-${r.field}`}>
              {t('feature')} {r.row}
              {p.comma}
              <span data-user-data="">{r.field}</span>
              {p.colon}
              {render(r.reason)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The boiler audit workspace (clauses 十一, 十三, 二十三): layers and inventory, audit table, per-city summary, new-build check. */
export function BoilerDrawer() {
  const t = useT();
  const render = useRender();
  const p = usePunctuation();
  const [tab, setTab] = useState<Tab>('data');
  const busy = useAppStore((s) => s.boilerBusy);
  const error = useAppStore((s) => s.boilerError);
  const audit = useAppStore((s) => s.boilerAudit);
  const selected = useAppStore((s) => (s.boilerSelected === null ? null : (s.boilerAudit?.records[s.boilerSelected] ?? null)));
  const radius = useAppStore((s) => s.boilerServiceRadiusM);
  const { loadBoilerSample, loadBoilerInventory, setBoilerServiceRadius, selectBoiler } = useAppStore.getState();
  const [radiusText, setRadiusText] = useState(String(radius));

  useEffect(() => setRadiusText(String(radius)), [radius]);
  // A boiler picked on the map shows its card on the audit tab.
  useEffect(() => {
    if (selected) setTab((current) => (current === 'newBuild' ? current : 'audit'));
  }, [selected]);
  const commitRadius = (text: string) => {
    const metres = Number(text);
    if (metres > 0 && Number.isFinite(metres)) void setBoilerServiceRadius(metres);
    else setRadiusText(String(radius));
  };

  return (
    <div className="drawer boiler-drawer" data-testid="boiler-drawer">
      {busy.kind === 'running' && (
        <p role="status" data-testid="boiler-busy">
          {t('working')} {typeof busy.label === 'string' ? <span data-user-data="">{busy.label}</span> : render(busy.label)} {busy.total > 0 && <progress value={busy.done} max={busy.total} />}
        </p>
      )}
      {error && (
        <p className="warning" role="alert" data-testid="boiler-error">
          {render(error)}
        </p>
      )}
      {audit?.synthetic && (
        <p className="badge synthetic" role="note">
          {t('syntheticBoilers')}
        </p>
      )}
      <Tabs tabs={TABS} selected={tab} onSelect={setTab} />
      <div role="tabpanel">
        {tab === 'data' && (
          <section aria-label={t('boilerDataTab')}>
            <button type="button" onClick={() => void loadBoilerSample()} data-testid="boiler-sample">
              {t('loadBoilerSample')}
            </button>
            <FilePicker label={t('boilerInventory')} accept=".csv,.txt,.xlsx" testId="boiler-inventory-file" onFile={(file) => void loadBoilerInventory(file, file.name)} />
            {audit && (
              <p className="note" data-testid="boiler-inventory-status">
                <span data-user-data="">{audit.fileName}</span>
                {p.colon}
                {t('inventoryLine', { rows: audit.records.length, refused: audit.rejectedCount, notes: audit.noteCount, ms: Math.round(audit.milliseconds) })}
              </p>
            )}
            {BOILER_LAYER_KINDS.map((kind) => (
              <LayerFile key={kind} kind={kind} />
            ))}
            <label>
              {t('serviceRadius')}
              <input
                className="narrow"
                value={radiusText}
                inputMode="numeric"
                data-testid="boiler-service-radius"
                onChange={(e) => setRadiusText(e.target.value)}
                onBlur={(e) => commitRadius(e.target.value)}
                onKeyDown={(e) => e.key === 'Enter' && commitRadius(e.currentTarget.value)}
              />
            </label>
            <p className="note">{t('serviceRadiusNote')}</p>
          </section>
        )}
        {tab === 'audit' && (
          <>
            {selected && <BoilerCard record={selected} onClose={() => selectBoiler(null)} />}
            <BoilerTable />
          </>
        )}
        {tab === 'summary' && <BoilerSummaryTable />}
        {tab === 'newBuild' && <BoilerNewBuild />}
      </div>
    </div>
  );
}
