import type { Page } from './common.schema.js';

/**
 * The vocabulary every module's service speaks (get one or a not-found error, find with filters,
 * create, update, delete), so one route factory serves them all.
 */
export interface ResourceService<TRecord, TCreate, TUpdate, TFilter> {
  get(id: string): Promise<TRecord>;
  find(filter: TFilter): Promise<Page<TRecord>>;
  create(input: TCreate): Promise<TRecord>;
  update(id: string, patch: TUpdate): Promise<TRecord>;
  delete(id: string): Promise<void>;
}
