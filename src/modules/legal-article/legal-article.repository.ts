import type { Db } from '../../db/database.js';
import type { TableSpec } from '../shared/table.repository.js';

export const legalArticleTable: TableSpec = {
  table: 'legalArticles',
  booleanColumns: [],
  links: { visibility: false },
  orderBy: [
    ['code', 'asc'],
    ['number', 'asc'],
  ],
};

export async function findArticleByNumber(
  db: Db,
  code: string,
  number: string,
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('legalArticles')
    .select('id')
    .where('code', '=', code)
    .where('number', '=', number)
    .executeTakeFirst();
}
