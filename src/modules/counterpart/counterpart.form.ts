import type { Field } from '../../edit/form.js';
import { COUNTERPART_KINDS } from './counterpart.schema.js';

export const counterpartFormFields: readonly Field[] = [
  { kind: 'scalar', name: 'name', type: 'text', required: true },
  {
    kind: 'scalar',
    name: 'kind',
    type: 'select',
    options: COUNTERPART_KINDS,
    required: true,
    initial: 'state',
  },
  { kind: 'scalar', name: 'country', type: 'text' },
];
