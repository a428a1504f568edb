import type { Services } from '../../app.js';
import { notFound } from '../../lib/errors.js';
import { comparePartialDates } from '../../lib/partial-date.js';
import { Facts, PartialDate, triState } from '../../site/components.js';
import { countryName, formatCount, formatNumber, formatPartialDate } from '../../site/format.js';
import type { Messages } from '../../site/i18n.js';
import type { Locale } from '../../site/locale.js';
import { fetchVisible, isUuid } from '../../site/lookup.js';
import { nameForReader, namesForReader } from '../../site/names.js';
import type { PageContext, PageDefinition, PageOutput } from '../../site/page.js';
import type { BatchRecord } from '../batch/batch.schema.js';
import type { CitationRecord } from '../citation/citation.schema.js';
import type { ConditionEventRecord } from '../condition-event/condition-event.schema.js';
import type { EpisodeRecord } from '../episode/episode.schema.js';
import type { FacilityRecord } from '../facility/facility.schema.js';
import type { LegalArticleRecord } from '../legal-article/legal-article.schema.js';
import type { RecognitionRecord } from '../recognition/recognition.schema.js';
import type { SourceRecord } from '../source/source.schema.js';
import type { PersonRecord } from './person.schema.js';

export function articleTitle(article: LegalArticleRecord | undefined, locale: Locale): string | null {
  if (!article) return null;
  const inLocale = { en: article.titleEn, be: article.titleBe, ru: article.titleRu }[locale];
  return inLocale ?? article.titleEn ?? article.titleRu ?? article.titleBe;
}

const FIRST_PAGE = { limit: 500, offset: 0 };
/** What find(FIRST_PAGE) shows of each owner's records. */
const ALL = FIRST_PAGE.limit;

function groupBy<T>(records: readonly T[], keyOf: (record: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const key = keyOf(record);
    const group = groups.get(key) ?? [];
    if (group.length < ALL) group.push(record);
    groups.set(key, group);
  }
  return groups;
}

/** The records of these ids, in the order the ids first appear, those not visible left out. */
function picked<T>(ids: Iterable<string | null | undefined>, from: ReadonlyMap<string, T>): Map<string, T> {
  const result = new Map<string, T>();
  for (const id of ids) {
    const record = id ? from.get(id) : undefined;
    if (id && record !== undefined && !result.has(id)) result.set(id, record);
  }
  return result;
}

const byId = <T extends { id: string }>(records: readonly T[]) =>
  new Map(records.map((record) => [record.id, record]));

interface Profile {
  person: PersonRecord;
  episodes: EpisodeRecord[];
  conditions: ConditionEventRecord[];
  recognitions: RecognitionRecord[];
  citations: CitationRecord[];
  sources: Map<string, SourceRecord>;
  facilities: Map<string, FacilityRecord>;
  articles: Map<string, LegalArticleRecord>;
  batches: Map<string, BatchRecord>;
}

/**
 * Everything the person page shows, each part read with the public's eyes, as the server reads
 * it for one page. loadProfiles reads the same for many persons in bulk (the static mirror); the
 * mirror's tests compare the two byte for byte.
 */
