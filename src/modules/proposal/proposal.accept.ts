import type { RegistryServices as Services } from './registry-services.js';
import { ruleViolated } from '../../lib/errors.js';
import type { CitableType } from '../citation/citation.schema.js';
import type { Visibility } from '../user/access.js';
import type { PayloadOf, ProposalKind } from './proposal.schema.js';

/**
 * What accepting each kind of proposal writes, through the owning modules' services, always with a
 * citation of the article. Called inside the accept's transaction: any refusal undoes it all.
 */
export interface AcceptContext {
  services: Services;
  kind: ProposalKind;
  payload: PayloadOf<ProposalKind>;
  sourceId: string;
  quote: string;
  visibility: Visibility;
  /** Batches made by accepting this article's release events, for its concessions. */
  acceptedBatches: () => Promise<string[]>;
}

export interface AcceptResult {
  type: CitableType;
  id: string;
}

const COUNTERPART_COUNTRIES: Readonly<Record<string, string>> = {
  'United States': 'US',
  Lithuania: 'LT',
  Poland: 'PL',
  Ukraine: 'UA',
  Latvia: 'LV',
  Germany: 'DE',
  'Holy See': 'VA',
};

async function cite(context: AcceptContext, subjectType: CitableType, subjectId: string, field?: string) {
  await context.services.citations.create({
    sourceId: context.sourceId,
    subjectType,
    subjectId,
    field: field ?? null,
    quote: context.quote.slice(0, 2000),
  });
}

/** The registry's counterpart of that name, made when it is not there yet. */
async function counterpartId(services: Services, name: string): Promise<string> {
  const page = await services.counterparts.find({ limit: 500, offset: 0 });
  const existing = page.items.find((item) => item.name.toLowerCase() === name.toLowerCase());
  if (existing) return existing.id;
  const country = COUNTERPART_COUNTRIES[name] ?? null;
  return (
    await services.counterparts.create({
      name,
      kind: name === 'European Union' ? 'organisation' : 'state',
      country,
    })
  ).id;
}

function requirePerson(person: { personId?: string | null | undefined; name: string }, path: string): string {
  if (!person.personId)
    throw ruleViolated(
      path,
      `${person.name} is not linked to a registry person: accept the new-person proposal first, or set personId`,
    );
  return person.personId;
}

async function openEpisodeOf(services: Services, personId: string) {
  const episodes = await services.episodes.listForPerson(personId);
  return episodes.filter((episode) => episode.release === null).at(-1) ?? null;
}

async function acceptRelease(
  context: AcceptContext,
  payload: PayloadOf<'release_event'>,
): Promise<AcceptResult> {
  const { services } = context;
  if (!payload.releasedOn)
    throw ruleViolated('payload.releasedOn', 'a release needs its date: set releasedOn');
  const counterparts: { counterpartId: string; role: 'counterpart' | 'receiving' }[] = [];
  for (const name of payload.counterparts) {
    counterparts.push({ counterpartId: await counterpartId(services, name), role: 'counterpart' });
  }
  if (payload.destination) {
    counterparts.push({
      counterpartId: await counterpartId(services, payload.destination),
      role: 'receiving',
    });
  }
  const unique = counterparts.filter(
    (c, i) => counterparts.findIndex((o) => o.counterpartId === c.counterpartId && o.role === c.role) === i,
  );
  const title =
    payload.title ??
    `Release of ${payload.count ?? payload.people.length} ${payload.count === 1 ? 'person' : 'people'} on ${payload.releasedOn}`;
  const batch = await services.batches.create({
    releasedOn: payload.releasedOn,
    announcedCount: payload.count,
    title,
    destinationNote: payload.destination ?? null,
    forcedExile: payload.forcedExile ?? null,
    description: null,
    counterparts: unique,
    concessions: [],
    visibility: context.visibility,
  });
  await cite(context, 'batch', batch.id);
  // The named and linked people who are held in the registry leave custody with this batch.
  for (const person of payload.people) {
    if (!person.personId) continue;
    const episode = await openEpisodeOf(services, person.personId);
    if (!episode) continue;
    await services.episodes.update(episode.id, {
      release: {
        releasedOn: payload.releasedOn,
        mode: payload.mode,
        batchId: batch.id,
        destinationCountry: payload.destinationCountry ?? null,
        forcedExile: payload.forcedExile ?? null,
      },
      version: episode.version,
    });
    await cite(context, 'episode', episode.id, 'release');
  }
  return { type: 'batch', id: batch.id };
}

