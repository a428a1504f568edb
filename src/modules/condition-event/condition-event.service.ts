import type { z } from 'zod';
import { ruleViolated } from '../../lib/errors.js';
import { episodeOwner } from '../episode/episode.service.js';
import { assertNotBefore } from '../shared/date-order.js';
import { type ServiceDeps, type SimpleResource, createSimpleService } from '../shared/simple.service.js';
import { type TableSpec, equalityFilters } from '../shared/table.repository.js';
import type {
  ConditionEventRecord,
  conditionEventFilterSchema,
  createConditionEventSchema,
  updateConditionEventSchema,
} from './condition-event.schema.js';

type Create = z.output<typeof createConditionEventSchema>;
type Update = z.output<typeof updateConditionEventSchema>;
type Filter = z.output<typeof conditionEventFilterSchema>;

const conditionEventTable: TableSpec = {
  table: 'conditionEvents',
  booleanColumns: [],
  orderBy: [['startedOn', 'asc']],
  links: { visibility: true, personColumn: 'personId', episodeColumn: 'episodeId' },
};

const conditionEvents: SimpleResource<ConditionEventRecord, Create, Filter> = {
  entity: 'condition event',
  kind: 'condition_event',
  spec: conditionEventTable,
  references: [
    { field: 'personId', table: 'persons', entity: 'person' },
    { field: 'episodeId', table: 'episodes', entity: 'episode' },
  ],
  toFilters: (filter) => equalityFilters(filter, ['personId', 'episodeId', 'kind']),
  async check(record, db) {
    assertNotBefore(record, 'startedOn', 'endedOn');
    if (
      typeof record.episodeId === 'string' &&
      (await episodeOwner(db, record.episodeId)) !== record.personId
    ) {
      throw ruleViolated('episodeId', `episode ${record.episodeId} belongs to another person`);
    }
  },
};

export function createConditionEventService(deps: ServiceDeps) {
  return createSimpleService<ConditionEventRecord, Create, Update, Filter>(conditionEvents, deps);
}
export type ConditionEventService = ReturnType<typeof createConditionEventService>;
