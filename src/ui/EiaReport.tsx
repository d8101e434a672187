import { useEffect, useState } from 'react';
import { formatDms } from '../core/geo/coordinates.ts';
import type { RuleBook } from '../core/rules.ts';
import { findRule } from '../core/rules.ts';
import { dataUrl } from '../io/data-url.ts';
import { reportMap } from '../map/report-map.ts';
import ruleBook from '../../seeds/rules.json';
import { EIA_COLORS } from '../map/layers/colors.ts';
import { eiaLayerData } from '../map/layers/eia-layer-data.ts';
import { useAppStore } from '../state/store.ts';
import { EiaVerdictCard, sourceText } from './EiaVerdictCard.tsx';
import { useRender, useT } from './i18n.ts';

const rgb = (c: readonly number[]) => `rgb(${c.join(',')})`;
const clause = findRule(ruleBook as RuleBook, 'R27-border-consultation').clause;

/** Border data version for the report: the provenance entry's checksum and vintage. */
function useBorderVersion(): string {
  const [version, setVersion] = useState('');
  useEffect(() => {
    void fetch(dataUrl('provenance.json'))
      .then((r) => r.json() as Promise<{ files: { path: string; sha256: string; sources: { vintage: string }[] }[] }>)
      .then(({ files }) => {
        const entry = files.find((f) => f.path.endsWith('provincial-border.geojson'));
        if (entry) setVersion(`provincial-border.geojson sha256 ${entry.sha256.slice(0, 12)}; ${entry.sources[0]?.vintage ?? ''}`);
      })
      .catch(() => setVersion('provenance.json —'));
  }, []);
  return version;
}

/** The one-page printable verdict (browser print → PDF): map, inputs as entered, converted coordinates, method, data version, clause. */
export function EiaReport() {
  const t = useT();
  const render = useRender();
  const check = useAppStore((s) => s.eiaCheck);
  const data = useAppStore((s) => eiaLayerData(s.eiaBorder, s.eiaBuffer?.polygon ?? null, s.eiaCheck, s.eiaDraft, s.eiaBatch, null));
  const version = useBorderVersion();
  if (!check || !data) return null;
  const centre: [number, number] = check.site.kind === 'point' ? [check.site.lon, check.site.lat] : check.verdict.nearestSitePoint;
  const spanKm = Math.min(400, Math.max(30, (check.verdict.distanceM / 1000) * 3));
  const map = reportMap(data, centre, spanKm);
  return (
    <article className="print-report" aria-hidden="true" data-testid="eia-report">
      <h1>{t('reportTitle')}</h1>
      <p className="meta">
        <span lang="zh-CN" data-quote="policy">
          黑政发〔2023〕19号
        </span>{' '}
        · {t('checkedAt')} {new Date(check.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}
      </p>
      <svg viewBox={`0 0 ${map.width} ${map.height}`} width="100%" className="report-map" role="img">
        <rect width={map.width} height={map.height} fill="#f4f6f7" />
        <path d={map.buffer} fill={rgb(EIA_COLORS.buffer)} fillOpacity={0.18} fillRule="evenodd" stroke={rgb(EIA_COLORS.buffer)} strokeWidth={1} />
        {map.border.map((b, i) => (
          <path key={i} d={b.d} fill="none" stroke={rgb(b.neighborEn === 'Jilin' ? EIA_COLORS.jilin : EIA_COLORS.innerMongolia)} strokeWidth={2.5} />
        ))}
        {map.sector && <path d={map.sector} fill="gold" fillOpacity={0.3} stroke="#b48c00" />}
        {map.site && <path d={map.site} fill={rgb(EIA_COLORS.site)} fillOpacity={0.35} stroke={rgb(EIA_COLORS.site)} strokeWidth={1.5} />}
        {map.nearest && <line x1={map.nearest[0][0]} y1={map.nearest[0][1]} x2={map.nearest[1][0]} y2={map.nearest[1][1]} stroke="#222" strokeWidth={1.5} strokeDasharray="5 3" />}
        {map.nearest && <circle cx={map.nearest[1][0]} cy={map.nearest[1][1]} r={3.5} fill="#222" />}
        {map.sitePoint && <circle cx={map.sitePoint[0]} cy={map.sitePoint[1]} r={6} fill={rgb(EIA_COLORS.site)} stroke="#fff" strokeWidth={1.5} />}
        <g transform={`translate(16 ${map.height - 20})`}>
          <line x1={0} y1={0} x2={map.scale.px} y2={0} stroke="#000" strokeWidth={2} />
          <text x={0} y={-5} fontSize={11}>
            {map.scale.km} km
          </text>
        </g>
        <text x={map.width - 16} y={22} fontSize={16} textAnchor="end">
          N ↑
        </text>
      </svg>
      <EiaVerdictCard check={check} />
      <dl className="report-facts">
        <dt>{t('inputAsEntered')}</dt>
        <dd>{render(sourceText(check.source))}</dd>
        <dt>{t('nearestBorderPoint')}</dt>
        <dd>
          {formatDms(check.verdict.nearestBorderPoint[0], 'lon')} {formatDms(check.verdict.nearestBorderPoint[1], 'lat')}
        </dd>
        <dt>{t('method')}</dt>
        <dd>{t('methodText')}</dd>
        <dt>{t('dataVersion')}</dt>
        <dd data-testid="eia-report-version">{version}</dd>
        <dt>{t('clauseText')}</dt>
        <dd data-testid="eia-report-clause">
          <span lang="zh-CN" data-quote="policy">
            {clause.id}、{clause.title}：{clause.excerpt}
          </span>
        </dd>
      </dl>
    </article>
  );
}
