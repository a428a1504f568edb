import type { RecordServices } from '../../app.js';
import type { EpisodeRecord } from '../episode/episode.schema.js';
import type { PersonRecord } from '../person/person.schema.js';
import type { RecognitionRecord } from '../recognition/recognition.schema.js';
import type { Clock } from '../shared/clock.js';
import type { AtomEntry, AtomFeed } from './atom.js';

/**
 * The public Atom feeds, read through the public's services: anonymous and hidden persons and
 * records never appear, and the feed of a person the public may not see is "not found".
 */
export interface FeedServiceDeps {
  clock: Clock;
  /** The services of the public viewer. */
  publicServices: () => RecordServices;
}

const FEED_SIZE = 50;
/** What find({ limit: 500, offset: 0 }) shows of one person's episodes and recognitions. */
const PER_PERSON = 500;

const newest = (entries: readonly AtomEntry[], clock: Clock) =>
  entries.reduce((latest, entry) => (entry.updated > latest ? entry.updated : latest), '') ||
  clock().toISOString();

const RELEASE_WORDS: Record<string, string> = {
  sentence_served: 'after serving the sentence',
  pardon: 'pardoned',
  negotiated: 'in a negotiated release',
  deportation: 'deported',
  amnesty: 'under an amnesty',
  acquittal: 'acquitted',
  case_closed: 'case closed',
  death_in_custody: 'died in custody',
  other: '',
};

/**
 * Where a feed's links point, given the feed's own path ("/feeds/prisoners.atom"): the live
 * server's addresses, or (the static mirror without a live server) its own files, relative to the
 * feed file, so that every link of a mirror's feed resolves inside the mirror.
 */
export interface FeedLinks {
  self(feedPath: string): string;
  home(feedPath: string): string;
  person(feedPath: string, personId: string): string;
}

/** The live server's addresses under `base` (scheme and host; "" for root-relative). */
export const liveFeedLinks = (base: string): FeedLinks => ({
  self: (feedPath) => `${base}${feedPath}`,
  home: () => `${base}/`,
  person: (_feedPath, personId) => `${base}/api/v1/persons/${personId}`,
});

