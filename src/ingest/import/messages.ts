/**
 * The messages of an import's report as codes with parameters, so the editors' interface can say
 * them in the editor's language (src/edit/messages/); the English texts below are what the CLI and
 * the API give as text. A message from elsewhere (a service's rule) keeps its English text as the
 * parameter of `text`.
 */

const DATE_HELP = 'write DD.MM.YYYY, YYYY-MM-DD, YYYY-MM, MM.YYYY or YYYY';

export const IMPORT_MESSAGE_TEXTS = {
  text: (p: { text: string }) => p.text,
  dateNotReal: (p: { value: string; days: number }) =>
    `"${p.value}" is not a real date: that month has ${p.days} days`,
  dateInvalid: (p: { value: string }) => `"${p.value}" is not a real date (${DATE_HELP})`,
  dateAmbiguous: (p: { value: string }) =>
    `"${p.value}" is ambiguous (day/month or month/day?): ${DATE_HELP}`,
  dateVague: (p: { value: string }) =>
    `"${p.value}" is vague: a season or part of a year cannot be stored without inventing a month; write the year (e.g. 2021) or the month if it is known`,
  dateUnreadable: (p: { value: string }) => `"${p.value}" is not a date: ${DATE_HELP}`,
  notWholeNumber: (p: { value: string }) => `"${p.value}" is not a whole number`,
  termLife: (p: { value: string }) =>
    `"${p.value}" is a life sentence, which has no term in months: put it in the sentence note`,
  termIsDate: (p: { value: string }) =>
    `"${p.value}" is a date, not a term: map an end date to no field, or write the term ("3 years")`,
  termUnreadable: (p: { value: string }) =>
    `"${p.value}" is not a term: write e.g. "3 years", "2 г. 6 мес." or "18 months"`,
  termNoUnit: (p: { value: string }) => `"${p.value}" gives no unit: write "3 years" or "36 months"`,
  termUnit: (p: { value: string; unit: string }) => `"${p.value}": "${p.unit}" is not years or months`,
  termNotWholeMonths: (p: { value: string }) => `"${p.value}" is not a whole number of months`,
  articleUnreadable: (p: { value: string }) =>
    `"${p.value}" is not an article number: write e.g. "342 ч.2" or "361-1"`,
  genderUnreadable: (p: { value: string }) =>
    `"${p.value}" is not a gender: write male, female or other (or м / ж)`,
  releaseModeUnreadable: (p: { value: string }) =>
    `"${p.value}" is not a release mode: write sentence served, pardon, negotiated, deportation, amnesty, acquittal, case closed, died or other`,
  nameScript: (p: { value: string }) =>
    `"${p.value}" is not written in Cyrillic or Latin letters only; the registry stores names in those scripts (add a Latin transcription column)`,
  urlInvalid: (p: { value: string }) => `"${p.value}" is not an http(s) address`,
  raggedRow: (p: { cells: number; columns: number }) =>
    `the row has ${p.cells} cells but the header has ${p.columns} columns`,
  noName: () => 'no name: a person needs at least one name',
  detentionMissing: (p: { fields: string }) =>
    `${p.fields} describe a detention: the row needs the date of detention (detainedOn)`,
  releaseModeMissing: () => 'a release date needs a release mode (releaseMode): how was the person freed?',
  releaseDateMissing: () => 'a release mode needs the release date (releasedOn)',
  sentenceDisagrees: () => 'sentence and sentenceMonths disagree',
  mergedInto: (p: { name: string; id: string; reason: string }) =>
    `merged into ${p.name} (${p.id}): ${p.reason}, same birth date`,
  possibleDuplicate: (p: { name: string; id: string; score: string; reason: string }) =>
    `possible duplicate of ${p.name} (${p.id}, score ${p.score}): ${p.reason}; created anyway, check and merge if it is the same person`,
  facilityMissing: (p: { name: string }) =>
    `facility: facility "${p.name}" is not in the registry: add it first (POST /api/v1/facilities), then import again`,
  matchesSeveral: (p: { count: number; ids: string }) =>
    `matches ${p.count} stored persons by name and birth date (${p.ids}): merge them first`,
  sameAsLine: (p: { line: number }) => `the same as line ${p.line}: skipped`,
  samePersonDiffers: (p: { line: number }) =>
    `line ${p.line} describes the same person (same names and birth date) differently: make them one row`,
  unmappedColumns: (p: { columns: string }) =>
    `columns not in the mapping: ${p.columns}; map each to a field, or to null to ignore it`,
  absentColumn: (p: { column: string }) => `the mapping's column "${p.column}" is not in this file`,
  importedBefore: (p: { at: string; id: string }) =>
    `this file was imported before, at ${p.at} (import ${p.id}): rows already stored stay unchanged`,
  readAsCp1251: () => 'read as Windows-1251 (detected)',
  articleStored: (p: { code: string; number: string; id: string }) =>
    `article ${p.code} ${p.number} is already stored as ${p.id}; charges point there`,
} as const;

export type ImportMessageCode = keyof typeof IMPORT_MESSAGE_TEXTS;
export type ImportMessageParams<C extends ImportMessageCode> = Parameters<
  (typeof IMPORT_MESSAGE_TEXTS)[C]
>[0];

/** The same messages in another language: one text per code, with the same parameters. */
export type ImportMessageCatalog = {
  [C in ImportMessageCode]: (params: ImportMessageParams<C>) => string;
};

/** A message as the report keeps it: its code, its parameters, and the column of its cell if any. */
export interface ImportMessage {
  code: ImportMessageCode;
  params: Readonly<Record<string, string | number>>;
  column?: string;
}

export function importMessage<C extends ImportMessageCode>(
  code: C,
  ...params: ImportMessageParams<C> extends undefined ? [] : [ImportMessageParams<C>]
): ImportMessage {
  return { code, params: params[0] ?? {} };
}

/** A message in a catalog's language; a cell's message names its column first. */
export function sayIn(catalog: ImportMessageCatalog, message: ImportMessage): string {
  const say = catalog[message.code] as
    ((params: Readonly<Record<string, string | number>>) => string) | undefined;
  const text = say ? say(message.params) : String(message.params.text ?? message.code);
  return message.column === undefined ? text : `${message.column}: ${text}`;
}

/** The English text, as the CLI and the API give it. */
export const englishOf = (message: ImportMessage): string => sayIn(IMPORT_MESSAGE_TEXTS, message);

/** Adds a message to a list of texts and its twin list of codes, which stay one for one. */
export function addMessage(to: { texts: string[]; details: ImportMessage[] }, message: ImportMessage): void {
  to.texts.push(englishOf(message));
  to.details.push(message);
}

/** A message from elsewhere (a service's rule, a reader's error): its English text only. */
export const plainMessage = (text: string): ImportMessage => ({ code: 'text', params: { text } });
