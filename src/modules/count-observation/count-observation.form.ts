import type { Field } from '../../edit/form.js';
import { VISIBILITIES } from '../shared/common.schema.js';
import { COUNT_METRICS, COUNT_QUALIFIERS } from './count-observation.schema.js';

export const countObservationFormFields: readonly Field[] = [
  { kind: 'scalar', name: 'organisation', type: 'text', required: true, initial: 'Viasna' },
  { kind: 'scalar', name: 'metric', type: 'select', options: COUNT_METRICS, required: true, initial: 'held' },
  { kind: 'scalar', name: 'observedOn', type: 'partialDate', required: true },
  { kind: 'scalar', name: 'count', type: 'number', required: true },
  { kind: 'scalar', name: 'qualifier', type: 'select', options: COUNT_QUALIFIERS, initial: 'exact' },
  { kind: 'scalar', name: 'note', type: 'textarea' },
  { kind: 'scalar', name: 'sourceId', type: 'reference', reference: 'source' },
  { kind: 'scalar', name: 'visibility', type: 'select', options: VISIBILITIES, initial: 'public' },
];
