import type { ErrorIssue } from '../lib/errors.js';

/**
 * The generic form machinery of the editors' interface (docs/decisions/0012): a kind describes its
 * fields once; values travel as a flat map of HTML field names ("names.0.text") to text; this file
 * turns that map into the payload of the kind's own zod schema and back. Pure: no I/O, no markup.
 */

/** What a reference field lists: records of another kind, offered as a choice. */
export type ReferenceKind = 'legalArticle' | 'facility' | 'batch' | 'counterpart' | 'source';

export type ScalarType =
  /** One line of text. */
  | 'text'
  | 'textarea'
  /** A partial date (YYYY, YYYY-MM or YYYY-MM-DD), typed as text. */
  | 'partialDate'
  /** A full day (YYYY-MM-DD). */
  | 'day'
  | 'number'
  /** One of `options`. */
  | 'select'
  | 'checkbox'
  /** yes / no / not known. */
  | 'tristate'
  /** A list of short texts, one a line. */
  | 'lines'
  /** The id of a record of `reference`, chosen from a list. */
  | 'reference'
  /** The id of a person, typed or carried from the page that links here. */
  | 'id';

export interface ScalarField {
  kind: 'scalar';
  name: string;
  type: ScalarType;
  options?: readonly string[];
  reference?: ReferenceKind;
  /** Left empty, the schema says what is missing (an empty text is sent rather than nothing). */
  required?: boolean;
  /** Only when creating: the field is not part of the kind's update schema (e.g. personId). */
  createOnly?: boolean;
  /** The value a new record's form starts with. */
  initial?: string;
}

/** A list of rows (a person's names, an episode's charges): rows whose `key` is empty are dropped. */
export interface ListField {
  kind: 'list';
  name: string;
  key: string;
  fields: readonly ScalarField[];
  /** Blank rows offered below the filled ones. */
  blankRows: number;
  /** Initial values of the rows of a new record's form (e.g. the script and language of each name). */
  initialRows?: readonly Readonly<Record<string, string>>[];
}

/** An optional nested object (an episode's release): absent when all its fields are empty. */
export interface GroupField {
  kind: 'group';
  name: string;
  fields: readonly ScalarField[];
}

export type Field = ScalarField | ListField | GroupField;

export type FormValues = Record<string, string>;
export type FormMode = 'create' | 'update';

/** Form fields the machinery reserves: they never reach a payload. */
export const VERSION_FIELD = '_version';

export function fieldsFor(fields: readonly Field[], mode: FormMode): Field[] {
  return fields.filter((field) => field.kind !== 'scalar' || mode === 'create' || !field.createOnly);
}

/** A submitted body (strings, or arrays of them when a name repeats) as a flat map of text. */
export function formValuesOf(body: unknown): FormValues {
  const values: FormValues = {};
  if (body === null || typeof body !== 'object') return values;
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    const text: unknown = Array.isArray(value) ? (value as unknown[]).at(-1) : value;
    if (typeof text === 'string') values[name] = text;
  }
  return values;
}

/** The indices of a list's rows present in the values, in order. */
function rowIndices(values: FormValues, list: ListField): number[] {
  const prefix = `${list.name}.`;
  const indices = new Set<number>();
  for (const name of Object.keys(values)) {
    if (!name.startsWith(prefix)) continue;
    const index = Number(name.slice(prefix.length).split('.')[0]);
    if (Number.isInteger(index) && index >= 0 && index < 1000) indices.add(index);
  }
  return [...indices].sort((a, b) => a - b);
}

export function rowCount(values: FormValues, list: ListField): number {
  const indices = rowIndices(values, list);
  return indices.length === 0 ? 0 : (indices.at(-1) ?? 0) + 1;
}

const isBlank = (value: string | undefined) => value === undefined || value.trim() === '';

/**
 * Drops the rows whose key is empty and numbers the others 0, 1, 2…, so that the payload's paths
 * (and the paths of its errors) are the names of the fields shown again.
 */
export function compactRows(fields: readonly Field[], values: FormValues): FormValues {
  const compacted: FormValues = { ...values };
  for (const list of fields) {
    if (list.kind !== 'list') continue;
    for (const name of Object.keys(compacted)) {
      if (name.startsWith(`${list.name}.`)) delete compacted[name];
    }
    let next = 0;
    for (const index of rowIndices(values, list)) {
      if (isBlank(values[`${list.name}.${index}.${list.key}`])) continue;
      for (const field of list.fields) {
        const value = values[`${list.name}.${index}.${field.name}`];
        if (value !== undefined) compacted[`${list.name}.${next}.${field.name}`] = value;
      }
      next += 1;
    }
  }
  return compacted;
}

/**
 * One field's text as the schema expects it. An empty optional field is absent on a creation and
 * null (cleared) on a change; an empty required field stays "" so the schema names what is missing;
 * a field not sent at all is left out (unchanged).
 */
