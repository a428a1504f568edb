import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { type ServiceDeps, type SimpleResource, createSimpleService } from '../shared/simple.service.js';
import { type TableSpec, equalityFilters } from '../shared/table.repository.js';
import type {
  SourceRecord,
  createSourceSchema,
  sourceFilterSchema,
  updateSourceSchema,
} from './source.schema.js';

type Create = z.output<typeof createSourceSchema>;
type Update = z.output<typeof updateSourceSchema>;
type Filter = z.output<typeof sourceFilterSchema>;

const sourceTable: TableSpec = {
  table: 'sources',
  booleanColumns: [],
  orderBy: [['publishedOn', 'desc']],
  links: { visibility: true },
};

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const sources: SimpleResource<SourceRecord, Create, Filter> = {
  entity: 'source',
  kind: 'source',
  spec: sourceTable,
  toFilters: (filter) => equalityFilters(filter, ['publisher', 'kind', 'url']),
  // The checksum always follows the stored copy, so a stored text can be proven unchanged.
  prepare: (input) =>
    input.text === undefined
      ? input
      : { ...input, sha256: typeof input.text === 'string' ? sha256Hex(input.text) : null },
};

export function createSourceService(deps: ServiceDeps) {
  return createSimpleService<SourceRecord, Create, Update, Filter>(sources, deps);
}
export type SourceService = ReturnType<typeof createSourceService>;
