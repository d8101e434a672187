import { useEffect, useRef, type ReactNode } from 'react';
import { useAppStore } from '../state/store.ts';
import { useT } from './i18n.ts';

/** A modal native <dialog>: focus is trapped by the browser and Esc closes it. */
export function Dialog({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current!;
    dialog.showModal();
    const onClose = () => useAppStore.getState().openDialog('none');
    dialog.addEventListener('close', onClose);
    return () => {
      dialog.removeEventListener('close', onClose);
      if (dialog.open) dialog.close();
    };
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-label={title} data-testid={testId}>
      <header>
        <h2>{title}</h2>
        <button type="button" onClick={() => ref.current?.close()} aria-label={t('close')}>
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}
