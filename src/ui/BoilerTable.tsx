import { useMemo } from 'react';
import { BOILER_RULE_IDS } from '../core/boilers/audit-boiler.ts';
import { BOILER_VERDICTS } from '../core/boilers/boiler.ts';
import { TOTAL_ROW, UNKNOWN_CITY } from '../core/boilers/boiler-summary.ts';
import { verdictText } from '../core/text/labels.ts';
import { BOILER_VERDICT_COLORS } from '../map/layers/colors.ts';
import { selectBoilerOrder, selectBoilerSummary, type BoilerFilter, type BoilerSortKey } from '../state/boiler-selectors.ts';
import { useAppStore } from '../state/store.ts';
import { capacityText, valueLabel } from './BoilerCard.tsx';
import { downloadTable } from './download.ts';
import { useExportFailure } from './export-failure.tsx';
import { useLanguage, useRender, useT, type MessageKey } from './i18n.ts';
import { usePlaceNames } from './place-names.ts';
import { ExportBar, SortHeader } from './TableTools.tsx';

const SHOWN = 500;
const rgb = (c: readonly number[]) => `rgb(${c.join(',')})`;

/** The audit table: filter by verdict, rule and city, search, sort, export the filtered rows as CSV or XLSX. */
export function BoilerTable() {
  const t = useT();
  const { watch, failure } = useExportFailure();
  const render = useRender();
  const place = usePlaceNames();
  const language = useLanguage();
  const audit = useAppStore((s) => s.boilerAudit);
  const selected = useAppStore((s) => s.boilerSelected);
  const filter = useAppStore((s) => s.boilerFilter);
  const sort = useAppStore((s) => s.boilerSort);
  const { selectBoiler, setBoilerFilter: setFilter, setBoilerSort: setSort } = useAppStore.getState();
  const order = useMemo(() => (audit ? selectBoilerOrder(audit, filter, sort) : []), [audit, filter, sort]);
  const cities = useMemo(() => selectBoilerSummary(audit).filter((s) => s.city !== TOTAL_ROW).map((s) => s.city), [audit]);
  if (!audit) return <p className="note">{t('noInventory')}</p>;

  const exportTable = (format: 'csv' | 'xlsx') => watch(downloadTable(`${t('boilerAuditFileName')}-${audit.fileName.replace(/\.[^.]+$/, '')}`, audit.header, order.map((i) => audit.rows[i]!), format));

  return (
    <section className="boiler-table" aria-label={t('boilerAuditTab')}>
      <div className="row">
        <label>
          {t('verdict')}
          <select value={filter.verdict} onChange={(e) => setFilter({ verdict: e.target.value as BoilerFilter['verdict'] })} data-testid="boiler-filter-verdict">
            <option value="all">{t('filterAll')}</option>
            {BOILER_VERDICTS.map((v) => (
              <option key={v} value={v}>
                {render(verdictText(v))}
              </option>
            ))}
            <option value="errors">{t('filterErrors')}</option>
          </select>
        </label>
        <label>
          {t('rule')}
          <select value={filter.rule} onChange={(e) => setFilter({ rule: e.target.value })} data-testid="boiler-filter-rule">
            <option value="all">{t('filterAll')}</option>
            {BOILER_RULE_IDS.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('cityColumn')}
          <select value={filter.city} onChange={(e) => setFilter({ city: e.target.value })} data-testid="boiler-filter-city">
            <option value="all">{t('filterAll')}</option>
            {cities.map((city) => (
              <option key={city} value={city}>
                {city === UNKNOWN_CITY ? t('unknownCity') : render(place(city))}
              </option>
            ))}
          </select>
        </label>
        <input type="search" placeholder={t('search')} aria-label={t('search')} value={filter.query} onChange={(e) => setFilter({ query: e.target.value })} />
      </div>
      <ExportBar onExport={exportTable} count={order.length} shown={SHOWN} testId="boiler" />
      {failure}
      <table className="compact" data-testid="boiler-table">
        <thead>
          <tr>
            <SortHeader column="row" label="row" sort={sort} onSort={setSort} />
            <SortHeader column="name" label="name" sort={sort} onSort={setSort} />
            <SortHeader column="city" label="cityColumn" sort={sort} onSort={setSort} />
            <SortHeader column="capacity" label="capacity" sort={sort} onSort={setSort} />
            <th>{t('fuel')}</th>
            <SortHeader column="verdict" label="verdict" sort={sort} onSort={setSort} />
            <th>{t('rule')}</th>
          </tr>
        </thead>
        <tbody>
          {order.slice(0, SHOWN).map((i) => {
            const record = audit.records[i]!;
            const verdicts = record.audit?.verdicts ?? [];
            return (
              <tr
                key={i}
                className={`${record.error ? 'error' : ''} ${selected === i ? 'selected' : ''}`}
                tabIndex={0}
                onClick={() => selectBoiler(i, true)}
                onKeyDown={(e) => e.key === 'Enter' && selectBoiler(i, true)}
                data-testid="boiler-row"
                aria-selected={selected === i}
              >
                <td>{record.row}</td>
                <td data-user-data="">{record.boiler?.name ?? ''}</td>
                <td className="nowrap">{record.audit?.city ? render(place(record.audit.city)) : ''}</td>
                <td className="nowrap">{record.boiler ? capacityText(record.boiler) : ''}</td>
                <td className="nowrap">{record.boiler ? valueLabel(record.boiler.fuel, language) : ''}</td>
                <td className="verdicts">
                  {record.error !== null
                    ? render(record.error)
                    : verdicts.map((v) => (
                        <span key={v}>
                          <span className="swatch" style={{ background: rgb(BOILER_VERDICT_COLORS[v]) }} />
                          {render(verdictText(v))}{' '}
                        </span>
                      ))}
                </td>
                <td>{record.audit?.matches.map((m) => m.ruleId).join(' ') ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
