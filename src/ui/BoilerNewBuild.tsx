import { useEffect } from 'react';
import { BOILER_FUELS } from '../core/boilers/boiler.ts';
import { verdictText } from '../core/text/labels.ts';
import { refusesNewBuild } from '../state/boiler-selectors.ts';
import { useAppStore } from '../state/store.ts';
import { AuditFacts, valueLabel } from './BoilerCard.tsx';
import { useLanguage, usePunctuation, useRender, useT } from './i18n.ts';

/** New-build check (clause 十一): place a planned boiler on the map or type its location, give capacity and fuel, get permitted or not with the clause. */
export function BoilerNewBuild() {
  const t = useT();
  const render = useRender();
  const p = usePunctuation();
  const language = useLanguage();
  const form = useAppStore((s) => s.boilerNewBuildForm);
  const mode = useAppStore((s) => (s.mapMode.kind === 'boiler-place' ? 'pick' : 'none'));
  const check = useAppStore((s) => s.boilerNewBuild);
  const problem = useAppStore((s) => s.boilerNewBuildProblem);
  const { setNewBuildForm, checkNewBuild } = useAppStore.getState();
  const setBoilerMode = (next: 'none' | 'pick') => useAppStore.getState().setMapMode(next === 'pick' ? { kind: 'boiler-place' } : { kind: 'browse' });
  const refused = check ? refusesNewBuild(check.audit.verdicts) : [];
  // 不予新建 is the headline itself; a further reason (a no-burn zone) follows it.
  const further = refused.filter((v) => v !== '不予新建');
  const notPermittedHeadline = `${t('notPermitted')}${further.length > 0 ? `${p.colon}${further.map((v) => render(verdictText(v))).join(p.semicolon)}` : ''}`;
  // Esc stops placing, as it does for the EIA site tools.
  useEffect(() => {
    if (mode !== 'pick') return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setBoilerMode('none');
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
    // setBoilerMode only forwards to the store: it need not re-subscribe
  }, [mode]);
  return (
    <section aria-label={t('boilerNewBuildTab')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void checkNewBuild();
        }}
      >
        <div className="row">
          <label>
            {t('longitude')}
            <input value={form.lon} onChange={(e) => setNewBuildForm({ lon: e.target.value })} data-testid="newbuild-lon" inputMode="decimal" />
          </label>
          <label>
            {t('latitude')}
            <input value={form.lat} onChange={(e) => setNewBuildForm({ lat: e.target.value })} data-testid="newbuild-lat" inputMode="decimal" />
          </label>
          <button type="button" aria-pressed={mode === 'pick'} onClick={() => setBoilerMode(mode === 'pick' ? 'none' : 'pick')} data-testid="newbuild-pick">
            {mode === 'pick' ? t('pickingOnMap') : t('pickOnMap')}
          </button>
        </div>
        <div className="row">
          <label>
            {t('capacity')}
            <input className="narrow" value={form.capacity} onChange={(e) => setNewBuildForm({ capacity: e.target.value })} data-testid="newbuild-capacity" inputMode="decimal" />
          </label>
          <label>
            {t('unit')}
            <select value={form.unit} onChange={(e) => setNewBuildForm({ unit: e.target.value as 'tph' | 'mw' })} data-testid="newbuild-unit">
              <option value="tph">{t('unitTph')}</option>
              <option value="mw">MW</option>
            </select>
          </label>
          <label>
            {t('fuel')}
            <select value={form.fuel} onChange={(e) => setNewBuildForm({ fuel: e.target.value as typeof form.fuel })} data-testid="newbuild-fuel">
              {BOILER_FUELS.map((fuel) => (
                <option key={fuel} value={fuel}>
                  {valueLabel(fuel, language)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('layerBuiltUp')}
            <select value={form.builtUp} onChange={(e) => setNewBuildForm({ builtUp: e.target.value as typeof form.builtUp })} data-testid="newbuild-built-up">
              <option value="layer">{t('perLayer')}</option>
              <option value="yes">{t('yes')}</option>
              <option value="no">{t('no')}</option>
            </select>
          </label>
        </div>
        <button type="submit" className="primary" data-testid="newbuild-check">
          {t('checkNewBuild')}
        </button>
      </form>
      {problem && (
        <p className="warning" role="alert" data-testid="newbuild-problem">
          {t(problem === 'location' ? 'newBuildLocationProblem' : 'newBuildCapacityProblem')}
        </p>
      )}
      {check && (
        <section className={`verdict ${refused.length > 0 ? 'refused' : check.audit.verdicts.includes('需核实') ? 'review' : ''}`} aria-live="polite" data-testid="newbuild-result">
          <h3 data-testid="newbuild-headline">
            {refused.length > 0 ? notPermittedHeadline : check.audit.verdicts.includes('需核实') ? t('permittedIfVerified') : t('permitted')}
          </h3>
          <AuditFacts boiler={check.boiler} place={check.place} audit={check.audit} />
        </section>
      )}
      <p className="note">{t('newBuildNote')}</p>
    </section>
  );
}
