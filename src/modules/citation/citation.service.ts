import type { z } from 'zod';
import { ruleViolated } from '../../lib/errors.js';
import { type ServiceDeps, type SimpleResource, createSimpleService } from '../shared/simple.service.js';
import { type TableSpec, equalityFilters, existsById } from '../shared/table.repository.js';
import {
  CITABLE_TABLES,
  CITABLE_TYPES,
  type CitableType,
  type CitationRecord,
  type citationFilterSchema,
  type createCitationSchema,
  type updateCitationSchema,
} from './citation.schema.js';

type Create = z.output<typeof createCitationSchema>;
type Update = z.output<typeof updateCitationSchema>;
type Filter = z.output<typeof citationFilterSchema>;

const citationTable: TableSpec = {
  table: 'citations',
  booleanColumns: [],
  orderBy: [['createdAt', 'asc']],
  // A citation is shown only with its source and the record it supports.
  links: {
    visibility: false,
    sourceColumn: 'sourceId',
    subject: { typeColumn: 'subjectType', idColumn: 'subjectId', types: CITABLE_TYPES },
  },
};

const citations: SimpleResource<CitationRecord, Create, Filter> = {
  entity: 'citation',
  kind: 'citation',
  spec: citationTable,
  references: [{ field: 'sourceId', table: 'sources', entity: 'source' }],
  toFilters: (filter) => equalityFilters(filter, ['sourceId', 'subjectType', 'subjectId']),
  async check(record, db) {
    const subjectType = record.subjectType as CitableType;
    const subjectId = String(record.subjectId);
    if (!(await existsById(db, CITABLE_TABLES[subjectType], subjectId))) {
      throw ruleViolated('subjectId', `${subjectType.replace('_', ' ')} ${subjectId} does not exist`);
    }
  },
};

export function createCitationService(deps: ServiceDeps) {
  return createSimpleService<CitationRecord, Create, Update, Filter>(citations, deps);
}
export type CitationService = ReturnType<typeof createCitationService>;
