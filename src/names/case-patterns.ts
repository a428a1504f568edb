import type { NameLanguage } from './systems.js';

/**
 * Declension patterns of Russian and Belarusian names, as data read both ways by case-forms.ts:
 * forwards (nominative → case forms) and backwards (a form met in news text → nominatives).
 * A pattern replaces the nominative ending `nom` by the case endings, provided the rest of the
 * word (the stem) matches `stem`. The longest matching `nom` wins; among equals, the first listed.
 * Russian follows the standard grammar; the Belarusian prepositional of masculine names and the
 * -ец and -ка surnames follow usage seen in Belarusian media and are less certain (marked below).
 */

export const CASES = ['genitive', 'dative', 'accusative', 'instrumental', 'prepositional'] as const;
export type GrammaticalCase = (typeof CASES)[number];
export type Gender = 'm' | 'f';
export type NameKind = 'first' | 'surname';

/** Case endings in CASES order; several endings where usage varies (Ильей/Ильёй). */
export type Endings = readonly [
  string | readonly string[],
  string | readonly string[],
  string | readonly string[],
  string | readonly string[],
  string | readonly string[],
];

export interface CasePattern {
  readonly language: NameLanguage;
  readonly genders: readonly Gender[];
  readonly kinds: readonly NameKind[];
  readonly nom: string;
  readonly stem: RegExp;
  readonly endings: Endings;
}

const ANY = /./;
const BOTH: readonly Gender[] = ['m', 'f'];
const M: readonly Gender[] = ['m'];
const F: readonly Gender[] = ['f'];
const FIRST: readonly NameKind[] = ['first'];
const SURNAME: readonly NameKind[] = ['surname'];
const ALL_KINDS: readonly NameKind[] = ['first', 'surname'];

const pattern = (
  language: NameLanguage,
  genders: readonly Gender[],
  kinds: readonly NameKind[],
  nom: string,
  stem: RegExp,
  endings: Endings,
): CasePattern => ({ language, genders, kinds, nom, stem, endings });

// Consonant classes decide endings: после г к х Russian writes и not ы; after ж ч ш щ ц an
// unstressed о becomes е; Belarusian hardened consonants (ж ш ч р ц) take ы.
const RU_CONSONANT = /[бвгджзклмнпрстфхцчшщ]$/;
const RU_HUSHING_OR_TS = /[жчшщц]$/;
const RU_VELAR = /[гкх]$/;
const RU_POSSESSIVE = /(?:ов|ев|ёв|ин|ын)$/;