async function loadProfile(services: Services, id: string): Promise<Profile> {
  const person = await services.persons.get(id);
  const [episodes, conditions, recognitions] = await Promise.all([
    services.episodes.listForPerson(id),
    services.conditionEvents.find({ ...FIRST_PAGE, personId: id }),
    services.recognitions.find({ ...FIRST_PAGE, personId: id }),
  ]);
  const subjects: [CitationRecord['subjectType'], string][] = [
    ['person', id],
    ...episodes.map((episode) => ['episode', episode.id] as [CitationRecord['subjectType'], string]),
    ...conditions.items.map(
      (event) => ['condition_event', event.id] as [CitationRecord['subjectType'], string],
    ),
  ];
  const citations = (
    await Promise.all(
      subjects.map(([subjectType, subjectId]) =>
        services.citations.find({ ...FIRST_PAGE, subjectType, subjectId }),
      ),
    )
  ).flatMap((page) => page.items);
  const [sources, facilities, articles, batches] = await Promise.all([
    fetchVisible(
      citations.map((citation) => citation.sourceId),
      (sourceId) => services.sources.get(sourceId),
    ),
    fetchVisible(
      episodes.flatMap((episode) => episode.facilityStays.map((stay) => stay.facilityId)),
      (facilityId) => services.facilities.get(facilityId),
    ),
    fetchVisible(
      episodes.flatMap((episode) => episode.charges.map((charge) => charge.articleId)),
      (articleId) => services.legalArticles.get(articleId),
    ),
    fetchVisible(
      episodes.map((episode) => episode.release?.batchId),
      (batchId) => services.batches.get(batchId),
    ),
  ]);
  return {
    person,
    episodes,
    conditions: conditions.items,
    recognitions: recognitions.items,
    citations: citations.filter((citation) => sources.has(citation.sourceId)),
    sources,
    facilities,
    articles,
    batches,
  };
}
/**
 * What loadProfile reads, for many persons in a few bulk reads (the static mirror renders
 * 100,000 pages). Persons the public may not see are absent from the result.
 */
export async function loadProfiles(
  services: Services,
  ids: readonly string[],
): Promise<Map<string, Profile>> {
  const persons = await services.persons.getMany(ids);
  const personIds = [...persons.keys()];
  const [episodesOf, conditionRows, recognitionRows] = await Promise.all([
    services.episodes.listForPersons(personIds),
    services.conditionEvents.findWhereIn('personId', personIds),
    services.recognitions.findWhereIn('personId', personIds),
  ]);
  const conditionsOf = groupBy(conditionRows, (event) => event.personId);
  const recognitionsOf = groupBy(recognitionRows, (recognition) => recognition.personId);
  const subjectsOf = (id: string): [CitationRecord['subjectType'], string][] => [
    ['person', id],
    ...(episodesOf.get(id) ?? []).map(
      (episode) => ['episode', episode.id] as [CitationRecord['subjectType'], string],
    ),
    ...(conditionsOf.get(id) ?? []).map(
      (event) => ['condition_event', event.id] as [CitationRecord['subjectType'], string],
    ),
  ];
  const citationsOf = groupBy(
    await services.citations.findWhereIn(
      'subjectId',
      personIds.flatMap((id) => subjectsOf(id).map(([, subjectId]) => subjectId)),
    ),
    (citation) => `${citation.subjectType}:${citation.subjectId}`,
  );
  const allEpisodes = [...episodesOf.values()].flat();
  const allCitations = [...citationsOf.values()].flat();
  const [sources, facilities, articles, batches] = await Promise.all([
    services.sources
      .findWhereIn('id', [...new Set(allCitations.map((citation) => citation.sourceId))])
      .then(byId),
    services.facilities
      .findWhereIn('id', [
        ...new Set(allEpisodes.flatMap((episode) => episode.facilityStays.map((stay) => stay.facilityId))),
      ])
      .then(byId),
    services.legalArticles
      .findWhereIn('id', [
        ...new Set(allEpisodes.flatMap((episode) => episode.charges.map((charge) => charge.articleId))),
      ])
      .then(byId),
    fetchVisible(
      allEpisodes.map((episode) => episode.release?.batchId),
      (batchId) => services.batches.get(batchId),
    ),
  ]);
  const profiles = new Map<string, Profile>();
  for (const [id, person] of persons) {
    const episodes = episodesOf.get(id) ?? [];
    const citations = subjectsOf(id).flatMap(
      ([subjectType, subjectId]) => citationsOf.get(`${subjectType}:${subjectId}`) ?? [],
    );
    const cited = picked(
      citations.map((citation) => citation.sourceId),
      sources,
    );
    profiles.set(id, {
      person,
      episodes,
      conditions: conditionsOf.get(id) ?? [],
      recognitions: recognitionsOf.get(id) ?? [],
      citations: citations.filter((citation) => cited.has(citation.sourceId)),
      sources: cited,
      facilities: picked(
        episodes.flatMap((episode) => episode.facilityStays.map((stay) => stay.facilityId)),
        facilities,
      ),
      articles: picked(
        episodes.flatMap((episode) => episode.charges.map((charge) => charge.articleId)),
        articles,
      ),
      batches: picked(
        episodes.map((episode) => episode.release?.batchId),
        batches,
      ),
    });
  }
  return profiles;
}

