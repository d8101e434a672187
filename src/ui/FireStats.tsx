import { dayToDate } from '../core/fires/beijing-time.ts';
import type { CountyProperties } from '../core/geo/boundaries.ts';
import type { CountTotal } from '../core/fires/fire-summaries.ts';
import { selectCountyDayCounts, selectFireTotals, selectVisibleFires } from '../state/fire-selectors.ts';
import { useAppStore } from '../state/store.ts';
import { downloadTable, downloadText } from './download.ts';
import { useExportFailure } from './export-failure.tsx';
import { useLanguage, useT } from './i18n.ts';
import { PlaceName } from './PlaceName.tsx';

const NO_COUNTIES: CountyProperties[] = [];

/** County ranking, a daily line chart, a county bar chart and the assessment table export. */
export function FireStats() {
  const t = useT();
  const { watch, failure } = useExportFailure();
  const language = useLanguage();
  const data = useAppStore((s) => s.fireData);
  const rows = useAppStore((s) => selectCountyDayCounts(s.fireData, selectVisibleFires(s.fireData, s.fireFilter)));
  const boundaries = useAppStore((s) => s.boundaries);
  if (!data) return <p className="note">{t('noFires')}</p>;
  const counties = boundaries.kind === 'ready' ? boundaries.summary.counties : NO_COUNTIES;
  const cities = boundaries.kind === 'ready' ? boundaries.summary.cities : [];
  const cityEn = (name: string) => cities.find((c) => c.name === name)?.nameEn ?? name;
  /** City, county and adcode of a county index, in the UI language (pinyin in English). */
  const name = (county: number) => {
    const c = counties[county];
    if (county === -1 || !c) return [t('notInHeilongjiang'), '', ''];
    return language === 'zh' ? [c.city, c.name, c.adcode] : [cityEn(c.city), c.nameEn, c.adcode];
  };
  const { byCounty, byDay, byCity } = selectFireTotals(rows, counties, t('notInHeilongjiang'));

  const exportAssessment = (format: 'csv' | 'xlsx') =>
    watch(
      downloadTable(
        `${t('assessmentFileName')}-${data.fileName.replace(/\.[^.]+$/, '')}`,
        [t('dateBeijing'), t('city'), t('county'), t('adcode'), t('detections'), t('mergedFires')],
        rows.map((r) => [r.day >= 0 ? dayToDate(r.day) : '', ...name(r.county), String(r.points), String(r.fires)]),
        format,
      ),
    );
  const exportPoints = () => {
    const state = useAppStore.getState();
    const visible = selectVisibleFires(state.fireData, state.fireFilter);
    watch(state.exportFirePoints(visible.slice()).then((csv) => downloadText(`${data.fileName}.attributed.csv`, csv)));
  };

  return (
    <section className="fire-stats" aria-label={t('statsTab')}>
      <div className="row">
        <span>{t('assessmentTable')}</span>
        <button type="button" onClick={() => exportAssessment('csv')} data-testid="export-assessment">
          {t('exportCsv')}
        </button>
        <button type="button" onClick={() => exportAssessment('xlsx')} data-testid="export-assessment-xlsx">
          {t('exportXlsx')}
        </button>
        <button type="button" onClick={exportPoints}>
          {t('exportPoints')}
        </button>
      </div>
      {failure}
      <h3>{t('dailyCounts')}</h3>
      <DailyChart days={byDay} />
      <h3>{t('countyChart')}</h3>
      <BarChart bars={byCounty.filter((c) => c.key !== -1).slice(0, 12).map((c) => ({ label: name(c.key)[1]!, value: c.points }))} />
      <h3>{t('cityTotals')}</h3>
      <table className="compact" data-testid="city-totals">
        <thead>
          <tr>
            <th>{t('city')}</th>
            <th>{t('detections')}</th>
            <th>{t('mergedFires')}</th>
          </tr>
        </thead>
        <tbody>
          {byCity.map((city) => (
            <tr key={city.key}>
              <td>{city.key === t('notInHeilongjiang') ? city.key : <PlaceName zh={city.key} en={cityEn(city.key)} />}</td>
              <td>{city.points}</td>
              <td>{city.fires}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('ranking')}</h3>
      <table className="compact" data-testid="county-ranking">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('city')}</th>
            <th>{t('county')}</th>
            <th>{t('detections')}</th>
            <th>{t('mergedFires')}</th>
          </tr>
        </thead>
        <tbody>
          {byCounty.slice(0, 50).map((c, i) => {
            const [city, county] = name(c.key);
            return (
              <tr key={c.key}>
                <td>{i + 1}</td>
                <td>{city}</td>
                <td>{county}</td>
                <td>{c.points}</td>
                <td>{c.fires}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** Detections per Beijing day as an SVG polyline; labels are text nodes, never HTML. */
function DailyChart({ days }: { days: CountTotal<number>[] }) {
  if (days.length === 0) return null;
  const width = 340;
  const height = 120;
  const first = days[0]!.key;
  const span = Math.max(1, days[days.length - 1]!.key - first);
  const max = Math.max(...days.map((d) => d.points));
  const x = (day: number) => 30 + ((day - first) / span) * (width - 40);
  const y = (value: number) => height - 20 - (value / max) * (height - 30);
  const line = (pick: (d: CountTotal<number>) => number) => days.map((d) => `${x(d.key).toFixed(1)},${y(pick(d)).toFixed(1)}`).join(' ');
  return (
    <svg width={width} height={height} role="img" className="chart">
      <polyline points={line((d) => d.points)} fill="none" stroke="#d7301f" strokeWidth={1.5} />
      <polyline points={line((d) => d.fires)} fill="none" stroke="#2b6cb0" strokeWidth={1} />
      <text x={30} y={height - 4} fontSize={10}>
        {dayToDate(first)}
      </text>
      <text x={width - 10} y={height - 4} fontSize={10} textAnchor="end">
        {dayToDate(days[days.length - 1]!.key)}
      </text>
      <text x={2} y={12} fontSize={10}>
        {max}
      </text>
    </svg>
  );
}

function BarChart({ bars }: { bars: { label: string; value: number }[] }) {
  if (bars.length === 0) return null;
  const max = Math.max(...bars.map((b) => b.value));
  const rowHeight = 16;
  return (
    <svg width={340} height={bars.length * rowHeight + 4} role="img" className="chart">
      {bars.map((bar, i) => (
        <g key={bar.label} transform={`translate(0,${i * rowHeight})`}>
          <text x={90} y={12} fontSize={11} textAnchor="end">
            {bar.label}
          </text>
          <rect x={95} y={2} height={rowHeight - 4} width={(bar.value / max) * 200} fill="#f03b20" />
          <text x={100 + (bar.value / max) * 200} y={12} fontSize={10}>
            {bar.value}
          </text>
        </g>
      ))}
    </svg>
  );
}
