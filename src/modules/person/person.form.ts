import type { Field } from '../../edit/form.js';
import { ROMANIZATION_SYSTEMS } from '../../names/systems.js';
import { VISIBILITIES } from '../shared/common.schema.js';
import { GENDERS, SCRIPTS, TIE_KINDS } from './person.schema.js';

/** The person form of the editors' interface: names in several scripts, occupations, ties. */
export const personFormFields: readonly Field[] = [
  {
    kind: 'list',
    name: 'names',
    key: 'text',
    blankRows: 1,
    initialRows: [
      { script: 'Latn', language: 'en', isPrimary: 'on' },
      { script: 'Cyrl', language: 'be' },
      { script: 'Cyrl', language: 'ru' },
    ],
    fields: [
      { kind: 'scalar', name: 'text', type: 'text', required: true },
      { kind: 'scalar', name: 'script', type: 'select', options: SCRIPTS, required: true, initial: 'Latn' },
      { kind: 'scalar', name: 'language', type: 'text', required: true, initial: 'en' },
      { kind: 'scalar', name: 'system', type: 'select', options: ROMANIZATION_SYSTEMS },
      { kind: 'scalar', name: 'isPrimary', type: 'checkbox' },
    ],
  },
  { kind: 'scalar', name: 'birthDate', type: 'partialDate' },
  { kind: 'scalar', name: 'gender', type: 'select', options: GENDERS },
  { kind: 'scalar', name: 'region', type: 'text' },
  { kind: 'scalar', name: 'occupations', type: 'lines' },
  {
    kind: 'list',
    name: 'ties',
    key: 'country',
    blankRows: 1,
    fields: [
      {
        kind: 'scalar',
        name: 'kind',
        type: 'select',
        options: TIE_KINDS,
        required: true,
        initial: 'citizenship',
      },
      { kind: 'scalar', name: 'country', type: 'text', required: true },
      { kind: 'scalar', name: 'note', type: 'text' },
    ],
  },
  { kind: 'scalar', name: 'biography', type: 'textarea' },
  { kind: 'scalar', name: 'internalNotes', type: 'textarea' },
  { kind: 'scalar', name: 'contacts', type: 'textarea' },
  { kind: 'scalar', name: 'visibility', type: 'select', options: VISIBILITIES, initial: 'public' },
  { kind: 'scalar', name: 'anonymous', type: 'checkbox' },
];
