import { useEffect, useState } from 'react';
import { CONSULTATION_KM } from '../state/eia-slice.ts';
import { useAppStore } from '../state/store.ts';
import { EiaBatch } from './EiaBatch.tsx';
import { EiaSiteForm } from './EiaSiteForm.tsx';
import { EiaVerdictCard } from './EiaVerdictCard.tsx';
import { useT, type MessageKey } from './i18n.ts';
import { Tabs } from './Tabs.tsx';

type Tab = 'site' | 'batch';
const TABS: [Tab, MessageKey][] = [['site', 'eiaSiteTab'], ['batch', 'eiaBatchTab']];

/** The EIA border workspace (clause 二十七): buffer shown on the map, one-site verdict with report, batch checks. */
export function EiaDrawer() {
  const t = useT();
  const [tab, setTab] = useState<Tab>('site');
  const status = useAppStore((s) => s.eiaStatus);
  const bufferKm = useAppStore((s) => s.eiaBufferKm);
  const buffer = useAppStore((s) => s.eiaBuffer);
  const busy = useAppStore((s) => s.eiaBufferBusy);
  const check = useAppStore((s) => s.eiaCheck);
  const error = useAppStore((s) => s.eiaError);
  const { openEia, setEiaBufferKm } = useAppStore.getState();
  const [draftKm, setDraftKm] = useState(String(bufferKm));

  useEffect(() => void openEia(), [openEia]);
  // Closing the workspace ends picking or drawing, so map clicks select counties again.
  useEffect(() => () => useAppStore.getState().setEiaMode('none'), []);
  useEffect(() => setDraftKm(String(bufferKm)), [bufferKm]);
  const commitKm = (text: string) => {
    const km = Number(text);
    if (Number.isFinite(km) && km > 0) void setEiaBufferKm(km);
    else setDraftKm(String(bufferKm));
  };

  return (
    <aside className="panel eia-drawer" aria-label={t('eia')} data-testid="eia-drawer">
      <h2>{t('eia')}</h2>
      {status.kind === 'loading' && <p role="status">{t('eiaLoading')}</p>}
      {status.kind === 'failed' && (
        <p className="warning" role="alert">
          {status.message}
        </p>
      )}
      <div className="row">
        <label>
          {t('eiaBufferKm')}
          <input
            type="range"
            min={1}
            max={100}
            step={1}
            value={Number.isFinite(Number(draftKm)) ? Number(draftKm) : bufferKm}
            onChange={(e) => setDraftKm(e.target.value)}
            onMouseUp={(e) => commitKm(e.currentTarget.value)}
            onKeyUp={(e) => commitKm(e.currentTarget.value)}
            aria-valuetext={`${draftKm} km`}
            data-testid="eia-buffer-slider"
          />
        </label>
        <input
          className="narrow"
          value={draftKm}
          inputMode="decimal"
          aria-label={t('eiaBufferKm')}
          data-testid="eia-buffer-km"
          onChange={(e) => setDraftKm(e.target.value)}
          onBlur={(e) => commitKm(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && commitKm(e.currentTarget.value)}
        />
      </div>
      <p className="note" data-testid="eia-buffer-status">
        {busy ? t('eiaBufferBusy') : buffer ? `${t('eiaBufferBuilt')}: ${buffer.distanceKm} km, ${buffer.vertices} ${t('vertices')}, ${Math.round(buffer.milliseconds)} ms` : ''}
        {bufferKm !== CONSULTATION_KM ? ` ${t('eiaBufferNote')}` : ''}
      </p>
      <Tabs tabs={TABS} selected={tab} onSelect={setTab} />
      <div role="tabpanel">
        {tab === 'site' && (
          <>
            <EiaSiteForm />
            {error && (
              <p className="warning" role="alert" data-testid="eia-error">
                {t('cannotCheck')}
                {error.code ? `（${t(`errorCode_${error.code}`)}）` : ''}：{error.message}
              </p>
            )}
            {check && <EiaVerdictCard check={check} />}
            <p className="note">{t('eiaBufferNote')}</p>
          </>
        )}
        {tab === 'batch' && <EiaBatch />}
      </div>
    </aside>
  );
}