interface TimelineEvent {
  on: string;
  key: string;
  text: string;
}

function timelineOf(profile: Profile, t: Messages): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const episode of profile.episodes) {
    events.push({ on: episode.detainedOn, key: `${episode.id}-d`, text: t.person.detained });
    if (episode.verdictOn) {
      const sentence =
        episode.sentenceMonths !== null
          ? `: ${t.person.months(String(episode.sentenceMonths))}${episode.sentenceRegime ? `, ${t.regimes[episode.sentenceRegime]}` : ''}`
          : '';
      events.push({ on: episode.verdictOn, key: `${episode.id}-v`, text: `${t.person.verdict}${sentence}` });
    }
    for (const [index, stay] of episode.facilityStays.entries()) {
      const facility = profile.facilities.get(stay.facilityId);
      if (stay.from && facility)
        events.push({ on: stay.from, key: `${episode.id}-s${index}`, text: facility.name });
    }
    if (episode.release) {
      events.push({
        on: episode.release.releasedOn,
        key: `${episode.id}-r`,
        text: `${t.person.released}: ${t.releaseModes[episode.release.mode]}`,
      });
    }
  }
  for (const event of profile.conditions) {
    if (event.startedOn)
      events.push({ on: event.startedOn, key: event.id, text: t.conditionKinds[event.kind] });
  }
  return events.sort((a, b) => comparePartialDates(a.on, b.on));
}

/** The facility where the person is held now: the open stay of the open episode. */
function currentFacility(profile: Profile): FacilityRecord | null {
  const open = profile.episodes.find((episode) => episode.release === null);
  if (!open) return null;
  const stays = [...open.facilityStays].reverse();
  const stay = stays.find((candidate) => !candidate.to) ?? stays[0];
  return (stay && profile.facilities.get(stay.facilityId)) ?? null;
}

