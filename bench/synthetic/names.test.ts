import { describe, expect, it } from 'vitest';
import { romanize } from '../../src/names/romanize.js';
import { hasCyrillic } from '../../src/names/script.js';
import { SUFFIXES, SYNTHETIC_BIOGRAPHY, firstLast, generatePersons, mulberry32, surnameOf } from './names.js';
import { QUERY_FAMILIES, generateQueries } from './queries.js';

const persons = generatePersons(400, 42);

describe('synthetic persons', () => {
  it('are deterministic: same count and seed, same persons; another seed, others', () => {
    expect(generatePersons(400, 42)).toEqual(persons);
    const other = generatePersons(400, 43);
    expect(other.map((p) => p.names[0]?.text)).not.toEqual(persons.map((p) => p.names[0]?.text));
    expect([mulberry32(1)(), mulberry32(1)()]).toEqual([mulberry32(1)(), mulberry32(1)()]);
  });

  it('have unique UUID-shaped ids', () => {
    const ids = persons.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('have a Belarusian and a Russian Cyrillic form, the Belarusian one primary', () => {
    for (const person of persons) {
      const be = person.names.find((n) => n.script === 'Cyrl' && n.language === 'be');
      const ru = person.names.find((n) => n.script === 'Cyrl' && n.language === 'ru');
      expect(be?.isPrimary).toBe(true);
      expect(ru).toBeDefined();
      expect(hasCyrillic(be?.text ?? '')).toBe(true);
      expect(be?.text).toContain(person.parts.be.surname);
      expect(ru?.text).toContain(person.parts.ru.surname);
    }
    // The two forms differ the way Belarusian and Russian do (і/и, akanne…), not just by copy.
    const differing = persons.filter((p) => p.parts.be.surname !== p.parts.ru.surname).length;
    expect(differing / persons.length).toBeGreaterThan(0.5);
  });

  it('have one or two Latin spellings made by the romanizer', () => {
    for (const person of persons) {
      const latin = person.names.filter((n) => n.script === 'Latn');
      expect(latin.length).toBeGreaterThanOrEqual(1);
      expect(latin.length).toBeLessThanOrEqual(2);
      expect(latin[0]).toMatchObject({
        system: 'press-passport',
        text: romanize(firstLast(person.parts.be), 'be', 'press-passport'),
      });
      for (const name of latin) {
        const source = name.system === 'wikipedia' ? person.parts.ru : person.parts.be;
        const language = name.system === 'wikipedia' ? 'ru' : 'be';
        expect(name.text).toBe(romanize(firstLast(source), language, name.system ?? 'press-passport'));
        expect(hasCyrillic(name.text)).toBe(false);
      }
    }
    expect(persons.some((p) => p.names.length === 4)).toBe(true);
  });

  it('agree in gender: -скі/-ская, -аў/-ава, -ов/-ова, -ич for both, patronymics -віч/-ўна', () => {
    const entry = (id: string) => {
      const suffix = SUFFIXES.find((s) => s.id === id);
      if (!suffix) throw new Error(`no suffix ${id}`);
      return { root: { pieces: [{ be: 'Кавал', ru: 'Ковал' }] }, suffix };
    };
    expect(surnameOf(entry('ski'), 'be', 'male')).toBe('Кавалскі');
    expect(surnameOf(entry('ski'), 'be', 'female')).toBe('Кавалская');
    expect(surnameOf(entry('ski'), 'ru', 'male')).toBe('Ковалский');
    expect(surnameOf(entry('ov'), 'be', 'female')).toBe('Кавалава');
    expect(surnameOf(entry('ov'), 'ru', 'male')).toBe('Ковалов');
    expect(surnameOf(entry('ov'), 'ru', 'female')).toBe('Ковалова');
    expect(surnameOf(entry('evich'), 'be', 'female')).toBe('Кавалевіч');
    expect(surnameOf(entry('evich'), 'ru', 'male')).toBe('Ковалевич');

    const women = persons.filter((p) => p.gender === 'female');
    const men = persons.filter((p) => p.gender === 'male');
    expect(women.length).toBeGreaterThan(50);
    for (const woman of women) {
      expect(woman.parts.be.surname).not.toMatch(/(скі|аў|еў|ін)$/);
      expect(woman.parts.ru.surname).not.toMatch(/(ский|ов|ев|ин)$/);
      if (woman.parts.be.patronymic) expect(woman.parts.be.patronymic).toMatch(/ўна$/);
      if (woman.parts.ru.patronymic) expect(woman.parts.ru.patronymic).toMatch(/вна$/);
    }
    for (const man of men) {
      expect(man.parts.be.surname).not.toMatch(/(ская|ава|ева|іна)$/);
      if (man.parts.be.patronymic) expect(man.parts.be.patronymic).toMatch(/віч$/);
      if (man.parts.ru.patronymic) expect(man.parts.ru.patronymic).toMatch(/вич$/);
    }
    expect(persons.some((p) => p.gender === 'female' && p.parts.be.surname.endsWith('ская'))).toBe(true);
    expect(persons.some((p) => p.gender === 'male' && p.parts.ru.surname.endsWith('ов'))).toBe(true);
  });

  it('share surnames, like a real registry', () => {
    const counts = new Map<string, number>();
    for (const p of persons) counts.set(p.parts.be.surname, (counts.get(p.parts.be.surname) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeGreaterThan(2);
  });

  it('are marked synthetic by the loader text', () => {
    expect(SYNTHETIC_BIOGRAPHY).toMatch(/^SYNTHETIC/);
  });
});

describe('benchmark queries', () => {
  it('are deterministic, cover every family and point at a generated person', () => {
    const queries = generateQueries(persons, 80, 7);
    expect(generateQueries(persons, 80, 7)).toEqual(queries);
    expect(new Set(queries.map((q) => q.family))).toEqual(new Set(QUERY_FAMILIES));
    const ids = new Set(persons.map((p) => p.id));
    for (const query of queries) {
      expect(ids.has(query.expectedId)).toBe(true);
      expect(query.query.trim().length).toBeGreaterThan(1);
    }
    expect(queries.filter((q) => q.family === 'cyrillic').every((q) => hasCyrillic(q.query))).toBe(true);
  });
});
