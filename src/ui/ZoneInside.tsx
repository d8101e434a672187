import { useMemo } from 'react';
import ruleBook from '../../seeds/rules.json';
import type { Boiler } from '../core/boilers/boiler.ts';
import type { NoBurnZone } from '../core/zones/no-burn-zone.ts';
import type { RuleBook } from '../core/rules.ts';
import { zoneContents } from '../core/zones/zone-contents.ts';
import { useAppStore } from '../state/store.ts';
import { useT } from './i18n.ts';

/** What lies inside the selected zone: boilers whose fuel its category bans, boilers to verify, fire points, area. */
export function ZoneInside({ zone, areaKm2 }: { zone: NoBurnZone; areaKm2: number | null }) {
  const t = useT();
  const audit = useAppStore((s) => s.boilerAudit);
  const fires = useAppStore((s) => s.fireData);
  const { selectBoiler } = useAppStore.getState();
  const located = useMemo(() => {
    const records: number[] = [];
    const boilers: Boiler[] = [];
    audit?.records.forEach((record, i) => {
      if (record.boiler) [records.push(i), boilers.push(record.boiler)];
    });
    return { records, boilers };
  }, [audit]);
  // Only the shape and the category decide what is inside: typing a name or a note recounts nothing.
  const { name, category, geometry } = zone;
  const contents = useMemo(
    () => zoneContents({ name, category, geometry }, located.boilers, fires ? { lon: fires.points.lon, lat: fires.points.lat } : null, ruleBook as unknown as RuleBook),
    // (the name only labels the auditor's zone hit, so a renamed zone needs no recount)
    [category, geometry, located, fires],
  );
  const boilerList = (indices: number[], testId: string) => (
    <ul data-testid={testId}>
      {indices.slice(0, 20).map((i) => (
        <li key={i}>
          <button type="button" className="link" onClick={() => selectBoiler(located.records[i]!)}>
            {located.boilers[i]!.name}
          </button>{' '}
          {located.boilers[i]!.fuel ?? ''}
        </li>
      ))}
      {indices.length > 20 && <li>… {indices.length - 20}</li>}
    </ul>
  );
  return (
    <div className="zone-inside" data-testid="zone-inside">
      <h4>{t('zoneContents')}</h4>
      <dl className="facts">
        <dt>{t('zoneArea')}</dt>
        <dd>{(areaKm2 ?? contents.areaKm2).toLocaleString('zh-CN')} km²</dd>
        <dt>{t('zoneBannedBoilers')}</dt>
        <dd data-testid="zone-banned-count">{audit ? contents.banned.length : t('zoneNoBoilers')}</dd>
        <dt>{t('zoneToVerifyBoilers')}</dt>
        <dd data-testid="zone-verify-count">{audit ? contents.toVerify.length : '—'}</dd>
        <dt>{t('zoneFires')}</dt>
        <dd data-testid="zone-fire-count">{fires ? contents.fires.length : t('zoneNoFires')}</dd>
      </dl>
      {contents.banned.length > 0 && boilerList(contents.banned, 'zone-banned-list')}
    </div>
  );
}
