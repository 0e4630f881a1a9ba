import { SelectField, TextareaField, TextField } from '../../../platform/web/form.tsx';
import { blockKinds } from '../services/report-content-inputs.ts';
import { ContentForm, type ContentFormProps, contentFormState } from './report-content-forms.tsx';

/** A news or project-status block of one month's report: new, or one to edit. */
export function BlockForm(props: ContentFormProps) {
  const { t } = props.page;
  const form = contentFormState(t, props.failed, props.formKey, props.values);
  const { values, field } = form;
  return (
    <ContentForm props={props} form={form}>
      <SelectField
        {...field('kind')}
        value={values.kind ?? 'news'}
        options={blockKinds.map((k) => ({ value: k, label: t(`reportContent.kind.${k}`) }))}
      />
      <TextField {...field('title')} required />
      <TextareaField {...field('bodyMarkdown')} description={t('reportContent.field.bodyHelp')} rows={8} />
      <TextField {...field('position')} type="number" description={t('reportContent.field.positionHelp')} />
    </ContentForm>
  );
}
