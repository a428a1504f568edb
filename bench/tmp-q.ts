import { sql } from 'kysely';
import { openDatabase } from '../src/db/dialect.js';
const { db, close } = openDatabase('sqlite:/tmp/bq/s1m.db');
for (let i = 0; i < 2; i++) {
  const c = process.cpuUsage();
  const t = performance.now();
  const rows = await db
    .selectFrom('episodes')
    .leftJoin('releases', 'releases.episodeId', 'episodes.id')
    .select([
      'episodes.personId as p',
      'episodes.detainedOnLo as a',
      'episodes.detainedOnHi as b',
      'releases.releasedOnLo as c',
      'releases.releasedOnHi as d',
    ])
    .execute();
  const u = process.cpuUsage(c);
  console.log(
    'kysely rows',
    rows.length,
    (performance.now() - t).toFixed(0),
    ((u.user + u.system) / 1000).toFixed(0),
  );
}
{
  const c = process.cpuUsage();
  const t = performance.now();
  const r = await sql<{
    a: number;
    b: number;
  }>`select count(distinct case when e.detained_on_hi <= '2023-06-30' and (r.released_on_lo is null or r.released_on_lo > '2023-06-30') then e.person_id end) as a, count(distinct e.person_id) as b from episodes e left join releases r on r.episode_id = e.id where e.detained_on_lo <= '2023-06-30' and (r.released_on_hi is null or r.released_on_hi > '2023-06-30')`.execute(
    db,
  );
  const u = process.cpuUsage(c);
  console.log(
    'stock one query',
    JSON.stringify(r.rows),
    (performance.now() - t).toFixed(0),
    ((u.user + u.system) / 1000).toFixed(0),
  );
}
await close();
