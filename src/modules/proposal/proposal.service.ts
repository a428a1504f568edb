import type { RegistryServices as Services } from './registry-services.js';
import type { Db } from '../../db/database.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { isoDayOf } from '../../lib/partial-date.js';
import { parseInput } from '../../lib/validation.js';
import { type Article, readArticle } from '../../ingest/article.js';
import { COUNTRY_TIME_ZONES, localDayOf } from '../../ingest/dates.js';
import { extractFacts } from '../../ingest/extract.js';
import { mentionsToLink } from '../../ingest/mentions.js';
import type { Extraction, NamedPerson } from '../../ingest/types.js';
import { DUPLICATE_WARNING_THRESHOLD } from '../../names/matcher.js';
import { recordRevision } from '../history/history.service.js';
import type { Clock } from '../shared/clock.js';
import { timestamp } from '../shared/clock.js';
import type { Page } from '../shared/common.schema.js';
import { staleVersion } from '../shared/simple.service.js';
import { inTransaction } from '../shared/transaction.js';
import { actorOf } from '../history/history.service.js';
import { isStaff, mayPublish, mayWrite, type Viewer } from '../user/access.js';
import type { SourceRecord } from '../source/source.schema.js';
import { presentProposal } from './proposal.presenter.js';
import {
  insertProposals,
  selectAcceptedOfSource,
  selectPendingOfSource,
  selectProposal,
  selectProposals,
  updateProposal,
} from './proposal.repository.js';
import {
  type AcceptInput,
  type IngestInput,
  PAYLOAD_SCHEMAS,
  type PayloadOf,
  type ProposalEvidence,
  type ProposalFilter,
  type ProposalKind,
  type ProposalRecord,
} from './proposal.schema.js';
import { acceptProposal } from './proposal.accept.js';

/**
 * Ingestion: an article becomes a Source and proposals; an editor's accept turns one proposal
 * into a fact (through the owning module's service, with a citation), a reject is recorded.
 * Nothing is written into the registry's facts without someone accepting it.
 */
export interface ProposalServiceDeps {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  /** The registry's services bound to a database or transaction, with this viewer's eyes. */
  servicesOn: (db: Db) => Services;
}

/** A name links to a registry person only as surely as a duplicate warning would fire. */
export const LINK_THRESHOLD = DUPLICATE_WARNING_THRESHOLD;

export interface IngestResult {
  source: SourceRecord;
  proposals: ProposalRecord[];
  message: string;
  publishedFrom: Article['publishedFrom'];
}

interface Draft {
  kind: ProposalKind;
  payload: object;
  evidence: ProposalEvidence;
  confidence: number;
}

export interface LinkedName {
  personId: string;
  displayName: string;
  score: number;
  reason: string;
}

/** Finds the registry person a mention names: the best hit over every nominative reading. */
export async function linkName(services: Services, person: Pick<NamedPerson, 'queries' | 'name'>) {
  let best: LinkedName | null = null;
  for (const query of person.queries.length > 0 ? person.queries : [person.name]) {
    const [hit] = await services.persons.search(query, 3);
    if (hit && hit.score >= LINK_THRESHOLD && (best === null || hit.score > best.score)) {
      best = { personId: hit.personId, displayName: hit.displayName, score: hit.score, reason: hit.reason };
    }
  }
  return best;
}

function messageFor(drafts: readonly Draft[]): string {
  if (drafts.length === 0)
    return 'no facts found: the article names no release, sentence, arrest, published total or concession the rules recognise';
  const counts = new Map<string, number>();
  for (const draft of drafts) counts.set(draft.kind, (counts.get(draft.kind) ?? 0) + 1);
  return `${drafts.length} proposals: ${[...counts].map(([kind, n]) => `${n} ${kind}`).join(', ')}; each waits for an editor`;
}

