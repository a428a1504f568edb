import type { RecordServices as Services } from '../../app.js';
import type { EpisodeDraft, PersonDraft, RowDraft } from '../../ingest/import/rows.js';
import { addMessage, type ImportMessage, importMessage, plainMessage } from '../../ingest/import/messages.js';
import { isAppError } from '../../lib/errors.js';
import { foldForSearch } from '../../lib/fold.js';
import type { EpisodeRecord } from '../episode/episode.schema.js';
import type { PersonRecord, UpdatePerson } from '../person/person.schema.js';
import type { ImportAction, ImportOptions, ImportRowReport } from './import.schema.js';

/**
 * Applies spreadsheet rows through the services, in the caller's transaction. How a row finds
 * its person (docs/decisions/0008): the same name text and birth date as a stored person is that
 * person (so a second import of the same file changes nothing); else a near-certain duplicate
 * warning (score ≥ MERGE_SCORE) with the same known birth date merges the row into that person;
 * anything weaker creates a new person and reports the possible duplicates.
 */
export const MERGE_SCORE = 0.95;

/** A row the import cannot take, for a reason the report names by its code. */
class RowRefused extends Error {
  constructor(readonly detail: ImportMessage) {
    super('row refused');
  }
}

const say = (report: ImportRowReport, message: ImportMessage) =>
  addMessage({ texts: report.messages, details: report.details }, message);

const sameText = (a: string, b: string) => foldForSearch(a) === foldForSearch(b);

function personKey(person: PersonDraft): string {
  return JSON.stringify([person.names.map((name) => foldForSearch(name.text)).sort(), person.birthDate]);
}

async function findExact(services: Services, person: PersonDraft): Promise<PersonRecord[]> {
  const found = new Map<string, PersonRecord>();
  for (const name of person.names) {
    const page = await services.persons.find({ q: name.text, limit: 100, offset: 0, sort: 'name' });
    for (const record of page.items) {
      const named = record.names.some((stored) => sameText(stored.text, name.text));
      if (named && record.birthDate === person.birthDate) found.set(record.id, record);
    }
  }
  return [...found.values()];
}

async function findMergeTarget(
  services: Services,
  person: PersonDraft,
  report: ImportRowReport,
): Promise<PersonRecord | null> {
  const hits = await services.persons.checkDuplicates(
    person.names.map((name) => ({ text: name.text, script: name.script, language: name.language })),
  );
  for (const hit of hits) {
    const candidate = await services.persons.get(hit.personId);
    if (hit.score >= MERGE_SCORE && person.birthDate !== null && candidate.birthDate === person.birthDate) {
      say(
        report,
        importMessage('mergedInto', { name: candidate.displayName, id: candidate.id, reason: hit.reason }),
      );
      return candidate;
    }
  }
  for (const hit of hits) {
    say(
      report,
      importMessage('possibleDuplicate', {
        name: hit.matchedName,
        id: hit.personId,
        score: hit.score.toFixed(2),
        reason: hit.reason,
      }),
    );
  }
  return null;
}

/** What the row adds to a stored person: new spellings, occupations, and facts the row states. */
function personPatch(stored: PersonRecord, person: PersonDraft, fillOnly: boolean): UpdatePerson {
  const patch: UpdatePerson = {};
  const newNames = person.names.filter((name) => !stored.names.some((own) => sameText(own.text, name.text)));
  if (newNames.length > 0) {
    patch.names = [
      ...stored.names.map((name) => ({
        text: name.text,
        script: name.script,
        language: name.language,
        system: name.system ?? null,
        isPrimary: name.isPrimary,
      })),
      ...newNames.map((name) => ({ ...name, system: null, isPrimary: false })),
    ];
  }
  const scalars = ['birthDate', 'gender', 'region', 'biography'] as const;
  for (const field of scalars) {
    const value = person[field];
    if (value !== null && value !== stored[field] && (!fillOnly || stored[field] === null)) {
      (patch as Record<string, unknown>)[field] = value;
    }
  }
  const newOccupations = person.occupations.filter(
    (occupation) => !stored.occupations.some((own) => sameText(own, occupation)),
  );
  if (newOccupations.length > 0) patch.occupations = [...stored.occupations, ...newOccupations];
  return patch;
}

