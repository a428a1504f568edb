import type { z } from 'zod';
import { type ServiceDeps, type SimpleResource, createSimpleService } from '../shared/simple.service.js';
import { type TableSpec, equalityFilters } from '../shared/table.repository.js';
import type {
  CountObservationRecord,
  countObservationFilterSchema,
  createCountObservationSchema,
  updateCountObservationSchema,
} from './count-observation.schema.js';

type Create = z.output<typeof createCountObservationSchema>;
type Update = z.output<typeof updateCountObservationSchema>;
type Filter = z.output<typeof countObservationFilterSchema>;

const countObservationTable: TableSpec = {
  table: 'countObservations',
  booleanColumns: [],
  orderBy: [
    ['observedOn', 'asc'],
    ['organisation', 'asc'],
  ],
  links: { visibility: true, sourceColumn: 'sourceId' },
};

const countObservations: SimpleResource<CountObservationRecord, Create, Filter> = {
  entity: 'count observation',
  kind: 'count_observation',
  spec: countObservationTable,
  references: [{ field: 'sourceId', table: 'sources', entity: 'source' }],
  toFilters: (filter) => [
    ...equalityFilters(filter, ['organisation', 'metric']),
    // Partial dates sort as text in their range order (ADR 0002), so bounds compare directly.
    ...(filter.from !== undefined ? [{ column: 'observedOn', op: '>=' as const, value: filter.from }] : []),
    ...(filter.to !== undefined ? [{ column: 'observedOn', op: '<=' as const, value: filter.to }] : []),
  ],
};

export function createCountObservationService(deps: ServiceDeps) {
  return createSimpleService<CountObservationRecord, Create, Update, Filter>(countObservations, deps);
}
export type CountObservationService = ReturnType<typeof createCountObservationService>;
