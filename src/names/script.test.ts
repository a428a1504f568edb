import { describe, expect, it } from 'vitest';
import { detectCyrillicLanguage, fixMixedScriptWords, hasCyrillic } from './script.js';

describe('script helpers', () => {
  it('tells Belarusian from Russian by the letters only one of them has', () => {
    expect(detectCyrillicLanguage('Калеснікава')).toBe('be');
    expect(detectCyrillicLanguage('Ціханоўская')).toBe('be');
    expect(detectCyrillicLanguage("Соф'я")).toBe('be');
    expect(detectCyrillicLanguage('Колесникова')).toBe('ru');
    expect(detectCyrillicLanguage('Щиракова')).toBe('ru');
    expect(detectCyrillicLanguage('Дзядок')).toBe('be');
    expect(detectCyrillicLanguage('Бабарыка')).toBe('ru'); // no telling letter: Russian by default
  });

  it('replaces Latin look-alikes only inside words that have Cyrillic letters', () => {
    expect(fixMixedScriptWords('Калеснiкава Maria')).toBe('Калеснікава Maria');
    expect(fixMixedScriptWords('CAЛEC')).toBe('САЛЕС');
    expect(hasCyrillic('Maria')).toBe(false);
  });
});
