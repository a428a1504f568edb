import { describe, expect, it } from 'vitest';
import { NAME_FORMS_VERSION, decodeNameForms, encodeNameForms } from './forms.js';
import { type NameInput, nameKeyGroups, rankCandidates } from './matcher.js';

const names: NameInput[] = [
  { text: 'Марыя Калеснікава', script: 'Cyrl', language: 'be' },
  { text: 'Maria Kalesnikava', script: 'Latn', language: 'en', system: 'press-passport' },
  { text: 'Уладзімір Кара-Мурза', script: 'Cyrl', language: 'be', system: null },
];

describe('name forms (stored ranking data)', () => {
  it('round-trips the names and the key groups of every spelling', () => {
    const decoded = decodeNameForms(encodeNameForms(names));
    expect(decoded?.names).toEqual(names.map((name) => ({ ...name, system: name.system ?? null })));
    expect(decoded?.keyGroups).toEqual(names.map(nameKeyGroups));
    expect(decoded?.keyGroups.flat().length).toBeGreaterThan(names.length);
  });

  it('ranks from stored groups exactly as from the names', () => {
    const forms = decodeNameForms(encodeNameForms(names));
    expect(forms).not.toBeNull();
    for (const query of [
      'Kaliesnikava',
      'Колесникова Мария',
      'Kalesnikova',
      'Karamurza',
      'Kalesnikava Mariia',
    ]) {
      const fromNames = rankCandidates(query, [{ personId: 'p', names }]);
      const fromForms = rankCandidates(query, [{ personId: 'p', ...(forms ?? { names: [] }) }]);
      expect(fromForms, query).toEqual(fromNames);
    }
  });

  it('refuses data it cannot read or that older rules wrote, so it is recomputed', () => {
    expect(decodeNameForms('not json')).toBeNull();
    expect(decodeNameForms('null')).toBeNull();
    expect(decodeNameForms(JSON.stringify({ v: NAME_FORMS_VERSION + 1, n: [] }))).toBeNull();
    expect(
      decodeNameForms(JSON.stringify({ v: NAME_FORMS_VERSION, n: [['x', 'Grek', 'en', null, []]] })),
    ).toBeNull();
    expect(
      decodeNameForms(JSON.stringify({ v: NAME_FORMS_VERSION, n: [['x', 'Latn', 'en', null, ['~']]] })),
    ).toBeNull();
  });

  it('falls back to the names when a stored group is no longer produced by the rules', () => {
    const stale = {
      personId: 'p',
      names,
      keyGroups: names.map(() => [{ keys: ['kaliesnikava'], rare: false }]),
    };
    const [hit] = rankCandidates('Kaliesnikava', [stale]);
    expect(hit?.personId).toBe('p');
    expect(hit?.reason).toMatch(/Kaliesnikava/);
  });
});
