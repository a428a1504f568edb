import { Fragment } from 'preact';
import type { ErrorIssue } from '../lib/errors.js';
import {
  type Field,
  type FormValues,
  issuesByField,
  type ListField,
  type ReferenceKind,
  rowCount,
  type ScalarField,
  VERSION_FIELD,
} from './form.js';
import type { EditableKind } from './kinds.js';
import type { EditMessages } from './messages/index.js';
import { CsrfField } from './shell.js';

export interface Choice {
  value: string;
  label: string;
}
export type ReferenceChoices = Partial<Record<ReferenceKind, Choice[]>>;

const idOf = (name: string) => `f-${name.replaceAll('.', '-')}`;

export function fieldLabel(t: EditMessages, kind: EditableKind, name: string): string {
  const labels = t.fields[kind.kind] as Record<string, string>;
  return labels[name.replace(/\.\d+\./, '.')] ?? name;
}

export function optionLabel(t: EditMessages, value: string): string {
  const labels: Readonly<Record<string, string>> = t.choices;
  return labels[value] ?? value.replaceAll('_', ' ');
}

interface InputProps {
  field: ScalarField;
  name: string;
  label: string;
  value: string | undefined;
  errors: string[] | undefined;
  t: EditMessages;
  choices: ReferenceChoices;
}

function Input({ field, name, label, value, errors, t, choices }: InputProps) {
  const id = idOf(name);
  const invalid = errors && errors.length > 0;
  const describedBy = invalid ? `${id}-error` : field.type === 'partialDate' ? `${id}-hint` : undefined;
  const common = {
    id,
    name,
    'aria-invalid': invalid ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
  };
  let control;
  switch (field.type) {
    case 'textarea':
    case 'lines':
      control = <textarea {...common} rows={field.type === 'lines' ? 3 : 4} value={value ?? ''} />;
      break;
    case 'checkbox':
      control = <input {...common} type="checkbox" checked={value !== undefined && value !== ''} />;
      break;
    case 'select':
    case 'tristate':
    case 'reference': {
      const options: Choice[] =
        field.type === 'tristate'
          ? [
              { value: 'true', label: t.form.yes },
              { value: 'false', label: t.form.no },
            ]
          : field.type === 'reference'
            ? (choices[field.reference ?? 'source'] ?? [])
            : (field.options ?? []).map((option) => ({ value: option, label: optionLabel(t, option) }));
      const blank = field.type === 'tristate' ? t.form.unknown : t.form.none;
      const known = options.some((option) => option.value === value);
      control = (
        <select {...common}>
          {(field.type !== 'select' || field.initial === undefined) && <option value="">{blank}</option>}
          {value && !known && (
            <option value={value} selected>
              {value}
            </option>
          )}
          {options.map((option) => (
            <option key={option.value} value={option.value} selected={option.value === value}>
              {option.label}
            </option>
          ))}
        </select>
      );
      break;
    }
    case 'text':
    case 'partialDate':
    case 'day':
    case 'number':
    case 'id':
      control = (
        <input
          {...common}
          type="text"
          inputMode={field.type === 'number' ? 'numeric' : undefined}
          value={value ?? ''}
          data-name-field={name.endsWith('.text') && name.startsWith('names.') ? '' : undefined}
        />
      );
  }
  return (
    <div class={`field field-${field.type}${invalid ? ' invalid' : ''}`}>
      <label for={id}>{label}</label>
      {control}
      {field.type === 'partialDate' && !invalid && (
        <small id={`${id}-hint`} class="hint">
          {t.form.dateHint}
        </small>
      )}
      {field.type === 'lines' && <small class="hint">{t.form.linesHint}</small>}
      {invalid && (
        <p class="field-error" id={`${id}-error`}>
          {errors.join('; ')}
        </p>
      )}
    </div>
  );
}

interface FormProps {
  kind: EditableKind;
  /** The kind's fields this form shows: for its mode, and those the viewer may see. */
  fields: readonly Field[];
  action: string;
  values: FormValues;
  issues: readonly ErrorIssue[];
  t: EditMessages;
  csrf: string;
  choices: ReferenceChoices;
  /** Shown above the save button (duplicate warnings), with a "save anyway" button. */
  confirm?: preact.ComponentChildren;
}

