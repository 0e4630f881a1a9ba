import { availabilityBarsChart, yearLinesChart } from '../../../src/platform/web/charts/chart-geometry.ts';
import type { ReportCell, ReportDocument, ReportTable } from '../../../src/modules/reports/render/report-document.ts';

const nb = new Intl.NumberFormat('nb-NO');
export const months = ['jan.', 'feb.', 'mars', 'apr.', 'mai', 'juni', 'juli', 'aug.', 'sep.', 'okt.', 'nov.', 'des.'];

export function numberCell(value: number | null): ReportCell {
  return value === null ? { text: '–', value: null } : { text: nb.format(value), value };
}

export function textCell(text: string): ReportCell {
  return { text, value: text };
}

/** Messages sent per month for four years, the newest with three months not yet reported. */
export function yearTable(): ReportTable {
  const years = [2023, 2024, 2025, 2026];
  const rows = years.map((year, y) => {
    const values = Array.from({ length: 12 }, (_, m) =>
      y === 3 && m >= 9 ? null : 6_397_333 + y * 1_234_567 + m * 98_765,
    );
    const total = values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
    return [textCell(String(year)), ...values.map(numberCell), numberCell(total)];
  });
  return {
    id: 'statistics-messages_sent',
    caption: 'Sendte meldinger per måned',
    columns: ['År', ...months, 'Totalt'],
    rows,
    rowHeaders: true,
  };
}

/** A table long enough to run over several pages. */
export function longTable(length = 120, id = 'compliance'): ReportTable {
  const rows = Array.from({ length }, (_, i) => [
    textCell(`Krav ${i + 1}: tjenesten skal svare innen fristen for kategori ${i % 5}`),
    {
      text: i % 7 === 0 ? 'Ikke oppfylt' : 'Oppfylt',
      value: i % 7 === 0 ? 'Ikke oppfylt' : 'Oppfylt',
      tone: i % 7 === 0 ? 'missed' : 'met',
    } satisfies ReportCell,
    { text: `${nb.format(95 + (i % 50) / 10)} %`, value: 95 + (i % 50) / 10 },
  ]);
  return {
    id,
    caption: 'Etterlevelse av avtalte krav',
    columns: ['Krav', 'Status', 'Andel ≥ mål'],
    rows,
    rowHeaders: true,
  };
}

export function sampleReport(): ReportDocument {
  const years = yearTable();
  const availability = Array.from({ length: 13 }, (_, i) => ({
    label: `${String(i + 1).padStart(2, '0')}.25`,
    percent: i === 4 ? 99.71 : 99.95,
    met: i !== 4,
  }));
  return {
    lang: 'nb',
    title: 'Servicerapport februar 2026',
    subtitle: 'Plattformen',
    colophon: 'Generert 2. mars 2026 kl. 07.00 · versjon 2',
    sections: [
      {
        id: 'platform',
        title: '1. Plattformen',
        nodes: [
          {
            kind: 'paragraph',
            text: 'Plattformen leverte stabilt i februar; tilgjengeligheten var ≥ 99,9 % og ingen brudd på tidsfrister.',
          },
          { kind: 'heading', text: 'Bruk', id: 'usage' },
          {
            kind: 'chart',
            tableId: years.id,
            chart: yearLinesChart({
              title: 'Sendte meldinger per måned',
              description: 'Én linje per år; tallene står i tabellen under.',
              monthLabels: months,
              series: years.rows.map((row) => ({
                label: row[0]?.text ?? '',
                values: row.slice(1, 13).map((c) => (typeof c.value === 'number' ? c.value : null)),
              })),
              axisNumber: (v) => `${nb.format(v / 1_000_000)} mill.`,
            }),
          },
          { kind: 'table', table: years },
          {
            kind: 'chart',
            tableId: 'availability-enduser',
            chart: availabilityBarsChart({
              title: 'Tilgjengelighet for sluttbrukere',
              description: 'Søyler per måned mot målet.',
              bars: availability,
              targetPercent: 99.9,
              targetLabel: 'Mål 99,90 %',
              percentLabel: (v) => `${nb.format(v)} %`,
            }),
          },
          { kind: 'list', items: ['Første punkt om driften', 'Andre punkt: æøå ÆØÅ − ≤ 5'] },
        ],
      },
      {
        id: 'information',
        title: '2. Informasjon',
        nodes: [
          {
            kind: 'markdown',
            markdown:
              '## Nytt denne måneden\n\nVi har **forbedret** varslingen. Les mer på [nettsiden](https://example.no/varsling).\n\n- punkt én\n- punkt *to*\n\n<script>alert(1)</script>',
          },
        ],
      },
      { id: 'compliance', title: '3. Etterlevelse', nodes: [{ kind: 'table', table: longTable() }] },
    ],
  };
}