function EpisodeSection({
  context,
  episode,
  profile,
}: {
  context: PageContext;
  episode: EpisodeRecord;
  profile: Profile;
}) {
  const { t, locale, links } = context;
  const release = episode.release;
  const batch: BatchRecord | undefined = release?.batchId ? profile.batches.get(release.batchId) : undefined;
  return (
    <section class="episode" aria-labelledby={`episode-${episode.id}`}>
      <h3 id={`episode-${episode.id}`}>
        {t.person.detained} <PartialDate value={episode.detainedOn} locale={locale} />
      </h3>
      <Facts
        items={[
          [t.person.place, episode.place],
          [t.person.court, episode.court],
          [t.person.verdict, episode.verdictOn && <PartialDate value={episode.verdictOn} locale={locale} />],
          [
            t.person.sentence,
            episode.sentenceMonths !== null &&
              `${t.person.months(formatNumber(episode.sentenceMonths, locale))}${episode.sentenceRegime ? `, ${t.regimes[episode.sentenceRegime]}` : ''}`,
          ],
        ]}
      />
      {episode.charges.length > 0 && (
        <>
          <h4>{t.person.charges}</h4>
          <ul>
            {episode.charges.map((charge) => {
              const title = articleTitle(profile.articles.get(charge.articleId), locale);
              return (
                <li key={charge.articleId + (charge.part ?? '')}>
                  {charge.articleCode} {charge.articleNumber}
                  {charge.part ? `.${charge.part}` : ''}
                  {title ? ` — ${title}` : ''}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {episode.facilityStays.some((stay) => profile.facilities.has(stay.facilityId)) && (
        <>
          <h4>{t.person.facilities}</h4>
          <ul>
            {episode.facilityStays.flatMap((stay, index) => {
              const facility = profile.facilities.get(stay.facilityId);
              if (!facility) return [];
              return [
                <li key={index}>
                  <a href={links.page(locale, `/facilities/${facility.id}`)}>{facility.name}</a>
                  {stay.from && (
                    <>
                      {' '}
                      {t.person.since} <PartialDate value={stay.from} locale={locale} />
                    </>
                  )}
                  {stay.to && (
                    <>
                      {' '}
                      {t.person.until} <PartialDate value={stay.to} locale={locale} />
                    </>
                  )}
                </li>,
              ];
            })}
          </ul>
        </>
      )}
      {release && (
        <>
          <h4>{t.person.released}</h4>
          <Facts
            items={[
              [t.person.released, <PartialDate value={release.releasedOn} locale={locale} />],
              [t.person.releaseMode, t.releaseModes[release.mode]],
              [
                t.person.batch,
                batch && <a href={links.page(locale, `/releases/${batch.id}`)}>{batch.title}</a>,
              ],
              [t.person.destination, countryName(release.destinationCountry, locale)],
              [t.person.forcedExile, triState(release.forcedExile, t)],
              [t.person.citizenshipStripped, triState(release.citizenshipStripped, t)],
            ]}
          />
        </>
      )}
    </section>
  );
}

function ConditionList({ context, events }: { context: PageContext; events: ConditionEventRecord[] }) {
  const { t, locale } = context;
  return (
    <ul class="conditions">
      {events.map((event) => (
        <li key={event.id}>
          <strong>{t.conditionKinds[event.kind]}</strong>
          {event.startedOn && (
            <>
              {' '}
              {t.person.since} <PartialDate value={event.startedOn} locale={locale} />
            </>
          )}
          {event.endedOn && (
            <>
              {' '}
              {t.person.until} <PartialDate value={event.endedOn} locale={locale} />
            </>
          )}
          {event.description && <p>{event.description}</p>}
        </li>
      ))}
    </ul>
  );
}

function Sources({ context, profile }: { context: PageContext; profile: Profile }) {
  const { t, locale } = context;
  const bySource = new Map<string, SourceRecord>(profile.sources);
  if (bySource.size === 0) return <p>{t.person.noSources}</p>;
  return (
    <ol class="sources">
      {[...bySource.values()].map((source) => {
        const fields = profile.citations
          .filter((citation) => citation.sourceId === source.id)
          .map((citation) => citation.field ?? t.person.wholeRecord);
        return (
          <li key={source.id}>
            {source.url ? (
              <a href={source.url} rel="nofollow noopener">
                {source.title}
              </a>
            ) : (
              source.title
            )}
            {source.publisher && `, ${source.publisher}`}
            {source.publishedOn && `, ${formatPartialDate(source.publishedOn, locale)}`}
            <span class="muted"> ({t.person.supports([...new Set(fields)].join(', '))})</span>
          </li>
        );
      })}
    </ol>
  );
}

function ProfileBody({ context, profile }: { context: PageContext; profile: Profile }) {
  const { t, locale, today } = context;
  const person: PersonRecord = profile.person;
  const names = namesForReader(person.names, locale);
  const facility = currentFacility(profile);
  const timeline = timelineOf(profile, t);
  return (
    <article class="person">
      <h1>{nameForReader(person, locale)}</h1>
      <ul class="other-names" aria-label={t.person.otherNames}>
        {names.slice(1).map((name) => (
          <li key={name.id} lang={name.language}>
            {name.text}
          </li>
        ))}
      </ul>
      <Facts
        items={[
          [t.person.status, <span class={`status ${person.status}`}>{t.status[person.status]}</span>],
          [
            t.person.daysInCustody,
            person.episodeCount > 0 && (
              <>
                <strong>{formatCount(person.daysInCustody, locale)}</strong>{' '}
                <span class="muted">({t.person.daysAsOf(formatPartialDate(today, locale))})</span>
              </>
            ),
          ],
          [t.person.born, person.birthDate && <PartialDate value={person.birthDate} locale={locale} />],
          [t.person.region, person.region],
          [t.person.occupations, person.occupations.join(', ')],
          [t.person.ties, person.ties.map((tie) => countryName(tie.country, locale)).join(', ')],
        ]}
      />
      {person.biography && (
        <section aria-labelledby="about">
          <h2 id="about">{t.person.biography}</h2>
          <p>{person.biography}</p>
        </section>
      )}
      {facility && (
        <section class="letters" aria-labelledby="letters">
          <h2 id="letters">{t.person.letters}</h2>
          <p>
            <strong>{facility.name}</strong>
            {facility.city && `, ${facility.city}`}
          </p>
          {facility.postalAddress ? (
            <address>
              <span class="muted">{t.person.postalAddress}:</span> {facility.postalAddress}
            </address>
          ) : (
            <p>{t.person.noAddress}</p>
          )}
          {facility.letterNotes && <p>{facility.letterNotes}</p>}
          <p class="muted">{t.person.letterGuidance}</p>
        </section>
      )}
      {timeline.length > 0 && (
        <section aria-labelledby="timeline">
          <h2 id="timeline">{t.person.timeline}</h2>
          <ol class="timeline">
            {timeline.map((event) => (
              <li key={event.key}>
                <PartialDate value={event.on} locale={locale} /> — {event.text}
              </li>
            ))}
          </ol>
          {profile.episodes.map((episode) => (
            <EpisodeSection key={episode.id} context={context} episode={episode} profile={profile} />
          ))}
        </section>
      )}
      {profile.conditions.length > 0 && (
        <section aria-labelledby="conditions">
          <h2 id="conditions">{t.person.conditions}</h2>
          <ConditionList context={context} events={profile.conditions} />
        </section>
      )}
      {profile.recognitions.length > 0 && (
        <section aria-labelledby="recognitions">
          <h2 id="recognitions">{t.person.recognitions}</h2>
          <ul>
            {profile.recognitions.map((recognition) => (
              <li key={recognition.id}>
                {recognition.organisation}
                {recognition.recognisedOn && (
                  <>
                    , <PartialDate value={recognition.recognisedOn} locale={locale} />
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="sources">
        <h2 id="sources">{t.person.sources}</h2>
        <Sources context={context} profile={profile} />
      </section>
      <p class="feed">
        <a href={context.links.file(`/feeds/persons/${person.id}.atom`)} type="application/atom+xml">
          {t.person.feed}
        </a>
      </p>
    </article>
  );
}

/** render for many contexts, from loadProfiles: a page the public may not see is "not found", as in render. */
async function renderProfiles(contexts: readonly PageContext[]): Promise<PageOutput[]> {
  const first = contexts[0];
  if (!first) return [];
  const requested = contexts.map((context) => {
    const id = context.params.id;
    if (!isUuid(id)) throw notFound('person', String(id));
    return id;
  });
  // A merged record's old address keeps working: it shows the record it was merged into.
  const resolved = await first.services.persons.resolveIds(requested);
  const idOf = (id: string) => resolved.get(id) ?? id;
  const profiles = await loadProfiles(first.services, [...new Set(requested.map(idOf))]);
  return contexts.map((context, index) => {
    const id = idOf(requested[index] ?? '');
    const profile = profiles.get(id);
    if (!profile) throw notFound('person', id);
    return profileOutput(context, profile);
  });
}

const profileOutput = (context: PageContext, profile: Profile): PageOutput => ({
  title: nameForReader(profile.person, context.locale),
  body: <ProfileBody context={context} profile={profile} />,
});

const profilePage: PageDefinition = {
  id: 'prisoner',
  route: '/prisoners/:id',
  async paths(services) {
    return (await services.persons.ids({ sort: 'createdAt' })).map((id) => `/prisoners/${id}`);
  },
  async render(context) {
    const requested = context.params.id;
    if (!isUuid(requested)) throw notFound('person', String(requested));
    // A merged record's old address keeps working: it shows the record it was merged into.
    const id = (await context.services.persons.resolveId(requested)) ?? requested;
    return profileOutput(context, await loadProfile(context.services, id));
  },
  renderMany: renderProfiles,
};

export const personProfilePages: PageDefinition[] = [profilePage];
