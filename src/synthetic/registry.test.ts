import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isCertainlyBefore, isPartialDate } from '../lib/partial-date.js';
import { registryPersonSchema } from '../modules/bulk/bulk.schema.js';
import { SYNTHETIC_BIOGRAPHY } from './names.js';
import { SYNTHETIC_OCCUPATION, syntheticRegistry } from './registry.js';

const TODAY = '2026-11-30';
const sample = (persons: number, seed: number) => {
  const { fixed, persons: stream } = syntheticRegistry({ persons, seed, today: TODAY });
  return { fixed, persons: [...stream] };
};

describe('synthetic registry', () => {
  const { fixed, persons } = sample(3000, 42);
  const episodes = persons.flatMap((person) => person.episodes);

  it('is the same registry, ids included, for the same seed, and another for another seed', () => {
    expect(JSON.stringify(sample(300, 42))).toBe(JSON.stringify(sample(300, 42)));
    expect(sample(300, 43).persons[0]?.names[0]?.text).not.toBe(sample(300, 42).persons[0]?.names[0]?.text);
  });

  it('marks every person synthetic and names them in Belarusian and Russian Cyrillic and Latin', () => {
    for (const person of persons) {
      expect(person.occupations).toEqual([SYNTHETIC_OCCUPATION]);
      expect(person.biography).toBe(SYNTHETIC_BIOGRAPHY);
      expect(person.names.map((name) => `${name.script}:${name.language}`)).toEqual(
        expect.arrayContaining(['Cyrl:be', 'Cyrl:ru', 'Latn:en']),
      );
    }
    expect(fixed.facilities.every((facility) => facility.name.startsWith('Synthetic'))).toBe(true);
    expect(fixed.batches.every((batch) => batch.title.startsWith('Synthetic'))).toBe(true);
  });

  it('shares no full name with a person of the demo dataset', () => {
    const demo = JSON.parse(
      readFileSync(new URL('../modules/demo/dataset.json', import.meta.url), 'utf8'),
    ) as {
      persons: { names: { text: string }[] }[];
    };
    const real = new Set(
      demo.persons.flatMap((person) => person.names.map((name) => name.text.toLowerCase())),
    );
    const clashes = persons
      .flatMap((person) => person.names)
      .filter((name) => real.has(name.text.toLowerCase()));
    expect(clashes).toEqual([]);
  });

  it('passes the create schemas: valid partial dates, known references', () => {
    const ids = new Set(
      [...fixed.articles, ...fixed.facilities, ...fixed.batches].map((record) => record.id),
    );
    for (const person of persons) {
      expect(registryPersonSchema.safeParse(person).success).toBe(true);
      for (const episode of person.episodes) {
        episode.charges.forEach((charge) => expect(ids.has(charge.articleId)).toBe(true));
        episode.facilityStays.forEach((stay) => expect(ids.has(stay.facilityId)).toBe(true));
        if (episode.release?.batchId) expect(ids.has(episode.release.batchId)).toBe(true);
      }
    }
  });

  it('never dates anything after today, nor a release, verdict or stay before its detention, and holds a person once at a time', () => {
    for (const person of persons) {
      expect(person.episodes.filter((episode) => episode.release === null).length).toBeLessThanOrEqual(1);
      for (const episode of person.episodes) {
        expect(isPartialDate(episode.detainedOn)).toBe(true);
        expect(isCertainlyBefore(TODAY, episode.detainedOn)).toBe(false);
        if (episode.verdictOn) expect(isCertainlyBefore(episode.verdictOn, episode.detainedOn)).toBe(false);
        for (const stay of episode.facilityStays) {
          if (stay.from) expect(isCertainlyBefore(stay.from, episode.detainedOn)).toBe(false);
          if (stay.to) expect(isCertainlyBefore(stay.to, stay.from ?? episode.detainedOn)).toBe(false);
        }
        if (episode.release?.mode === 'sentence_served') expect(episode.verdictOn).not.toBeNull();
        if (episode.release) {
          expect(isCertainlyBefore(episode.release.releasedOn, episode.detainedOn)).toBe(false);
          expect(episode.release.releasedOn <= TODAY).toBe(true);
        }
      }
    }
  });

  it('has what real registries have: partial dates, re-arrests, every release mode, batches with several people', () => {
    expect(episodes.filter((episode) => episode.detainedOn.length === 7).length).toBeGreaterThan(
      episodes.length * 0.04,
    );
    expect(episodes.filter((episode) => episode.detainedOn.length === 4).length).toBeGreaterThan(
      episodes.length * 0.01,
    );
    expect(persons.filter((person) => person.episodes.length > 1).length).toBeGreaterThan(
      persons.length * 0.02,
    );
    const modes = new Set(episodes.flatMap((episode) => (episode.release ? [episode.release.mode] : [])));
    expect([...modes].sort()).toEqual(
      [
        'amnesty',
        'case_closed',
        'death_in_custody',
        'deportation',
        'negotiated',
        'pardon',
        'sentence_served',
      ].sort(),
    );
    const held = episodes.filter((episode) => episode.release === null).length;
    expect(held).toBeGreaterThan(episodes.length * 0.2);
    const batchSizes = new Map<string, number>();
    for (const episode of episodes) {
      const batchId = episode.release?.batchId;
      if (batchId) batchSizes.set(batchId, (batchSizes.get(batchId) ?? 0) + 1);
    }
    expect(Math.max(...batchSizes.values())).toBeGreaterThan(3);
    for (const episode of episodes) {
      const batch = fixed.batches.find((candidate) => candidate.id === episode.release?.batchId);
      if (batch) expect(episode.release?.releasedOn).toBe(batch.releasedOn);
    }
    expect(persons.some((person) => person.conditionEvents.length > 0)).toBe(true);
    expect(persons.some((person) => person.anonymous)).toBe(true);
  });
});