export function createProposalService(deps: ProposalServiceDeps) {
  function requireStaff(): void {
    if (!isStaff(deps.viewer)) throw new AppError('unauthorized', 'proposals are for signed-in staff only');
  }
  function requireWriter(): void {
    requireStaff();
    if (!mayWrite(deps.viewer)) throw new AppError('forbidden', 'your role may not decide on proposals');
  }

  async function get(id: string, db: Db = deps.db): Promise<ProposalRecord> {
    const row = await selectProposal(db, id);
    if (!row) throw notFound('proposal', id);
    return presentProposal(row);
  }

  async function draftsFor(
    services: Services,
    article: Article,
    extractions: Extraction[],
  ): Promise<Draft[]> {
    const drafts: Draft[] = [];
    const links = new Map<string, LinkedName | null>();
    for (const mention of mentionsToLink(extractions, article.text)) {
      const linked = await linkName(services, mention.person);
      links.set(mention.person.name, linked);
      drafts.push(
        linked
          ? {
              kind: 'person_link',
              payload: { text: mention.person.text, name: mention.person.name, ...linked },
              evidence: mention.evidence,
              confidence: Math.round(linked.score * 100) / 100,
            }
          : {
              kind: 'new_person',
              payload: {
                name: mention.person.name,
                script: mention.person.script,
                language: mention.person.script === 'Latn' ? 'en' : article.language === 'be' ? 'be' : 'ru',
                mentions: mention.forms,
              },
              evidence: mention.evidence,
              confidence: 0.6,
            },
      );
    }
    const withLink = (person: NamedPerson): NamedPerson => ({
      ...person,
      personId: links.get(person.name)?.personId ?? null,
    });
    for (const extraction of extractions) {
      let payload: object = extraction.facts;
      if (extraction.kind === 'release_event')
        payload = { ...extraction.facts, people: extraction.facts.people.map(withLink) };
      if (extraction.kind === 'sentence' || extraction.kind === 'arrest')
        payload = { ...extraction.facts, person: withLink(extraction.facts.person) };
      drafts.unshift({
        kind: extraction.kind,
        payload,
        evidence: extraction.evidence,
        confidence: extraction.confidence,
      });
    }
    const order: ProposalKind[] = [
      'release_event',
      'concession',
      'count_observation',
      'sentence',
      'arrest',
      'person_link',
      'new_person',
    ];
    return drafts.sort(
      (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.evidence.start - b.evidence.start,
    );
  }

  async function decide(
    id: string,
    expectedVersion: number | undefined,
    apply: (
      trx: Db,
      proposal: ProposalRecord,
    ) => Promise<{ values: Record<string, unknown>; reason: string }>,
  ): Promise<ProposalRecord> {
    requireWriter();
    return inTransaction(deps.db, async (trx) => {
      const current = await get(id, trx);
      if ((expectedVersion ?? current.version) !== current.version)
        throw await staleVersion(trx, 'proposal', 'proposal', id, current);
      if (current.status !== 'pending')
        throw new AppError(
          'conflict',
          `proposal ${id} was already ${current.status} by ${current.decidedBy ?? 'someone'} at ${current.decidedAt ?? '?'}`,
        );
      const { values, reason } = await apply(trx, current);
      const now = timestamp(deps.clock);
      const changed = await updateProposal(trx, id, current.version, {
        ...values,
        decidedBy: actorOf(deps.viewer),
        decidedAt: now,
        updatedAt: now,
      });
      if (!changed) throw await staleVersion(trx, 'proposal', 'proposal', id, current);
      const after = await get(id, trx);
      await recordRevision(trx, deps.viewer, deps.clock, {
        entity: 'proposal',
        recordId: id,
        action: 'update',
        before: current,
        after,
        reason,
      });
      return after;
    });
  }

  return {
    /** To the public a proposal does not exist: 404, exactly like a missing one (ADR 0004). */
    get(id: string): Promise<ProposalRecord> {
      if (!isStaff(deps.viewer)) throw notFound('proposal', id);
      return get(id);
    },

    async find(filter: ProposalFilter): Promise<Page<ProposalRecord>> {
      requireStaff();
      const { rows, total } = await selectProposals(deps.db, filter);
      return { items: rows.map(presentProposal), total, limit: filter.limit, offset: filter.offset };
    },

    /** Reads the article, stores it as a Source and its proposals, in one transaction. */
    async ingest(input: IngestInput, bytes?: Uint8Array): Promise<IngestResult> {
      requireWriter();
      if (input.visibility === 'public' && !mayPublish(deps.viewer))
        throw new AppError(
          'forbidden',
          'your role publishes through review: ingest the article as internal (a reviewer may make the source public)',
          [{ path: 'body.visibility', message: 'public needs a role that publishes' }],
        );
      const timeZone = COUNTRY_TIME_ZONES[input.country] ?? 'Europe/Minsk';
      const today = localDayOf(deps.clock().toISOString(), timeZone) ?? isoDayOf(deps.clock());
      const article = readArticle(bytes ?? input.text ?? input.html ?? '', {
        // Pasted "text" that is really a saved page is read as HTML, so its markup is never stored.
        format: input.html !== undefined ? 'html' : 'auto',
        published: input.published ?? null,
        publisher: input.publisher ?? null,
        url: input.url ?? null,
        title: input.title ?? null,
        timeZone,
        today,
      });
      const extractions = extractFacts(article);
      return inTransaction(deps.db, async (trx) => {
        const services = deps.servicesOn(trx);
        const source = await services.sources.create({
          title: article.title.slice(0, 1000),
          publisher: article.publisher?.slice(0, 300) ?? null,
          url: article.url && /^https?:\/\//.test(article.url) ? article.url : null,
          publishedOn: article.publishedOn,
          retrievedOn: today,
          kind: 'article',
          text: article.text,
          visibility: input.visibility,
        });
        const drafts = await draftsFor(services, article, extractions);
        const now = timestamp(deps.clock);
        const rows = drafts.map((draft) => ({
          id: newId(),
          sourceId: source.id,
          kind: draft.kind,
          payload: JSON.stringify(draft.payload),
          evidence: JSON.stringify(draft.evidence),
          confidencePct: Math.round(draft.confidence * 100),
          status: 'pending',
          decidedBy: null,
          decidedAt: null,
          reason: null,
          resultType: null,
          resultId: null,
          createdAt: now,
          updatedAt: now,
        }));
        await insertProposals(trx, rows);
        const proposals: ProposalRecord[] = [];
        for (const row of rows) {
          const created = await get(row.id, trx);
          await recordRevision(trx, deps.viewer, deps.clock, {
            entity: 'proposal',
            recordId: row.id,
            action: 'create',
            before: null,
            after: created,
          });
          proposals.push(created);
        }
        return { source, proposals, message: messageFor(drafts), publishedFrom: article.publishedFrom };
      });
    },

    /** Creates the fact the proposal names (as edited), cited to its article; all or nothing. */
    accept(id: string, input: AcceptInput): Promise<ProposalRecord> {
      return decide(id, input.version, async (trx, proposal) => {
        const schema = PAYLOAD_SCHEMAS[proposal.kind];
        const payload = parseInput(
          schema,
          input.payload ?? proposal.payload,
          'payload',
          'payload',
        ) as PayloadOf<ProposalKind>;
        const services = deps.servicesOn(trx);
        const result = await acceptProposal({
          services,
          kind: proposal.kind,
          payload,
          sourceId: proposal.sourceId,
          quote: proposal.evidence.sentence,
          visibility: input.visibility,
          acceptedBatches: async () =>
            (await selectAcceptedOfSource(trx, proposal.sourceId, 'release_event')).flatMap((row) =>
              row.resultId ? [row.resultId] : [],
            ),
        });
        if (proposal.kind === 'new_person')
          await linkPendingMentions(trx, proposal, result.id, (payload as PayloadOf<'new_person'>).name);
        return {
          values: {
            status: 'accepted',
            payload: JSON.stringify(payload),
            resultType: result.type,
            resultId: result.id,
          },
          reason: `accepted: ${result.type} ${result.id}`,
        };
      });
    },

    reject(id: string, reason: string, version?: number): Promise<ProposalRecord> {
      return decide(id, version, () =>
        Promise.resolve({ values: { status: 'rejected', reason }, reason: `rejected: ${reason}` }),
      );
    },
  };

  /** Once a new person exists, the other pending proposals of the article that name them link to them. */
  async function linkPendingMentions(trx: Db, accepted: ProposalRecord, personId: string, name: string) {
    for (const row of await selectPendingOfSource(trx, accepted.sourceId)) {
      if (row.id === accepted.id) continue;
      const payload = JSON.parse(row.payload) as Record<string, unknown>;
      let changed = false;
      const link = (person: unknown) => {
        const named = person as { name?: string; personId?: string | null };
        if (named.name === name && !named.personId) {
          changed = true;
          return { ...named, personId };
        }
        return person;
      };
      if (Array.isArray(payload.people)) payload.people = payload.people.map(link);
      if (payload.person) payload.person = link(payload.person);
      if (changed) {
        await updateProposal(trx, row.id, row.version, {
          payload: JSON.stringify(payload),
          updatedAt: timestamp(deps.clock),
        });
      }
    }
  }
}
export type ProposalService = ReturnType<typeof createProposalService>;
