import { IMPORT_FIELDS } from '../ingest/import/mapping.js';
import { type ImportMessage, sayIn } from '../ingest/import/messages.js';
import { AppError, type ErrorIssue, isAppError } from '../lib/errors.js';
import type {
  ImportOptionsInput,
  ImportOutcome,
  ImportReport,
  ImportRowReport,
} from '../modules/import/import.schema.js';
import { IMPORT_OUTCOMES } from '../modules/import/import.schema.js';
import { VISIBILITIES } from '../modules/shared/common.schema.js';
import { mayPublish, mayWrite } from '../modules/user/access.js';
import { optionLabel } from './form-view.js';
import type { FormValues } from './form.js';
import { CsrfField, type EditContext, type EditPage, editLink } from './shell.js';
import type { StashedUpload, UploadStash } from './upload-stash.js';

/** Rows without anything to fix shown in a report; every row with a problem is always shown. */
const CLEAN_ROWS_SHOWN = 200;

type Outcome = { redirect: string } | { page: EditPage };

interface UploadState {
  values?: FormValues;
  issues?: readonly ErrorIssue[];
  message?: string;
}

/**
 * Editors import; one who may not publish submits the import for review as a draft
 * (docs/decisions/0024), so the confirmed run is only for those who may publish.
 */
export function requireImporter(context: EditContext): void {
  if (!mayWrite(context.viewer)) throw new AppError('forbidden', 'imports are made by editors');
}

const ownerOf = (context: EditContext) => context.viewer.user?.id ?? '';
const optional = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : undefined);

