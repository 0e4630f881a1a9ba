// The operator admin's form that bills a period, and what the run issued (or would issue, on a preview).
import { Alert, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Translate } from '../../../platform/i18n/messages.ts';
import {
  boundForm,
  CheckboxField,
  type FailedForm,
  FormSection,
  PostForm,
  SelectField,
} from '../../../platform/web/form.tsx';
import type { PageContext } from '../../../platform/web/layout.tsx';
import { kindText, periodText, purposeText, ScrollTable, statementHref } from './billing-display.tsx';
import { formatOre } from './billing-money.ts';
import type { RunResultView } from './billing-view-model.ts';

export const runFields = ['year', 'quarter', 'dryRun'] as const;

/** The page's year picker has a `year` of its own, so the run form's fields get ids of theirs. */
const runId = (field: string) => `run-${field}`;

/** The form's values as posted: `year` and `quarter` are checked here, the rest by the operation. */
export interface RunFormInput {
  year: number;
  quarter: number | null;
  dryRun: boolean;
}

export function runLabels(t: Translate): Record<string, string> {
  return { year: t('billing.run.year'), quarter: t('billing.run.quarter'), dryRun: t('billing.run.dryRun') };
}

/** What was typed, or the field errors that keep it from reaching the operation. */
export function readRunForm(
  values: Record<string, string>,
  t: Translate,
): { input: RunFormInput } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const year = values.year ?? '';
  const quarter = values.quarter ?? '';
  if (!/^\d{4}$/.test(year)) errors.year = t('billing.error.year');
  if (!/^[1-4]?$/.test(quarter)) errors.quarter = t('billing.error.quarter');
  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: { year: Number(year), quarter: quarter === '' ? null : Number(quarter), dryRun: values.dryRun === 'yes' },
  };
}

export function RunForm({
  page,
  years,
  year,
  failed,
}: {
  page: PageContext;
  years: readonly number[];
  year: number;
  failed: FailedForm | undefined;
}) {
  const { t } = page;
  const labels = runLabels(t);
  const { values, errors, field } = boundForm({
    failed,
    form: 'run',
    stored: { year: String(year) },
    labels,
    id: runId,
  });
  const quarters = [
    { value: '', label: t('billing.run.wholeYear') },
    ...[1, 2, 3, 4].map((q) => ({ value: String(q), label: t('billing.run.quarterOption', { quarter: q }) })),
  ];
  // A year typed by hand that is not offered is still shown, so the rejected value and its error stay together.
  const offered = years.map(String);
  if (values.year && !offered.includes(values.year)) offered.push(values.year);
  return (
    <FormSection id="billing-run-heading" heading={t('billing.run.heading')} level={2} size="sm">
      <Paragraph data-size="sm">{t('billing.run.intro')}</Paragraph>
      <PostForm
        page={page}
        action="/billing/runs"
        errors={errors}
        labels={labels}
        fieldId={runId}
        submit={t('billing.run.submit')}
      >
        <SelectField {...field('year')} options={offered.map((y) => ({ value: y, label: y }))} />
        <SelectField {...field('quarter')} value={values.quarter ?? ''} options={quarters} />
        <CheckboxField
          name="dryRun"
          value="yes"
          id={runId('dryRun')}
          label={t('billing.run.dryRun')}
          checked={failed?.form === 'run' ? values.dryRun === 'yes' : true}
        />
      </PostForm>
    </FormSection>
  );
}

/** The outcome of a run: what was issued with links, what a preview would issue, or that there was nothing new. */
export function RunResult({ page, result }: { page: PageContext; result: RunResultView }) {
  const { t, locale } = page;
  const period = periodText(t, result.year, result.quarter);
  const count = result.statements.length;
  const summary =
    count === 0
      ? t('billing.run.nothing', { period })
      : result.dryRun
        ? t('billing.run.previewed', { period, count, total: formatOre(result.totalOre, locale) })
        : t('billing.run.issued', { period, count, total: formatOre(result.totalOre, locale) });
  const caption = result.dryRun ? t('billing.run.previewCaption') : t('billing.run.issuedCaption');
  return (
    <section
      aria-labelledby="billing-run-result"
      className="niva-billing-result"
      data-run-result={result.dryRun ? 'preview' : 'issued'}
    >
      <Heading level={2} data-size="sm" id="billing-run-result">
        {result.dryRun ? t('billing.run.previewHeading') : t('billing.run.resultHeading')}
      </Heading>
      <Alert data-color={count === 0 ? 'info' : result.dryRun ? 'info' : 'success'} role="status">
        {summary}
      </Alert>
      {count > 0 && (
        <ScrollTable label={caption}>
          <Table data-size="sm" zebra className="niva-billing-run">
            <caption>{caption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('billing.owner')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('billing.statement.number')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('billing.statement.kind')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="niva-num">
                  {t('billing.statement.total')}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {result.statements.map((s) => (
                <Table.Row key={s.owner} data-owner={s.owner}>
                  <Table.HeaderCell scope="row">{s.owner}</Table.HeaderCell>
                  <Table.Cell>
                    {s.number === null ? (
                      t('billing.run.notIssued')
                    ) : (
                      <Link href={statementHref(s.number)}>{s.number}</Link>
                    )}
                  </Table.Cell>
                  <Table.Cell>{`${kindText(t, s.kind)} (${purposeText(t, s.purpose)})`}</Table.Cell>
                  <Table.Cell className="niva-num">{formatOre(s.totalOre, locale)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollTable>
      )}
    </section>
  );
}
