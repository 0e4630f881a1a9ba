import { SelectField, TextareaField, TextField } from '../../../platform/web/form.tsx';
import { roadmapStatuses } from '../services/report-content-inputs.ts';
import type { ComponentOption } from './report-content-model.ts';
import { ContentForm, type ContentFormProps, contentFormState } from './report-content-forms.tsx';

/** A roadmap entry, optionally about one component: new, or one to edit. */
export function RoadmapForm(props: ContentFormProps & { components: ComponentOption[] }) {
  const { t } = props.page;
  const form = contentFormState(t, props.failed, props.formKey, props.values);
  const { values, field } = form;
  const components = [
    { value: '', label: t('reportContent.field.noComponent') },
    ...props.components.map((c) => ({ value: c.id, label: c.name })),
  ];
  return (
    <ContentForm props={props} form={form}>
      <TextField {...field('title')} required />
      <TextField {...field('period')} description={t('reportContent.field.periodHelp')} required />
      <SelectField
        {...field('status')}
        value={values.status ?? 'planned'}
        options={roadmapStatuses.map((s) => ({ value: s, label: t(`reportContent.status.${s}`) }))}
      />
      <SelectField {...field('componentId')} value={values.componentId ?? ''} options={components} />
      <TextareaField {...field('description')} rows={4} />
    </ContentForm>
  );
}
