import { describe, expect, it } from 'vitest';
import {
  FIRST_NAME_GROUPS,
  equivalentFirstNameKeys,
  firstNameGroupKeys,
  firstNameIndex,
  sameFirstName,
} from './first-names.js';
import { canonicalKey } from './canonical.js';

describe('first-name groups', () => {
  it('has at least 40 groups with unique ids', () => {
    expect(FIRST_NAME_GROUPS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(FIRST_NAME_GROUPS.map((g) => g.id)).size).toBe(FIRST_NAME_GROUPS.length);
  });

  it.each([
    ['Uladzimir', 'Vladimir', 'Władimir', 'Uładzimir', 'Владимир', 'Уладзімір'],
    ['Ales', 'Aliaksandr', 'Alexander', 'Aleksandr', 'Alyaksandr', 'Алесь', 'Александр'],
    ['Yauhen', 'Evgeny', 'Yevgeniy', 'Jauhien'],
    ['Siarhei', 'Sergei', 'Sergey', 'Syarhei', 'Siarhiej'],
    ['Ihar', 'Igor', 'Игорь'],
    ['Mikalai', 'Nikolai', 'Mikałaj', 'Mikola', 'Nikolay'],
    ['Maryia', 'Maria', 'Mariya', 'Maryja'],
    ['Sviatlana', 'Svetlana', 'Swiatłana'],
    ['Viktar', 'Viktor', 'Wiktar'],
    ['Andrei', 'Andrzej', 'Andrey', 'Анджей'],
    ['Aliaksei', 'Alexei', 'Aleksey'],
    ['Dzmitry', 'Dmitry', 'Zmitser', 'Zmicier'],
    ['Yury', 'Yuri', 'Iurii', 'Jury'],
    ['Paval', 'Pavel', 'Paweł'],
    ['Kanstantsin', 'Konstantin', 'Kastus'],
    ['Valiantsin', 'Valentin'],
    ['Katsiaryna', 'Ekaterina', 'Yekaterina'],
    ['Volha', 'Olga'],
    ['Iryna', 'Irina'],
    ['Hanna', 'Anna', 'Ганна'],
    ['Natallia', 'Natalia', 'Natalya'],
    ['Yulia', 'Yuliya', 'Julia'],
    ['Hienadz', 'Gennady', 'Henadz'],
    ['Ryhor', 'Grigory', 'Рыгор', 'Григорий'],
    ['Mikhail', 'Mikhas', 'Michał'],
    ['Maksim', 'Maxim'],
    ['Nasta', 'Anastasia', 'Nastya'],
  ])('%s and its other forms are one name', (...spellings) => {
    const [first, ...others] = spellings;
    const groups = firstNameGroupKeys(first ?? '');
    expect(groups.length, first).toBeGreaterThan(0);
    for (const other of others) {
      expect(
        firstNameGroupKeys(other).some((g) => groups.includes(g)),
        `${first} ~ ${other}`,
      ).toBe(true);
    }
  });

  it('keeps male and female forms and look-alike names apart', () => {
    expect(sameFirstName(canonicalKey('Aliaksandr'), canonicalKey('Aliaksandra'))).toBe(false);
    expect(sameFirstName(canonicalKey('Maria'), canonicalKey('Marina'))).toBe(false);
    expect(sameFirstName(canonicalKey('Yauhen'), canonicalKey('Yauheniya'))).toBe(false);
  });

  it('gives no group for surnames', () => {
    expect(firstNameGroupKeys('Kalesnikava')).toEqual([]);
    expect(firstNameGroupKeys('Tsikhanouskaya')).toEqual([]);
  });

  it('puts no spelling into two groups by accident', () => {
    /** Canonical keys deliberately shared by two groups (none so far). */
    const INTENDED_OVERLAPS: readonly string[] = [];
    const overlaps = [...firstNameIndex()].filter(
      ([key, groups]) => groups.length > 1 && !INTENDED_OVERLAPS.includes(key),
    );
    expect(overlaps).toEqual([]);
  });

  it('lists the equivalent keys to widen a lookup', () => {
    expect(equivalentFirstNameKeys(canonicalKey('Vladimir'))).toContain(canonicalKey('Uladzimir'));
    expect(equivalentFirstNameKeys(canonicalKey('Kalesnikava'))).toEqual([]);
  });
});
