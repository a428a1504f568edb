import type { Field } from '../../edit/form.js';
import { VISIBILITIES } from '../shared/common.schema.js';
import { RECOGNITION_END_REASONS } from './recognition.schema.js';

export const recognitionFormFields: readonly Field[] = [
  { kind: 'scalar', name: 'personId', type: 'id', required: true, createOnly: true },
  { kind: 'scalar', name: 'organisation', type: 'text', required: true, initial: 'Viasna' },
  { kind: 'scalar', name: 'recognisedOn', type: 'partialDate' },
  { kind: 'scalar', name: 'endedOn', type: 'partialDate' },
  { kind: 'scalar', name: 'endReason', type: 'select', options: RECOGNITION_END_REASONS },
  { kind: 'scalar', name: 'afterRelease', type: 'checkbox' },
  { kind: 'scalar', name: 'note', type: 'textarea' },
  { kind: 'scalar', name: 'visibility', type: 'select', options: VISIBILITIES, initial: 'public' },
];
