import type { usageNb } from './nb.ts';

/** English texts of the statistics pages and exports; the compiler holds them to exactly the bokmål keys. */
export const usageEn: Record<keyof typeof usageNb, string> = {
  'nav.statistics': 'Statistics',
  'usage.title': 'Statistics',
  'usage.intro':
    'Use of the platform per month, as in the monthly service report: counts from events, imported monthly figures and approved corrections. “–” means there are no figures for the month.',
  'usage.choose': 'Choose figures',
  'usage.metric': 'Figure',
  'usage.owner': 'Service owner',
  'usage.platform': 'The whole platform',
  'usage.show': 'Show',
  'usage.ownerFixed': 'The figures are for {owner}.',
  'usage.year': 'Year',
  'usage.total': 'Total',
  'usage.noData': 'no figures',
  'usage.table.heading': 'Per month',
  'usage.table.caption': '{metric} per month and year, {scope}',
  'usage.change.heading': 'Change from {previous} to {year}',
  'usage.change.caption': 'Change in per cent from the same month in {previous} to {year}',
  'usage.change.intro':
    'Change in per cent from the same month a year earlier. No change is shown where either month has no figures or the earlier one was 0.',
  'usage.chart.title': '{metric} per month, {scope}',
  'usage.chart.description':
    'Line chart with one line per year ({years}) and the months January to December along the horizontal axis. The numbers are in the table “Per month”.',
  'usage.download': 'Download the table',
  'usage.download.csv': 'CSV',
  'usage.download.xlsx': 'Excel (XLSX)',
  'usage.month.1': 'Jan',
  'usage.month.2': 'Feb',
  'usage.month.3': 'Mar',
  'usage.month.4': 'Apr',
  'usage.month.5': 'May',
  'usage.month.6': 'Jun',
  'usage.month.7': 'Jul',
  'usage.month.8': 'Aug',
  'usage.month.9': 'Sep',
  'usage.month.10': 'Oct',
  'usage.month.11': 'Nov',
  'usage.month.12': 'Dec',
};
