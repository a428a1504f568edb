import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

/*
 * Frozen history: never edit a migration that has shipped; add a new one. Only dialect-neutral
 * column types are used (text, integer) so that the same file runs on SQLite and PostgreSQL
 * (docs/decisions/0002-storage-conventions.md).
 */

type Table = CreateTableBuilder<string, string>;

function withId(table: Table): Table {
  return table.addColumn('id', 'text', (col) => col.primaryKey());
}

function withRecordColumns(table: Table): Table {
  return table
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1));
}

function withVisibility(table: Table): Table {
  return table.addColumn('visibility', 'text', (col) =>
    col
      .notNull()
      .defaultTo('public')
      .check(sqlIn('visibility', ['public', 'internal', 'confidential'])),
  );
}

function sqlIn(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('persons')
    .$call(withId)
    .$call(withVisibility)
    .addColumn('anonymous', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('birth_date', 'text')
    .addColumn('gender', 'text')
    .addColumn('region', 'text')
    .addColumn('biography', 'text')
    .$call(withRecordColumns)
    .execute();

  await db.schema
    .createTable('person_names')
    .$call(withId)
    .addColumn('person_id', 'text', (col) => col.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('folded', 'text', (col) => col.notNull())
    .addColumn('script', 'text', (col) => col.notNull())
    .addColumn('language', 'text', (col) => col.notNull())
    .addColumn('system', 'text')
    .addColumn('is_primary', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('position', 'integer', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('person_names_person').on('person_names').column('person_id').execute();

  await db.schema
    .createTable('person_occupations')
    .addColumn('person_id', 'text', (col) => col.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('occupation', 'text', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('person_occupations_pk', ['person_id', 'occupation'])
    .execute();
  await db.schema
    .createIndex('person_occupations_occupation')
    .on('person_occupations')
    .column('occupation')
    .execute();

  await db.schema
    .createTable('person_ties')
    .$call(withId)
    .addColumn('person_id', 'text', (col) => col.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('country', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('position', 'integer', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('person_ties_person').on('person_ties').column('person_id').execute();
  await db.schema.createIndex('person_ties_country').on('person_ties').column('country').execute();

  await db.schema
    .createTable('recognitions')
    .$call(withId)
    .$call(withVisibility)
    .addColumn('person_id', 'text', (col) => col.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('organisation', 'text', (col) => col.notNull())
    .addColumn('recognised_on', 'text')
    .addColumn('ended_on', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('after_release', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .$call(withRecordColumns)
    .execute();
  await db.schema.createIndex('recognitions_person').on('recognitions').column('person_id').execute();

  await db.schema
    .createTable('legal_articles')
    .$call(withId)
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('number', 'text', (col) => col.notNull())
    .addColumn('title_en', 'text')
    .addColumn('title_be', 'text')
    .addColumn('title_ru', 'text')
    .$call(withRecordColumns)
    .addUniqueConstraint('legal_articles_code_number', ['code', 'number'])
    .execute();

  await db.schema
    .createTable('facilities')
    .$call(withId)
    .$call(withVisibility)
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('city', 'text')
    .addColumn('region', 'text')
    .addColumn('postal_address', 'text')
    .addColumn('letter_notes', 'text')
    .$call(withRecordColumns)
    .execute();

  await db.schema
    .createTable('counterparts')
    .$call(withId)
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('country', 'text')
    .$call(withRecordColumns)
    .execute();

  await db.schema
    .createTable('release_batches')
    .$call(withId)
    .$call(withVisibility)
    .addColumn('released_on', 'text', (col) => col.notNull())
    .addColumn('announced_count', 'integer')
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('destination_note', 'text')
    .addColumn('forced_exile', 'integer')
    .addColumn('description', 'text')
    .$call(withRecordColumns)
    .execute();
  await db.schema
    .createIndex('release_batches_released_on')
    .on('release_batches')
    .column('released_on')
    .execute();

  await db.schema
    .createTable('batch_counterparts')
    .addColumn('batch_id', 'text', (col) =>
      col.notNull().references('release_batches.id').onDelete('cascade'),
    )
    .addColumn('counterpart_id', 'text', (col) => col.notNull().references('counterparts.id'))
    .addColumn('role', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('batch_counterparts_pk', ['batch_id', 'counterpart_id', 'role'])
    .execute();

  await db.schema
    .createTable('concessions')
    .$call(withId)
    .addColumn('batch_id', 'text', (col) =>
      col.notNull().references('release_batches.id').onDelete('cascade'),
    )
    .addColumn('given_by_id', 'text', (col) => col.references('counterparts.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('target', 'text')
    .addColumn('description', 'text')
    .addColumn('announced_on', 'text')
    .addColumn('position', 'integer', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('concessions_batch').on('concessions').column('batch_id').execute();

  await db.schema
    .createTable('episodes')
    .$call(withId)
    .$call(withVisibility)
    .addColumn('person_id', 'text', (col) => col.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('detained_on', 'text', (col) => col.notNull())
    .addColumn('detained_on_lo', 'text', (col) => col.notNull())
    .addColumn('detained_on_hi', 'text', (col) => col.notNull())
    .addColumn('place', 'text')
    .addColumn('pre_trial_measure', 'text')
    .addColumn('court', 'text')
    .addColumn('verdict_on', 'text')
    .addColumn('sentence_months', 'integer')
    .addColumn('sentence_regime', 'text')
    .addColumn('sentence_note', 'text')
    .$call(withRecordColumns)
    .execute();
  await db.schema.createIndex('episodes_person').on('episodes').column('person_id').execute();
  await db.schema.createIndex('episodes_detained_on').on('episodes').column('detained_on').execute();

  await db.schema
    .createTable('episode_charges')
    .$call(withId)
    .addColumn('episode_id', 'text', (col) => col.notNull().references('episodes.id').onDelete('cascade'))
    .addColumn('article_id', 'text', (col) => col.notNull().references('legal_articles.id'))
    .addColumn('part', 'text')
    .addColumn('note', 'text')
    .addColumn('position', 'integer', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('episode_charges_episode').on('episode_charges').column('episode_id').execute();
  await db.schema.createIndex('episode_charges_article').on('episode_charges').column('article_id').execute();

  await db.schema
    .createTable('facility_stays')
    .$call(withId)
    .addColumn('episode_id', 'text', (col) => col.notNull().references('episodes.id').onDelete('cascade'))
    .addColumn('facility_id', 'text', (col) => col.notNull().references('facilities.id'))
    .addColumn('from_date', 'text')
    .addColumn('to_date', 'text')
    .addColumn('note', 'text')
    .addColumn('position', 'integer', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('facility_stays_episode').on('facility_stays').column('episode_id').execute();
  await db.schema.createIndex('facility_stays_facility').on('facility_stays').column('facility_id').execute();

  await db.schema
    .createTable('releases')
    .$call(withId)
    .addColumn('episode_id', 'text', (col) =>
      col.notNull().unique().references('episodes.id').onDelete('cascade'),
    )
    .addColumn('released_on', 'text', (col) => col.notNull())
    .addColumn('released_on_lo', 'text', (col) => col.notNull())
    .addColumn('released_on_hi', 'text', (col) => col.notNull())
    .addColumn('mode', 'text', (col) => col.notNull())
    .addColumn('batch_id', 'text', (col) => col.references('release_batches.id').onDelete('set null'))
    .addColumn('destination_country', 'text')
    .addColumn('forced_exile', 'integer')
    .addColumn('citizenship_stripped', 'integer')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('releases_batch').on('releases').column('batch_id').execute();

  await db.schema
    .createTable('condition_events')
    .$call(withId)
    .$call(withVisibility)
    .addColumn('person_id', 'text', (col) => col.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('episode_id', 'text', (col) => col.references('episodes.id').onDelete('set null'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('started_on', 'text')
    .addColumn('ended_on', 'text')
    .addColumn('description', 'text')
    .$call(withRecordColumns)
    .execute();
  await db.schema.createIndex('condition_events_person').on('condition_events').column('person_id').execute();

  await db.schema
    .createTable('sources')
    .$call(withId)
    .$call(withVisibility)
    .addColumn('url', 'text')
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('publisher', 'text')
    .addColumn('published_on', 'text')
    .addColumn('retrieved_on', 'text')
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('text', 'text')
    .addColumn('sha256', 'text')
    .$call(withRecordColumns)
    .execute();
  await db.schema.createIndex('sources_url').on('sources').column('url').execute();

  await db.schema
    .createTable('count_observations')
    .$call(withId)
    .$call(withVisibility)
    .addColumn('organisation', 'text', (col) => col.notNull())
    .addColumn('metric', 'text', (col) => col.notNull())
    .addColumn('observed_on', 'text', (col) => col.notNull())
    .addColumn('count', 'integer', (col) => col.notNull())
    .addColumn('qualifier', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('source_id', 'text', (col) => col.references('sources.id').onDelete('set null'))
    .$call(withRecordColumns)
    .execute();
  await db.schema
    .createIndex('count_observations_observed_on')
    .on('count_observations')
    .column('observed_on')
    .execute();

  await db.schema
    .createTable('citations')
    .$call(withId)
    .addColumn('source_id', 'text', (col) => col.notNull().references('sources.id').onDelete('cascade'))
    .addColumn('subject_type', 'text', (col) => col.notNull())
    .addColumn('subject_id', 'text', (col) => col.notNull())
    .addColumn('field', 'text')
    .addColumn('quote', 'text')
    .addColumn('note', 'text')
    .$call(withRecordColumns)
    .execute();
  await db.schema
    .createIndex('citations_subject')
    .on('citations')
    .columns(['subject_type', 'subject_id'])
    .execute();
  await db.schema.createIndex('citations_source').on('citations').column('source_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'citations',
    'count_observations',
    'sources',
    'condition_events',
    'releases',
    'facility_stays',
    'episode_charges',
    'episodes',
    'concessions',
    'batch_counterparts',
    'release_batches',
    'counterparts',
    'facilities',
    'legal_articles',
    'recognitions',
    'person_ties',
    'person_occupations',
    'person_names',
    'persons',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
