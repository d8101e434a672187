import { useEffect, useState } from 'react';
import { DAY_MS, beijingDay, dayToDate, BEIJING_OFFSET_MS } from '../core/fires/beijing-time.ts';
import { CONFIDENCE_CLASS, DAY_NIGHT } from '../core/fires/fire-points.ts';
import { selectFireCounts, selectFireDayRange, selectVisibleFires } from '../state/fire-selectors.ts';
import type { FireStyle } from '../state/fires-slice.ts';
import { useAppStore } from '../state/store.ts';
import { useT, type MessageKey } from './i18n.ts';

/** Midnight (Beijing) starting a day number, as an instant. */
const dayStart = (day: number) => day * DAY_MS - BEIJING_OFFSET_MS;

function toggle(list: number[] | null, all: number[], value: number, on: boolean): number[] | null {
  const current = new Set(list ?? all);
  if (on) current.add(value);
  else current.delete(value);
  return current.size === all.length ? null : [...current].sort((a, b) => a - b);
}

/** Date range with a day slider and playback, confidence, FRP, satellite, day/night, style and analysis settings. */
export function FireFilters() {
  const t = useT();
  const data = useAppStore((s) => s.fireData);
  const filter = useAppStore((s) => s.fireFilter);
  const style = useAppStore((s) => s.fireStyle);
  const settings = useAppStore((s) => s.fireSettings);
  const counts = useAppStore((s) => selectFireCounts(s.fireData, selectVisibleFires(s.fireData, s.fireFilter)));
  const { setFireFilter, setFireStyle, setFireSettings } = useAppStore.getState();
  const [playing, setPlaying] = useState(false);

  const dayRange = useAppStore((s) => selectFireDayRange(s.fireData));
  const hasDays = dayRange !== null;
  const firstDay = dayRange?.first ?? 0;
  const lastDay = dayRange?.last ?? 0;
  const singleDay = !Number.isNaN(filter.from) && !Number.isNaN(filter.to) && filter.to - filter.from === DAY_MS - 1 ? beijingDay(filter.from) : null;

  useEffect(() => {
    if (!playing || !hasDays) return;
    const timer = setInterval(() => {
      const current = useAppStore.getState().fireFilter;
      const day = Number.isNaN(current.from) ? firstDay : beijingDay(current.from) + 1;
      const next = day > lastDay ? firstDay : day;
      setFireFilter({ from: dayStart(next), to: dayStart(next) + DAY_MS - 1 });
    }, 700);
    return () => clearInterval(timer);
  }, [playing, hasDays, firstDay, lastDay, setFireFilter]);

  if (!data || !counts) return null;
  const satelliteOptions = data.points.satellites.map((name, i) => [i, name] as const).filter(([, name]) => name !== '');
  const confidenceOptions: [number, MessageKey][] = [[CONFIDENCE_CLASS.high, 'high'], [CONFIDENCE_CLASS.nominal, 'nominal'], [CONFIDENCE_CLASS.low, 'low'], [CONFIDENCE_CLASS.unknown, 'unknown']];
  const dateValue = (ms: number) => (Number.isNaN(ms) ? '' : dayToDate(beijingDay(ms)));
  const parseDate = (value: string, end: boolean) => {
    if (!value) return Number.NaN;
    const day = Math.floor(Date.parse(`${value}T00:00:00Z`) / DAY_MS);
    return end ? dayStart(day) + DAY_MS - 1 : dayStart(day);
  };

  return (
    <section className="fire-filters" aria-label={t('fireImportTab')}>
      <p className="counts" data-testid="fire-counts">
        {t('detections')} <b data-field="points">{counts.visible.points.toLocaleString()}</b> / {counts.all.points.toLocaleString()} · {t('mergedFires')}{' '}
        <b data-field="fires">{counts.visible.fires.toLocaleString()}</b> / {counts.all.fires.toLocaleString()}
      </p>
      {hasDays && (
        <fieldset>
          <legend>{t('day')}</legend>
          <div className="row">
            <label>
              {t('dateFrom')} <input type="date" value={dateValue(filter.from)} onChange={(e) => setFireFilter({ from: parseDate(e.target.value, false) })} />
            </label>
            <label>
              {t('dateTo')} <input type="date" value={dateValue(filter.to)} onChange={(e) => setFireFilter({ to: parseDate(e.target.value, true) })} />
            </label>
          </div>
          <div className="row">
            <input
              type="range"
              min={firstDay}
              max={lastDay}
              value={singleDay ?? firstDay}
              aria-label={t('day')}
              onChange={(e) => {
                const day = Number(e.target.value);
                setFireFilter({ from: dayStart(day), to: dayStart(day) + DAY_MS - 1 });
              }}
            />
            <output>{singleDay === null ? t('allDays') : dayToDate(singleDay)}</output>
          </div>
          <div className="row">
            <button type="button" onClick={() => setPlaying(!playing)}>
              {playing ? t('pause') : t('play')}
            </button>
            <button
              type="button"
              onClick={() => {
                setPlaying(false);
                setFireFilter({ from: Number.NaN, to: Number.NaN });
              }}
            >
              {t('allDays')}
            </button>
          </div>
        </fieldset>
      )}
      <fieldset>
        <legend>{t('confidence')}</legend>
        {confidenceOptions.map(([value, key]) => (
          <label key={value} className="inline">
            <input
              type="checkbox"
              checked={!filter.confidenceClasses || filter.confidenceClasses.includes(value)}
              onChange={(e) => setFireFilter({ confidenceClasses: toggle(filter.confidenceClasses, confidenceOptions.map(([v]) => v), value, e.target.checked) })}
            />
            {t(key)}
          </label>
        ))}
        <label className="inline">
          {t('confidenceMinPercent')}{' '}
          <input
            type="number"
            min={0}
            max={100}
            step={1}
            aria-label={t('confidenceMinPercent')}
            value={Number.isNaN(filter.confidenceMin) ? '' : filter.confidenceMin}
            onChange={(e) => setFireFilter({ confidenceMin: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
          />
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('frpRange')}</legend>
        <input type="number" min={0} step="any" aria-label={t('frpMin')} value={Number.isNaN(filter.frpMin) ? '' : filter.frpMin} onChange={(e) => setFireFilter({ frpMin: e.target.value === '' ? Number.NaN : Number(e.target.value) })} />
        {' – '}
        <input type="number" min={0} step="any" aria-label={t('frpMax')} value={Number.isNaN(filter.frpMax) ? '' : filter.frpMax} onChange={(e) => setFireFilter({ frpMax: e.target.value === '' ? Number.NaN : Number(e.target.value) })} />
      </fieldset>
      {satelliteOptions.length > 0 && (
        <fieldset>
          <legend>{t('satellite')}</legend>
          {satelliteOptions.map(([value, name]) => (
            <label key={value} className="inline">
              <input
                type="checkbox"
                checked={!filter.satellites || filter.satellites.includes(value)}
                onChange={(e) => setFireFilter({ satellites: toggle(filter.satellites, satelliteOptions.map(([v]) => v), value, e.target.checked) })}
              />
              {name}
            </label>
          ))}
        </fieldset>
      )}
      <fieldset>
        <legend>{t('dayNight')}</legend>
        {([[DAY_NIGHT.day, 'dayTime'], [DAY_NIGHT.night, 'nightTime'], [DAY_NIGHT.unknown, 'unknown']] as [number, MessageKey][]).map(([value, key]) => (
          <label key={value} className="inline">
            <input
              type="checkbox"
              checked={!filter.dayNight || filter.dayNight.includes(value)}
              onChange={(e) => setFireFilter({ dayNight: toggle(filter.dayNight, [DAY_NIGHT.day, DAY_NIGHT.night, DAY_NIGHT.unknown], value, e.target.checked) })}
            />
            {t(key)}
          </label>
        ))}
        <label className="inline">
          <input type="checkbox" checked={filter.onlyHeilongjiang} onChange={(e) => setFireFilter({ onlyHeilongjiang: e.target.checked })} />
          {t('onlyHeilongjiang')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('style')}</legend>
        <select value={style} onChange={(e) => setFireStyle(e.target.value as FireStyle)} aria-label={t('style')}>
          <option value="confidence">{t('byConfidence')}</option>
          <option value="frp">{t('byFrp')}</option>
          <option value="heatmap">{t('heatmap')}</option>
          <option value="hexbin">{t('hexbin')}</option>
        </select>
      </fieldset>
      <fieldset>
        <legend>{t('mergeSettings')}</legend>
        <NumberSetting label={t('metres')} value={settings.sameFireDistanceM} scale={1} onCommit={(v) => void setFireSettings({ sameFireDistanceM: v })} />
        <NumberSetting label={t('hours')} value={settings.sameFireWindowMs} scale={3600e3} onCommit={(v) => void setFireSettings({ sameFireWindowMs: v })} />
      </fieldset>
      <fieldset>
        <legend>{t('clusterSettings')}</legend>
        <NumberSetting label={t('metres')} value={settings.clusterDistanceM} scale={1} onCommit={(v) => void setFireSettings({ clusterDistanceM: v })} />
        <NumberSetting label={t('days')} value={settings.clusterWindowMs} scale={86400e3} onCommit={(v) => void setFireSettings({ clusterWindowMs: v })} />
      </fieldset>
    </section>
  );
}

/** A positive number applied on Enter or leaving the field (re-analysis is not free). */
function NumberSetting({ label, value, scale, onCommit }: { label: string; value: number; scale: number; onCommit: (value: number) => void }) {
  const commit = (text: string) => {
    const number = Number(text) * scale;
    if (number > 0 && number !== value) onCommit(number);
  };
  return (
    <label className="inline">
      <input
        type="number"
        min={0}
        step="any"
        defaultValue={value / scale}
        key={value}
        onBlur={(e) => commit(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(e.currentTarget.value);
        }}
      />{' '}
      {label}
    </label>
  );
}
