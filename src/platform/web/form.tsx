import type { ReactNode } from 'react';
import {
  Button,
  ErrorSummary,
  Field,
  Heading,
  Input,
  Label,
  Select,
  Textarea,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import type { FieldProblem } from '../services/app-error.ts';
import type { Translate } from '../i18n/messages.ts';
import { CsrfField, type PageContext } from './layout.tsx';

/** Field errors keyed by field name, for re-rendering a form after a failed submit. */
export type FieldErrors = Record<string, string>;

export function fieldErrors(problems: FieldProblem[]): FieldErrors {
  return Object.fromEntries(problems.map((p) => [p.field.split('.')[0] ?? p.field, p.message]));
}

/** A rejected form and what was typed in it; `form` tells apart the forms of one page, e.g. `block:new`. */
export interface FailedForm {
  form: string;
  values: Record<string, string>;
  errors: FieldErrors;
}

/** What the form `form` shows: what was typed when it was just rejected, else `stored` (nothing, for a new item). */
export function formState(
  failed: FailedForm | undefined,
  form: string,
  stored: Record<string, string> = {},
): { values: Record<string, string>; errors: FieldErrors } {
  return failed?.form === form ? { values: failed.values, errors: failed.errors } : { values: stored, errors: {} };
}

/** The element id of a field, unless a page with several forms that share a field name says otherwise. */
const defaultFieldId = (name: string) => `f-${name}`;

/** What one field takes from its form: its id, name and label, the value to show and its error. */
export interface BoundField {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  error: string | undefined;
}

/** Binds the fields of one form to its state, so that each is written once: `<TextField {...field('title')} />`. */
export function bindFields({
  values,
  errors,
  labels,
  id = defaultFieldId,
}: {
  values: Record<string, string>;
  errors: FieldErrors;
  labels: Record<string, string>;
  id?: (name: string) => string;
}): (name: string) => BoundField {
  return (name) => ({ id: id(name), name, label: labels[name] ?? name, value: values[name], error: errors[name] });
}

/** The state of the form `form` (see formState) with its fields bound to it (see bindFields). */
export function boundForm({
  failed,
  form,
  stored,
  labels,
  id,
}: {
  failed: FailedForm | undefined;
  form: string;
  stored?: Record<string, string>;
  labels: Record<string, string>;
  id?: (name: string) => string;
}): { values: Record<string, string>; errors: FieldErrors; field: (name: string) => BoundField } {
  const { values, errors } = formState(failed, form, stored);
  return { values, errors, field: bindFields({ values, errors, labels, id }) };
}

/**
 * The error summary at the top of a form. Each problem links to its field (`#f-<field>` unless `fieldId` says
 * otherwise); one `fieldId` maps to null for a problem that has no field on this form, shown as plain text.
 */
export function FormErrors({
  errors,
  labels,
  t,
  fieldId = defaultFieldId,
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

/** A form's section, labelled by its heading when it has one. */
export function FormSection({
  id,
  heading,
  level,
  size,
  className,
  children,
}: {
  /** The heading's id. */
  id: string;
  heading: string | undefined;
  level: 2 | 3;
  size: 'xs' | 'sm' | 'md';
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={heading ? id : undefined} className={className}>
      {heading && (
        <Heading level={level} data-size={size} id={id}>
          {heading}
        </Heading>
      )}
      {children}
    </section>
  );
}

const formLayouts = {
  form: { className: 'niva-form', variant: undefined, size: undefined },
  wide: { className: 'niva-form niva-form--wide', variant: undefined, size: undefined },
  inline: { className: 'niva-inline-form', variant: 'secondary', size: 'sm' },
} as const;

/**
 * A POST form: its CSRF token and hidden fields, the summary of `errors` (see FormErrors), the fields, and one submit
 * button; an `inline` form sits in a table cell, with a smaller button.
 */
export function PostForm({
  page,
  action,
  hidden = {},
  errors,
  labels,
  fieldId,
  layout = 'form',
  submit,
  children,
}: {
  page: PageContext;
  action: string;
  hidden?: Record<string, string>;
  errors: FieldErrors;
  labels: Record<string, string>;
  fieldId?: (field: string) => string | null;
  layout?: keyof typeof formLayouts;
  submit: string;
  children: ReactNode;
}) {
  const { className, variant, size } = formLayouts[layout];
  return (
    <form method="post" action={action} className={className}>
      <CsrfField page={page} />
      <HiddenFields fields={hidden} />
      <FormErrors errors={errors} labels={labels} t={page.t} fieldId={fieldId} />
      {children}
      <Button type="submit" variant={variant} data-size={size}>
        {submit}
      </Button>
    </form>
  );
}

/** A state change as a one-button POST form of its own: deleting or publishing is never a link. */
export function PostButton({
  page,
  action,
  hidden = {},
  label,
  ariaLabel,
  variant = 'tertiary',
  danger = false,
}: {
  page: PageContext;
  action: string;
  hidden?: Record<string, string>;
  label: string;
  /** What the button does to which row, where the label alone does not say. */
  ariaLabel?: string;
  variant?: 'secondary' | 'tertiary';
  danger?: boolean;
}) {
  return (
    <form method="post" action={action}>
      <CsrfField page={page} />
      <HiddenFields fields={hidden} />
      <Button
        type="submit"
        variant={variant}
        data-color={danger ? 'danger' : undefined}
        data-size="sm"
        aria-label={ariaLabel}
      >
        {label}
      </Button>
    </form>
  );
}

function HiddenFields({ fields }: { fields: Record<string, string> }) {
  return Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

interface FieldProps {
  name: string;
  label: string;
  /** Tells apart several forms on one page that share a field name; `f-<name>` otherwise. */
  id?: string;
  value?: string | undefined;
  error?: string | undefined;
  description?: string;
}

/** Label, description, control and message tied together by explicit ids, so the form is accessible without script. */
function FieldFrame({
  field,
  children,
}: {
  field: FieldProps;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}) {
  const { label, error, description } = field;
  const id = field.id ?? defaultFieldId(field.name);
  const describedBy =
    [error ? `${id}-error` : null, description ? `${id}-desc` : null].filter(Boolean).join(' ') || undefined;
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      {description && (
        <p id={`${id}-desc`} className="ds-field-description">
          {description}
        </p>
      )}
      {children(id, describedBy)}
      {error && <ValidationMessage id={`${id}-error`}>{error}</ValidationMessage>}
    </Field>
  );
}

export function TextField(
  props: FieldProps & {
    type?: 'text' | 'email' | 'password' | 'search' | 'url' | 'number' | 'datetime-local';
    required?: boolean;
    autoComplete?: string;
  },
) {
  return (
    <FieldFrame field={props}>
      {(id, describedBy) => (
        <Input
          id={id}
          name={props.name}
          type={props.type ?? 'text'}
          defaultValue={props.value}
          required={props.required}
          autoComplete={props.autoComplete}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldFrame>
  );
}

export function SelectField(props: FieldProps & { options: { value: string; label: string }[] }) {
  return (
    <FieldFrame field={props}>
      {(id, describedBy) => (
        <Select
          id={id}
          name={props.name}
          defaultValue={props.value}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
        >
          {props.options.map((o) => (
            <Select.Option key={o.value} value={o.value}>
              {o.label}
            </Select.Option>
          ))}
        </Select>
      )}
    </FieldFrame>
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

/** A multi-line text field. */
export function TextareaField(props: FieldProps & { required?: boolean; rows?: number }) {
  return (
    <FieldFrame field={props}>
      {(id, describedBy) => (
        <Textarea
          id={id}
          name={props.name}
          rows={props.rows ?? 4}
          defaultValue={props.value}
          required={props.required}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldFrame>
  );
}
