import type { ReactNode } from 'react';
import {
  Button,
  Field,
  Heading,
  Input,
  Label,
  Select,
  Textarea,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { instantToLocal } from '../../../platform/domain/calendar/time-zone.ts';
import type { MessageKey, Translate } from '../../../platform/i18n/messages.ts';
import { blockKinds, meetingFormats, reportZone, roadmapStatuses } from '../services/report-content-inputs.ts';
import type { ComponentOption, MeetingItem, ReportBlockItem, RoadmapItem } from './report-content-model.ts';
import { type FieldErrors, FormErrors } from '../../../platform/web/form.tsx';
import { CsrfField, type PageContext } from '../../../platform/web/layout.tsx';

/** A rejected form and what was typed in it; `form` is e.g. `block:new` or `meeting:<id>`. */
export interface FailedForm {
  form: string;
  values: Record<string, string>;
  errors: FieldErrors;
}

export const blockFields = ['kind', 'title', 'bodyMarkdown', 'position'] as const;
export const roadmapFields = ['title', 'period', 'status', 'componentId', 'description'] as const;
export const meetingFormFields = [
  'title',
  'series',
  'startsAt',
  'endsAt',
  'format',
  'location',
  'url',
  'description',
] as const;

export function contentLabels(t: Translate): Record<string, string> {
  const fields = [
    'month',
    'kind',
    'title',
    'bodyMarkdown',
    'position',
    'period',
    'status',
    'componentId',
    'description',
    'series',
    'startsAt',
    'endsAt',
    'format',
    'location',
    'url',
    'owner',
    'email',
    'lang',
  ];
  return Object.fromEntries(fields.map((f) => [f, t(`reportContent.field.${f}` as MessageKey)]));
}

/** The value a datetime-local field shows for an instant: Norwegian wall time, to the minute. */
export function localInput(ms: number): string {
  return new Date(instantToLocal(reportZone, ms)).toISOString().slice(0, 16);
}

export function blockValues(block: ReportBlockItem): Record<string, string> {
  return { kind: block.kind, title: block.title, bodyMarkdown: block.bodyMarkdown, position: String(block.position) };
}

export function roadmapValues(entry: RoadmapItem): Record<string, string> {
  return {
    title: entry.title,
    period: entry.period,
    status: entry.status,
    componentId: entry.componentId ?? '',
    description: entry.description,
  };
}

export function meetingValues(meeting: MeetingItem): Record<string, string> {
  return {
    title: meeting.title,
    series: meeting.series,
    startsAt: localInput(meeting.startsAt),
    endsAt: localInput(meeting.endsAt),
    format: meeting.format,
    location: meeting.location,
    url: meeting.url ?? '',
    description: meeting.description,
  };
}

interface FieldProps {
  /** Tells apart the many forms on one page: every id is `<prefix>-<field>`. */
  prefix: string;
  name: string;
  label: string;
  value: string | undefined;
  error: string | undefined;
  description?: string;
}

function Described({
  prefix,
  name,
  label,
  error,
  description,
  children,
}: Omit<FieldProps, 'value'> & { children: (id: string, describedBy: string | undefined) => ReactNode }) {
  const id = `${prefix}-${name}`;
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

export function TextInput(
  props: FieldProps & { type?: 'text' | 'email' | 'url' | 'datetime-local' | 'number'; required?: boolean },
) {
  return (
    <Described {...props}>
      {(id, describedBy) => (
        <Input
          id={id}
          name={props.name}
          type={props.type ?? 'text'}
          defaultValue={props.value}
          required={props.required}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
        />
      )}
    </Described>
  );
}

function TextArea(props: FieldProps & { rows?: number }) {
  return (
    <Described {...props}>
      {(id, describedBy) => (
        <Textarea
          id={id}
          name={props.name}
          rows={props.rows ?? 6}
          defaultValue={props.value}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
        />
      )}
    </Described>
  );
}

export function Choice(props: FieldProps & { options: { value: string; label: string }[] }) {
  return (
    <Described {...props}>
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
    </Described>
  );
}

export interface ContentFormProps {
  page: PageContext;
  action: string;
  /** `block:new`, `block:<id>`, …: which failed form is this one's. */
  formKey: string;
  month: string;
  values: Record<string, string>;
  failed: FailedForm | undefined;
  heading?: string;
  submit: string;
}

/** What the form shows: what was typed when it was just rejected, else the stored values. */
function state(props: ContentFormProps): { values: Record<string, string>; errors: FieldErrors; prefix: string } {
  const mine = props.failed?.form === props.formKey;
  return {
    values: mine ? (props.failed?.values ?? {}) : props.values,
    errors: mine ? (props.failed?.errors ?? {}) : {},
    prefix: props.formKey.replace(':', '-'),
  };
}

function FormShell({
  props,
  errors,
  prefix,
  children,
}: {
  props: ContentFormProps;
  errors: FieldErrors;
  prefix: string;
  children: ReactNode;
}) {
  const { page } = props;
  const { t } = page;
  const headingId = `${prefix}-heading`;
  return (
    <section aria-labelledby={props.heading ? headingId : undefined}>
      {props.heading && (
        <Heading level={3} data-size="xs" id={headingId}>
          {props.heading}
        </Heading>
      )}
      <form method="post" action={props.action} className="niva-form niva-form--wide">
        <CsrfField page={page} />
        <input type="hidden" name="month" value={props.month} />
        <FormErrors
          errors={errors}
          labels={contentLabels(t)}
          t={t}
          fieldId={(field) => (field === 'month' || field === '(body)' ? null : `${prefix}-${field}`)}
        />
        {children}
        <Button type="submit">{props.submit}</Button>
      </form>
    </section>
  );
}

export function BlockForm(props: ContentFormProps) {
  const { t } = props.page;
  const { values, errors, prefix } = state(props);
  return (
    <FormShell props={props} errors={errors} prefix={prefix}>
      <Choice
        prefix={prefix}
        name="kind"
        label={t('reportContent.field.kind')}
        value={values.kind ?? 'news'}
        error={errors.kind}
        options={blockKinds.map((k) => ({ value: k, label: t(`reportContent.kind.${k}`) }))}
      />
      <TextInput
        prefix={prefix}
        name="title"
        label={t('reportContent.field.title')}
        value={values.title}
        error={errors.title}
        required
      />
      <TextArea
        prefix={prefix}
        name="bodyMarkdown"
        label={t('reportContent.field.bodyMarkdown')}
        description={t('reportContent.field.bodyHelp')}
        value={values.bodyMarkdown}
        error={errors.bodyMarkdown}
        rows={8}
      />
      <TextInput
        prefix={prefix}
        name="position"
        type="number"
        label={t('reportContent.field.position')}
        description={t('reportContent.field.positionHelp')}
        value={values.position}
        error={errors.position}
      />
    </FormShell>
  );
}

export function RoadmapForm(props: ContentFormProps & { components: ComponentOption[] }) {
  const { t } = props.page;
  const { values, errors, prefix } = state(props);
  const components = [
    { value: '', label: t('reportContent.field.noComponent') },
    ...props.components.map((c) => ({ value: c.id, label: c.name })),
  ];
  return (
    <FormShell props={props} errors={errors} prefix={prefix}>
      <TextInput
        prefix={prefix}
        name="title"
        label={t('reportContent.field.title')}
        value={values.title}
        error={errors.title}
        required
      />
      <TextInput
        prefix={prefix}
        name="period"
        label={t('reportContent.field.period')}
        description={t('reportContent.field.periodHelp')}
        value={values.period}
        error={errors.period}
        required
      />
      <Choice
        prefix={prefix}
        name="status"
        label={t('reportContent.field.status')}
        value={values.status ?? 'planned'}
        error={errors.status}
        options={roadmapStatuses.map((s) => ({ value: s, label: t(`reportContent.status.${s}`) }))}
      />
      <Choice
        prefix={prefix}
        name="componentId"
        label={t('reportContent.field.componentId')}
        value={values.componentId ?? ''}
        error={errors.componentId}
        options={components}
      />
      <TextArea
        prefix={prefix}
        name="description"
        label={t('reportContent.field.description')}
        value={values.description}
        error={errors.description}
        rows={4}
      />
    </FormShell>
  );
}

export function MeetingForm(props: ContentFormProps) {
  const { t } = props.page;
  const { values, errors, prefix } = state(props);
  return (
    <FormShell props={props} errors={errors} prefix={prefix}>
      <TextInput
        prefix={prefix}
        name="title"
        label={t('reportContent.field.title')}
        value={values.title}
        error={errors.title}
        required
      />
      <TextInput
        prefix={prefix}
        name="series"
        label={t('reportContent.field.series')}
        description={t('reportContent.field.seriesHelp')}
        value={values.series}
        error={errors.series}
      />
      <TextInput
        prefix={prefix}
        name="startsAt"
        type="datetime-local"
        label={t('reportContent.field.startsAt')}
        value={values.startsAt}
        error={errors.startsAt}
        required
      />
      <TextInput
        prefix={prefix}
        name="endsAt"
        type="datetime-local"
        label={t('reportContent.field.endsAt')}
        value={values.endsAt}
        error={errors.endsAt}
        required
      />
      <Choice
        prefix={prefix}
        name="format"
        label={t('reportContent.field.format')}
        value={values.format ?? 'digital'}
        error={errors.format}
        options={meetingFormats.map((f) => ({ value: f, label: t(`reportContent.format.${f}`) }))}
      />
      <TextInput
        prefix={prefix}
        name="location"
        label={t('reportContent.field.location')}
        value={values.location}
        error={errors.location}
      />
      <TextInput
        prefix={prefix}
        name="url"
        type="url"
        label={t('reportContent.field.url')}
        value={values.url}
        error={errors.url}
      />
      <TextArea
        prefix={prefix}
        name="description"
        label={t('reportContent.field.description')}
        value={values.description}
        error={errors.description}
        rows={3}
      />
    </FormShell>
  );
}

/** Deleting is a POST with its own button, never a link. */
export function DeleteButton({
  page,
  action,
  month,
  label,
}: {
  page: PageContext;
  action: string;
  month: string;
  label: string;
}) {
  return (
    <form method="post" action={action}>
      <CsrfField page={page} />
      <input type="hidden" name="month" value={month} />
      <Button type="submit" variant="tertiary" data-color="danger" data-size="sm" aria-label={label}>
        {page.t('reportContent.delete')}
      </Button>
    </form>
  );
}