const RU: CasePattern[] = [
  // Adjectival masculine surnames: Беляцкий, Тихановский, Навальный, Толстой.
  pattern('ru', M, SURNAME, 'ий', RU_VELAR, ['ого', 'ому', 'ого', 'им', 'ом']),
  pattern('ru', M, SURNAME, 'ий', ANY, ['его', 'ему', 'его', 'им', 'ем']),
  pattern('ru', M, SURNAME, 'ый', /[^гкхжчшщ]$/, ['ого', 'ому', 'ого', 'ым', 'ом']),
  pattern('ru', M, SURNAME, 'ой', RU_VELAR, ['ого', 'ому', 'ого', 'им', 'ом']),
  pattern('ru', M, SURNAME, 'ой', ANY, ['ого', 'ому', 'ого', 'ым', 'ом']),
  // Adjectival feminine: Тихановская, Навальная.
  pattern('ru', F, SURNAME, 'ая', ANY, ['ой', 'ой', 'ую', 'ой', 'ой']),
  // Possessive surnames: Колесников/Колесникова, Яшин/Яшина, Горинов.
  pattern('ru', M, SURNAME, '', RU_POSSESSIVE, ['а', 'у', 'а', 'ым', 'е']),
  pattern('ru', F, SURNAME, 'а', RU_POSSESSIVE, ['ой', 'ой', 'у', 'ой', 'ой']),
  // Fleeting vowel: Дедок → Дедка, Северинец → Северинца.
  pattern('ru', M, SURNAME, 'ок', RU_CONSONANT, ['ка', 'ку', 'ка', 'ком', 'ке']),
  pattern('ru', M, SURNAME, 'ец', ANY, ['ца', 'цу', 'ца', 'цом', 'це']),
  // Consonant-final masculine names decline, feminine ones do not (Лосик m; Дарья Лосик f).
  pattern('ru', M, ALL_KINDS, '', RU_HUSHING_OR_TS, ['а', 'у', 'а', 'ем', 'е']),
  pattern('ru', M, ALL_KINDS, '', RU_CONSONANT, ['а', 'у', 'а', 'ом', 'е']),
  pattern('ru', M, ALL_KINDS, 'ь', ANY, ['я', 'ю', 'я', 'ем', 'е']),
  pattern('ru', M, ALL_KINDS, 'й', /[аеоуэюя]$/, ['я', 'ю', 'я', 'ем', 'е']),
  pattern('ru', M, FIRST, 'ий', ANY, ['ия', 'ию', 'ия', 'ием', 'ии']),
  // Nouns in -а/-я, both genders and both kinds: Мария, Светлана, Илья, Никита, Сапега, Мурза.
  pattern('ru', BOTH, ALL_KINDS, 'а', RU_VELAR, ['и', 'е', 'у', 'ой', 'е']),
  pattern('ru', BOTH, ALL_KINDS, 'а', /[жчшщ]$/, ['и', 'е', 'у', ['ей', 'ой'], 'е']),
  pattern('ru', BOTH, ALL_KINDS, 'а', /ц$/, ['ы', 'е', 'у', ['ей', 'ой'], 'е']),
  pattern('ru', BOTH, ALL_KINDS, 'а', RU_CONSONANT, ['ы', 'е', 'у', 'ой', 'е']),
  pattern('ru', BOTH, ALL_KINDS, 'я', /и$/, ['и', 'и', 'ю', 'ей', 'и']),
  pattern('ru', BOTH, ALL_KINDS, 'я', ANY, ['и', 'е', 'ю', ['ей', 'ёй'], 'е']),
  // Anything else is indeclinable: -о, -е, -и, -у, -ых/-их (Бабарико, Скочиленко, Черных).
];

const BE_CONSONANT = /[бвгджзклмнпрстфхцчшщў]$/;
const BE_VELAR = /[гкх]$/;
const BE_HARDENED = /(?:[жшчрц]|дж)$/;
const BE_POSSESSIVE = /(?:ав|ов|ев|ёв|ін|ын)$/;

