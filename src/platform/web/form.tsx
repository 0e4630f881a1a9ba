import type { ReactNode } from 'react';
import { ErrorSummary, Field, Input, Label, Select, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import type { FieldProblem } from '../services/app-error.ts';
import type { Translate } from '../i18n/messages.ts';

/** Field errors keyed by field name, for re-rendering a form after a failed submit. */
export type FieldErrors = Record<string, string>;

export function fieldErrors(problems: FieldProblem[]): FieldErrors {
  return Object.fromEntries(problems.map((p) => [p.field.split('.')[0] ?? p.field, p.message]));
}

/**
 * The error summary at the top of a form. Each problem links to its field (`#f-<field>` unless `fieldId` says
 * otherwise); one `fieldId` maps to null for a problem that has no field on this form, shown as plain text.
 */
export function FormErrors({
  errors,
  labels,
  t,
  fieldId = (field) => `f-${field}`,
}: {
  errors: FieldErrors;
  labels: Record<string, string>;
  t: Translate;
  fieldId?: (field: string) => string | null;
}) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <ErrorSummary>
      <ErrorSummary.Heading>{t('error.formIntro')}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {entries.map(([field, message]) => {
          const id = fieldId(field);
          return (
            <ErrorSummary.Item key={field}>
              {id === null ? (
                message
              ) : (
                <ErrorSummary.Link href={`#${id}`}>{`${labels[field] ?? field}: ${message}`}</ErrorSummary.Link>
              )}
            </ErrorSummary.Item>
          );
        })}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}

/** Label, control and message tied together by explicit ids, so the form is accessible without client script. */
export function TextField(props: {
  name: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'search' | 'datetime-local';
  required?: boolean;
  autoComplete?: string;
  description?: string;
}) {
  const id = `f-${props.name}`;
  const describedBy = [props.error ? `${id}-error` : null, props.description ? `${id}-desc` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <Field>
      <Label htmlFor={id}>{props.label}</Label>
      {props.description && (
        <p id={`${id}-desc`} className="ds-field-description">
          {props.description}
        </p>
      )}
      <Input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        defaultValue={props.value}
        required={props.required}
        autoComplete={props.autoComplete}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {props.error && <ValidationMessage id={`${id}-error`}>{props.error}</ValidationMessage>}
    </Field>
  );
}

export function SelectField(props: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string | undefined;
  error?: string | undefined;
}) {
  const id = `f-${props.name}`;
  return (
    <Field>
      <Label htmlFor={id}>{props.label}</Label>
      <Select
        id={id}
        name={props.name}
        defaultValue={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
      >
        {props.options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
      {props.error && <ValidationMessage id={`${id}-error`}>{props.error}</ValidationMessage>}
    </Field>
  );
}

export function CheckboxField({
  name,
  value,
  label,
  checked,
  id: given,
}: {
  name: string;
  value: string;
  label: ReactNode;
  checked?: boolean;
  id?: string;
}) {
  const id = given ?? `f-${name}-${value.replace(/[^a-z0-9]/gi, '-')}`;
  return (
    <Field>
      <Input type="checkbox" id={id} name={name} value={value} defaultChecked={checked} />
      <Label htmlFor={id} data-weight="regular">
        {label}
      </Label>
    </Field>
  );
}

/** A multi-line text field; `id` tells apart several forms on one page that share a field name. */
export function TextareaField(props: {
  name: string;
  label: string;
  id?: string;
  value?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  description?: string;
  rows?: number;
}) {
  const id = props.id ?? `f-${props.name}`;
  const describedBy = [props.error ? `${id}-error` : null, props.description ? `${id}-desc` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <Field>
      <Label htmlFor={id}>{props.label}</Label>
      {props.description && (
        <p id={`${id}-desc`} className="ds-field-description">
          {props.description}
        </p>
      )}
      <Textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        defaultValue={props.value}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {props.error && <ValidationMessage id={`${id}-error`}>{props.error}</ValidationMessage>}
    </Field>
  );
}