function ListRows({
  list,
  props,
  byField,
}: {
  list: ListField;
  props: FormProps;
  byField: Map<string, string[]>;
}) {
  const { kind, values, t, choices } = props;
  const rows = rowCount(values, list) + list.blankRows;
  const listErrors = byField.get(list.name);
  return (
    <fieldset class={`list list-${list.name}`} id={idOf(list.name)}>
      <legend>{fieldLabel(t, kind, list.name)}</legend>
      {listErrors && <p class="field-error">{listErrors.join('; ')}</p>}
      {Array.from({ length: rows }, (_, index) => (
        <div class="row" key={index}>
          {list.fields.map((field) => {
            const name = `${list.name}.${index}.${field.name}`;
            return (
              <Input
                key={name}
                field={field}
                name={name}
                label={`${fieldLabel(t, kind, `${list.name}.${field.name}`)} ${index + 1}`}
                value={values[name]}
                errors={byField.get(name)}
                t={t}
                choices={choices}
              />
            );
          })}
        </div>
      ))}
      <p class="hint">{t.form.rowsHint}</p>
      <button type="submit" name="_add" value={list.name} class="secondary">
        {t.form.addRow}
      </button>
    </fieldset>
  );
}

/** Any kind's form, from its field descriptions: errors next to their field, values kept. */
export function RecordForm(props: FormProps) {
  const { kind, fields, values, issues, t, csrf, choices, action } = props;
  const byField = issuesByField(fields, issues);
  const unplaced = byField.get('');
  const duplicates = kind.kind === 'person' && (
    <section
      class="duplicates"
      aria-live="polite"
      data-duplicates=""
      data-csrf={csrf}
      data-title={t.form.duplicatesTitle}
      data-hint={t.form.duplicatesHint}
      data-live={t.form.duplicatesLive}
    >
      {props.confirm ?? <p class="hint">{t.form.duplicatesLive}</p>}
    </section>
  );
  return (
    <form method="post" action={action} class="record-form" novalidate data-kind={kind.kind}>
      <CsrfField csrf={csrf} />
      {/* Enter in a text field saves, rather than pressing the first "add another row" button. */}
      <button type="submit" class="default-submit" tabindex={-1}>
        {t.form.save}
      </button>
      {values[VERSION_FIELD] !== undefined && (
        <input type="hidden" name={VERSION_FIELD} value={values[VERSION_FIELD]} />
      )}
      {issues.length > 0 && (
        <div class="error-summary" role="alert">
          <p>{t.form.errorsTitle}</p>
          <ul>
            {issues.map((issue, index) => (
              <li key={index}>
                {fieldLabel(t, kind, issue.path.replace(/^body\./, ''))}: {issue.message}
              </li>
            ))}
          </ul>
          {unplaced && <p class="field-error">{unplaced.join('; ')}</p>}
        </div>
      )}
      {fields.map((field) => {
        if (field.kind === 'list') {
          return (
            <Fragment key={field.name}>
              <ListRows list={field} props={props} byField={byField} />
              {field.name === 'names' && duplicates}
            </Fragment>
          );
        }
        if (field.kind === 'group') {
          return (
            <fieldset class={`group group-${field.name}`} key={field.name} id={idOf(field.name)}>
              <legend>{fieldLabel(t, kind, field.name)}</legend>
              {byField.get(field.name) && <p class="field-error">{byField.get(field.name)?.join('; ')}</p>}
              {field.fields.map((sub) => {
                const name = `${field.name}.${sub.name}`;
                return (
                  <Input
                    key={name}
                    field={sub}
                    name={name}
                    label={fieldLabel(t, kind, name)}
                    value={values[name]}
                    errors={byField.get(name)}
                    t={t}
                    choices={choices}
                  />
                );
              })}
            </fieldset>
          );
        }
        return (
          <Input
            key={field.name}
            field={field}
            name={field.name}
            label={fieldLabel(t, kind, field.name)}
            value={values[field.name]}
            errors={byField.get(field.name)}
            t={t}
            choices={choices}
          />
        );
      })}
      <p class="actions">
        <button type="submit">{t.form.save}</button>
        {props.confirm && (
          <button type="submit" name="_confirm" value="duplicates" class="secondary">
            {t.form.saveAnyway}
          </button>
        )}
      </p>
    </form>
  );
}
