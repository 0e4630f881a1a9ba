import type { usageNb } from './nb.ts';

/** Nynorsk texts of the statistics pages and exports; the compiler holds them to exactly the bokmål keys. */
export const usageNn: Record<keyof typeof usageNb, string> = {
  'nav.statistics': 'Statistikk',
  'usage.title': 'Statistikk',
  'usage.intro':
    'Bruken av plattforma per månad, som i den månadlege servicerapporten: teljingar frå hendingar, importerte månadstal og godkjende korrigeringar. «–» tyder at det ikkje finst tal for månaden.',
  'usage.choose': 'Vel tal',
  'usage.metric': 'Tal',
  'usage.owner': 'Tenesteeigar',
  'usage.platform': 'Heile plattforma',
  'usage.show': 'Vis',
  'usage.ownerFixed': 'Tala gjeld {owner}.',
  'usage.year': 'År',
  'usage.total': 'Totalt',
  'usage.noData': 'ingen tal',
  'usage.table.heading': 'Per månad',
  'usage.table.caption': '{metric} per månad og år, {scope}',
  'usage.change.heading': 'Endring frå {previous} til {year}',
  'usage.change.caption': 'Endring i prosent frå same månad i {previous} til {year}',
  'usage.change.intro':
    'Prosentvis endring frå same månad året før. Inga endring blir vist der ein av månadene manglar tal eller året før var 0.',
  'usage.chart.title': '{metric} per månad, {scope}',
  'usage.chart.description':
    'Linjediagram med éi linje per år ({years}) og månadene januar til desember langs den vassrette aksen. Tala står i tabellen «Per månad».',
  'usage.download': 'Last ned tabellen',
  'usage.download.csv': 'CSV',
  'usage.download.xlsx': 'Excel (XLSX)',
  'usage.month.1': 'jan',
  'usage.month.2': 'feb',
  'usage.month.3': 'mar',
  'usage.month.4': 'apr',
  'usage.month.5': 'mai',
  'usage.month.6': 'jun',
  'usage.month.7': 'jul',
  'usage.month.8': 'aug',
  'usage.month.9': 'sep',
  'usage.month.10': 'okt',
  'usage.month.11': 'nov',
  'usage.month.12': 'des',
};
