import type { Field } from '../../edit/form.js';
import { VISIBILITIES } from '../shared/common.schema.js';
import { CONCESSION_KINDS, COUNTERPART_ROLES } from './batch.schema.js';

/** A release batch with its counterparts and the concessions given for it. */
export const batchFormFields: readonly Field[] = [
  { kind: 'scalar', name: 'title', type: 'text', required: true },
  { kind: 'scalar', name: 'releasedOn', type: 'partialDate', required: true },
  { kind: 'scalar', name: 'announcedCount', type: 'number' },
  { kind: 'scalar', name: 'destinationNote', type: 'textarea' },
  { kind: 'scalar', name: 'forcedExile', type: 'tristate' },
  { kind: 'scalar', name: 'description', type: 'textarea' },
  {
    kind: 'list',
    name: 'counterparts',
    key: 'counterpartId',
    blankRows: 2,
    fields: [
      { kind: 'scalar', name: 'counterpartId', type: 'reference', reference: 'counterpart', required: true },
      {
        kind: 'scalar',
        name: 'role',
        type: 'select',
        options: COUNTERPART_ROLES,
        required: true,
        initial: 'counterpart',
      },
    ],
  },
  {
    kind: 'list',
    name: 'concessions',
    key: 'kind',
    blankRows: 1,
    fields: [
      { kind: 'scalar', name: 'kind', type: 'select', options: CONCESSION_KINDS },
      { kind: 'scalar', name: 'target', type: 'text' },
      { kind: 'scalar', name: 'givenById', type: 'reference', reference: 'counterpart' },
      { kind: 'scalar', name: 'description', type: 'text' },
      { kind: 'scalar', name: 'announcedOn', type: 'partialDate' },
    ],
  },
  { kind: 'scalar', name: 'visibility', type: 'select', options: VISIBILITIES, initial: 'public' },
];
