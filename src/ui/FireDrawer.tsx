import { useState } from 'react';
import { FireFilters } from './FireFilters.tsx';
import { FireImport } from './FireImport.tsx';
import { FireStats } from './FireStats.tsx';
import { useT, type MessageKey } from './i18n.ts';
import { Tabs } from './Tabs.tsx';
import { PatrolList } from './PatrolList.tsx';

type Tab = 'import' | 'patrol' | 'stats';
const TABS: [Tab, MessageKey][] = [['import', 'fireImportTab'], ['patrol', 'patrolTab'], ['stats', 'statsTab']];

/** The straw-burning workspace (clause 二十一): import and filters, patrol list, statistics. */
export function FireDrawer() {
  const t = useT();
  const [tab, setTab] = useState<Tab>('import');
  return (
    <div className="drawer fire-drawer" data-testid="fire-drawer">
      <Tabs tabs={TABS} selected={tab} onSelect={setTab} />
      <div role="tabpanel">
        {tab === 'import' && (
          <>
            <FireImport />
            <FireFilters />
          </>
        )}
        {tab === 'patrol' && <PatrolList />}
        {tab === 'stats' && <FireStats />}
      </div>
    </div>
  );
}
