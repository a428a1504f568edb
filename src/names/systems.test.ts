import { describe, expect, it } from 'vitest';
import { canRomanize } from './romanize.js';
import {
  ROMANIZATION_SYSTEMS,
  ROMANIZATION_SYSTEM_LABELS,
  SYSTEMS_BY_LANGUAGE,
  isNameLanguage,
  isRomanizationSystem,
} from './systems.js';

describe('romanization systems', () => {
  it('keeps the stored ids exactly (the database holds them)', () => {
    expect(ROMANIZATION_SYSTEMS).toEqual([
      'press-passport',
      'national-2007',
      'national-2023',
      'bgn-pcgn',
      'iso-9',
      'ala-lc',
      'icao-9303',
      'lacinka',
      'wikipedia',
      'mvd-310',
      'german',
      'polish',
      'french',
      'other',
    ]);
  });

  it('has a short label for each', () => {
    for (const system of ROMANIZATION_SYSTEMS)
      expect(ROMANIZATION_SYSTEM_LABELS[system].length).toBeGreaterThan(3);
    expect(ROMANIZATION_SYSTEM_LABELS['national-2007']).toBe('national 2007 romanization');
  });

  it('generates only systems that have a table for the language', () => {
    for (const language of ['be', 'ru'] as const) {
      expect(SYSTEMS_BY_LANGUAGE[language]).not.toContain('other');
      for (const system of SYSTEMS_BY_LANGUAGE[language]) expect(canRomanize(language, system)).toBe(true);
    }
  });

  it('guards unknown values', () => {
    expect(isRomanizationSystem('lacinka')).toBe(true);
    expect(isRomanizationSystem('klingon')).toBe(false);
    expect(isNameLanguage('be')).toBe(true);
    expect(isNameLanguage('uk')).toBe(false);
  });
});
