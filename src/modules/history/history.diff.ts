import { hash } from 'node:crypto';
import type { RevisionTable } from '../../db/database.js';
import { canonicalJson, canonicalKeyOrder, canonicalText, quotedKey } from '../../lib/canonical-json.js';

/**
 * The pure part of a revision (docs/decisions/0005-history.md): the field diff, its canonical text
 * and the chained hash. No database, so a bulk load's worker threads can diff the records they
 * prepare (bulk.prepare.ts) and the loading thread only chains them.
 */

export type RevisionAction = 'create' | 'update' | 'delete' | 'merge';

export type FieldDiff = Record<string, { from: unknown; to: unknown }>;

/** Bookkeeping fields change on every write and say nothing about the facts. */
const UNTRACKED = new Set(['updatedAt', 'version', 'createdAt']);

const mayShareText = (value: unknown): boolean => typeof value === 'object' || typeof value === 'number';

const nullAgainstObject = (a: unknown, b: unknown): boolean =>
  (a === null && typeof b === 'object') || (b === null && typeof a === 'object');

export function fieldDiff(before: object | null, after: object | null): FieldDiff {
  const from = (before ?? {}) as Record<string, unknown>;
  const to = (after ?? {}) as Record<string, unknown>;
  const diff: FieldDiff = {};
  for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
    if (UNTRACKED.has(key)) continue;
    const a = from[key] ?? null;
    const b = to[key] ?? null;
    if (a === b) continue;
    // Serialised only when the texts may still agree: objects, arrays, null and numbers (NaN and
    // Infinity are null in JSON); a string or a boolean differs from any other value.
    // Null against an object or an array never agrees either ("null" against "{…" or "[…"): the
    // common case of a record's creation, whose fields are compared with nothing.
    const comparable = mayShareText(a) && mayShareText(b) && !nullAgainstObject(a, b);
    if (!comparable || canonicalJson(a) !== canonicalJson(b)) diff[key] = { from: a, to: b };
  }
  return diff;
}

/** A change whose diff is already written as canonical JSON: all that is left is to chain it. */
export interface DiffedChange {
  entity: string;
  recordId: string;
  action: RevisionAction;
  /** canonicalJson(fieldDiff(before, after)) */
  diff: string;
  reason: string | null;
}

/**
 * canonicalJson(fieldDiff(null, after)) written directly: a creation's diff is every tracked field
 * that has a value, each from null. Most of the history a bulk load records is creations.
 */
export function creationDiffText(after: object): string {
  const record = after as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of canonicalKeyOrder(Object.keys(record))) {
    if (UNTRACKED.has(key)) continue;
    const value = record[key] ?? null;
    // NaN and Infinity are written null, so fieldDiff finds them equal to nothing.
    if (value === null || (typeof value === 'number' && !Number.isFinite(value))) continue;
    const text = canonicalText(value);
    parts.push(`${quotedKey(key)}:{"from":null${text === undefined ? '' : `,"to":${text}`}}`);
  }
  return `{${parts.join(',')}}`;
}

/** The diffed change of a record's creation. */
export function creationDiffed(entity: string, recordId: string, after: object): DiffedChange {
  return { entity, recordId, action: 'create', diff: creationDiffText(after), reason: null };
}

export type RevisionContent = Omit<RevisionTable, 'hash' | 'prevHash'>;

/**
 * canonicalJson(content) written in its one key order (sorted: action, actor, at, diff, entity,
 * reason, recordId, seq): hashing every revision of a bulk load, the generic writer's sorting was
 * a fifth of the loading thread's history time.
 */
export function revisionContentText(content: RevisionContent): string {
  const seq = Number.isFinite(content.seq) ? String(content.seq) : 'null';
  const reason = content.reason === null ? 'null' : JSON.stringify(content.reason);
  return (
    `{"action":${JSON.stringify(content.action)},"actor":${JSON.stringify(content.actor)},` +
    `"at":${JSON.stringify(content.at)},"diff":${JSON.stringify(content.diff)},` +
    `"entity":${JSON.stringify(content.entity)},"reason":${reason},` +
    `"recordId":${JSON.stringify(content.recordId)},"seq":${seq}}`
  );
}

export function revisionHash(prevHash: string, content: RevisionContent): string {
  // One-shot: a Hash object per revision cost three times as much in a bulk load.
  return hash('sha256', `${prevHash}\n${revisionContentText(content)}`, 'hex');
}
