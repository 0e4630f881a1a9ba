import {
  Button,
  Field,
  Fieldset,
  Heading,
  Input,
  Label,
  Paragraph,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { incidentCriteria } from '../domain/incident-criteria.ts';
import { caseKinds, incidentCategories } from '../domain/case-types.ts';
import type { MessageKey, Translate } from '../../../platform/i18n/messages.ts';
import {
  CheckboxField,
  type FieldErrors,
  FormErrors,
  SelectField,
  TextareaField,
  TextField,
} from '../../../platform/web/form.tsx';
import { CsrfField, Layout, type PageContext } from '../../../platform/web/layout.tsx';
import { kindLabel } from './case-display.tsx';

export interface ReportForm {
  values: Record<string, string>;
  criteria: string[];
  errors: FieldErrors;
}

export interface ReportView {
  page: PageContext;
  form: ReportForm;
  /** Owners the reporter may choose between; null when there is only the reporter's own. */
  organisations: { value: string; label: string }[] | null;
  services: { value: string; label: string }[];
  components: { value: string; label: string }[];
  /** The service desk registers on someone's behalf: channel, reporter and time of the report. */
  desk: boolean;
}

/** The value that stands for a platform-wide incident in the owner select. */
export const platformValue = 'platform';

/**
 * The agreement's A/B/C categories with their descriptions (2.1); with `criteria`, each category's checklist too.
 * Without client script every category is on show; the choice is only read for an incident.
 */
export function CategoryChoice({
  t,
  value,
  criteria,
  error,
}: {
  t: Translate;
  value: string | undefined;
  criteria?: string[];
  error: string | undefined;
}) {
  return (
    <Fieldset id="f-category" aria-describedby={error ? 'f-category-error' : undefined}>
      <Fieldset.Legend>{t('case.field.category')}</Fieldset.Legend>
      <Fieldset.Description>{t('case.field.categoryHelp')}</Fieldset.Description>
      {error && <ValidationMessage id="f-category-error">{error}</ValidationMessage>}
      {incidentCategories.map((c) => (
        <div key={c} className="niva-category">
          <Field>
            <Input
              type="radio"
              id={`f-category-${c}`}
              name="category"
              value={c}
              defaultChecked={value === c}
              aria-describedby={`f-category-${c}-desc`}
              aria-invalid={error ? true : undefined}
            />
            <Label htmlFor={`f-category-${c}`}>{t(`case.category.${c}` as MessageKey)}</Label>
            <p id={`f-category-${c}-desc`} className="ds-field-description">
              {t(`case.category.${c}.text` as MessageKey)}
            </p>
          </Field>
          {criteria && (
            <Fieldset className="niva-criteria" data-size="sm">
              <Fieldset.Legend>{t('case.criteria.legend', { category: c })}</Fieldset.Legend>
              {incidentCriteria[c].map((id) => (
                <CheckboxField
                  key={id}
                  name="criteria"
                  value={id}
                  label={t(`case.criterion.${id}` as MessageKey)}
                  checked={criteria.includes(id)}
                />
              ))}
            </Fieldset>
          )}
        </div>
      ))}
    </Fieldset>
  );
}

export function reportLabels(t: Translate) {
  return {
    organisationId: t('case.field.organisation'),
    kind: t('case.field.kind'),
    category: t('case.field.category'),
    criteria: t('case.field.category'),
    title: t('case.field.title'),
    description: t('case.field.description'),
    serviceId: t('case.field.service'),
    componentId: t('case.field.component'),
    channel: t('case.field.channel'),
    reporterName: t('case.field.reporterName'),
    reporterEmail: t('case.field.reporterEmail'),
    registeredAt: t('case.field.registeredAt'),
  };
}

export function CaseReportPage({ page, form, organisations, services, components, desk }: ReportView) {
  const { t } = page;
  const { values, errors } = form;
  const labels = reportLabels(t);
  return (
    <Layout page={page} title={t('case.new')}>
      <Heading level={1} data-size="lg">
        {t('case.new')}
      </Heading>
      <Paragraph>{t('case.new.intro')}</Paragraph>
      <form method="post" action="/cases" className="niva-form niva-form--wide">
        <CsrfField page={page} />
        <FormErrors errors={errors} labels={labels} t={t} />
        {organisations && (
          <SelectField
            name="organisationId"
            label={labels.organisationId}
            value={values.organisationId}
            error={errors.organisationId}
            options={[{ value: '', label: t('case.field.organisationChoose') }, ...organisations]}
          />
        )}
        <SelectField
          name="kind"
          label={labels.kind}
          value={values.kind ?? 'incident'}
          error={errors.kind}
          options={caseKinds.map((k) => ({ value: k, label: kindLabel(k, t) }))}
        />
        <CategoryChoice
          t={t}
          value={values.category}
          criteria={form.criteria}
          error={errors.category ?? errors.criteria}
        />
        <TextField name="title" label={labels.title} value={values.title} error={errors.title} required />
        <TextareaField
          name="description"
          label={labels.description}
          description={t('case.field.descriptionHelp')}
          value={values.description}
          error={errors.description}
          rows={6}
        />
        <SelectField
          name="serviceId"
          label={`${labels.serviceId} (${t('case.field.serviceHelp')})`}
          value={values.serviceId}
          error={errors.serviceId}
          options={[{ value: '', label: t('case.field.serviceNone') }, ...services]}
        />
        <SelectField
          name="componentId"
          label={labels.componentId}
          value={values.componentId}
          error={errors.componentId}
          options={[{ value: '', label: t('case.field.componentNone') }, ...components]}
        />
        {desk && (
          <Fieldset>
            <Fieldset.Legend>{t('case.field.desk')}</Fieldset.Legend>
            <SelectField
              name="channel"
              label={labels.channel}
              value={values.channel ?? 'phone'}
              error={errors.channel}
              options={(['phone', 'email', 'web'] as const).map((c) => ({ value: c, label: t(`case.channel.${c}`) }))}
            />
            <TextField
              name="reporterName"
              label={labels.reporterName}
              value={values.reporterName}
              error={errors.reporterName}
              autoComplete="off"
            />
            <TextField
              name="reporterEmail"
              type="email"
              label={labels.reporterEmail}
              value={values.reporterEmail}
              error={errors.reporterEmail}
              autoComplete="off"
            />
            <TextField
              name="registeredAt"
              type="datetime-local"
              label={labels.registeredAt}
              description={t('case.field.registeredAtHelp')}
              value={values.registeredAt}
              error={errors.registeredAt}
            />
          </Fieldset>
        )}
        <Button type="submit">{t('case.submit')}</Button>
      </form>
    </Layout>
  );
}
