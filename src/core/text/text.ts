import { MESSAGES, type MessageKey } from './messages.ts';

/** The two UI languages: Chinese first, English available. */
export type Language = 'zh' | 'en';

/** A text in both UI languages, written out (a place name with its pinyin, a verdict reason built from parts). */
export interface Localized {
  zh: string;
  en: string;
}

/** A parameter of a message: a number or string shown as is, or a nested text rendered in the same language. */
export type TextParam = string | number | Text | Localized;

/**
 * A message of the catalogue with its parameters: what every module below the UI hands up instead of a sentence, so
 * the UI shows it in the user's language and the command line in English.
 */
export interface Text {
  key: MessageKey;
  params?: Readonly<Record<string, TextParam>>;
}

/**
 * A message with parameters.
 *
 * @param key - A key of the catalogue ({@link MESSAGES}).
 * @param params - Values for its `{name}` placeholders.
 * @returns The text, rendered later with {@link render}.
 * @example
 * render(text('rowsRead', { n: 12 }), 'en');
 */
export function text(key: MessageKey, params?: Readonly<Record<string, TextParam>>): Text {
  return params ? { key, params } : { key };
}

const isText = (value: unknown): value is Text => typeof value === 'object' && value !== null && 'key' in value;
const isLocalized = (value: unknown): value is Localized => typeof value === 'object' && value !== null && 'zh' in value && 'en' in value;

/**
 * A text, a {@link Localized} pair or a plain string in a language. Placeholders without a parameter stay as written,
 * so a missing parameter shows instead of vanishing.
 *
 * @param value - What to render; a string is returned unchanged (a file name, a cell from a user's file).
 * @param language - 'zh' or 'en'.
 * @returns The sentence.
 * @example
 * render(text('close'), 'zh'); // '关闭'
 */
export function render(value: Text | Localized | string, language: Language): string {
  if (typeof value === 'string') return value;
  if (!isText(value)) return value[language];
  const template = MESSAGES[value.key]?.[language] ?? value.key;
  const params = value.params;
  if (!params) return template;
  // A linear scan (no regular expression): `{name}` is replaced when `name` is a parameter.
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open === -1) break;
    const close = template.indexOf('}', open + 1);
    if (close === -1) break;
    const name = template.slice(open + 1, close);
    const param = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
    out += template.slice(i, open) + (param === undefined ? template.slice(open, close + 1) : renderParam(param, language));
    i = close + 1;
  }
  return out + template.slice(i);
}

function renderParam(param: TextParam, language: Language): string {
  if (typeof param === 'number') return String(param);
  if (typeof param === 'string') return param;
  if (isText(param)) return render(param, language);
  if (isLocalized(param)) return param[language];
  return String(param);
}

/** An error whose message is a catalogue text: the UI shows it in the user's language, `message` is the English. */
export class TextError extends Error {
  readonly text: Text;
  constructor(value: Text) {
    super(render(value, 'en'));
    this.name = 'TextError';
    this.text = value;
  }
}

/**
 * What an error says, as something {@link render} takes: the catalogue text of a {@link TextError}, else the message.
 *
 * @param error - Anything thrown.
 * @returns A text or a string.
 */
export function errorText(error: unknown): Text | string {
  if (error instanceof TextError) return error.text;
  if (error instanceof Error && isText((error as Error & { text?: unknown }).text)) return (error as Error & { text: Text }).text;
  return error instanceof Error ? error.message : String(error);
}
