import type { Locale } from './locale.js';
import { be } from './messages/be.js';
import { en, type Messages } from './messages/en.js';
import { ru } from './messages/ru.js';

export type { Messages };

const MESSAGES: Readonly<Record<Locale, Messages>> = { en, be, ru };

export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale];
}

/** Each language named in itself, for the language switch. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  be: 'Беларуская',
  ru: 'Русский',
};
