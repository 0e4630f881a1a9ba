// The financing scenarios: the question (year, extra need, growth per product) and the six alternatives side by side.
import { Button, Fieldset, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { bindFields, FormErrors, type FieldErrors, SelectField, TextField } from '../../../platform/web/form.tsx';
import { Layout, type PageContext } from '../../../platform/web/layout.tsx';
import { formatOre } from './billing-money.ts';
import { ScenarioChart } from './billing-scenario-chart.tsx';
import { growthPrefix } from './billing-scenario-input.ts';
import { AlternativesTable, OwnersTable, ProductsTable } from './billing-scenario-tables.tsx';
import type { ComparisonView } from './billing-view-model.ts';

export interface ScenarioPageView {
  page: PageContext;
  years: number[];
  products: { id: string; name: string }[];
  values: Record<string, string>;
  errors: FieldErrors;
  /** Null when the question could not be asked (see `errors`). */
  comparison: ComparisonView | null;
  /** The API query of the question, for the export links. */
  exportQuery: string | null;
}

const growthId = (product: string) => `f-growth-${product}`;

function ScenarioForm({ view }: { view: ScenarioPageView }) {
  const { page, products, values, errors } = view;
  const { t } = page;
  const labels: Record<string, string> = {
    year: t('billing.year'),
    extraNeedMnok: t('billing.scenarios.extraNeed'),
    growth: t('billing.scenarios.growth'),
    ...Object.fromEntries(
      products.map((p) => [`${growthPrefix}${p.id}`, t('billing.scenarios.growthOf', { product: p.name })]),
    ),
  };
  // A growth for a product the form does not have (from a link) is said in the summary without a field to point at.
  const fieldId = (field: string): string | null =>
    field === 'year' || field === 'extraNeedMnok'
      ? `f-${field}`
      : field.startsWith(growthPrefix) && products.some((p) => `${growthPrefix}${p.id}` === field)
        ? growthId(field.slice(growthPrefix.length))
        : null;
  const field = bindFields({
    values,
    errors,
    labels,
    id: (name) => (name.startsWith(growthPrefix) ? growthId(name.slice(growthPrefix.length)) : `f-${name}`),
  });
  const years = view.years.map(String);
  if (values.year && !years.includes(values.year)) years.push(values.year);
  return (
    <form method="get" action="/billing/scenarios" className="niva-form" aria-labelledby="billing-scenario-question">
      <Heading level={2} data-size="sm" id="billing-scenario-question">
        {t('billing.scenarios.question')}
      </Heading>
      <FormErrors errors={errors} labels={labels} t={t} fieldId={fieldId} />
      <SelectField {...field('year')} options={years.map((y) => ({ value: y, label: y }))} />
      <TextField {...field('extraNeedMnok')} description={t('billing.scenarios.extraNeedHelp')} />
      <Fieldset>
        <Fieldset.Legend>{t('billing.scenarios.growth')}</Fieldset.Legend>
        <Fieldset.Description>{t('billing.scenarios.growthHelp')}</Fieldset.Description>
        {products.map((p) => (
          <TextField key={p.id} {...field(`${growthPrefix}${p.id}`)} />
        ))}
      </Fieldset>
      <Button type="submit">{t('billing.scenarios.submit')}</Button>
    </form>
  );
}

export function ScenarioPage({ view }: { view: ScenarioPageView }) {
  const { page, comparison } = view;
  const { t, locale } = page;
  return (
    <Layout page={page} title={t('billing.scenarios.title')}>
      <Heading level={1} data-size="lg">
        {t('billing.scenarios.title')}
      </Heading>
      <Paragraph>
        <Link href={comparison ? `/billing?year=${comparison.year}` : '/billing'}>{t('billing.backToSummary')}</Link>
      </Paragraph>
      <Paragraph>{t('billing.scenarios.intro')}</Paragraph>
      <ScenarioForm view={view} />
      {comparison && (
        <section aria-labelledby="billing-scenario-result" className="niva-billing-result">
          <Heading level={2} data-size="sm" id="billing-scenario-result">
            {t('billing.scenarios.resultHeading', { year: comparison.year })}
          </Heading>
          <Paragraph data-size="sm">
            {t('billing.scenarios.basis', {
              need: formatOre(comparison.needOre, locale),
              year: comparison.basis.year,
              months: comparison.basis.monthsCounted,
            })}
          </Paragraph>
          <ScenarioChart page={page} alternatives={comparison.alternatives} />
          <AlternativesTable page={page} alternatives={comparison.alternatives} />
          {view.exportQuery !== null && (
            <Paragraph data-size="sm">
              {t('billing.scenarios.download')}:{' '}
              <Link href={`/api/v1/billing/scenarios/export?${view.exportQuery}&format=csv&lang=${locale}`} download>
                {t('billing.download.csv')}
              </Link>
              {' · '}
              <Link href={`/api/v1/billing/scenarios/export?${view.exportQuery}&format=xlsx&lang=${locale}`} download>
                {t('billing.download.xlsx')}
              </Link>
            </Paragraph>
          )}
          <Heading level={3} data-size="xs">
            {t('billing.scenarios.ownersHeading')}
          </Heading>
          <OwnersTable page={page} comparison={comparison} />
          <Heading level={3} data-size="xs">
            {t('billing.scenarios.productsHeading')}
          </Heading>
          <ProductsTable page={page} comparison={comparison} />
        </section>
      )}
    </Layout>
  );
}
