import type { Field } from '../../edit/form.js';
import { VISIBILITIES } from '../shared/common.schema.js';
import { FACILITY_TYPES } from './facility.schema.js';

export const facilityFormFields: readonly Field[] = [
  { kind: 'scalar', name: 'name', type: 'text', required: true },
  {
    kind: 'scalar',
    name: 'type',
    type: 'select',
    options: FACILITY_TYPES,
    required: true,
    initial: 'colony',
  },
  { kind: 'scalar', name: 'city', type: 'text' },
  { kind: 'scalar', name: 'region', type: 'text' },
  { kind: 'scalar', name: 'postalAddress', type: 'textarea' },
  { kind: 'scalar', name: 'letterNotes', type: 'textarea' },
  { kind: 'scalar', name: 'visibility', type: 'select', options: VISIBILITIES, initial: 'public' },
];
