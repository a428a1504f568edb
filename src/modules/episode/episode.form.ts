import type { Field } from '../../edit/form.js';
import { VISIBILITIES } from '../shared/common.schema.js';
import { PRE_TRIAL_MEASURES, RELEASE_MODES, SENTENCE_REGIMES } from './episode.schema.js';

/** The episode form: charges and facility stays as rows, the release as an optional group. */
export const episodeFormFields: readonly Field[] = [
  { kind: 'scalar', name: 'personId', type: 'id', required: true, createOnly: true },
  { kind: 'scalar', name: 'detainedOn', type: 'partialDate', required: true },
  { kind: 'scalar', name: 'place', type: 'text' },
  { kind: 'scalar', name: 'preTrialMeasure', type: 'select', options: PRE_TRIAL_MEASURES },
  { kind: 'scalar', name: 'court', type: 'text' },
  { kind: 'scalar', name: 'verdictOn', type: 'partialDate' },
  { kind: 'scalar', name: 'sentenceMonths', type: 'number' },
  { kind: 'scalar', name: 'sentenceRegime', type: 'select', options: SENTENCE_REGIMES },
  { kind: 'scalar', name: 'sentenceNote', type: 'textarea' },
  {
    kind: 'list',
    name: 'charges',
    key: 'articleId',
    blankRows: 2,
    fields: [
      { kind: 'scalar', name: 'articleId', type: 'reference', reference: 'legalArticle', required: true },
      { kind: 'scalar', name: 'part', type: 'text' },
      { kind: 'scalar', name: 'note', type: 'text' },
    ],
  },
  {
    kind: 'list',
    name: 'facilityStays',
    key: 'facilityId',
    blankRows: 1,
    fields: [
      { kind: 'scalar', name: 'facilityId', type: 'reference', reference: 'facility', required: true },
      { kind: 'scalar', name: 'from', type: 'partialDate' },
      { kind: 'scalar', name: 'to', type: 'partialDate' },
      { kind: 'scalar', name: 'note', type: 'text' },
    ],
  },
  {
    kind: 'group',
    name: 'release',
    fields: [
      { kind: 'scalar', name: 'releasedOn', type: 'partialDate', required: true },
      { kind: 'scalar', name: 'mode', type: 'select', options: RELEASE_MODES, required: true },
      { kind: 'scalar', name: 'batchId', type: 'reference', reference: 'batch' },
      { kind: 'scalar', name: 'destinationCountry', type: 'text' },
      { kind: 'scalar', name: 'forcedExile', type: 'tristate' },
      { kind: 'scalar', name: 'citizenshipStripped', type: 'tristate' },
      { kind: 'scalar', name: 'note', type: 'text' },
    ],
  },
  { kind: 'scalar', name: 'visibility', type: 'select', options: VISIBILITIES, initial: 'public' },
];
