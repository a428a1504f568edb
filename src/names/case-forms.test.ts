import { describe, expect, it } from 'vitest';
import {
  CASES,
  caseFormsOf,
  declineFirstName,
  declineName,
  declineSurname,
  declineWord,
  nominativeCandidates,
  type CaseForms,
  type Gender,
  type NameKind,
} from './case-forms.js';

/** [genitive, dative, accusative, instrumental, prepositional], first form of each. */
const firstForms = (forms: CaseForms): string[] => CASES.map((c) => forms[c][0] ?? '');

describe('Russian surnames', () => {
  it.each([
    ['Беляцкий', 'm', ['Беляцкого', 'Беляцкому', 'Беляцкого', 'Беляцким', 'Беляцком']],
    ['Тихановская', 'f', ['Тихановской', 'Тихановской', 'Тихановскую', 'Тихановской', 'Тихановской']],
    ['Навальный', 'm', ['Навального', 'Навальному', 'Навального', 'Навальным', 'Навальном']],
    ['Колесников', 'm', ['Колесникова', 'Колесникову', 'Колесникова', 'Колесниковым', 'Колесникове']],
    ['Колесникова', 'f', ['Колесниковой', 'Колесниковой', 'Колесникову', 'Колесниковой', 'Колесниковой']],
    ['Андреев', 'm', ['Андреева', 'Андрееву', 'Андреева', 'Андреевым', 'Андрееве']],
    ['Андреева', 'f', ['Андреевой', 'Андреевой', 'Андрееву', 'Андреевой', 'Андреевой']],
    ['Яшин', 'm', ['Яшина', 'Яшину', 'Яшина', 'Яшиным', 'Яшине']],
    ['Луцкина', 'f', ['Луцкиной', 'Луцкиной', 'Луцкину', 'Луцкиной', 'Луцкиной']],
    ['Лабкович', 'm', ['Лабковича', 'Лабковичу', 'Лабковича', 'Лабковичем', 'Лабковиче']],
    ['Лабкович', 'f', ['Лабкович', 'Лабкович', 'Лабкович', 'Лабкович', 'Лабкович']],
    ['Дедок', 'm', ['Дедка', 'Дедку', 'Дедка', 'Дедком', 'Дедке']],
    ['Северинец', 'm', ['Северинца', 'Северинцу', 'Северинца', 'Северинцом', 'Северинце']],
    ['Бабарико', 'm', ['Бабарико', 'Бабарико', 'Бабарико', 'Бабарико', 'Бабарико']],
    ['Скочиленко', 'f', ['Скочиленко', 'Скочиленко', 'Скочиленко', 'Скочиленко', 'Скочиленко']],
    ['Лосик', 'm', ['Лосика', 'Лосику', 'Лосика', 'Лосиком', 'Лосике']],
    ['Лосик', 'f', ['Лосик', 'Лосик', 'Лосик', 'Лосик', 'Лосик']],
    ['Карней', 'm', ['Карнея', 'Карнею', 'Карнея', 'Карнеем', 'Карнее']],
    ['Сапега', 'f', ['Сапеги', 'Сапеге', 'Сапегу', 'Сапегой', 'Сапеге']],
    ['Кара-Мурза', 'm', ['Кара-Мурзы', 'Кара-Мурзе', 'Кара-Мурзу', 'Кара-Мурзой', 'Кара-Мурзе']],
  ] as const)('%s (%s)', (nominative, gender, expected) => {
    expect(firstForms(declineSurname(nominative, { language: 'ru', gender }))).toEqual(expected);
  });
});

describe('Russian first names', () => {
  it.each([
    ['Мария', 'f', ['Марии', 'Марии', 'Марию', 'Марией', 'Марии']],
    ['Светлана', 'f', ['Светланы', 'Светлане', 'Светлану', 'Светланой', 'Светлане']],
    ['Ольга', 'f', ['Ольги', 'Ольге', 'Ольгу', 'Ольгой', 'Ольге']],
    ['Илья', 'm', ['Ильи', 'Илье', 'Илью', 'Ильей', 'Илье']],
    ['Никита', 'm', ['Никиты', 'Никите', 'Никиту', 'Никитой', 'Никите']],
    ['Виктор', 'm', ['Виктора', 'Виктору', 'Виктора', 'Виктором', 'Викторе']],
    ['Игорь', 'm', ['Игоря', 'Игорю', 'Игоря', 'Игорем', 'Игоре']],
    ['Сергей', 'm', ['Сергея', 'Сергею', 'Сергея', 'Сергеем', 'Сергее']],
    ['Юрий', 'm', ['Юрия', 'Юрию', 'Юрия', 'Юрием', 'Юрии']],
    ['Павел', 'm', ['Павла', 'Павлу', 'Павла', 'Павлом', 'Павле']],
    ['Валентин', 'm', ['Валентина', 'Валентину', 'Валентина', 'Валентином', 'Валентине']],
  ] as const)('%s', (nominative, gender, expected) => {
    expect(firstForms(declineFirstName(nominative, { language: 'ru', gender }))).toEqual(expected);
  });

  it('gives both spellings where usage varies', () => {
    expect(declineFirstName('Илья', { language: 'ru', gender: 'm' }).instrumental).toEqual([
      'Ильей',
      'Ильёй',
    ]);
  });
});

