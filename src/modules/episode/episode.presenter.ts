import type { ChargeRow, EpisodeRow, ReleaseRow, StayRow } from './episode.repository.js';
import type { EpisodeRecord } from './episode.schema.js';

const triState = (value: number | null): boolean | null => (value === null ? null : Number(value) === 1);

function groupBy<T extends { episodeId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(row.episodeId) ?? [];
    list.push(row);
    groups.set(row.episodeId, list);
  }
  return groups;
}

/** Chooses the fields of an episode that leave the server, with its children nested. */
export function presentEpisodes(
  rows: readonly EpisodeRow[],
  charges: readonly ChargeRow[],
  stays: readonly StayRow[],
  releases: readonly ReleaseRow[],
): EpisodeRecord[] {
  const chargesOf = groupBy(charges);
  const staysOf = groupBy(stays);
  const releaseOf = new Map(releases.map((release) => [release.episodeId, release]));
  return rows.map((row) => {
    const release = releaseOf.get(row.id);
    return {
      id: row.id,
      personId: row.personId,
      detainedOn: row.detainedOn,
      place: row.place,
      preTrialMeasure: row.preTrialMeasure as EpisodeRecord['preTrialMeasure'],
      court: row.court,
      verdictOn: row.verdictOn,
      sentenceMonths: row.sentenceMonths,
      sentenceRegime: row.sentenceRegime as EpisodeRecord['sentenceRegime'],
      sentenceNote: row.sentenceNote,
      charges: (chargesOf.get(row.id) ?? []).map((charge) => ({
        articleId: charge.articleId,
        part: charge.part,
        note: charge.note,
        articleCode: charge.articleCode,
        articleNumber: charge.articleNumber,
        articleTitleEn: charge.articleTitleEn,
      })),
      facilityStays: (staysOf.get(row.id) ?? []).map((stay) => ({
        facilityId: stay.facilityId,
        facilityName: stay.facilityName,
        from: stay.fromDate,
        to: stay.toDate,
        note: stay.note,
      })),
      release: release
        ? {
            releasedOn: release.releasedOn,
            mode: release.mode as NonNullable<EpisodeRecord['release']>['mode'],
            batchId: release.batchId,
            destinationCountry: release.destinationCountry,
            forcedExile: triState(release.forcedExile),
            citizenshipStripped: triState(release.citizenshipStripped),
            note: release.note,
          }
        : null,
      visibility: row.visibility as EpisodeRecord['visibility'],
      status: release ? 'released' : row.verdictOn ? 'sentenced' : 'pre_trial',
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      version: row.version,
    };
  });
}