function Issues({ issues, message }: { issues: readonly ErrorIssue[]; message?: string }) {
  if (issues.length === 0 && !message) return null;
  return (
    <div class="error-summary" role="alert">
      {message && <p>{message}</p>}
      {issues.length > 0 && (
        <ul>
          {issues.map((issue, index) => (
            <li key={index}>{issue.path ? `${issue.path}: ${issue.message}` : issue.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function VisibilityField({ context, id, value }: { context: EditContext; id: string; value?: string }) {
  const chosen = value ?? 'internal';
  return (
    <div class="field">
      <label for={id}>{context.t.imports.visibility}</label>
      <select id={id} name="visibility">
        {VISIBILITIES.map((level) => (
          <option key={level} value={level} selected={level === chosen}>
            {optionLabel(context.t, level)}
          </option>
        ))}
      </select>
    </div>
  );
}

function SaveMappingField({ context, id, value }: { context: EditContext; id: string; value?: string }) {
  return (
    <div class="field">
      <label for={id}>{context.t.imports.saveMapping}</label>
      <input id={id} name="saveMapping" value={value ?? ''} />
    </div>
  );
}

/** The upload form: a file, the saved mapping to read it with (or a guess), and the visibility. */
export async function importsPage(context: EditContext, state: UploadState = {}): Promise<EditPage> {
  requireImporter(context);
  const { t } = context;
  const values = state.values ?? {};
  const mappings = await context.services.imports.mappings();
  return {
    title: t.imports.title,
    status: state.issues || state.message ? 400 : 200,
    body: (
      <>
        <h1>{t.imports.title}</h1>
        <p>{t.imports.intro}</p>
        {!mayPublish(context.viewer) && <p>{t.imports.forReview}</p>}
        <Issues issues={state.issues ?? []} message={state.message} />
        <form method="post" action={editLink('/imports')} enctype="multipart/form-data" class="record-form">
          <CsrfField csrf={context.csrf} />
          <div class="field">
            <label for="import-file">{t.imports.file}</label>
            <input
              id="import-file"
              name="file"
              type="file"
              required
              accept=".csv,.tsv,.txt,.xlsx,.json,text/csv,application/json"
            />
          </div>
          <div class="field">
            <label for="import-mapping">{t.imports.mapping}</label>
            <select id="import-mapping" name="mapping">
              <option value="">{t.imports.guess}</option>
              {mappings.map((mapping) => (
                <option key={mapping.name} value={mapping.name} selected={mapping.name === values.mapping}>
                  {mapping.name}
                </option>
              ))}
            </select>
          </div>
          <SaveMappingField context={context} id="import-save-mapping" value={values.saveMapping} />
          <VisibilityField context={context} id="import-visibility" value={values.visibility} />
          <p class="actions">
            <button type="submit">{t.imports.check}</button>
          </p>
        </form>
      </>
    ),
  };
}

/** Every header of the file, in its order: the rows carry one cell per header. */
function headersOf(report: ImportReport): string[] {
  const headers = (report.rows[0]?.cells ?? []).map((cell) => cell.column);
  for (const column of Object.keys(report.columns ?? {})) if (!headers.includes(column)) headers.push(column);
  return headers;
}

const needsAttention = (row: ImportRowReport) =>
  row.outcome === 'reject' || row.messages.length > 0 || row.cells.some((cell) => cell.problem);

/** A report's message in the editor's language (its English text when it has no code). */
const said = (context: EditContext, detail: ImportMessage | undefined, text: string) =>
  detail ? sayIn(context.t.importMessages, detail) : text;

function RowReport({
  context,
  row,
  before,
}: {
  context: EditContext;
  row: ImportRowReport;
  /** The row's outcome when its draft was submitted, if it differs now. */
  before?: ImportOutcome | undefined;
}) {
  const { t } = context;
  const problems = row.cells.filter((cell) => cell.problem);
  // A cell's problem is also among the row's messages; it is shown once, beside its cell.
  const messages = row.details
    .filter((detail) => detail.column === undefined)
    .map((detail) => sayIn(t.importMessages, detail));
  return (
    <tr class={row.outcome === 'reject' ? 'rejected' : undefined}>
      <th scope="row">{row.line}</th>
      <td>
        {t.imports.outcomes[row.outcome]}
        {before && <small class="changed"> {t.imports.wasOutcome(t.imports.outcomes[before])}</small>}
      </td>
      <td>
        {/* A record a dry run would create does not exist (yet): no link to it. */}
        {row.recordId &&
          row.outcome !== 'create' &&
          (row.entity === 'person' ? (
            <a href={editLink(`/persons/${row.recordId}`)}>{row.recordId.slice(0, 8)}</a>
          ) : (
            `${row.entity} ${row.recordId.slice(0, 8)}`
          ))}
      </td>
      <td>
        {messages.length > 0 && (
          <ul class="row-messages">
            {messages.map((message, index) => (
              <li key={index}>{message}</li>
            ))}
          </ul>
        )}
        <ul class="cells">
          {(problems.length > 0 ? problems : row.cells.filter((cell) => cell.value !== '')).map(
            (cell, index) => (
              <li key={index}>
                {cell.column}
                {cell.field
                  ? ` → ${t.imports.fields[cell.field as keyof typeof t.imports.fields]}`
                  : ''}: <q>{cell.value}</q>
                {cell.problem && (
                  <strong class="field-error"> {said(context, cell.issue, cell.problem)}</strong>
                )}
              </li>
            ),
          )}
        </ul>
      </td>
    </tr>
  );
}

/** How many rows the import would create, update, merge or reject (or did). */
function OutcomeCounts({ context, report }: { context: EditContext; report: ImportReport }) {
  const { t } = context;
  return (
    <table class="import-counts">
      <caption>{t.imports.rows}</caption>
      <tbody>
        {IMPORT_OUTCOMES.map((outcome) => (
          <tr key={outcome}>
            <th scope="row">{t.imports.outcomes[outcome]}</th>
            <td data-outcome={outcome}>{report.counts[outcome]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ProblemsAndWarnings({ context, report }: { context: EditContext; report: ImportReport }) {
  const { t } = context;
  return (
    <>
      {report.problems.length > 0 && (
        <div class="error-summary" role="alert">
          <h2>{t.imports.problems}</h2>
          <ul>
            {report.problems.map((problem, index) => (
              <li key={index}>{said(context, report.problemDetails[index], problem)}</li>
            ))}
          </ul>
        </div>
      )}
      {report.warnings.length > 0 && (
        <>
          <h2>{t.imports.warnings}</h2>
          <ul class="warnings">
            {report.warnings.map((warning, index) => (
              <li key={index}>{said(context, report.warningDetails[index], warning)}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/**
 * Every row with a problem (or, for a draft, whose outcome changed since it was submitted), and
 * the first clean ones, in the file's order.
 */
function RowsTable({
  context,
  report,
  submitted = [],
}: {
  context: EditContext;
  report: ImportReport;
  submitted?: readonly ImportOutcome[];
}) {
  const { t } = context;
  const before = new Map(
    report.rows.flatMap((row, index) => {
      const then = submitted[index];
      return then && then !== row.outcome ? [[row, then] as const] : [];
    }),
  );
  const attention = report.rows.filter((row) => needsAttention(row) || before.has(row));
  const clean = report.rows.filter((row) => !needsAttention(row) && !before.has(row));
  const shownRows = [...attention, ...clean.slice(0, CLEAN_ROWS_SHOWN)].sort((a, b) => a.line - b.line);
  const hidden = report.rows.length - shownRows.length;
  return (
    <>
      <table class="import-rows">
        <caption>{t.imports.rows}</caption>
        <thead>
          <tr>
            <th scope="col">{t.imports.line}</th>
            <th scope="col">{t.imports.outcome}</th>
            <th scope="col">{t.imports.record}</th>
            <th scope="col">{t.imports.cells}</th>
          </tr>
        </thead>
        <tbody>
          {shownRows.map((row) => (
            <RowReport
              key={`${row.entity}-${row.line}`}
              context={context}
              row={row}
              before={before.get(row)}
            />
          ))}
        </tbody>
      </table>
      {hidden > 0 && <p>{t.imports.moreRows(String(hidden))}</p>}
    </>
  );
}

/** An import draft under review: what it would do to the registry as it is now. */
export function ImportDraftReport({
  context,
  report,
  submitted,
}: {
  context: EditContext;
  report: ImportReport;
  /** Each row's outcome when the draft was submitted. */
  submitted: readonly ImportOutcome[];
}) {
  const { t } = context;
  return (
    <section class="import-draft">
      <h2>{t.imports.report}</h2>
      <p>{t.imports.fileFacts(report.fileName, report.sha256)}</p>
      <OutcomeCounts context={context} report={report} />
      <ProblemsAndWarnings context={context} report={report} />
      <RowsTable context={context} report={report} submitted={submitted} />
    </section>
  );
}

interface ReportState {
  token: string;
  report: ImportReport;
  values: FormValues;
  message?: string;
}

/** The dry run's report, with the mapping to correct and the button that makes the real run. */
export function importReportPage(context: EditContext, state: ReportState): EditPage {
  const { t } = context;
  const { report, token } = state;
  const headers = headersOf(report);
  const blocked = report.problems.length > 0 || report.counts.reject > 0;
  const publisher = mayPublish(context.viewer);
  return {
    title: t.imports.report,
    status: state.message ? 400 : 200,
    body: (
      <>
        <h1>{t.imports.report}</h1>
        <p>{t.imports.fileFacts(report.fileName, report.sha256)}</p>
        <Issues issues={[]} message={state.message} />
        <OutcomeCounts context={context} report={report} />
        <ProblemsAndWarnings context={context} report={report} />
        {blocked && (
          <p class="warning" role="status">
            {t.imports.fixFirst}
          </p>
        )}
        <form method="post" action={editLink(`/imports/${token}`)} class="record-form">
          <CsrfField csrf={context.csrf} />
          {report.format !== 'json' && (
            <table class="import-columns">
              <caption>{t.imports.columns}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.imports.column}</th>
                  <th scope="col">{t.imports.field}</th>
                </tr>
              </thead>
              <tbody>
                {headers.map((header, index) => (
                  <tr key={header}>
                    <th scope="row">
                      <label for={`column-${index}`}>{header}</label>
                      <input type="hidden" name={`column.${index}`} value={header} />
                    </th>
                    <td>
                      <select id={`column-${index}`} name={`field.${index}`}>
                        <option value="">{t.imports.ignore}</option>
                        {IMPORT_FIELDS.map((field) => (
                          <option key={field} value={field} selected={report.columns?.[header] === field}>
                            {t.imports.fields[field]}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <SaveMappingField context={context} id="report-save-mapping" value={state.values.saveMapping} />
          <VisibilityField context={context} id="report-visibility" value={state.values.visibility} />
          <p class="actions">
            <button type="submit" name="action" value="check" class={blocked ? undefined : 'secondary'}>
              {t.imports.checkAgain}
            </button>
            {!blocked && publisher && (
              <button type="submit" name="action" value="confirm">
                {t.imports.confirm}
              </button>
            )}
          </p>
          {!blocked && !publisher && (
            <>
              <div class="field">
                <label for="import-note">{t.imports.submitNote}</label>
                <textarea id="import-note" name="note" rows={2} />
              </div>
              <p class="actions">
                <button type="submit" name="action" value="submit">
                  {t.imports.submit}
                </button>
              </p>
            </>
          )}
        </form>
        <RowsTable context={context} report={report} />
      </>
    ),
  };
}

/** After the real run: what was written, and the file's hash the history keeps. */
export function importDonePage(context: EditContext, report: ImportReport): EditPage {
  const { t } = context;
  return {
    title: t.imports.title,
    body: (
      <>
        <h1>{t.imports.title}</h1>
        <p class="notice" role="status">
          {t.imports.done}
        </p>
        <p>{t.imports.fileFacts(report.fileName, report.sha256)}</p>
        <OutcomeCounts context={context} report={report} />
        <p>
          <a href={editLink('/imports')}>{t.imports.title}</a>
        </p>
      </>
    ),
  };
}

/** The file of a multipart body, as the upload route's parser leaves it. */
function uploadOf(body: unknown): StashedUpload | null {
  const file = (body as { file?: unknown } | null)?.file;
  if (!file || typeof file !== 'object' || !('bytes' in file) || !('name' in file)) return null;
  const { name, bytes } = file;
  return Buffer.isBuffer(bytes) && typeof name === 'string' ? { name: name || 'upload', bytes } : null;
}

function textFieldsOf(body: unknown): FormValues {
  const values: FormValues = {};
  for (const [name, value] of Object.entries((body ?? {}) as Record<string, unknown>))
    if (typeof value === 'string') values[name] = value;
  return values;
}

const refusable = (error: unknown): error is AppError =>
  isAppError(error) && ['validation_failed', 'rule_violated'].includes(error.code);

/** A new upload: held for its confirmation, and read in a dry run. */
export async function submitUpload(
  context: EditContext,
  stash: UploadStash,
  body: unknown,
): Promise<Outcome> {
  requireImporter(context);
  const values = textFieldsOf(body);
  const upload = uploadOf(body);
  if (!upload || upload.bytes.length === 0)
    return {
      page: await importsPage(context, {
        values,
        issues: [{ path: 'file', message: 'choose a file to import' }],
      }),
    };
  const options: ImportOptionsInput = {
    mapping: optional(values.mapping),
    saveMapping: optional(values.saveMapping),
    visibility: values.visibility as ImportOptionsInput['visibility'],
  };
  let report: ImportReport;
  try {
    report = await context.services.imports.dryRun(upload, options);
  } catch (error) {
    if (!refusable(error)) throw error;
    return { page: await importsPage(context, { values, message: error.message, issues: error.issues }) };
  }
  const token = stash.put(ownerOf(context), upload);
  return { page: importReportPage(context, { token, report, values }) };
}

/** The mapping the report's form sends: column.N names a header, field.N its field ("" ignores it). */
function columnsOf(values: FormValues): Record<string, string | null> | undefined {
  const columns: Record<string, string | null> = {};
  for (let index = 0; values[`column.${index}`] !== undefined; index += 1)
    columns[values[`column.${index}`] ?? ''] = optional(values[`field.${index}`]) ?? null;
  return Object.keys(columns).length > 0 ? columns : undefined;
}

/** Check a held upload again (another mapping) or make the real run: one transaction, or nothing. */
export async function submitUploadAction(
  context: EditContext,
  stash: UploadStash,
  token: string,
  values: FormValues,
): Promise<Outcome> {
  requireImporter(context);
  const upload = stash.get(ownerOf(context), token);
  const options = {
    columns: columnsOf(values),
    saveMapping: optional(values.saveMapping),
    visibility: values.visibility,
  } as ImportOptionsInput;
  const imports = context.services.imports;
  if (values.action === 'submit') return submitForReview(context, stash, token, values, options);
  if (values.action === 'confirm' && !mayPublish(context.viewer))
    throw new AppError('forbidden', 'your imports are published by a reviewer: submit this one for review');
  if (values.action !== 'confirm')
    return {
      page: importReportPage(context, { token, values, report: await imports.dryRun(upload, options) }),
    };
  try {
    const report = await imports.run(upload, options);
    stash.drop(token);
    return { page: importDonePage(context, report) };
  } catch (error) {
    if (!refusable(error)) throw error;
    const report = await imports.dryRun(upload, options);
    return { page: importReportPage(context, { token, values, report, message: error.message }) };
  }
}

/** An editor who may not publish: the checked file becomes a draft for a reviewer, and is dropped. */
async function submitForReview(
  context: EditContext,
  stash: UploadStash,
  token: string,
  values: FormValues,
  options: ImportOptionsInput,
): Promise<Outcome> {
  const upload = stash.get(ownerOf(context), token);
  const { imports, drafts } = context.services;
  try {
    const { draft } = await imports.prepareDraft(upload, options);
    const submitted = await drafts.submit({
      kind: 'import',
      action: 'create',
      payload: draft,
      note: optional(values.note) ?? null,
    });
    stash.drop(token);
    return { redirect: editLink(`/drafts/${submitted.draft.id}`, { saved: 'draft' }) };
  } catch (error) {
    if (!refusable(error)) throw error;
    const report = await imports.dryRun(upload, options);
    return { page: importReportPage(context, { token, values, report, message: error.message }) };
  }
}
