import type { z } from 'zod';
import { ruleViolated } from '../../lib/errors.js';
import { assertNotBefore } from '../shared/date-order.js';
import { type ServiceDeps, type SimpleResource, createSimpleService } from '../shared/simple.service.js';
import { type TableSpec, equalityFilters } from '../shared/table.repository.js';
import type {
  RecognitionRecord,
  createRecognitionSchema,
  recognitionFilterSchema,
  updateRecognitionSchema,
} from './recognition.schema.js';

type Create = z.output<typeof createRecognitionSchema>;
type Update = z.output<typeof updateRecognitionSchema>;
type Filter = z.output<typeof recognitionFilterSchema>;

const recognitionTable: TableSpec = {
  table: 'recognitions',
  booleanColumns: ['afterRelease'],
  orderBy: [['recognisedOn', 'asc']],
  links: { visibility: true, personColumn: 'personId' },
};

const recognitions: SimpleResource<RecognitionRecord, Create, Filter> = {
  entity: 'recognition',
  kind: 'recognition',
  spec: recognitionTable,
  references: [{ field: 'personId', table: 'persons', entity: 'person' }],
  toFilters: (filter) => equalityFilters(filter, ['personId', 'organisation']),
  check(record) {
    assertNotBefore(record, 'recognisedOn', 'endedOn');
    if (record.endReason && !record.endedOn)
      throw ruleViolated('endReason', 'needs endedOn: say when the recognition ended');
  },
};

export function createRecognitionService(deps: ServiceDeps) {
  return createSimpleService<RecognitionRecord, Create, Update, Filter>(recognitions, deps);
}
export type RecognitionService = ReturnType<typeof createRecognitionService>;
