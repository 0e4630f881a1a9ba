import { SelectField, TextareaField, TextField } from '../../../platform/web/form.tsx';
import { meetingFormats } from '../services/report-content-inputs.ts';
import { ContentForm, type ContentFormProps, contentFormState } from './report-content-forms.tsx';

/** A meeting in the report's calendar: new, or one to edit. */
export function MeetingForm(props: ContentFormProps) {
  const { t } = props.page;
  const form = contentFormState(t, props.failed, props.formKey, props.values);
  const { values, field } = form;
  return (
    <ContentForm props={props} form={form}>
      <TextField {...field('title')} required />
      <TextField {...field('series')} description={t('reportContent.field.seriesHelp')} />
      <TextField {...field('startsAt')} type="datetime-local" required />
      <TextField {...field('endsAt')} type="datetime-local" required />
      <SelectField
        {...field('format')}
        value={values.format ?? 'digital'}
        options={meetingFormats.map((f) => ({ value: f, label: t(`reportContent.format.${f}`) }))}
      />
      <TextField {...field('location')} />
      <TextField {...field('url')} type="url" />
      <TextareaField {...field('description')} rows={3} />
    </ContentForm>
  );
}
