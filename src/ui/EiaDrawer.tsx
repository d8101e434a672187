import { useEffect, useState } from 'react';
import { CONSULTATION_KM } from '../state/eia-slice.ts';
import { useAppStore } from '../state/store.ts';
import { EiaBatch } from './EiaBatch.tsx';
import { EiaHistory } from './EiaHistory.tsx';
import { EiaSiteForm } from './EiaSiteForm.tsx';
import { EiaVerdictCard } from './EiaVerdictCard.tsx';
import { usePunctuation, useRender, useT, type MessageKey } from './i18n.ts';
import { Tabs } from './Tabs.tsx';

type Tab = 'site' | 'batch' | 'history';
const TABS: [Tab, MessageKey][] = [['site', 'eiaSiteTab'], ['batch', 'eiaBatchTab'], ['history', 'eiaHistoryTab']];

/** The EIA border workspace (clause 二十七): buffer shown on the map, one-site verdict with report, batch checks. */
export function EiaDrawer() {
  const t = useT();
  const render = useRender();
  const p = usePunctuation();
  const [tab, setTab] = useState<Tab>('site');
  const status = useAppStore((s) => s.eiaStatus);
  const bufferKm = useAppStore((s) => s.eiaBufferKm);
  const buffer = useAppStore((s) => s.eiaBuffer);
  const busy = useAppStore((s) => s.eiaBufferBusy);
  const bufferError = useAppStore((s) => s.eiaBufferError);
  const check = useAppStore((s) => s.eiaCheck);
  const error = useAppStore((s) => s.eiaError);
  const { openEia, setEiaBufferKm } = useAppStore.getState();
  const [draftKm, setDraftKm] = useState(String(bufferKm));

  useEffect(() => void openEia(), [openEia]);
  useEffect(() => setDraftKm(String(bufferKm)), [bufferKm]);
  const commitKm = (text: string) => {
    const km = Number(text);
    if (Number.isFinite(km) && km > 0) void setEiaBufferKm(km);
    else setDraftKm(String(bufferKm));
  };

  return (
    <div className="drawer eia-drawer" data-testid="eia-drawer">
      {status.kind === 'loading' && <p role="status">{t('eiaLoading')}</p>}
      {status.kind === 'failed' && (
        <p className="warning" role="alert">
          {render(status.message)}
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
        {busy ? t('eiaBufferBusy') : buffer ? t('eiaBufferBuiltLine', { km: buffer.distanceKm, vertices: buffer.vertices, ms: Math.round(buffer.milliseconds) }) : ''}
        {bufferKm !== CONSULTATION_KM ? ` ${t('eiaBufferNote')}` : ''}
      </p>
      {bufferError !== null && (
        <p className="warning" role="alert" data-testid="eia-buffer-error">
          {render(bufferError)}
        </p>
      )}
      <Tabs tabs={TABS} selected={tab} onSelect={setTab} />
      <div role="tabpanel">
        {tab === 'site' && (
          <>
            <EiaSiteForm />
            {error && (
              <p className="warning" role="alert" data-testid="eia-error">
                {t('cannotCheck')}
                {error.code ? `${p.open}${t(`errorCode_${error.code}`)}${p.close}` : ''}
                {p.colon}
                {render(error.message)}
              </p>
            )}
            {check && <EiaVerdictCard check={check} />}
            <p className="note">{t('eiaBufferNote')}</p>
          </>
        )}
        {tab === 'batch' && <EiaBatch />}
        {tab === 'history' && <EiaHistory onReopen={() => setTab('site')} />}
      </div>
    </div>
  );
}