async function acceptSentence(context: AcceptContext, payload: PayloadOf<'sentence'>): Promise<AcceptResult> {
  const { services } = context;
  const personId = requirePerson(payload.person, 'payload.person.personId');
  const charges = [];
  const unknownArticles: string[] = [];
  for (const article of payload.articles) {
    const found = await services.legalArticles.find({
      code: 'BY-CC',
      number: article.number,
      limit: 1,
      offset: 0,
    });
    const match = found.items[0];
    if (match) charges.push({ articleId: match.id, part: article.part, note: null });
    else unknownArticles.push(`${article.part ? `part ${article.part} of ` : ''}Article ${article.number}`);
  }
  const sentence = {
    verdictOn: payload.verdictOn ?? null,
    sentenceMonths: payload.months,
    sentenceRegime: payload.regime ?? null,
    ...(unknownArticles.length > 0
      ? { sentenceNote: `Charged under ${unknownArticles.join(', ')} (not in the registry's articles yet)` }
      : {}),
  };
  let episode = payload.episodeId
    ? await services.episodes.get(payload.episodeId)
    : await openEpisodeOf(services, personId);
  if (episode && episode.personId !== personId)
    throw ruleViolated('payload.episodeId', `episode ${episode.id} belongs to another person`);
  if (!episode) {
    if (!payload.detainedOn)
      throw ruleViolated(
        'payload.detainedOn',
        `${payload.person.name} has no open detention episode: set detainedOn to create one, or episodeId`,
      );
    episode = await services.episodes.create({
      personId,
      detainedOn: payload.detainedOn,
      ...sentence,
      charges,
      facilityStays: [],
      visibility: context.visibility,
    });
  } else {
    const kept = episode.charges.map((charge) => ({
      articleId: charge.articleId,
      part: charge.part,
      note: charge.note,
    }));
    const added = charges.filter((charge) => !kept.some((k) => k.articleId === charge.articleId));
    episode = await services.episodes.update(episode.id, {
      ...sentence,
      charges: [...kept, ...added],
      version: episode.version,
    });
  }
  await cite(context, 'episode', episode.id, 'sentenceMonths');
  return { type: 'episode', id: episode.id };
}

async function acceptArrest(context: AcceptContext, payload: PayloadOf<'arrest'>): Promise<AcceptResult> {
  const personId = requirePerson(payload.person, 'payload.person.personId');
  if (!payload.detainedOn)
    throw ruleViolated('payload.detainedOn', 'an arrest needs its date: set detainedOn');
  const episode = await context.services.episodes.create({
    personId,
    detainedOn: payload.detainedOn,
    charges: [],
    facilityStays: [],
    visibility: context.visibility,
  });
  await cite(context, 'episode', episode.id, 'detainedOn');
  return { type: 'episode', id: episode.id };
}

async function acceptConcession(
  context: AcceptContext,
  payload: PayloadOf<'concession'>,
): Promise<AcceptResult> {
  const { services } = context;
  const batches = payload.batchId ? [payload.batchId] : await context.acceptedBatches();
  if (batches.length !== 1)
    throw ruleViolated(
      'payload.batchId',
      batches.length === 0
        ? 'accept the release this concession was given for first, or set batchId'
        : 'this article has several accepted releases: set batchId',
    );
  const batchId = batches[0] ?? '';
  const batch = await services.batches.get(batchId);
  const concession = {
    kind: payload.kind,
    target: payload.target,
    givenById: payload.givenBy ? await counterpartId(services, payload.givenBy) : null,
    description: null,
    announcedOn: payload.announcedOn ?? null,
  };
  await services.batches.update(batch.id, {
    concessions: [
      ...batch.concessions.map(({ kind, target, givenById, description, announcedOn }) => ({
        kind,
        target,
        givenById,
        description,
        announcedOn,
      })),
      concession,
    ],
    version: batch.version,
  });
  await cite(context, 'batch', batch.id, 'concessions');
  return { type: 'batch', id: batch.id };
}

export async function acceptProposal(context: AcceptContext): Promise<AcceptResult> {
  const { services } = context;
  switch (context.kind) {
    case 'release_event':
      return acceptRelease(context, context.payload as PayloadOf<'release_event'>);
    case 'sentence':
      return acceptSentence(context, context.payload as PayloadOf<'sentence'>);
    case 'arrest':
      return acceptArrest(context, context.payload as PayloadOf<'arrest'>);
    case 'concession':
      return acceptConcession(context, context.payload as PayloadOf<'concession'>);
    case 'count_observation': {
      const payload = context.payload as PayloadOf<'count_observation'>;
      const observation = await services.countObservations.create({
        ...payload,
        note: null,
        sourceId: context.sourceId,
        visibility: context.visibility,
      });
      await cite(context, 'count_observation', observation.id);
      return { type: 'count_observation', id: observation.id };
    }
    case 'new_person': {
      const payload = context.payload as PayloadOf<'new_person'>;
      const person = await services.persons.create({
        names: [{ text: payload.name, script: payload.script, language: payload.language, isPrimary: true }],
        occupations: [],
        ties: [],
        visibility: context.visibility,
        anonymous: false,
      });
      await cite(context, 'person', person.id);
      return { type: 'person', id: person.id };
    }
    case 'person_link': {
      const payload = context.payload as PayloadOf<'person_link'>;
      await services.persons.get(payload.personId);
      await cite(context, 'person', payload.personId);
      return { type: 'person', id: payload.personId };
    }
  }
}
