import { readFile } from 'node:fs/promises';
import type { Services } from '../../app.js';
import { ruleViolated } from '../../lib/errors.js';
import { parseInput } from '../../lib/validation.js';
import type { CitableType } from '../citation/citation.schema.js';
import { type DemoDataset, demoDatasetSchema } from './demo.schema.js';

export const DEMO_DATASET_URL = new URL('./dataset.json', import.meta.url);

export async function readDemoDataset(url: URL = DEMO_DATASET_URL): Promise<DemoDataset> {
  const raw: unknown = JSON.parse(await readFile(url, 'utf8'));
  return parseInput(demoDatasetSchema, raw, 'demo dataset');
}

export interface LoadSummary {
  persons: number;
  episodes: number;
  batches: number;
  sources: number;
  countObservations: number;
  citations: number;
}

/**
 * Loads the dataset through the same services as the API. Call it with services built on a
 * transaction: any broken reference throws and nothing of the dataset stays.
 */
export async function loadDataset(services: Services, dataset: DemoDataset): Promise<LoadSummary> {
  const summary: LoadSummary = {
    persons: 0,
    episodes: 0,
    batches: 0,
    sources: 0,
    countObservations: 0,
    citations: 0,
  };
  const resolver = (kind: string, map: Map<string, string>) => (key: string, path: string) => {
    const id = map.get(key);
    if (!id) throw ruleViolated(path, `unknown ${kind} key ${JSON.stringify(key)}`);
    return id;
  };
  const sourceIds = new Map<string, string>();
  const sourceId = resolver('source', sourceIds);
  const cite = async (subjectType: CitableType, subjectId: string, keys: readonly string[], path: string) => {
    for (const key of keys) {
      await services.citations.create({ sourceId: sourceId(key, `${path}.sources`), subjectType, subjectId });
      summary.citations += 1;
    }
  };

  for (const { key, ...source } of dataset.sources) {
    sourceIds.set(key, (await services.sources.create(source)).id);
    summary.sources += 1;
  }

  const articleIds = new Map<string, string>();
  for (const [index, { sources, ...article }] of dataset.legalArticles.entries()) {
    const created = await services.legalArticles.create(article);
    articleIds.set(`${article.code} ${article.number}`, created.id);
    await cite('legal_article', created.id, sources, `legalArticles.${index}`);
  }

  const facilityIds = new Map<string, string>();
  for (const [index, { key, sources, ...facility }] of dataset.facilities.entries()) {
    const created = await services.facilities.create(facility);
    facilityIds.set(key, created.id);
    await cite('facility', created.id, sources, `facilities.${index}`);
  }

  const counterpartIds = new Map<string, string>();
  const counterpartId = resolver('counterpart', counterpartIds);
  for (const { key, ...counterpart } of dataset.counterparts) {
    counterpartIds.set(key, (await services.counterparts.create(counterpart)).id);
  }

  const batchIds = new Map<string, string>();
  for (const [index, { key, sources, counterparts, concessions, ...batch }] of dataset.batches.entries()) {
    const path = `batches.${index}`;
    const created = await services.batches.create({
      ...batch,
      counterparts: counterparts.map((link, i) => ({
        counterpartId: counterpartId(link.counterpart, `${path}.counterparts.${i}`),
        role: link.role,
      })),
      concessions: concessions.map(({ givenBy, sources: _sources, ...concession }, i) => ({
        ...concession,
        givenById: givenBy ? counterpartId(givenBy, `${path}.concessions.${i}.givenBy`) : null,
      })),
    });
    batchIds.set(key, created.id);
    const concessionSources = concessions.flatMap((concession) => concession.sources ?? []);
    await cite('batch', created.id, [...new Set([...sources, ...concessionSources])], path);
    summary.batches += 1;
  }

  const articleId = resolver('legal article', articleIds);
  const facilityId = resolver('facility', facilityIds);
  const batchId = resolver('release batch', batchIds);
  for (const [index, entry] of dataset.persons.entries()) {
    const { key: _key, sources, recognitions, episodes, conditionEvents, ...person } = entry;
    const path = `persons.${index}`;
    const created = await services.persons.create(person);
    await cite('person', created.id, sources, path);
    for (const [i, { sources: recognitionSources, ...recognition }] of recognitions.entries()) {
      const saved = await services.recognitions.create({ ...recognition, personId: created.id });
      await cite('recognition', saved.id, recognitionSources, `${path}.recognitions.${i}`);
    }
    const chronological = [...episodes.entries()].sort(([, a], [, b]) =>
      a.detainedOn < b.detainedOn ? -1 : 1,
    );
    for (const [
      i,
      { sources: episodeSources, charges, facilityStays, release, ...episode },
    ] of chronological) {
      const episodePath = `${path}.episodes.${i}`;
      const saved = await services.episodes.create({
        ...episode,
        personId: created.id,
        charges: charges.map(({ article, ...charge }, c) => ({
          ...charge,
          articleId: articleId(article, `${episodePath}.charges.${c}.article`),
        })),
        facilityStays: facilityStays.map(({ facility, ...stay }, s) => ({
          ...stay,
          facilityId: facilityId(facility, `${episodePath}.facilityStays.${s}.facility`),
        })),
        release: release
          ? {
              ...release,
              batchId: release.batch ? batchId(release.batch, `${episodePath}.release.batch`) : null,
            }
          : null,
      });
      await cite('episode', saved.id, episodeSources, episodePath);
      summary.episodes += 1;
    }
    for (const [i, { sources: eventSources, ...event }] of conditionEvents.entries()) {
      const saved = await services.conditionEvents.create({ ...event, personId: created.id });
      await cite('condition_event', saved.id, eventSources, `${path}.conditionEvents.${i}`);
    }
    summary.persons += 1;
  }

  for (const [index, { source, ...observation }] of dataset.countObservations.entries()) {
    await services.countObservations.create({
      ...observation,
      sourceId: sourceId(source, `countObservations.${index}.source`),
    });
    summary.countObservations += 1;
  }
  return summary;
}
