import { usePunctuation, useT, type MessageKey } from './i18n.ts';

/** A table's sort: the column key and the direction. */
export interface TableSort<Key extends string> {
  key: Key;
  descending: boolean;
}

/** A column header that sorts by its key; a second click reverses the direction. */
export function SortHeader<Key extends string>({ column, label, sort, onSort }: { column: Key; label: MessageKey; sort: TableSort<Key>; onSort: (sort: TableSort<Key>) => void }) {
  const t = useT();
  const active = sort.key === column;
  return (
    <th aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="link" onClick={() => onSort({ key: column, descending: active ? !sort.descending : false })}>
        {t(label)}
        {active ? (sort.descending ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
}

/** Export the (filtered) rows as CSV or XLSX, with how many rows the table shows; `testId` prefixes the buttons' test ids. */
export function ExportBar({ onExport, count, shown, testId }: { onExport: (format: 'csv' | 'xlsx') => void; count: number; shown: number; testId: string }) {
  const t = useT();
  const p = usePunctuation();
  return (
    <div className="row">
      <button type="button" onClick={() => onExport('csv')} data-testid={`${testId}-export-csv`}>
        {t('exportCsv')}
      </button>
      <button type="button" onClick={() => onExport('xlsx')} data-testid={`${testId}-export-xlsx`}>
        {t('exportXlsx')}
      </button>
      <span className="note" data-testid={`${testId}-table-count`}>
        {count > shown ? t('showingFirstOf', { shown, total: count }) : count}
        {p.semicolon}
        {t('exportsAllRows')}
      </span>
    </div>
  );
}
