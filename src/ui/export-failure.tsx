import { useCallback, useState, type ReactNode } from 'react';
import { errorText, type Text } from '../core/text/text.ts';
import { usePunctuation, useRender, useT } from './i18n.ts';

/**
 * An export started from a button runs in the worker and may fail (the worker still reading a kept file, the disk
 * full): the failure is shown where the button is, until the next try, instead of vanishing as an unhandled rejection.
 *
 * @returns `watch` to hand each export's promise to, and the line to render (null while nothing failed).
 */
export function useExportFailure(): { watch: (work: Promise<unknown>) => void; failure: ReactNode } {
  const t = useT();
  const render = useRender();
  const p = usePunctuation();
  const [error, setError] = useState<Text | string | null>(null);
  const watch = useCallback((work: Promise<unknown>) => {
    setError(null);
    work.catch((failure: unknown) => setError(errorText(failure)));
  }, []);
  const failure =
    error === null ? null : (
      <p className="warning" role="alert" data-testid="export-error">
        {t('exportFailed')}
        {p.colon}
        {render(error)}
      </p>
    );
  return { watch, failure };
}
