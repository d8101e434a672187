import { useMemo, useState } from 'react';
import { useAppStore } from '../state/store.ts';
import { sourceText } from './EiaVerdictCard.tsx';
import { useLanguage, useRender, useT } from './i18n.ts';
import { usePlaceNames } from './place-names.ts';

/** Every site checked, newest first, kept across reloads: search, reopen on the map, or judge again against the current data. */
export function EiaHistory({ onReopen }: { onReopen: () => void }) {
  const t = useT();
  const render = useRender();
  const language = useLanguage();
  const place = usePlaceNames();
  const history = useAppStore((s) => s.eiaHistory);
  const shown = useAppStore((s) => s.eiaCheck?.id);
  const { reopenEiaCheck, rerunEiaCheck } = useAppStore.getState();
  const [query, setQuery] = useState('');
  const rows = useMemo(() => {
    const text = query.trim().toLowerCase();
    return history.filter((check) => !text || [render(sourceText(check.source)), check.verdict.city ?? '', check.verdict.county ?? ''].some((cell) => cell.toLowerCase().includes(text)));
  }, [history, query, render]);
  if (history.length === 0) return <p className="note">{t('eiaHistoryEmpty')}</p>;
  return (
    <section className="eia-history" aria-label={t('eiaHistoryTab')} data-testid="eia-history">
      <input type="search" placeholder={t('search')} aria-label={t('search')} value={query} onChange={(e) => setQuery(e.target.value)} />
      <ol className="history-rows">
        {rows.map((check) => (
          <li key={check.id} aria-current={check.id === shown ? 'true' : undefined} data-testid="eia-history-row" className={check.verdict.withinConsultationZone ? 'within' : ''}>
            <button
              type="button"
              className="link"
              onClick={() => {
                reopenEiaCheck(check.id);
                onReopen();
              }}
            >
              {check.verdict.withinConsultationZone ? t('withinZone') : t('filterOutside')} · {(check.verdict.distanceM / 1000).toFixed(3)} km
            </button>
            <small>
              {new Date(check.at).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB')} · {check.verdict.county ? render(place(check.verdict.county)) : t('outsideThreeProvinces')}
            </small>
            <small data-user-data="">{render(sourceText(check.source))}</small>
            <button type="button" className="small" onClick={() => void rerunEiaCheck(check.id).then(onReopen)}>
              {t('rerun')}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
