import { describe, expect, it } from 'vitest';
import { LOCALES } from '../site/locale.js';
import { optionLabel } from './form-view.js';
import { EDITABLE_KINDS } from './kinds.js';
import type { Field } from './form.js';
import { editMessagesFor } from './messages/index.js';

function optionsOf(fields: readonly Field[]): string[] {
  return fields.flatMap((field) => [
    ...('options' in field ? (field.options ?? []) : []),
    ...('fields' in field ? optionsOf(field.fields) : []),
  ]);
}

describe('values offered by the forms', () => {
  it('have a label of their own in every language (a new value cannot go untranslated)', () => {
    const values = new Set(EDITABLE_KINDS.flatMap((kind) => optionsOf(kind.fields)));
    expect(values.size).toBeGreaterThan(40);
    for (const locale of LOCALES) {
      const labels: Readonly<Record<string, string>> = editMessagesFor(locale).choices;
      const missing = [...values].filter((value) => labels[value] === undefined);
      expect(missing, locale).toEqual([]);
    }
  });

  it('are shown in the reader’s language', () => {
    expect(optionLabel(editMessagesFor('en'), 'house_arrest')).toBe('house arrest');
    expect(optionLabel(editMessagesFor('be'), 'house_arrest')).toBe('хатні арышт');
    expect(optionLabel(editMessagesFor('ru'), 'pretrial_centre')).toBe('СИЗО');
    expect(optionLabel(editMessagesFor('ru'), 'not_a_value')).toBe('not a value');
  });
});
