import type { ReactNode } from 'react';
import { Button, Field, Heading, Input, Label, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { checkEvent, deriveCase, type LifecycleEvent } from '../domain/case-lifecycle.ts';
import {
  type CaseEventType,
  type CaseKind,
  caseTypes,
  feedbackChannels,
  incidentCategories,
} from '../domain/case-types.ts';
import type { MessageKey, Translate } from '../../../platform/i18n/messages.ts';
import type { CaseAgent } from '../services/list-case-agents.ts';
import { CheckboxField, type FieldErrors, FormErrors } from '../../../platform/web/form.tsx';
import { BodyField, ChoiceField, fieldId } from './case-action-fields.tsx';
import { CsrfField, type PageContext } from '../../../platform/web/layout.tsx';

/** A form on the case page that was sent back: which one, what was typed, and what was wrong with it. */
export interface FailedForm {
  form: string;
  values: Record<string, string>;
  errors: FieldErrors;
}

/** The service desk's actions in the order the work goes; comments and files have forms of their own. */
const actionOrder: readonly CaseEventType[] = [
  'work-started',
  'workaround',
  'qualified',
  'resolved',
  'feedback-given',
  'paused',
  'resumed',
  'reclassified',
  'assigned',
  'closed',
];

/** Which actions the case takes now: each is tried against the lifecycle rules with a complete example event. */
export function availableActions(kind: CaseKind, events: readonly LifecycleEvent[], now: number): CaseEventType[] {
  const view = deriveCase(events);
  const at = Math.max(now, view.lastEventAt ?? now);
  const otherCategory = incidentCategories.find((c) => c !== view.category) ?? 'C';
  return actionOrder.filter(
    (type) =>
      caseTypes[kind].events.includes(type) &&
      checkEvent(kind, view, { type, at, body: 'x', category: otherCategory, assigneeId: null }, now) === null,
  );
}

function Problems({
  failed,
  form,
  fields,
  labels,
  t,
}: {
  failed: FailedForm | undefined;
  form: string;
  fields: readonly string[];
  labels: Record<string, string>;
  t: Translate;
}) {
  if (failed?.form !== form) return null;
  return (
    <FormErrors
      errors={failed.errors}
      labels={labels}
      t={t}
      fieldId={(field) => (fields.includes(field) ? fieldId(form, field) : null)}
    />
  );
}

function ActionForm({
  page,
  reference,
  type,
  title,
  children,
  submit,
  failed,
  labels = {},
  fields = [],
}: {
  page: PageContext;
  reference: string;
  type: string;
  title: string;
  children?: ReactNode;
  submit: string;
  failed: FailedForm | undefined;
  labels?: Record<string, string>;
  fields?: readonly string[];
}) {
  return (
    <section className="niva-action" aria-labelledby={`action-${type}`}>
      <Heading level={3} data-size="xs" id={`action-${type}`}>
        {title}
      </Heading>
      <form method="post" action={`/cases/${reference}/events`} className="niva-form">
        <CsrfField page={page} />
        <input type="hidden" name="type" value={type} />
        <Problems failed={failed} form={type} fields={fields} labels={labels} t={page.t} />
        {children}
        <Button type="submit" variant={type === 'closed' ? 'secondary' : 'primary'}>
          {submit}
        </Button>
      </form>
    </section>
  );
}

/** Notes that go with an action: the form's label for them and whether the lifecycle demands one. */
const notes: Partial<Record<CaseEventType, { label: MessageKey; required: boolean }>> = {
  workaround: { label: 'case.action.note', required: false },
  qualified: { label: 'case.action.note', required: false },
  resolved: { label: 'case.action.resolutionNote', required: false },
  'feedback-given': { label: 'case.action.feedbackMessage', required: true },
  paused: { label: 'case.action.pauseReason', required: true },
  reclassified: { label: 'case.action.note', required: false },
  closed: { label: 'case.action.closeReason', required: false },
};

export function AgentActions({
  page,
  reference,
  actions,
  agents,
  category,
  assigneeId,
  failed,
}: {
  page: PageContext;
  reference: string;
  actions: readonly CaseEventType[];
  agents: CaseAgent[];
  category: string | null;
  assigneeId: string | null;
  failed: FailedForm | undefined;
}) {
  const { t } = page;
  const quick: CaseEventType[] = actions.filter((a) => a === 'work-started' || a === 'resumed');
  const detailed = actions.filter((a) => !quick.includes(a));
  const mine = (type: string) => (failed?.form === type ? failed : undefined);
  return (
    <section aria-labelledby="case-actions" className="niva-panel">
      <Heading level={2} data-size="md" id="case-actions">
        {t('case.actions.title')}
      </Heading>
      {quick.length > 0 && (
        <div className="niva-actions-quick">
          {quick.map((type) => (
            <form key={type} method="post" action={`/cases/${reference}/events`}>
              <CsrfField page={page} />
              <input type="hidden" name="type" value={type} />
              <Button type="submit">{t(`case.action.${type}` as MessageKey)}</Button>
            </form>
          ))}
        </div>
      )}
      {failed && (quick as readonly string[]).includes(failed.form) && (
        <Problems failed={failed} form={failed.form} fields={[]} labels={{}} t={t} />
      )}
      <div className="niva-actions">
        {detailed.map((type) => {
          const title = t(`case.action.${type}` as MessageKey);
          const note = notes[type];
          const labels: Record<string, string> = {
            body: note ? t(note.label) : '',
            category: t('case.action.newCategory'),
            assigneeId: t('case.action.assignee'),
            channel: t('case.action.feedbackChannel'),
          };
          const fields =
            type === 'reclassified'
              ? ['category', 'body']
              : type === 'assigned'
                ? ['assigneeId']
                : type === 'feedback-given'
                  ? ['channel', 'body']
                  : ['body'];
          return (
            <ActionForm
              key={type}
              page={page}
              reference={reference}
              type={type}
              title={title}
              submit={title}
              failed={failed}
              labels={labels}
              fields={fields}
            >
              {type === 'reclassified' && (
                <ChoiceField
                  form={type}
                  name="category"
                  label={t('case.action.newCategory')}
                  options={incidentCategories
                    .filter((c) => c !== category)
                    .map((c) => ({ value: c, label: t(`case.category.${c}` as MessageKey) }))}
                  value={mine(type)?.values.category}
                  error={mine(type)?.errors.category}
                />
              )}
              {type === 'assigned' && (
                <ChoiceField
                  form={type}
                  name="assigneeId"
                  label={t('case.action.assignee')}
                  options={[
                    { value: '', label: t('case.action.nobody') },
                    ...agents.map((a) => ({ value: a.id, label: a.name })),
                  ]}
                  value={mine(type)?.values.assigneeId ?? assigneeId ?? ''}
                  error={mine(type)?.errors.assigneeId}
                />
              )}
              {type === 'feedback-given' && (
                <ChoiceField
                  form={type}
                  name="channel"
                  label={t('case.action.feedbackChannel')}
                  // The e-mail goes by itself when the case is resolved; what is recorded here is told another way.
                  options={feedbackChannels
                    .filter((c) => c !== 'email')
                    .map((c) => ({ value: c, label: t(`case.feedbackChannel.${c}`) }))}
                  value={mine(type)?.values.channel ?? 'phone'}
                  error={mine(type)?.errors.channel}
                />
              )}
              {note && <BodyField form={type} label={t(note.label)} failed={failed} required={note.required} />}
            </ActionForm>
          );
        })}
      </div>
    </section>
  );
}

export function CommentForm({
  page,
  reference,
  works,
  failed,
}: {
  page: PageContext;
  reference: string;
  works: boolean;
  failed: FailedForm | undefined;
}) {
  const { t } = page;
  const mine = failed?.form === 'commented' ? failed : undefined;
  return (
    <section aria-labelledby="case-comment" className="niva-panel">
      <Heading level={2} data-size="md" id="case-comment">
        {t('case.comment.title')}
      </Heading>
      <form method="post" action={`/cases/${reference}/events`} className="niva-form">
        <CsrfField page={page} />
        <input type="hidden" name="type" value="commented" />
        <Problems failed={failed} form="commented" fields={['body']} labels={{ body: t('case.comment.body') }} t={t} />
        <BodyField form="commented" label={t('case.comment.body')} failed={failed} required />
        {works && (
          <CheckboxField
            id={fieldId('commented', 'visibility')}
            name="visibility"
            value="internal"
            label={t('case.comment.internal')}
            checked={mine?.values.visibility === 'internal'}
          />
        )}
        <Button type="submit">{t('case.comment.submit')}</Button>
      </form>
    </section>
  );
}

export function AttachForm({
  page,
  reference,
  works,
  failed,
}: {
  page: PageContext;
  reference: string;
  works: boolean;
  failed: FailedForm | undefined;
}) {
  const { t } = page;
  const mine = failed?.form === 'attach' ? failed : undefined;
  const id = fieldId('attach', 'file');
  const error = mine?.errors.file;
  return (
    <section aria-labelledby="case-attach" className="niva-panel">
      <Heading level={2} data-size="md" id="case-attach">
        {t('case.attach.title')}
      </Heading>
      <form
        method="post"
        action={`/cases/${reference}/attachments`}
        encType="multipart/form-data"
        className="niva-form"
      >
        <CsrfField page={page} />
        <Problems failed={failed} form="attach" fields={['file']} labels={{ file: t('case.attach.file') }} t={t} />
        <Field>
          <Label htmlFor={id}>{t('case.attach.file')}</Label>
          <p id={`${id}-desc`} className="ds-field-description">
            {t('case.attach.help')}
          </p>
          <Input
            type="file"
            id={id}
            name="file"
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={[error ? `${id}-error` : null, `${id}-desc`].filter(Boolean).join(' ')}
          />
          {error && <ValidationMessage id={`${id}-error`}>{error}</ValidationMessage>}
        </Field>
        {works && (
          <CheckboxField
            id={fieldId('attach', 'visibility')}
            name="visibility"
            value="internal"
            label={t('case.attach.internal')}
          />
        )}
        <Button type="submit">{t('case.attach.submit')}</Button>
      </form>
    </section>
  );
}

export function ClosedNotice({ t }: { t: Translate }) {
  return <Paragraph className="niva-panel">{t('case.closedNotice')}</Paragraph>;
}
