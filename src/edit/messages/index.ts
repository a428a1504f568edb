import type { Locale } from '../../site/locale.js';
import { editBe } from './be.js';
import { editEn, type EditMessages } from './en.js';
import { editRu } from './ru.js';

export type { EditMessages };

const MESSAGES: Readonly<Record<Locale, EditMessages>> = { en: editEn, be: editBe, ru: editRu };

export function editMessagesFor(locale: Locale): EditMessages {
  return MESSAGES[locale];
}
