/** The two UI languages: Chinese first, English available. */
export type Language = 'zh' | 'en';

/** A text in both UI languages. */
export interface Localized {
  zh: string;
  en: string;
}
