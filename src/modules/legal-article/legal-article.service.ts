import type { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import { equalityFilters } from '../shared/table.repository.js';
import { type ServiceDeps, type SimpleResource, createSimpleService } from '../shared/simple.service.js';
import type {
  LegalArticleRecord,
  createLegalArticleSchema,
  legalArticleFilterSchema,
  updateLegalArticleSchema,
} from './legal-article.schema.js';
import { findArticleByNumber, legalArticleTable } from './legal-article.repository.js';

type Create = z.output<typeof createLegalArticleSchema>;
type Update = z.output<typeof updateLegalArticleSchema>;
type Filter = z.output<typeof legalArticleFilterSchema>;

const legalArticles: SimpleResource<LegalArticleRecord, Create, Filter> = {
  entity: 'legal article',
  kind: 'legal_article',
  spec: legalArticleTable,
  toFilters: (filter) => equalityFilters(filter, ['code', 'number']),
  async check(record, db) {
    const existing = await findArticleByNumber(db, String(record.code), String(record.number));
    if (existing && existing.id !== record.id) {
      throw new AppError(
        'conflict',
        `legal article ${String(record.code)} ${String(record.number)} already exists (${existing.id})`,
        [{ path: 'number', message: 'already exists' }],
      );
    }
  },
};

export function createLegalArticleService(deps: ServiceDeps) {
  const service = createSimpleService<LegalArticleRecord, Create, Update, Filter>(legalArticles, deps);
  return {
    ...service,
    /** Looks an article up by its human reference, e.g. "BY-CC 342". */
    async findByReference(code: string, number: string): Promise<LegalArticleRecord | undefined> {
      const found = await findArticleByNumber(deps.db, code, number);
      return found ? service.get(found.id) : undefined;
    },
  };
}
export type LegalArticleService = ReturnType<typeof createLegalArticleService>;
