import type { z } from 'zod';
import { type ServiceDeps, type SimpleResource, createSimpleService } from '../shared/simple.service.js';
import { type TableSpec, equalityFilters } from '../shared/table.repository.js';
import type {
  CounterpartRecord,
  counterpartFilterSchema,
  createCounterpartSchema,
  updateCounterpartSchema,
} from './counterpart.schema.js';

type Create = z.output<typeof createCounterpartSchema>;
type Update = z.output<typeof updateCounterpartSchema>;
type Filter = z.output<typeof counterpartFilterSchema>;

const counterpartTable: TableSpec = {
  table: 'counterparts',
  booleanColumns: [],
  orderBy: [['name', 'asc']],
  links: { visibility: false },
};

const counterparts: SimpleResource<CounterpartRecord, Create, Filter> = {
  entity: 'counterpart',
  kind: 'counterpart',
  spec: counterpartTable,
  toFilters: (filter) => equalityFilters(filter, ['kind', 'country']),
};

export function createCounterpartService(deps: ServiceDeps) {
  return createSimpleService<CounterpartRecord, Create, Update, Filter>(counterparts, deps);
}
export type CounterpartService = ReturnType<typeof createCounterpartService>;
