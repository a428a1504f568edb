import type { Field } from '../../edit/form.js';
import { VISIBILITIES } from '../shared/common.schema.js';
import { SOURCE_KINDS } from './source.schema.js';

export const sourceFormFields: readonly Field[] = [
  { kind: 'scalar', name: 'title', type: 'text', required: true },
  { kind: 'scalar', name: 'url', type: 'text' },
  { kind: 'scalar', name: 'publisher', type: 'text' },
  { kind: 'scalar', name: 'publishedOn', type: 'partialDate' },
  { kind: 'scalar', name: 'retrievedOn', type: 'day' },
  { kind: 'scalar', name: 'kind', type: 'select', options: SOURCE_KINDS, initial: 'article' },
  { kind: 'scalar', name: 'text', type: 'textarea' },
  { kind: 'scalar', name: 'visibility', type: 'select', options: VISIBILITIES, initial: 'public' },
];
