import { ChartSvg } from '../../../platform/web/charts/chart-svg.tsx';
import { stackedBarsChart } from '../../../platform/web/charts/stacked-bars.ts';
import type { PageContext } from '../../../platform/web/layout.tsx';
import { formatMnok } from './billing-money.ts';
import type { AlternativeView } from './billing-view-model.ts';

const orePerMnok = 100_000_000;

/**
 * Seed 003's figure: the central part and the owners' part of every alternative, stacked, in MNOK. The SVG is one
 * image to assistive technology; the table of alternatives beside it has the same figures.
 */
export function ScenarioChart({ page, alternatives }: { page: PageContext; alternatives: readonly AlternativeView[] }) {
  const { t, locale } = page;
  const chart = stackedBarsChart({
    title: t('billing.scenarios.chartTitle'),
    description: t('billing.scenarios.chartDescription'),
    parts: [t('billing.scenarios.central'), t('billing.scenarios.owners')],
    bars: alternatives.map((a) => ({
      label: t('billing.scenarios.altShort', { number: a.number }),
      values: [a.centralOre / orePerMnok, a.ownersOre / orePerMnok],
    })),
    // Axis ticks are round numbers of MNOK; each bar's total is written from its øre, not from the floats drawn.
    axisNumber: (v) => formatMnok(Math.round(v * orePerMnok), locale).replace(/[,.]0$/, ''),
    totalLabel: (_total, i) => formatMnok(alternatives[i]?.totalOre ?? 0, locale),
  });
  return <ChartSvg chart={chart} id="billing-scenario-chart" />;
}
