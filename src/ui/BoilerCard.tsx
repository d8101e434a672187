import type { BoilerAudit, BoilerPlace } from '../core/boilers/audit-boiler.ts';
import type { Boiler, BoilerFuel, BoilerStatus, BoilerUse } from '../core/boilers/boiler.ts';
import { boilerValueText, verdictText } from '../core/text/labels.ts';
import { render, type Language } from '../core/text/text.ts';
import type { AuditedRecord } from '../io/formats/audit-boilers-table.ts';
import { useLanguage, usePunctuation, useRender, useT } from './i18n.ts';
import { usePlaceNames } from './place-names.ts';

/** A fuel, use or status word in the UI language; '—' when the sheet left it empty. */
export function valueLabel(value: BoilerFuel | BoilerUse | BoilerStatus | null, language: Language): string {
  return value === null ? '—' : render(boilerValueText(value), language);
}

/** Capacity as the sheet gave it: t/h, MW, or both; never converted. */
export function capacityText(boiler: Boiler): string {
  const parts = [boiler.capacityTph !== null ? `${boiler.capacityTph} t/h` : '', boiler.capacityMw !== null ? `${boiler.capacityMw} MW` : ''].filter(Boolean);
  return parts.join(' / ') || '—';
}

/** The verdicts of one audited boiler: each rule with clause, deadline and reason, what to verify, warnings, where it stands. */
export function AuditFacts({ boiler, place, audit }: { boiler: Boiler; place: BoilerPlace; audit: BoilerAudit }) {
  const t = useT();
  const renderText = useRender();
  const language = useLanguage();
  const place_ = usePlaceNames();
  const p = usePunctuation();
  const coverage =
    place.coverage === null ? t('layerNotGivenShort') : place.coverage === false ? t('no') : place.coverage.by === 'polygon' ? place.coverage.name : `${place.coverage.name}${p.open}${Math.round(place.coverage.distanceM)} m ≤ ${place.coverage.radiusM} m${p.comma}${t('assumed')}${p.close}`;
  return (
    <>
      <ul data-testid="boiler-matches">
        {audit.matches.map((match) => (
          <li key={match.ruleId}>
            <strong>{renderText(verdictText(match.verdict))}</strong> · {match.ruleId} · {t('clause')}
            {p.open}
            <span lang="zh-CN" data-quote="policy">
              {match.clause}
            </span>
            {p.close}{match.deadline ? ` · ${t('deadline')} ${match.deadline}` : ''}
            <br />
            {match.reason[language]}
          </li>
        ))}
      </ul>
      {audit.toVerify.length > 0 && (
        <>
          <h4>{t('toVerify')}</h4>
          <ul data-testid="boiler-to-verify">
            {audit.toVerify.map((item, i) => (
              <li key={i}>
                {item.missing[language]}
                {item.ruleId ? `${p.open}${item.ruleId}${p.close}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {audit.warnings.length > 0 && (
        <ul className="warning" data-testid="boiler-warnings">
          {audit.warnings.map((w, i) => (
            <li key={i}>{w[language]}</li>
          ))}
        </ul>
      )}
      <dl>
        <dt>{t('capacity')}</dt>
        <dd>{capacityText(boiler)}</dd>
        <dt>{t('fuelUseStatus')}</dt>
        <dd>{[boiler.fuel, boiler.use, boiler.status].map((v) => valueLabel(v, language)).join(' / ')}</dd>
        <dt>{t('location')}</dt>
        <dd>
          {boiler.lon.toFixed(6)}, {boiler.lat.toFixed(6)} · {[place.city, place.county].filter((p): p is string => Boolean(p)).map((p) => renderText(place_(p))).join(' ') || t('outsideProvince')}
        </dd>
        <dt>{t('coverageShort')}</dt>
        <dd data-user-data="">{coverage}</dd>
        <dt>{t('layerBuiltUp')}</dt>
        <dd>
          {audit.builtUp === null ? t('unknown') : audit.builtUp ? t('yes') : t('no')}
          {audit.builtUpSource ? `${p.open}${t(audit.builtUpSource === 'sheet' ? 'perSheet' : 'perLayer')}${p.close}` : ''}
        </dd>
        <dt>{t('zonesShort')}</dt>
        <dd data-user-data="">{place.zones === null ? t('layerNotGivenShort') : place.zones.map((z) => `${z.name}${p.open}${z.category}${p.close}`).join(p.list) || t('no')}</dd>
      </dl>
    </>
  );
}

/** The card of the boiler picked on the map or in the table. */
export function BoilerCard({ record, onClose }: { record: AuditedRecord; onClose: () => void }) {
  const t = useT();
  const renderText = useRender();
  const p = usePunctuation();
  const { boiler, place, audit } = record;
  if (!boiler || !place || !audit) return null;
  const tone = audit.verdicts.includes('合规') ? '' : audit.verdicts.every((v) => v === '需核实') ? 'review' : 'refused';
  return (
    <section className={`verdict ${tone}`} aria-live="polite" data-testid="boiler-card">
      <h3>
        <span data-testid="boiler-card-name" data-user-data="">
          {boiler.name}
        </span>
        {p.open}
        {t('row')} {record.row}
        {p.close}
        {p.colon}
        <span data-testid="boiler-card-verdicts">{audit.verdicts.map((v) => renderText(verdictText(v))).join(p.semicolon)}</span>{' '}
        <button type="button" className="link" onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      </h3>
      <AuditFacts boiler={boiler} place={place} audit={audit} />
      {record.notes.length > 0 && <p className="note">{record.notes.map((note) => renderText(note)).join(p.semicolon)}</p>}
    </section>
  );
}
