import type { ReactNode } from 'react';
import { instantToLocal } from '../../../platform/domain/calendar/time-zone.ts';
import type { MessageKey, Translate } from '../../../platform/i18n/messages.ts';
import { reportZone } from '../services/report-content-inputs.ts';
import type { MeetingItem, ReportBlockItem, RoadmapItem } from './report-content-model.ts';
import {
  type BoundField,
  boundForm,
  type FailedForm,
  type FieldErrors,
  FormSection,
  PostButton,
  PostForm,
} from '../../../platform/web/form.tsx';
import type { PageContext } from '../../../platform/web/layout.tsx';

// What the report content forms share: their fields, labels and stored values, and the frame each form sits in.
// The forms themselves: report-block-form.tsx, roadmap-entry-form.tsx, meeting-form.tsx.

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

/** Every field the content and subscription forms have, and the month each content form is for. */
export const contentFieldNames: readonly string[] = [
  ...new Set(['month', ...blockFields, ...roadmapFields, ...meetingFormFields, 'owner', 'email', 'lang']),
];

export function contentLabels(t: Translate): Record<string, string> {
  return Object.fromEntries(contentFieldNames.map((f) => [f, t(`reportContent.field.${f}` as MessageKey)]));
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

/** Links a problem to its field `<prefix>-<field>`; the month and the body as a whole have no field of their own. */
export function contentFieldId(prefix: string): (field: string) => string | null {
  return (field) => (field === 'month' || field === '(body)' ? null : `${prefix}-${field}`);
}

/** A content form's state; `prefix` tells apart the many forms on one page: every id is `<prefix>-<field>`. */
export interface ContentFormState {
  values: Record<string, string>;
  errors: FieldErrors;
  prefix: string;
  field: (name: string) => BoundField;
}

export function contentFormState(
  t: Translate,
  failed: FailedForm | undefined,
  formKey: string,
  stored: Record<string, string> = {},
): ContentFormState {
  const prefix = formKey.replace(':', '-');
  const labels = contentLabels(t);
  return { ...boundForm({ failed, form: formKey, stored, labels, id: (name) => `${prefix}-${name}` }), prefix };
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

/** The frame of a block, roadmap or meeting form: its heading, the month it belongs to, its errors and its button. */
export function ContentForm({
  props,
  form,
  children,
}: {
  props: ContentFormProps;
  form: ContentFormState;
  children: ReactNode;
}) {
  const { page } = props;
  return (
    <FormSection id={`${form.prefix}-heading`} heading={props.heading} level={3} size="xs">
      <PostForm
        page={page}
        action={props.action}
        hidden={{ month: props.month }}
        errors={form.errors}
        labels={contentLabels(page.t)}
        fieldId={contentFieldId(form.prefix)}
        layout="wide"
        submit={props.submit}
      >
        {children}
      </PostForm>
    </FormSection>
  );
}

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
    <PostButton
      page={page}
      action={action}
      hidden={{ month }}
      label={page.t('reportContent.delete')}
      ariaLabel={label}
      danger
    />
  );
}
