/**
 * The catalogue's texts of the file readers and writers (src/io): errors, rejection reasons, warnings and notes, in
 * Chinese and English. `{name}` marks a parameter. Merged into the one catalogue in messages.ts.
 */
export const IO_MESSAGES = {
  ioPlaceholder: { zh: '（占位）', en: '(placeholder)' },
} satisfies Record<string, { zh: string; en: string }>;
