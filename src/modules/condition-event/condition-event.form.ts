import type { Field } from '../../edit/form.js';
import { VISIBILITIES } from '../shared/common.schema.js';
import { CONDITION_KINDS } from './condition-event.schema.js';

export const conditionEventFormFields: readonly Field[] = [
  { kind: 'scalar', name: 'personId', type: 'id', required: true, createOnly: true },
  { kind: 'scalar', name: 'episodeId', type: 'id' },
  {
    kind: 'scalar',
    name: 'kind',
    type: 'select',
    options: CONDITION_KINDS,
    required: true,
    initial: 'shizo',
  },
  { kind: 'scalar', name: 'startedOn', type: 'partialDate' },
  { kind: 'scalar', name: 'endedOn', type: 'partialDate' },
  { kind: 'scalar', name: 'description', type: 'textarea' },
  { kind: 'scalar', name: 'visibility', type: 'select', options: VISIBILITIES, initial: 'public' },
];
