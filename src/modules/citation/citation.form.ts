import type { Field } from '../../edit/form.js';
import { CITABLE_TYPES } from './citation.schema.js';

export const citationFormFields: readonly Field[] = [
  {
    kind: 'scalar',
    name: 'sourceId',
    type: 'reference',
    reference: 'source',
    required: true,
    createOnly: true,
  },
  {
    kind: 'scalar',
    name: 'subjectType',
    type: 'select',
    options: CITABLE_TYPES,
    required: true,
    createOnly: true,
    initial: 'person',
  },
  { kind: 'scalar', name: 'subjectId', type: 'id', required: true, createOnly: true },
  { kind: 'scalar', name: 'field', type: 'text' },
  { kind: 'scalar', name: 'quote', type: 'textarea' },
  { kind: 'scalar', name: 'note', type: 'textarea' },
];
