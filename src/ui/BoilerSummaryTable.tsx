import { BOILER_VERDICTS } from '../core/boilers/boiler.ts';
import { TOTAL_ROW, UNKNOWN_CITY, type CapacityTotal } from '../core/boilers/boiler-summary.ts';
import { verdictText } from '../core/text/labels.ts';
import { selectBoilerSummary } from '../state/boiler-selectors.ts';
import { useAppStore } from '../state/store.ts';
import { downloadTable } from './download.ts';
import { useExportFailure } from './export-failure.tsx';
import { useRender, useT } from './i18n.ts';
import { usePlaceNames } from './place-names.ts';

const round = (value: number) => String(Math.round(value * 100) / 100);
/** A capacity total as text: t/h and MW apart, never added together. */
const capacity = (total: CapacityTotal) => [total.tph > 0 ? `${round(total.tph)} t/h` : '', total.mw > 0 ? `${round(total.mw)} MW` : ''].filter(Boolean).join(' + ') || '0';

/** Per-city numbers: boilers per verdict, and the count and capacity to phase out and to retrofit; exportable. */
export function BoilerSummaryTable() {
  const t = useT();
  const { watch, failure } = useExportFailure();
  const render = useRender();
  const place = usePlaceNames();
  const audit = useAppStore((s) => s.boilerAudit);
  const summary = selectBoilerSummary(audit);
  if (!audit) return <p className="note">{t('noInventory')}</p>;
  const header = [t('cityColumn'), t('boilerCount'), ...BOILER_VERDICTS.map((v) => render(verdictText(v))), t('phaseOutCapacity'), t('retrofitCount'), t('retrofitCapacity')];
  const cityLabel = (city: string) => (city === UNKNOWN_CITY ? t('unknownCity') : city === TOTAL_ROW ? t('totalRow') : render(place(city)));
  const rows = summary.map((s) => [
    cityLabel(s.city),
    String(s.boilers),
    // The 淘汰 column is the count to phase out; its capacity follows.
    ...BOILER_VERDICTS.map((v) => String(s.byVerdict[v])),
    capacity(s.phaseOut),
    String(s.retrofit.count),
    capacity(s.retrofit),
  ]);
  return (
    <section aria-label={t('boilerSummaryTab')}>
      <div className="row">
        <button type="button" onClick={() => watch(downloadTable(`${t('boilerSummaryFileName')}-${audit.fileName.replace(/\.[^.]+$/, '')}`, header, rows, 'csv'))}>
          {t('exportCsv')}
        </button>
        <button type="button" onClick={() => watch(downloadTable(`${t('boilerSummaryFileName')}-${audit.fileName.replace(/\.[^.]+$/, '')}`, header, rows, 'xlsx'))}>
          {t('exportXlsx')}
        </button>
      </div>
      {failure}
      <div className="scroll-x">
      <table className="compact boiler-summary" data-testid="boiler-summary">
        <thead>
          <tr>
            {header.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells) => (
            <tr key={cells[0]}>
              {cells.map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <p className="note">{t('capacityNote')}</p>
    </section>
  );
}
