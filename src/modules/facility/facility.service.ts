import type { z } from 'zod';
import { type ServiceDeps, type SimpleResource, createSimpleService } from '../shared/simple.service.js';
import { type TableSpec, equalityFilters } from '../shared/table.repository.js';
import type {
  FacilityRecord,
  createFacilitySchema,
  facilityFilterSchema,
  updateFacilitySchema,
} from './facility.schema.js';

type Create = z.output<typeof createFacilitySchema>;
type Update = z.output<typeof updateFacilitySchema>;
type Filter = z.output<typeof facilityFilterSchema>;

const facilityTable: TableSpec = {
  table: 'facilities',
  booleanColumns: [],
  orderBy: [['name', 'asc']],
  links: { visibility: true },
};

const facilities: SimpleResource<FacilityRecord, Create, Filter> = {
  entity: 'facility',
  kind: 'facility',
  spec: facilityTable,
  toFilters: (filter) => equalityFilters(filter, ['type', 'region', 'city']),
};

export function createFacilityService(deps: ServiceDeps) {
  return createSimpleService<FacilityRecord, Create, Update, Filter>(facilities, deps);
}
export type FacilityService = ReturnType<typeof createFacilityService>;
