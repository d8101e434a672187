import { useT, type MessageKey } from './i18n.ts';

/** A row of tab buttons; the panel below is the caller's. */
export function Tabs<Tab extends string>({ tabs, selected, onSelect }: { tabs: readonly (readonly [Tab, MessageKey])[]; selected: Tab; onSelect: (tab: Tab) => void }) {
  const t = useT();
  return (
    <div role="tablist" className="tabs">
      {tabs.map(([key, label]) => (
        <button key={key} type="button" role="tab" aria-selected={selected === key} onClick={() => onSelect(key)}>
          {t(label)}
        </button>
      ))}
    </div>
  );
}
