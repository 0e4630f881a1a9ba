import { Paragraph } from '@digdir/designsystemet-react';
import { maintenanceKinds, outageSeverities } from '../domain/monthly-availability.ts';
import type { MessageKey, Translate } from '../../../platform/i18n/messages.ts';
import {
  boundForm,
  type FailedForm,
  FormSection,
  PostButton,
  PostForm,
  SelectField,
  TextareaField,
  TextField,
} from '../../../platform/web/form.tsx';
import type { PageContext } from '../../../platform/web/layout.tsx';

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

/** What each form of a component's page gets: where it posts, and the form just rejected, if any. */
interface FormProps {
  page: PageContext;
  action: string;
  failed: FailedForm | undefined;
}

export function RecordOutageForm({ page, action, failed }: FormProps) {
  const { t } = page;
  const labels = formLabels(t);
  const { values, errors, field } = boundForm({ failed, form: 'outage', labels, id: outageId });
  return (
    <FormSection id="outage-form-heading" heading={t('availability.outage.record')} level={3} size="xs">
      <PostForm
        page={page}
        action={action}
        errors={errors}
        labels={labels}
        fieldId={outageId}
        submit={t('availability.outage.record')}
      >
        <SelectField
          {...field('severity')}
          value={values.severity ?? 'unavailable'}
          options={outageSeverities.map((s) => ({ value: s, label: t(`availability.severity.${s}`) }))}
        />
        <TextField {...field('start')} type="datetime-local" required />
        <TextField {...field('end')} type="datetime-local" label={t('availability.field.endOptional')} />
        <TextareaField
          {...field('publicText')}
          description={t('availability.field.publicTextHelp')}
          rows={3}
          required
        />
      </PostForm>
    </FormSection>
  );
}

/** Ends one ongoing outage; the time is optional and means now. */
export function EndOutageForm({ page, action, outageIdValue, failed }: FormProps & { outageIdValue: string }) {
  const { t } = page;
  const id = `end-${outageIdValue}`;
  const labels = formLabels(t);
  const { errors, field } = boundForm({ failed, form: `end:${outageIdValue}`, labels, id: () => id });
  return (
    <PostForm
      page={page}
      action={action}
      errors={errors}
      labels={labels}
      fieldId={() => id}
      layout="inline"
      submit={t('availability.outage.endSubmit')}
    >
      <TextField {...field('end')} type="datetime-local" label={t('availability.outage.endAt')} />
    </PostForm>
  );
}

export function PlanMaintenanceForm({ page, action, failed }: FormProps) {
  const { t } = page;
  const labels = formLabels(t);
  const { values, errors, field } = boundForm({ failed, form: 'plan', labels, id: planId });
  return (
    <FormSection id="plan-form-heading" heading={t('availability.maintenance.plan')} level={3} size="xs">
      <Paragraph data-size="sm">{t('availability.maintenance.planHelp')}</Paragraph>
      <PostForm
        page={page}
        action={action}
        errors={errors}
        labels={labels}
        fieldId={planId}
        submit={t('availability.maintenance.planSubmit')}
      >
        <SelectField
          {...field('kind')}
          value={values.kind ?? 'maintenance'}
          options={maintenanceKinds.map((k) => ({ value: k, label: t(`availability.kind.${k}` as MessageKey) }))}
        />
        <TextField {...field('title')} required />
        <TextField {...field('start')} type="datetime-local" required />
        <TextField {...field('end')} type="datetime-local" required />
        <TextareaField
          {...field('publicText')}
          description={t('availability.field.publicTextHelp')}
          rows={3}
          required
        />
        <TextField {...field('incidentCaseId')} description={t('availability.field.incidentHelp')} autoComplete="off" />
      </PostForm>
    </FormSection>
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
        <PostButton
          page={page}
          action={`${base}/maintenance/${id}/publish`}
          label={late ? t('availability.maintenance.publishLate') : t('availability.maintenance.publish')}
          variant="secondary"
        />
      )}
      <PostButton
        page={page}
        action={`${base}/maintenance/${id}/cancel`}
        label={t('availability.maintenance.cancel')}
      />
    </div>
  );
}
