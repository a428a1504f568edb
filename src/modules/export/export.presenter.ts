import type { z } from 'zod';
import type { BatchRecord } from '../batch/batch.schema.js';
import type { EpisodeRecord } from '../episode/episode.schema.js';
import type { PersonRecord } from '../person/person.schema.js';
import type { ExportBatch, ExportEpisode, ExportPerson } from './export.schema.js';

/**
 * Which fields of a record leave through the export: exactly those its export schema names, so a
 * new column stays in the registry until someone adds it to the format.
 */
export function pickExported<TShape extends z.ZodRawShape>(
  schema: z.ZodObject<TShape>,
  record: object,
): z.infer<z.ZodObject<TShape>> {
  const source = record as Record<string, unknown>;
  return Object.fromEntries(Object.keys(schema.shape).map((key) => [key, source[key] ?? null])) as z.infer<
    z.ZodObject<TShape>
  >;
}

export function exportedPerson(person: PersonRecord): ExportPerson {
  return {
    id: person.id,
    names: person.names.map((name) => ({
      text: name.text,
      script: name.script,
      language: name.language,
      system: name.system ?? null,
      isPrimary: name.isPrimary,
    })),
    birthDate: person.birthDate,
    gender: person.gender,
    region: person.region,
    occupations: person.occupations,
    ties: person.ties.map((tie) => ({ kind: tie.kind, country: tie.country, note: tie.note })),
    biography: person.biography,
  };
}

/** `exported` says which ids made it into the export, so no reference points outside it. */
export function exportedEpisode(
  episode: EpisodeRecord,
  exported: { facility: (id: string) => boolean; batch: (id: string) => boolean },
): ExportEpisode {
  const release = episode.release;
  return {
    id: episode.id,
    personId: episode.personId,
    detainedOn: episode.detainedOn,
    place: episode.place,
    preTrialMeasure: episode.preTrialMeasure,
    court: episode.court,
    verdictOn: episode.verdictOn,
    sentenceMonths: episode.sentenceMonths,
    sentenceRegime: episode.sentenceRegime,
    sentenceNote: episode.sentenceNote,
    charges: episode.charges.map((charge) => ({
      articleId: charge.articleId,
      part: charge.part,
      note: charge.note,
    })),
    facilityStays: episode.facilityStays
      .filter((stay) => exported.facility(stay.facilityId))
      .map((stay) => ({ facilityId: stay.facilityId, from: stay.from, to: stay.to, note: stay.note })),
    release: release
      ? {
          releasedOn: release.releasedOn,
          mode: release.mode,
          batchId: release.batchId && exported.batch(release.batchId) ? release.batchId : null,
          destinationCountry: release.destinationCountry,
          forcedExile: release.forcedExile,
          citizenshipStripped: release.citizenshipStripped,
          note: release.note,
        }
      : null,
  };
}

export function exportedBatch(batch: BatchRecord): ExportBatch {
  return {
    id: batch.id,
    releasedOn: batch.releasedOn,
    announcedCount: batch.announcedCount,
    title: batch.title,
    destinationNote: batch.destinationNote,
    forcedExile: batch.forcedExile,
    description: batch.description,
    // Sorted: the links are a set, and a set must export the same way every time.
    counterparts: batch.counterparts
      .map((link) => ({ counterpartId: link.counterpartId, role: link.role }))
      .sort((a, b) => `${a.counterpartId} ${a.role}`.localeCompare(`${b.counterpartId} ${b.role}`)),
    concessions: batch.concessions.map((concession) => ({
      kind: concession.kind,
      target: concession.target,
      givenById: concession.givenById,
      description: concession.description,
      announcedOn: concession.announcedOn,
    })),
  };
}
