import type { Page } from './common.schema.js';

/**
 * The vocabulary every module's service speaks (get one or a not-found error, find with filters,
 * create, update, delete), so one route factory serves them all.
 */
/**
 * Options of a create. `id` keeps a record's id from elsewhere (an import of an unfree export), so
 * that references between imported records and a re-export stay the same; left out, a new id is made.
 */
export interface CreateOptions {
  id?: string;
}

export interface ResourceService<TRecord, TCreate, TUpdate, TFilter> {
  get(id: string): Promise<TRecord>;
  find(filter: TFilter): Promise<Page<TRecord>>;
  create(input: TCreate, options?: CreateOptions): Promise<TRecord>;
  update(id: string, patch: TUpdate): Promise<TRecord>;
  delete(id: string): Promise<void>;
}
