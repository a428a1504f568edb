import {
  type ArticleRef,
  type CellResult,
  type NameReading,
  readArticles,
  readCount,
  readGender,
  readList,
  readName,
  readPartialDate,
  readReleaseMode,
  readSentenceMonths,
  readUrls,
} from './cells.js';
import type { ColumnMapping, ImportField } from './mapping.js';
import { type ImportMessage, importMessage } from './messages.js';
import type { SheetTable } from './table.js';

/** One spreadsheet row read into the facts it states, with what each cell gave or why it could not. */
export interface CellReport {
  column: string;
  field: ImportField | null;
  value: string;
  problem?: string;
  /** The problem as a code with parameters, for the editor's language. */
  issue?: ImportMessage;
}

export interface PersonDraft {
  names: NameReading[];
  birthDate: string | null;
  gender: 'female' | 'male' | 'other' | null;
  region: string | null;
  occupations: string[];
  biography: string | null;
}

export interface EpisodeDraft {
  detainedOn: string;
  articles: ArticleRef[];
  sentenceMonths: number | null;
  facility: string | null;
  release: { releasedOn: string; mode: string } | null;
}

export interface RowDraft {
  line: number;
  cells: CellReport[];
  problems: ImportMessage[];
  person: PersonDraft | null;
  episode: EpisodeDraft | null;
  sourceUrls: string[];
  /** The row's facts as canonical text: equal for two rows that say the same thing. */
  fingerprint: string;
}

export interface Interpretation {
  /** Columns of the file the mapping does not mention: refused, so nothing is dropped unseen. */
  unmappedColumns: string[];
  /** Columns the mapping names that the file lacks (a note: the next file may differ). */
  absentColumns: string[];
  rows: RowDraft[];
}

type Values = Partial<Record<ImportField, unknown>>;

const READERS: Record<ImportField, (text: string) => CellResult<unknown>> = {
  name: (text) => readName(text),
  nameBe: (text) => readName(text, 'be'),
  nameRu: (text) => readName(text, 'ru'),
  nameLatin: (text) => readName(text, 'en'),
  birthDate: readPartialDate,
  gender: readGender,
  region: (text) => ({ ok: true, value: text.trim() }),
  occupations: (text) => ({ ok: true, value: readList(text) }),
  biography: (text) => ({ ok: true, value: text.trim() }),
  detainedOn: readPartialDate,
  articles: readArticles,
  sentence: readSentenceMonths,
  sentenceMonths: readCount,
  facility: (text) => ({ ok: true, value: text.trim() }),
  releasedOn: readPartialDate,
  releaseMode: readReleaseMode,
  sourceUrl: readUrls,
};

const NAME_FIELDS = ['name', 'nameBe', 'nameRu', 'nameLatin'] as const;

function draftOf(
  values: Values,
  problems: ImportMessage[],
  nameUnreadable: boolean,
): Pick<RowDraft, 'person' | 'episode' | 'sourceUrls'> {
  const names = NAME_FIELDS.flatMap((field) => (values[field] ? [values[field] as NameReading] : []));
  if (names.length === 0 && !nameUnreadable) problems.push(importMessage('noName'));
  const detainedOn = (values.detainedOn as string | undefined) ?? null;
  const releasedOn = (values.releasedOn as string | undefined) ?? null;
  const releaseMode = (values.releaseMode as string | undefined) ?? null;
  const episodeFields = (
    ['articles', 'sentence', 'sentenceMonths', 'facility', 'releasedOn', 'releaseMode'] as const
  ).filter((field) => values[field] !== undefined);
  if (!detainedOn && episodeFields.length > 0)
    problems.push(importMessage('detentionMissing', { fields: episodeFields.join(', ') }));
  if (releasedOn && !releaseMode) problems.push(importMessage('releaseModeMissing'));
  if (releaseMode && !releasedOn) problems.push(importMessage('releaseDateMissing'));
  if (
    values.sentence !== undefined &&
    values.sentenceMonths !== undefined &&
    values.sentence !== values.sentenceMonths
  )
    problems.push(importMessage('sentenceDisagrees'));
  return {
    person:
      names.length === 0
        ? null
        : {
            names,
            birthDate: (values.birthDate as string | undefined) ?? null,
            gender: (values.gender as PersonDraft['gender'] | undefined) ?? null,
            region: (values.region as string | undefined) || null,
            occupations: (values.occupations as string[] | undefined) ?? [],
            biography: (values.biography as string | undefined) || null,
          },
    episode: detainedOn
      ? {
          detainedOn,
          articles: (values.articles as ArticleRef[] | undefined) ?? [],
          sentenceMonths: ((values.sentence ?? values.sentenceMonths) as number | undefined) ?? null,
          facility: (values.facility as string | undefined) || null,
          release: releasedOn && releaseMode ? { releasedOn, mode: releaseMode } : null,
        }
      : null,
    sourceUrls: (values.sourceUrl as string[] | undefined) ?? [],
  };
}

export function interpretTable(table: SheetTable, mapping: ColumnMapping): Interpretation {
  const unmappedColumns = table.headers.filter((header) => header !== '' && !(header in mapping));
  const absentColumns = Object.keys(mapping).filter((column) => !table.headers.includes(column));
  const rows = table.rows.map(({ line, cells: raw }): RowDraft => {
    const problems: ImportMessage[] = [];
    const extra = raw.slice(table.headers.length);
    if (raw.length < table.headers.length || extra.some((cell) => cell.trim() !== '')) {
      problems.push(importMessage('raggedRow', { cells: raw.length, columns: table.headers.length }));
    }
    const values: Values = {};
    const cells = table.headers.map((column, index): CellReport => {
      const value = raw[index] ?? '';
      const field = mapping[column] ?? null;
      if (!field || value.trim() === '') return { column, field, value };
      const result = READERS[field](value);
      if (!result.ok) return { column, field, value, problem: result.message, issue: result.issue };
      values[field] = result.value;
      return { column, field, value };
    });
    const nameUnreadable = cells.some(
      (cell) =>
        cell.problem !== undefined && (NAME_FIELDS as readonly (ImportField | null)[]).includes(cell.field),
    );
    const draft = draftOf(values, problems, nameUnreadable);
    return { line, cells, problems, ...draft, fingerprint: JSON.stringify(draft) };
  });
  return { unmappedColumns, absentColumns, rows };
}
