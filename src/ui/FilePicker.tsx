import { useT } from './i18n.ts';

/**
 * A file chooser whose button speaks the UI language (the browser's own file input speaks the browser's): a label with
 * the visually hidden input inside, so a click, Enter or Space on it opens the file dialog.
 */
export function FilePicker({ label, accept, onFile, testId, disabled = false }: { label?: string; accept: string; onFile: (file: File) => void; testId: string; disabled?: boolean }) {
  const t = useT();
  return (
    <label className={`file-picker${disabled ? ' disabled' : ''}`}>
      {label && <span className="file-picker-label">{label}</span>}
      <span className="button">{t('chooseFile')}</span>
      <input
        type="file"
        accept={accept}
        className="visually-hidden"
        disabled={disabled}
        data-testid={testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = '';
        }}
      />
    </label>
  );
}