export function createFeedService(deps: FeedServiceDeps) {
  function feed(
    base: string,
    links: FeedLinks,
    path: string,
    title: string,
    subtitle: string,
    entries: AtomEntry[],
  ): AtomFeed {
    return {
      id: `${base}${path}`,
      title,
      subtitle,
      selfLink: links.self(path),
      alternateLink: links.home(path),
      updated: newest(entries, deps.clock),
      entries,
    };
  }

  function personFeed(
    base: string,
    links: FeedLinks,
    person: PersonRecord,
    episodes: readonly EpisodeRecord[],
    recognitions: readonly RecognitionRecord[],
  ): AtomFeed {
    const path = `/feeds/persons/${person.id}.atom`;
    const link = links.person(path, person.id);
    const entries: AtomEntry[] = [
      {
        id: `urn:uuid:${person.id}`,
        title: `${person.displayName}: profile`,
        updated: person.updatedAt,
        link,
        summary: `Status: ${person.status.replace(/_/g, ' ')}`,
      },
      ...episodes.map((episode) => ({
        id: `urn:uuid:${episode.id}`,
        title: episode.release
          ? `Detained ${episode.detainedOn}, released ${episode.release.releasedOn}`
          : `Detained ${episode.detainedOn}`,
        updated: episode.updatedAt,
        link,
        summary: [
          `Detained ${episode.detainedOn}`,
          episode.charges.length
            ? `charged under ${episode.charges.map((charge) => `${charge.articleCode} ${charge.articleNumber}`).join(', ')}`
            : '',
          episode.sentenceMonths !== null ? `sentenced to ${episode.sentenceMonths} months` : '',
          episode.release
            ? `released ${episode.release.releasedOn} ${RELEASE_WORDS[episode.release.mode] ?? ''}`.trim()
            : '',
        ]
          .filter(Boolean)
          .join('; '),
      })),
      ...recognitions.map((recognition) => ({
        id: `urn:uuid:${recognition.id}`,
        title: `Recognised as a political prisoner by ${recognition.organisation}`,
        updated: recognition.updatedAt,
        link,
        summary: `Recognised by ${recognition.organisation}${recognition.recognisedOn ? ` on ${recognition.recognisedOn}` : ''}`,
      })),
    ].sort((a, b) => (a.updated < b.updated ? 1 : -1));
    return feed(base, links, path, `unfree: ${person.displayName}`, 'Changes to one record', entries);
  }

  async function personFeeds(
    base: string,
    ids: readonly string[],
    links: FeedLinks = liveFeedLinks(base),
  ): Promise<Map<string, AtomFeed>> {
    const services = deps.publicServices();
    const persons = await services.persons.getMany(ids);
    const personIds = [...persons.keys()];
    const [episodesOf, recognitionRows] = await Promise.all([
      services.episodes.listForPersons(personIds),
      services.recognitions.findWhereIn('personId', personIds),
    ]);
    const recognitionsOf = new Map<string, RecognitionRecord[]>();
    for (const recognition of recognitionRows) {
      const list = recognitionsOf.get(recognition.personId) ?? [];
      if (list.length < PER_PERSON) list.push(recognition);
      recognitionsOf.set(recognition.personId, list);
    }
    const feeds = new Map<string, AtomFeed>();
    for (const [id, person] of persons) {
      const episodes = (episodesOf.get(id) ?? []).slice(0, PER_PERSON);
      feeds.set(id, personFeed(base, links, person, episodes, recognitionsOf.get(id) ?? []));
    }
    return feeds;
  }

  return {
    /** Persons newly added to the registry, newest first. */
    async prisoners(base: string, links: FeedLinks = liveFeedLinks(base)): Promise<AtomFeed> {
      const { items } = await deps
        .publicServices()
        .persons.find({ limit: FEED_SIZE, offset: 0, sort: '-createdAt' });
      const entries = items.map((person) => ({
        id: `urn:uuid:${person.id}`,
        title: person.displayName,
        updated: person.createdAt,
        link: links.person('/feeds/prisoners.atom', person.id),
        summary: [
          `Added to the registry: ${person.displayName}`,
          person.birthDate ? `born ${person.birthDate}` : '',
          person.region ?? '',
          `status: ${person.status.replace(/_/g, ' ')}`,
        ]
          .filter(Boolean)
          .join('; '),
      }));
      return feed(
        base,
        links,
        '/feeds/prisoners.atom',
        'unfree: new in the registry',
        'Persons newly documented',
        entries,
      );
    },

    /** Releases, latest release date first. */
    async releases(base: string, links: FeedLinks = liveFeedLinks(base)): Promise<AtomFeed> {
      const services = deps.publicServices();
      const entries: AtomEntry[] = [];
      for (const episode of await services.episodes.latestReleased(FEED_SIZE)) {
        const person = await services.persons.get(episode.personId);
        const release = episode.release;
        if (!release) continue;
        entries.push({
          id: `urn:uuid:${episode.id}`,
          title: `${person.displayName} released ${release.releasedOn}`,
          updated: episode.updatedAt,
          link: links.person('/feeds/releases.atom', person.id),
          summary: [
            `${person.displayName} was released on ${release.releasedOn}`,
            RELEASE_WORDS[release.mode] ?? '',
          ]
            .filter(Boolean)
            .join(', '),
        });
      }
      return feed(
        base,
        links,
        '/feeds/releases.atom',
        'unfree: releases',
        'Political prisoners released',
        entries,
      );
    },

    /** What is known about one person, one entry per fact, the latest change first. */
    async person(base: string, id: string, links: FeedLinks = liveFeedLinks(base)): Promise<AtomFeed> {
      const services = deps.publicServices();
      const person = await services.persons.get(id);
      const episodes = (await services.episodes.find({ personId: id, limit: PER_PERSON, offset: 0 })).items;
      const recognitions = (await services.recognitions.find({ personId: id, limit: PER_PERSON, offset: 0 }))
        .items;
      return personFeed(base, links, person, episodes, recognitions);
    },

    /** person's feeds for many persons, from a few bulk reads (the static mirror writes them all), by id; those the public may not see are absent. */
    persons: personFeeds,
  };
}
export type FeedService = ReturnType<typeof createFeedService>;
