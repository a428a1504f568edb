import { describe, expect, it } from 'vitest';
import { createEpisodeSchema, updateEpisodeSchema } from '../modules/episode/episode.schema.js';
import { episodeFormFields } from '../modules/episode/episode.form.js';
import { createPersonSchema } from '../modules/person/person.schema.js';
import { personFormFields } from '../modules/person/person.form.js';
import {
  compactRows,
  formValuesOf,
  initialValues,
  issuesByField,
  payloadOf,
  rowCount,
  valuesOf,
  zodIssues,
} from './form.js';

const PERSON_ID = '01a23127-3c7a-7bdd-9a78-5ea72b3c75ec';
const ARTICLE_ID = '01a23127-3c7a-7bdd-9a78-5ea72b3c75ed';
const names = personFormFields.find((field) => field.kind === 'list' && field.name === 'names');

describe('form values ↔ payloads', () => {
  it('reads a submitted body as text, keeping the last of repeated fields and dropping non-text', () => {
    expect(formValuesOf({ a: 'x', b: ['1', '2'], c: 3, d: undefined })).toEqual({ a: 'x', b: '2' });
    expect(formValuesOf(null)).toEqual({});
    expect(formValuesOf('text')).toEqual({});
  });

  it('drops rows whose key is empty and renumbers the rest, so error paths name the fields shown', () => {
    const values = {
      'names.0.text': '',
      'names.0.script': 'Latn',
      'names.1.text': 'Synthetic Testava',
      'names.1.script': 'Latn',
      'names.3.text': 'Сінтэтычная',
      'names.3.script': 'Cyrl',
      region: 'Minsk',
    };
    expect(compactRows(personFormFields, values)).toEqual({
      'names.0.text': 'Synthetic Testava',
      'names.0.script': 'Latn',
      'names.1.text': 'Сінтэтычная',
      'names.1.script': 'Cyrl',
      region: 'Minsk',
    });
    if (names?.kind !== 'list') throw new Error('the person form has names');
    expect(rowCount(values, names)).toBe(4);
    expect(rowCount({}, names)).toBe(0);
  });

  it('builds a person payload the create schema accepts: lists, lines, checkboxes, absent empties', () => {
    const payload = payloadOf(
      personFormFields,
      {
        'names.0.text': ' Synthetic Testava ',
        'names.0.script': 'Latn',
        'names.0.language': 'en',
        'names.0.system': '',
        'names.0.isPrimary': 'on',
        'names.1.text': 'Сінтэтычная Тэставая',
        'names.1.script': 'Cyrl',
        'names.1.language': 'be',
        occupations: 'journalist\r\n\r\n teacher ',
        birthDate: '',
        visibility: 'public',
      },
      'create',
    );
    expect(payload).toEqual({
      names: [
        { text: 'Synthetic Testava', script: 'Latn', language: 'en', isPrimary: true },
        { text: 'Сінтэтычная Тэставая', script: 'Cyrl', language: 'be', isPrimary: false },
      ],
      occupations: ['journalist', 'teacher'],
      ties: [],
      visibility: 'public',
      anonymous: false,
    });
    expect(createPersonSchema.safeParse(payload).success).toBe(true);
  });

  it('clears an emptied optional field on a change (null) but leaves it out on a creation', () => {
    const values = { detainedOn: '2021-08', place: '', _version: '3' };
    expect(payloadOf(episodeFormFields, values, 'update')).toMatchObject({ place: null, version: 3 });
    expect(payloadOf(episodeFormFields, values, 'create')).not.toHaveProperty('place');
    expect(payloadOf(episodeFormFields, values, 'create')).not.toHaveProperty('version');
  });

  it('keeps an empty required field as "" so the schema names it, and leaves createOnly fields out of changes', () => {
    const create = payloadOf(episodeFormFields, { detainedOn: '', personId: PERSON_ID }, 'create');
    expect(create).toMatchObject({ detainedOn: '', personId: PERSON_ID });
    const result = createEpisodeSchema.safeParse(create);
    expect(result.success).toBe(false);
    expect(zodIssues(result.error?.issues ?? []).map((issue) => issue.path)).toContain('detainedOn');
    const update = payloadOf(episodeFormFields, { detainedOn: '2021', personId: PERSON_ID }, 'update');
    expect(update).not.toHaveProperty('personId');
    expect(updateEpisodeSchema.safeParse(update).success).toBe(true);
  });

  it('makes a group (the release) only when one of its fields is filled; tri-states and numbers are typed', () => {
    const base = { personId: PERSON_ID, detainedOn: '2020-08-09', sentenceMonths: '36' };
    expect(payloadOf(episodeFormFields, { ...base, 'release.forcedExile': '' }, 'create')).not.toHaveProperty(
      'release',
    );
    expect(payloadOf(episodeFormFields, { ...base, 'release.releasedOn': '' }, 'update')).toMatchObject({
      release: null,
      sentenceMonths: 36,
    });
    // A form that does not show the release leaves it as it is.
    expect(payloadOf(episodeFormFields, base, 'update')).not.toHaveProperty('release');
    const released = payloadOf(
      episodeFormFields,
      { ...base, 'release.releasedOn': '2025-09', 'release.mode': 'pardon', 'release.forcedExile': 'true' },
      'create',
    );
    expect(released.release).toEqual({ releasedOn: '2025-09', mode: 'pardon', forcedExile: true });
    expect(createEpisodeSchema.safeParse(released).success).toBe(true);
    expect(payloadOf(episodeFormFields, { ...base, sentenceMonths: 'three' }, 'create').sentenceMonths).toBe(
      'three',
    );
  });

  it('turns a record back into the values of its form', () => {
    const values = valuesOf(episodeFormFields, {
      personId: PERSON_ID,
      detainedOn: '2021',
      sentenceMonths: 24,
      charges: [{ articleId: ARTICLE_ID, part: '2', note: null }],
      release: { releasedOn: '2024', mode: 'pardon', forcedExile: false, citizenshipStripped: null },
      version: 4,
    });
    expect(values).toEqual({
      personId: PERSON_ID,
      detainedOn: '2021',
      sentenceMonths: '24',
      'charges.0.articleId': ARTICLE_ID,
      'charges.0.part': '2',
      'release.releasedOn': '2024',
      'release.mode': 'pardon',
      'release.forcedExile': 'false',
      _version: '4',
    });
    // Round trip: the form of a record, submitted unchanged, is the record's change.
    expect(payloadOf(episodeFormFields, values, 'update')).toMatchObject({
      detainedOn: '2021',
      sentenceMonths: 24,
      charges: [{ articleId: ARTICLE_ID, part: '2' }],
      release: { releasedOn: '2024', mode: 'pardon', forcedExile: false },
      version: 4,
    });
    expect(valuesOf(personFormFields, { occupations: ['a', 'b'], anonymous: true })).toEqual({
      occupations: 'a\nb',
      anonymous: 'on',
    });
  });

  it('starts a new form with the fields’ initial values, its rows, and what the address carries', () => {
    const values = initialValues(episodeFormFields, { personId: PERSON_ID, other: 'ignored' });
    expect(values).toEqual({ personId: PERSON_ID, visibility: 'public' });
    expect(initialValues(personFormFields)).toMatchObject({
      'names.0.script': 'Latn',
      'names.0.isPrimary': 'on',
      'names.1.language': 'be',
      'names.2.language': 'ru',
      visibility: 'public',
    });
  });

  it('places each issue next to its field: rows, groups, lists, and the rest at the top', () => {
    const byField = issuesByField(episodeFormFields, [
      { path: 'charges.1.articleId', message: 'no such article' },
      { path: 'body.release.releasedOn', message: 'before the detention' },
      { path: 'detainedOn', message: 'in the future' },
      { path: 'charges', message: 'too many' },
      { path: 'release', message: 'a second open episode' },
      { path: 'nothing.here', message: 'elsewhere' },
    ]);
    expect(Object.fromEntries(byField)).toEqual({
      'charges.1.articleId': ['no such article'],
      'release.releasedOn': ['before the detention'],
      detainedOn: ['in the future'],
      charges: ['too many'],
      release: ['a second open episode'],
      '': ['elsewhere'],
    });
  });
});
