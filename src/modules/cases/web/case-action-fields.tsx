import { Field, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { TextareaField } from '../../../platform/web/form.tsx';
import type { FailedForm } from './case-action-forms.tsx';

/** The forms of the case page are told apart by a prefix, so their fields get ids of their own. */
export const fieldId = (form: string, field: string) => `f-${form}-${field}`;

export function BodyField({
  form,
  label,
  failed,
  required,
}: {
  form: string;
  label: string;
  failed: FailedForm | undefined;
  required?: boolean;
}) {
  const mine = failed?.form === form ? failed : undefined;
  return (
    <TextareaField
      id={fieldId(form, 'body')}
      name="body"
      label={label}
      value={mine?.values.body}
      error={mine?.errors.body}
      required={required ?? false}
      rows={3}
    />
  );
}

export function ChoiceField({
  form,
  name,
  label,
  options,
  value,
  error,
}: {
  form: string;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value: string | undefined;
  error: string | undefined;
}) {
  const id = fieldId(form, name);
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Select
        id={id}
        name={name}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
      {error && <ValidationMessage id={`${id}-error`}>{error}</ValidationMessage>}
    </Field>
  );
}