function scalarValue(field: ScalarField, raw: string | undefined, emptyAs: null | undefined): unknown {
  if (field.type === 'checkbox') return raw !== undefined && raw !== '' && raw !== 'false';
  // A field the form did not send is left as it is; one sent empty is cleared.
  if (raw === undefined) return undefined;
  const text = (raw ?? '').trim();
  if (field.type === 'tristate') return text === 'true' ? true : text === 'false' ? false : null;
  if (field.type === 'lines') {
    return text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '');
  }
  if (text === '') return field.required ? '' : emptyAs;
  if (field.type === 'number') return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  return text;
}

function scalarsOf(
  fields: readonly ScalarField[],
  values: FormValues,
  prefix: string,
  emptyAs: null | undefined,
) {
  const result: Record<string, unknown> = {};
  for (const field of fields) {
    const value = scalarValue(field, values[`${prefix}${field.name}`], emptyAs);
    if (value !== undefined) result[field.name] = value;
  }
  return result;
}

/** The payload of a (compacted) form, in the shape of the kind's create or update schema. */
export function payloadOf(
  fields: readonly Field[],
  values: FormValues,
  mode: FormMode,
): Record<string, unknown> {
  const emptyAs = mode === 'create' ? undefined : null;
  const payload: Record<string, unknown> = {};
  for (const field of fieldsFor(fields, mode)) {
    if (field.kind === 'scalar') {
      const value = scalarValue(field, values[field.name], emptyAs);
      if (value !== undefined) payload[field.name] = value;
    } else if (field.kind === 'list') {
      payload[field.name] = rowIndices(values, field).map((index) =>
        scalarsOf(field.fields, values, `${field.name}.${index}.`, undefined),
      );
    } else if (field.fields.some((sub) => values[`${field.name}.${sub.name}`] !== undefined)) {
      const filled = field.fields.some(
        (sub) => sub.type !== 'checkbox' && !isBlank(values[`${field.name}.${sub.name}`]),
      );
      if (filled) payload[field.name] = scalarsOf(field.fields, values, `${field.name}.`, undefined);
      else if (emptyAs === null) payload[field.name] = null;
    }
  }
  const version = values[VERSION_FIELD];
  if (mode === 'update' && version !== undefined && /^\d+$/.test(version)) payload.version = Number(version);
  return payload;
}

function scalarText(field: ScalarField, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (field.type === 'lines' && Array.isArray(value)) return value.map(String).join('\n');
  if (typeof value === 'boolean')
    return field.type === 'checkbox' ? (value ? 'on' : undefined) : String(value);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return undefined;
}

/** A record (or payload) as form values, for the form that changes it. */
export function valuesOf(fields: readonly Field[], record: Readonly<Record<string, unknown>>): FormValues {
  const values: FormValues = {};
  const put = (name: string, field: ScalarField, value: unknown) => {
    const text = scalarText(field, value);
    if (text !== undefined) values[name] = text;
  };
  for (const field of fields) {
    const value = record[field.name];
    if (field.kind === 'scalar') put(field.name, field, value);
    else if (field.kind === 'list' && Array.isArray(value)) {
      value.forEach((row: Record<string, unknown>, index) => {
        for (const sub of field.fields) put(`${field.name}.${index}.${sub.name}`, sub, row[sub.name]);
      });
    } else if (field.kind === 'group' && value && typeof value === 'object') {
      const group = value as Record<string, unknown>;
      for (const sub of field.fields) put(`${field.name}.${sub.name}`, sub, group[sub.name]);
    }
  }
  if (typeof record.version === 'number') values[VERSION_FIELD] = String(record.version);
  return values;
}

/** The starting values of a new record's form: each field's `initial`, each list's `initialRows`. */
export function initialValues(
  fields: readonly Field[],
  given: Readonly<Record<string, unknown>> = {},
): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    if (field.kind === 'scalar') {
      const value = given[field.name];
      if (typeof value === 'string' && value !== '') values[field.name] = value;
      else if (field.initial !== undefined) values[field.name] = field.initial;
    } else if (field.kind === 'list') {
      (field.initialRows ?? []).forEach((row, index) => {
        for (const [name, value] of Object.entries(row)) values[`${field.name}.${index}.${name}`] = value;
      });
    }
  }
  return values;
}

/** Issues by the name of the field they belong to; the rest (no such field) under "". */
export function issuesByField(
  fields: readonly Field[],
  issues: readonly ErrorIssue[],
): Map<string, string[]> {
  const names = new Set<string>();
  for (const field of fields) {
    names.add(field.name);
    if (field.kind === 'group') for (const sub of field.fields) names.add(`${field.name}.${sub.name}`);
  }
  const byField = new Map<string, string[]>();
  for (const issue of issues) {
    const path = issue.path.replace(/^body\./, '');
    const row = /^([^.]+)\.(\d+)\.([^.]+)/.exec(path);
    const top = path.split('.')[0] ?? '';
    let key = '';
    if (row && fields.some((field) => field.kind === 'list' && field.name === row[1])) key = row[0];
    else if (names.has(path)) key = path;
    else if (names.has(top)) key = top;
    byField.set(key, [...(byField.get(key) ?? []), issue.message]);
  }
  return byField;
}

/** Zod issues as the app's issues: a dotted path and a message. */
export function zodIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): ErrorIssue[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
