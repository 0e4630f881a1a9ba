import { Button, Field, Heading, Input, Label, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { maintenanceKinds, outageSeverities } from '../domain/monthly-availability.ts';
import type { MessageKey, Translate } from '../../../platform/i18n/messages.ts';
import { type FieldErrors, FormErrors, SelectField, TextareaField, TextField } from '../../../platform/web/form.tsx';
import { CsrfField, type PageContext } from '../../../platform/web/layout.tsx';

/** A rejected form and what was typed in it; `form` is `outage`, `plan`, or `end:<outage id>`. */
export interface FailedForm {
  form: string;
  values: Record<string, string>;
  errors: FieldErrors;
}

export const outageFields = ['severity', 'start', 'end', 'publicText'] as const;
export const planFields = ['kind', 'title', 'start', 'end', 'publicText', 'incidentCaseId'] as const;

export function formLabels(t: Translate): Record<string, string> {
  return {
    severity: t('availability.field.severity'),
    start: t('availability.field.start'),
    end: t('availability.field.end'),
    publicText: t('availability.field.publicText'),
    kind: t('availability.field.kind'),
    title: t('availability.field.title'),
    incidentCaseId: t('availability.field.incident'),
  };
}

/**
 * Both forms have a `start`, an `end` and a `publicText`; those get prefixed ids to keep them apart on one page.
 * The fields only one form has keep the ordinary `f-<name>` id.
 */
const shared = new Set(['start', 'end', 'publicText']);
const outageId = (field: string) => (shared.has(field) ? `outage-${field}` : `f-${field}`);
const planId = (field: string) => (shared.has(field) ? `plan-${field}` : `f-${field}`);

/** A date-time field with its own id, since the page holds several forms with a `start` and an `end`. */
function InstantField({
  id,
  name,
  label,
  value,
  error,
  required,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  error: string | undefined;
  required?: boolean;
}) {
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        name={name}
        type="datetime-local"
        defaultValue={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && <ValidationMessage id={`${id}-error`}>{error}</ValidationMessage>}
    </Field>
  );
}

export function RecordOutageForm({
  page,
  action,
  failed,
}: {
  page: PageContext;
  action: string;
  failed: FailedForm | undefined;
}) {
  const { t } = page;
  const values = failed?.form === 'outage' ? failed.values : {};
  const errors = failed?.form === 'outage' ? failed.errors : {};
  return (
    <section aria-labelledby="outage-form-heading">
      <Heading level={3} data-size="xs" id="outage-form-heading">
        {t('availability.outage.record')}
      </Heading>
      <form method="post" action={action} className="niva-form">
        <CsrfField page={page} />
        <FormErrors errors={errors} labels={formLabels(t)} t={t} fieldId={outageId} />
        <SelectField
          name="severity"
          label={t('availability.field.severity')}
          value={values.severity ?? 'unavailable'}
          error={errors.severity}
          options={outageSeverities.map((s) => ({ value: s, label: t(`availability.severity.${s}`) }))}
        />
        <InstantField
          id={outageId('start')}
          name="start"
          label={t('availability.field.start')}
          value={values.start}
          error={errors.start}
          required
        />
        <InstantField
          id={outageId('end')}
          name="end"
          label={t('availability.field.endOptional')}
          value={values.end}
          error={errors.end}
        />
        <TextareaField
          id={outageId('publicText')}
          name="publicText"
          label={t('availability.field.publicText')}
          description={t('availability.field.publicTextHelp')}
          value={values.publicText}
          error={errors.publicText}
          rows={3}
          required
        />
        <Button type="submit">{t('availability.outage.record')}</Button>
      </form>
    </section>
  );
}

/** Ends one ongoing outage; the time is optional and means now. */
export function EndOutageForm({
  page,
  action,
  outageIdValue,
  failed,
}: {
  page: PageContext;
  action: string;
  outageIdValue: string;
  failed: FailedForm | undefined;
}) {
  const { t } = page;
  const mine = failed?.form === `end:${outageIdValue}`;
  const id = `end-${outageIdValue}`;
  return (
    <form method="post" action={action} className="niva-inline-form">
      <CsrfField page={page} />
      {mine && <FormErrors errors={failed.errors} labels={formLabels(t)} t={t} fieldId={() => id} />}
      <InstantField
        id={id}
        name="end"
        label={t('availability.outage.endAt')}
        value={mine ? failed.values.end : undefined}
        error={mine ? failed.errors.end : undefined}
      />
      <Button type="submit" variant="secondary" data-size="sm">
        {t('availability.outage.endSubmit')}
      </Button>
    </form>
  );
}

export function PlanMaintenanceForm({
  page,
  action,
  failed,
}: {
  page: PageContext;
  action: string;
  failed: FailedForm | undefined;
}) {
  const { t } = page;
  const values = failed?.form === 'plan' ? failed.values : {};
  const errors = failed?.form === 'plan' ? failed.errors : {};
  return (
    <section aria-labelledby="plan-form-heading">
      <Heading level={3} data-size="xs" id="plan-form-heading">
        {t('availability.maintenance.plan')}
      </Heading>
      <Paragraph data-size="sm">{t('availability.maintenance.planHelp')}</Paragraph>
      <form method="post" action={action} className="niva-form">
        <CsrfField page={page} />
        <FormErrors errors={errors} labels={formLabels(t)} t={t} fieldId={planId} />
        <SelectField
          name="kind"
          label={t('availability.field.kind')}
          value={values.kind ?? 'maintenance'}
          error={errors.kind}
          options={maintenanceKinds.map((k) => ({ value: k, label: t(`availability.kind.${k}` as MessageKey) }))}
        />
        <TextField
          name="title"
          label={t('availability.field.title')}
          value={values.title}
          error={errors.title}
          required
        />
        <InstantField
          id={planId('start')}
          name="start"
          label={t('availability.field.start')}
          value={values.start}
          error={errors.start}
          required
        />
        <InstantField
          id={planId('end')}
          name="end"
          label={t('availability.field.end')}
          value={values.end}
          error={errors.end}
          required
        />
        <TextareaField
          id={planId('publicText')}
          name="publicText"
          label={t('availability.field.publicText')}
          description={t('availability.field.publicTextHelp')}
          value={values.publicText}
          error={errors.publicText}
          rows={3}
          required
        />
        <TextField
          name="incidentCaseId"
          label={t('availability.field.incident')}
          description={t('availability.field.incidentHelp')}
          value={values.incidentCaseId}
          error={errors.incidentCaseId}
          autoComplete="off"
        />
        <Button type="submit">{t('availability.maintenance.planSubmit')}</Button>
      </form>
    </section>
  );
}

/** Publish or cancel, each a one-button form: a state change is a POST, never a link. */
export function MaintenanceActions({
  page,
  base,
  id,
  draft,
  late,
}: {
  page: PageContext;
  base: string;
  id: string;
  draft: boolean;
  late: boolean;
}) {
  const { t } = page;
  return (
    <div className="niva-actions">
      {draft && (
        <form method="post" action={`${base}/maintenance/${id}/publish`}>
          <CsrfField page={page} />
          <Button type="submit" variant="secondary" data-size="sm">
            {late ? t('availability.maintenance.publishLate') : t('availability.maintenance.publish')}
          </Button>
        </form>
      )}
      <form method="post" action={`${base}/maintenance/${id}/cancel`}>
        <CsrfField page={page} />
        <Button type="submit" variant="tertiary" data-size="sm">
          {t('availability.maintenance.cancel')}
        </Button>
      </form>
    </div>
  );
}
