import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { Database, Db } from '../../db/database.js';
import type { ScopeLinks } from './scope.repository.js';

/**
 * Generic single-table SQL for the simple resources (those without child rows). It is typed
 * loosely inside and strictly at the edges: each module wraps it in its own repository file, so
 * SQL still lives only in repositories and a module's table is named in one place.
 */
export type TableName = keyof Database;
type Row = Record<string, unknown>;
type LooseDb = Kysely<Record<string, Row>>;

const loose = (db: Db): LooseDb => db as unknown as LooseDb;

export interface TableSpec {
  table: TableName;
  /** Columns stored as integer 0/1 (null = unknown) and exposed as booleans. */
  booleanColumns: readonly string[];
  /** Default order of find(). */
  orderBy: readonly (readonly [string, 'asc' | 'desc'])[];
  /** How rows are tied to what a viewer may read (see scope.repository.ts). */
  links: ScopeLinks;
}

/** An extra WHERE condition on a generic table (the viewer's read scope). */
export type RowCondition =
  ((eb: ExpressionBuilder<Record<string, Row>, string>) => Expression<SqlBool>) | null;

export type Filter = { column: string; op: '=' | '<=' | '>=' | 'like'; value: unknown };

function toStored(spec: TableSpec, values: Row): Row {
  const stored: Row = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    stored[key] = spec.booleanColumns.includes(key) && typeof value === 'boolean' ? (value ? 1 : 0) : value;
  }
  return stored;
}

export function fromStored<T>(spec: TableSpec, row: Row): T {
  const result: Row = { ...row };
  for (const column of spec.booleanColumns) {
    const value = result[column];
    if (value !== null && value !== undefined) result[column] = Number(value) === 1;
  }
  return result as T;
}

export async function selectById<T>(
  db: Db,
  spec: TableSpec,
  id: string,
  condition: RowCondition = null,
): Promise<T | undefined> {
  let query = loose(db).selectFrom(spec.table).selectAll().where('id', '=', id);
  if (condition) query = query.where(condition);
  const row = await query.executeTakeFirst();
  return row ? fromStored<T>(spec, row) : undefined;
}

export async function existsById(db: Db, table: TableName, id: string): Promise<boolean> {
  const row = await loose(db).selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

export async function selectPage<T>(
  db: Db,
  spec: TableSpec,
  filters: readonly Filter[],
  page: { limit: number; offset: number },
  condition: RowCondition = null,
): Promise<{ rows: T[]; total: number }> {
  let query = loose(db).selectFrom(spec.table);
  if (condition) query = query.where(condition);
  for (const filter of filters) query = query.where(filter.column, filter.op, filter.value);
  const counted = await query
    .select((eb) => eb.fn.countAll<string | number>().as('total'))
    .executeTakeFirst();
  let ordered = query.selectAll();
  for (const [column, direction] of spec.orderBy) ordered = ordered.orderBy(column, direction);
  const rows = await ordered.orderBy('id').limit(page.limit).offset(page.offset).execute();
  return { rows: rows.map((row) => fromStored<T>(spec, row)), total: Number(counted?.total ?? 0) };
}

/** Bound parameters per IN list: far below SQLite's and PostgreSQL's limits, few round trips. */
const IN_CHUNK = 500;

/**
 * The rows whose `column` is one of `values`, in find()'s order (spec.orderBy, then id) within each
 * chunk of values: for reading the records of many owners at once (the static mirror).
 */
export async function selectWhereIn<T>(
  db: Db,
  spec: TableSpec,
  column: string,
  values: readonly string[],
  condition: RowCondition = null,
): Promise<T[]> {
  const found: T[] = [];
  const unique = [...new Set(values)];
  for (let start = 0; start < unique.length; start += IN_CHUNK) {
    let query = loose(db)
      .selectFrom(spec.table)
      .selectAll()
      .where(column, 'in', unique.slice(start, start + IN_CHUNK));
    if (condition) query = query.where(condition);
    for (const [orderColumn, direction] of spec.orderBy) query = query.orderBy(orderColumn, direction);
    const rows = await query.orderBy('id').execute();
    found.push(...rows.map((row) => fromStored<T>(spec, row)));
  }
  return found;
}

export async function insertRow(db: Db, spec: TableSpec, values: Row): Promise<void> {
  await loose(db).insertInto(spec.table).values(toStored(spec, values)).execute();
}

/** Updates one row if its version still matches; returns false when the row changed meanwhile. */
export async function updateRow(
  db: Db,
  spec: TableSpec,
  id: string,
  expectedVersion: number,
  values: Row,
): Promise<boolean> {
  const result = await loose(db)
    .updateTable(spec.table)
    .set({ ...toStored(spec, values), version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteById(db: Db, table: TableName, id: string): Promise<boolean> {
  const result = await loose(db).deleteFrom(table).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function countRows(db: Db, table: TableName): Promise<number> {
  const row = await loose(db)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string | number>().as('total'))
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

/** Equality filters for the listed keys that are present in a validated filter object. */
export function equalityFilters<T extends object>(filter: T, keys: readonly (keyof T & string)[]): Filter[] {
  return keys
    .filter((key) => filter[key] !== undefined)
    .map((key) => ({ column: key, op: '=' as const, value: filter[key] }));
}

/** Moves rows from one owner to another (used by merges): `UPDATE table SET column = to WHERE column = from`. */
export async function reassignRows(
  db: Db,
  table: TableName,
  column: string,
  fromId: string,
  toId: string,
  extraWhere: Record<string, string> = {},
): Promise<number> {
  let query = loose(db)
    .updateTable(table)
    .set({ [column]: toId })
    .where(column, '=', fromId);
  for (const [key, value] of Object.entries(extraWhere)) query = query.where(key, '=', value);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