export interface SheetContext {
  services: Services;
  options: ImportOptions;
  /** Articles and facilities looked up once per import. */
  articleIds: Map<string, string>;
  facilityIds: Map<string, string> | null;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

async function articleId(context: SheetContext, number: string, actions: ImportAction[]): Promise<string> {
  const code = context.options.articleCode;
  const known = context.articleIds.get(number);
  if (known) return known;
  const page = await context.services.legalArticles.find({ code, number, limit: 1, offset: 0 });
  const id = page.items[0]?.id ?? (await context.services.legalArticles.create({ code, number })).id;
  if (!page.items[0])
    actions.push({ entity: 'legal_article', action: 'create', id, fields: ['code', 'number'] });
  context.articleIds.set(number, id);
  return id;
}

async function facilityId(context: SheetContext, name: string): Promise<string | null> {
  if (!context.facilityIds) {
    context.facilityIds = new Map();
    for (let offset = 0; ; offset += 500) {
      const page = await context.services.facilities.find({ limit: 500, offset });
      for (const facility of page.items) context.facilityIds.set(foldForSearch(facility.name), facility.id);
      if (page.items.length < 500) break;
    }
  }
  return context.facilityIds.get(foldForSearch(name)) ?? null;
}

async function applyEpisode(
  context: SheetContext,
  personId: string,
  draft: EpisodeDraft,
  report: ImportRowReport,
): Promise<void> {
  const { services, options } = context;
  const charges = [];
  for (const ref of draft.articles) {
    charges.push({
      articleId: await articleId(context, ref.number, report.actions),
      part: ref.part,
      note: null,
    });
  }
  let stays: { facilityId: string; from: null; to: null; note: null }[] = [];
  if (draft.facility) {
    const id = await facilityId(context, draft.facility);
    if (!id) {
      throw new RowRefused(importMessage('facilityMissing', { name: draft.facility }));
    }
    stays = [{ facilityId: id, from: null, to: null, note: null }];
  }
  const release = draft.release
    ? { ...draft.release, mode: draft.release.mode as NonNullable<EpisodeRecord['release']>['mode'] }
    : null;
  const episodes = await services.episodes.find({ personId, limit: 500, offset: 0 });
  const existing = episodes.items.find((episode) => episode.detainedOn === draft.detainedOn);
  if (!existing) {
    const created = await services.episodes.create({
      personId,
      detainedOn: draft.detainedOn,
      sentenceMonths: draft.sentenceMonths,
      charges,
      facilityStays: stays,
      release,
      visibility: options.visibility,
    });
    report.actions.push({
      entity: 'episode',
      action: 'create',
      id: created.id,
      fields: [
        'detainedOn',
        ...(charges.length ? ['charges'] : []),
        ...(draft.sentenceMonths !== null ? ['sentenceMonths'] : []),
        ...(stays.length ? ['facilityStays'] : []),
        ...(release ? ['release'] : []),
      ],
    });
    return;
  }
  const patch: Record<string, unknown> = {};
  const storedCharges = existing.charges.map((charge) => `${charge.articleId}/${charge.part ?? ''}`).sort();
  const rowCharges = charges.map((charge) => `${charge.articleId}/${charge.part ?? ''}`).sort();
  if (charges.length > 0 && JSON.stringify(storedCharges) !== JSON.stringify(rowCharges))
    patch.charges = charges;
  if (draft.sentenceMonths !== null && draft.sentenceMonths !== existing.sentenceMonths)
    patch.sentenceMonths = draft.sentenceMonths;
  const stay = stays[0];
  if (stay && !existing.facilityStays.some((own) => own.facilityId === stay.facilityId)) {
    patch.facilityStays = [
      ...existing.facilityStays.map((own) => ({
        facilityId: own.facilityId,
        from: own.from,
        to: own.to,
        note: own.note,
      })),
      stay,
    ];
  }
  if (
    release &&
    (existing.release?.releasedOn !== release.releasedOn || existing.release.mode !== release.mode)
  ) {
    patch.release = { ...(existing.release ?? {}), ...release };
  }
  const fields = Object.keys(patch);
  if (fields.length === 0) {
    report.actions.push({ entity: 'episode', action: 'unchanged', id: existing.id, fields });
    return;
  }
  await services.episodes.update(existing.id, { ...patch, version: existing.version });
  report.actions.push({ entity: 'episode', action: 'update', id: existing.id, fields });
}

async function applySources(
  context: SheetContext,
  personId: string,
  urls: string[],
  report: ImportRowReport,
) {
  const { services, options } = context;
  for (const url of urls) {
    const found = await services.sources.find({ url, limit: 1, offset: 0 });
    let sourceId = found.items[0]?.id;
    if (!sourceId) {
      sourceId = (
        await services.sources.create({ url, title: url, kind: 'article', visibility: options.visibility })
      ).id;
      report.actions.push({ entity: 'source', action: 'create', id: sourceId, fields: ['url'] });
    }
    const cited = await services.citations.find({
      sourceId,
      subjectType: 'person',
      subjectId: personId,
      limit: 1,
      offset: 0,
    });
    if (cited.items.length === 0) {
      const citation = await services.citations.create({
        sourceId,
        subjectType: 'person',
        subjectId: personId,
      });
      report.actions.push({ entity: 'citation', action: 'create', id: citation.id, fields: ['sourceId'] });
    }
  }
}

async function applyPerson(
  context: SheetContext,
  draft: RowDraft & { person: PersonDraft },
  report: ImportRowReport,
) {
  const { services, options } = context;
  const person = draft.person;
  const exact = await findExact(services, person);
  if (exact.length > 1) {
    say(
      report,
      importMessage('matchesSeveral', {
        count: exact.length,
        ids: exact.map((record) => record.id).join(', '),
      }),
    );
    report.outcome = 'reject';
    return;
  }
  const target = exact[0] ?? (await findMergeTarget(services, person, report));
  let personId: string;
  if (target) {
    personId = target.id;
    const patch = personPatch(target, person, exact.length === 0);
    const fields = Object.keys(patch);
    if (fields.length > 0) await services.persons.update(target.id, { ...patch, version: target.version });
    report.actions.push({
      entity: 'person',
      action: fields.length === 0 ? 'unchanged' : exact.length ? 'update' : 'merge',
      id: personId,
      fields,
    });
  } else {
    const created = await services.persons.create({
      names: person.names.map((name, index) => ({ ...name, system: null, isPrimary: index === 0 })),
      birthDate: person.birthDate,
      gender: person.gender,
      region: person.region,
      occupations: person.occupations,
      ties: [],
      biography: person.biography,
      visibility: options.visibility,
      anonymous: false,
    });
    personId = created.id;
    report.actions.push({
      entity: 'person',
      action: 'create',
      id: personId,
      fields: [
        'names',
        ...(['birthDate', 'gender', 'region', 'biography'] as const).filter(
          (field) => person[field] !== null,
        ),
        ...(person.occupations.length ? ['occupations'] : []),
      ],
    });
  }
  report.recordId = personId;
  if (draft.episode) await applyEpisode(context, personId, draft.episode, report);
  await applySources(context, personId, draft.sourceUrls, report);
  const [personAction] = report.actions.filter((action) => action.entity === 'person');
  const changed = report.actions.some((action) => action.action !== 'unchanged');
  report.outcome =
    personAction?.action === 'create'
      ? 'create'
      : personAction?.action === 'merge'
        ? 'merge'
        : changed
          ? 'update'
          : 'unchanged';
}

/** Every row of the sheet, in order: later rows see what earlier rows wrote (same transaction). */
export async function applySheetRows(
  context: SheetContext,
  drafts: readonly RowDraft[],
): Promise<ImportRowReport[]> {
  const fingerprints = new Map<string, number>();
  const personKeys = new Map<string, number>();
  const reports: ImportRowReport[] = [];
  for (const draft of drafts) {
    const report: ImportRowReport = {
      line: draft.line,
      entity: 'person',
      outcome: 'reject',
      recordId: null,
      messages: [],
      details: [],
      cells: draft.cells,
      actions: [],
    };
    reports.push(report);
    context.onProgress?.(reports.length, drafts.length);
    for (const problem of draft.problems) say(report, problem);
    for (const cell of draft.cells)
      if (cell.issue) say(report, { ...cell.issue, column: cell.column });
      else if (cell.problem) say(report, { ...plainMessage(cell.problem), column: cell.column });
    if (report.messages.length > 0 || !draft.person) continue;
    const sameRow = fingerprints.get(draft.fingerprint);
    if (sameRow !== undefined) {
      report.outcome = 'duplicate';
      say(report, importMessage('sameAsLine', { line: sameRow }));
      continue;
    }
    fingerprints.set(draft.fingerprint, draft.line);
    const key = personKey(draft.person);
    const samePerson = personKeys.get(key);
    if (samePerson !== undefined) {
      say(report, importMessage('samePersonDiffers', { line: samePerson }));
      continue;
    }
    personKeys.set(key, draft.line);
    try {
      await applyPerson(context, { ...draft, person: draft.person }, report);
    } catch (error) {
      if (error instanceof RowRefused) {
        say(report, error.detail);
        report.outcome = 'reject';
        continue;
      }
      if (!isAppError(error) || error.code === 'internal') throw error;
      const details =
        error.issues.length > 1 ? error.issues.map((issue) => `${issue.path}: ${issue.message}`) : [];
      for (const text of [error.message, ...details]) say(report, plainMessage(text));
      report.outcome = 'reject';
    }
  }
  return reports;
}