describe('Belarusian names', () => {
  it.each([
    ['Бяляцкі', 'm', 'surname', ['Бяляцкага', 'Бяляцкаму', 'Бяляцкага', 'Бяляцкім', 'Бяляцкім']],
    [
      'Ціханоўская',
      'f',
      'surname',
      ['Ціханоўскай', 'Ціханоўскай', 'Ціханоўскую', 'Ціханоўскай', 'Ціханоўскай'],
    ],
    [
      'Калеснікава',
      'f',
      'surname',
      ['Калеснікавай', 'Калеснікавай', 'Калеснікаву', 'Калеснікавай', 'Калеснікавай'],
    ],
    ['Кастусёў', 'm', 'surname', ['Кастусёва', 'Кастусёву', 'Кастусёва', 'Кастусёвым', 'Кастусёве']],
    ['Лабковіч', 'm', 'surname', ['Лабковіча', 'Лабковічу', 'Лабковіча', 'Лабковічам', 'Лабковічу']],
    ['Дзядок', 'm', 'surname', ['Дзядка', 'Дзядку', 'Дзядка', 'Дзядком', 'Дзядку']],
    ['Лосік', 'm', 'surname', ['Лосіка', 'Лосіку', 'Лосіка', 'Лосікам', 'Лосіку']],
    ['Сапега', 'f', 'surname', ['Сапегі', 'Сапезе', 'Сапегу', 'Сапегай', 'Сапезе']],
    ['Марыя', 'f', 'first', ['Марыі', 'Марыі', 'Марыю', 'Марыяй', 'Марыі']],
    ['Святлана', 'f', 'first', ['Святланы', 'Святлане', 'Святлану', 'Святланай', 'Святлане']],
    ['Алесь', 'm', 'first', ['Алеся', 'Алесю', 'Алеся', 'Алесем', 'Алесю']],
    ['Ігар', 'm', 'first', ['Ігара', 'Ігару', 'Ігара', 'Ігарам', 'Ігару']],
    ['Мікалай', 'm', 'first', ['Мікалая', 'Мікалаю', 'Мікалая', 'Мікалаем', 'Мікалаю']],
    ['Мікола', 'm', 'first', ['Міколы', 'Міколу', 'Міколу', 'Міколам', 'Міколу']],
  ] as const)('%s', (nominative, gender, kind, expected) => {
    expect(firstForms(declineWord(nominative, { language: 'be', gender, kind }))).toEqual(expected);
  });
});

describe('capitalisation and whole names', () => {
  it('keeps ALL CAPS and lower case', () => {
    expect(declineSurname('КОЛЕСНИКОВА', { language: 'ru', gender: 'f' }).genitive).toEqual(['КОЛЕСНИКОВОЙ']);
    expect(declineSurname('колесникова', { language: 'ru', gender: 'f' }).genitive).toEqual(['колесниковой']);
  });

  it('declines a full name, first name and surname by their own rules', () => {
    expect(declineName('Мария Колесникова', { language: 'ru', gender: 'f' }).genitive).toEqual([
      'Марии Колесниковой',
    ]);
    expect(declineName('Алесь Бяляцкі', { language: 'be', gender: 'm' }).instrumental).toEqual([
      'Алесем Бяляцкім',
    ]);
  });

  it('lists every form of a word when gender and kind are unknown', () => {
    const forms = caseFormsOf('Лосик', { language: 'ru' });
    expect(forms[0]).toBe('Лосик');
    expect(forms).toEqual(expect.arrayContaining(['Лосика', 'Лосику', 'Лосиком', 'Лосике']));
  });
});

describe('nominativeCandidates', () => {
  it.each([
    ['Беляцкого', 'Беляцкий'],
    ['Колесникову', 'Колесникова'],
    ['Колесникову', 'Колесников'],
    ['Бабарико', 'Бабарико'],
    ['Дедка', 'Дедок'],
    ['Бяляцкага', 'Бяляцкі'],
    ['Калеснікавай', 'Калеснікава'],
    ['Ціханоўскую', 'Ціханоўская'],
    ['Тихановской', 'Тихановская'],
    ['Навального', 'Навальный'],
    ['Марии', 'Мария'],
    ['Павла', 'Павел'],
    ['Кара-Мурзы', 'Кара-Мурза'],
    ['Лабковічам', 'Лабковіч'],
    ['Яшиным', 'Яшин'],
    ['Сапезе', 'Сапега'],
  ])('%s → %s', (form, nominative) => {
    expect(nominativeCandidates(form)).toContain(nominative);
  });

  it('lists the word itself first', () => {
    expect(nominativeCandidates('Лосик')[0]).toBe('Лосик');
  });

  it('respects a given language, gender and kind', () => {
    expect(nominativeCandidates('Колесникову', { gender: 'f' })).not.toContain('Колесников');
    expect(nominativeCandidates('Колесникову', { gender: 'm' })).toContain('Колесников');
  });

  it('round-trips every form the declension produces', () => {
    const samples: [string, 'be' | 'ru', Gender, NameKind][] = [
      ['Беляцкий', 'ru', 'm', 'surname'],
      ['Колесникова', 'ru', 'f', 'surname'],
      ['Дедок', 'ru', 'm', 'surname'],
      ['Мария', 'ru', 'f', 'first'],
      ['Сергей', 'ru', 'm', 'first'],
      ['Ціханоўскі', 'be', 'm', 'surname'],
      ['Калеснікава', 'be', 'f', 'surname'],
      ['Марыя', 'be', 'f', 'first'],
      ['Павел', 'be', 'm', 'first'],
    ];
    for (const [nominative, language, gender, kind] of samples) {
      const forms = declineWord(nominative, { language, gender, kind });
      for (const grammaticalCase of CASES) {
        for (const form of forms[grammaticalCase]) {
          expect(
            nominativeCandidates(form, { language }),
            `${form} (${grammaticalCase} of ${nominative})`,
          ).toContain(nominative);
        }
      }
    }
  });
});