const BE: CasePattern[] = [
  // Adjectival masculine: Ціханоўскі, Бяляцкі, Навальны.
  pattern('be', M, SURNAME, 'і', BE_VELAR, ['ага', 'аму', 'ага', 'ім', 'ім']),
  pattern('be', M, SURNAME, 'ы', ANY, ['ага', 'аму', 'ага', 'ым', 'ым']),
  pattern('be', M, SURNAME, 'і', ANY, ['яга', 'яму', 'яга', 'ім', 'ім']),
  pattern('be', M, SURNAME, 'ой', ANY, ['ога', 'ому', 'ога', 'ым', 'ым']),
  // Adjectival feminine: Ціханоўская.
  pattern('be', F, SURNAME, 'ая', ANY, ['ай', 'ай', 'ую', 'ай', 'ай']),
  // Possessive: Паўлаў/Кастусёў (ў → в), Калеснікава, Зянковіч is below.
  pattern('be', M, SURNAME, 'ў', /[аоеёэ]$/, ['ва', 'ву', 'ва', 'вым', 'ве']),
  pattern('be', M, SURNAME, '', /(?:ін|ын)$/, ['а', 'у', 'а', 'ым', 'е']),
  pattern('be', F, SURNAME, 'а', BE_POSSESSIVE, ['ай', 'ай', 'у', 'ай', 'ай']),
  // Fleeting vowel: Дзядок → Дзядка; -ец (Севярынец) prepositional unconfirmed (-у or -ы).
  pattern('be', M, SURNAME, 'ок', BE_CONSONANT, ['ка', 'ку', 'ка', 'ком', 'ку']),
  pattern('be', M, SURNAME, 'ец', ANY, ['ца', 'цу', 'ца', 'цам', ['цу', 'цы']]),
  // Consonant-final masculine: Лабковіч, Лосік, Знак, Ігар. Personal names take -у in the
  // prepositional after velars and hardened consonants; -е elsewhere is usage, not verified.
  pattern('be', M, ALL_KINDS, '', BE_VELAR, ['а', 'у', 'а', 'ам', 'у']),
  pattern('be', M, ALL_KINDS, '', BE_HARDENED, ['а', 'у', 'а', 'ам', 'у']),
  pattern('be', M, ALL_KINDS, '', BE_CONSONANT, ['а', 'у', 'а', 'ам', ['е', 'у']]),
  pattern('be', M, ALL_KINDS, 'ь', ANY, ['я', 'ю', 'я', 'ем', 'ю']),
  pattern('be', M, ALL_KINDS, 'й', /[аеоуэюяы]$/, ['я', 'ю', 'я', 'ем', 'ю']),
  // Masculine nouns in -а (Мікола, Бабарыка, Лукашэнка): dative and prepositional -у.
  // The -ка surnames follow Belarusian media usage (Лукашэнкі, з Лукашэнкам): unconfirmed.
  pattern('be', M, ALL_KINDS, 'а', BE_VELAR, ['і', 'у', 'у', 'ам', 'у']),
  pattern('be', M, ALL_KINDS, 'а', BE_CONSONANT, ['ы', 'у', 'у', 'ам', 'у']),
  // Feminine nouns in -а/-я, with the г/к/х → з/ц/с alternation (Сапега → Сапезе).
  pattern('be', F, ALL_KINDS, 'га', ANY, ['гі', 'зе', 'гу', 'гай', 'зе']),
  pattern('be', F, ALL_KINDS, 'ка', ANY, ['кі', 'цы', 'ку', 'кай', 'цы']),
  pattern('be', F, ALL_KINDS, 'ха', ANY, ['хі', 'се', 'ху', 'хай', 'се']),
  pattern('be', F, ALL_KINDS, 'а', BE_HARDENED, ['ы', 'ы', 'у', 'ай', 'ы']),
  pattern('be', F, ALL_KINDS, 'а', BE_CONSONANT, ['ы', 'е', 'у', 'ай', 'е']),
  pattern('be', F, ALL_KINDS, 'я', /[іыь'’]$/, ['і', 'і', 'ю', 'яй', 'і']),
  pattern('be', F, ALL_KINDS, 'я', ANY, ['і', 'і', 'ю', ['яй', 'ёй'], 'і']),
];

export const CASE_PATTERNS: readonly CasePattern[] = [...RU, ...BE];

/**
 * Names whose stem changes in a way no pattern covers (a vowel that drops or turns into another).
 * Forms in CASES order.
 */
export const IRREGULAR_FIRST_NAMES: Readonly<
  Record<NameLanguage, Readonly<Record<string, readonly string[]>>>
> = {
  ru: {
    павел: ['павла', 'павлу', 'павла', 'павлом', 'павле'],
    лев: ['льва', 'льву', 'льва', 'львом', 'льве'],
    пётр: ['петра', 'петру', 'петра', 'петром', 'петре'],
    любовь: ['любови', 'любови', 'любовь', 'любовью', 'любови'],
  },
  be: {
    павел: ['паўла', 'паўлу', 'паўла', 'паўлам', 'паўлу'],
    пётр: ['пятра', 'пятру', 'пятра', 'пятром', 'пятру'],
    пятро: ['пятра', 'пятру', 'пятра', 'пятром', 'пятру'],
    леў: ['льва', 'льву', 'льва', 'львом', 'льву'],
    любоў: ['любові', 'любові', 'любоў', 'любоўю', 'любові'],
  },
};
