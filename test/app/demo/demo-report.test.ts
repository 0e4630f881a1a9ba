import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { loadConfig } from '../../../src/platform/config/config.ts';
import type { ReportData } from '../../../src/modules/reports/domain/report-data.ts';
import { demoReportMonth, firstThursday, osloTime } from '../../../src/app/demo/demo-report-content.ts';
import { demoOperator, demoOwners } from '../../../src/app/demo/demo-organisations.ts';
import { listMeetings } from '../../../src/modules/reports/services/list-meetings.ts';
import { listReportBlocks } from '../../../src/modules/reports/services/list-report-blocks.ts';
import { listReportSubscriptions } from '../../../src/modules/reports/services/list-report-subscriptions.ts';
import { listRoadmapEntries } from '../../../src/modules/reports/services/list-roadmap-entries.ts';
import { layoutReport } from '../../../src/modules/reports/render/layout-report.ts';
import { renderReportPdf } from '../../../src/modules/reports/render/render-report-pdf.ts';
import { renderReportXlsx } from '../../../src/modules/reports/render/render-report-xlsx.ts';
import { collectReportData } from '../../../src/modules/reports/services/collect-report-data.ts';
import { monthlyFigures } from '../../../src/modules/usage/services/usage-figures.ts';
import { builtInCatalogue } from '../../../src/modules/usage/services/usage-settings.ts';
import { systemContext, testEpoch } from '../../helpers/factories.ts';
import { normaliseSpaces, pdfText } from '../../helpers/pdf-text.ts';
import { createDemoTestStore } from '../../helpers/demo-store.ts';
import '../../helpers/ui-texts.ts';
import type { TestStore } from '../../helpers/test-store.ts';

// The demo is built from the published figures of the February 2026 service report; the report the platform makes
// from the seeded data must show every one of them exactly. The expectations are read from the same files, here.
const figuresDir = new URL('../../../demo/figures/', import.meta.url);

function csvRows(file: string): string[][] {
  const [, ...lines] = readFileSync(new URL(file, figuresDir), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  return lines.map((l) => l.split(',').map((cell) => cell.trim()));
}

/** metric → year → the twelve months (null where the file has no figure). */
function volumes(): Map<string, Map<number, (number | null)[]>> {
  const byMetric = new Map<string, Map<number, (number | null)[]>>();
  for (const [metric = '', year = '', month = '', count = ''] of csvRows('altinn-volumes-monthly.csv')) {
    const years = byMetric.get(metric) ?? new Map<number, (number | null)[]>();
    const months = years.get(Number(year)) ?? Array.from({ length: 12 }, () => null);
    months[Number(month) - 1] = Number(count);
    years.set(Number(year), months);
    byMetric.set(metric, years);
  }
  return byMetric;
}

const nb = new Intl.NumberFormat('nb-NO');
const shown = (n: number) => normaliseSpaces(nb.format(n));
const nbMonthShort = new Intl.DateTimeFormat('nb-NO', { month: 'short', year: '2-digit', timeZone: 'UTC' });
const monthLabel = (month: string) =>
  normaliseSpaces(nbMonthShort.format(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1)));

const years = [2023, 2024, 2025, 2026];
const settings = { contacts: loadConfig({}).reportContacts, catalogue: builtInCatalogue };

let store: TestStore;
let data: ReportData;
let text: string;

before(async () => {
  store = await createDemoTestStore(testEpoch);
  data = await collectReportData(systemContext(store), { month: '2026-02' }, settings);
  text = await pdfText(await renderReportPdf(layoutReport(data, 'nb')));
});
after(() => store.destroy());

describe('the demo’s February 2026 platform report', () => {
  const expected = volumes();

  it('has the seven statistics tables of the published report', () => {
    assert.deepEqual(data.statistics.map((s) => s.metricId).sort(), [...expected.keys()].sort());
    assert.equal(expected.size, 7);
    for (const stat of data.statistics)
      assert.deepEqual(
        stat.rows.map((r) => r.year),
        years,
        stat.metricId,
      );
  });

  it('collects every volume of 2023–2025 and January–February 2026, and nothing after February', () => {
    for (const stat of data.statistics) {
      for (const row of stat.rows) {
        const months = expected.get(stat.metricId)?.get(row.year);
        assert.ok(months, `${stat.metricId} ${row.year}`);
        assert.deepEqual(row.months, months, `${stat.metricId} ${row.year}`);
      }
      const current = stat.rows.find((r) => r.year === 2026);
      assert.ok(current);
      assert.deepEqual(
        current.months.slice(2),
        Array.from({ length: 10 }, () => null),
        `${stat.metricId}: no month after February`,
      );
    }
  });

  it('is a real test of the cut-off: the demo does have usage after February', async () => {
    const figures = await monthlyFigures(store.db, {
      metric: 'messages_sent',
      fromYear: 2026,
      toYear: 2026,
      scope: { kind: 'platform' },
    });
    assert.ok((figures.get('2026-03') ?? 0) > 0, 'March 2026 usage in the demo');
  });

  it('prints every statistics row of the PDF exactly: the year, each month and the year’s total, in order', () => {
    for (const [metric, byYear] of expected) {
      for (const year of years) {
        const months = (byYear.get(year) ?? []).filter((m): m is number => m !== null);
        assert.equal(months.length, year === 2026 ? 2 : 12, `${metric} ${year} in the file`);
        const total = months.reduce((a, b) => a + b, 0);
        // Empty cells print nothing, so the 2026 row runs from February straight to the total: no March figure between.
        const row = [String(year), ...months.map(shown), shown(total)].join(' ');
        assert.ok(text.includes(` ${row} `), `${metric}: missing row "${row}"`);
      }
    }
  });

  it('prints the 24 months of uptime of the end-user solution as published', () => {
    const uptime = csvRows('altinn-uptime-monthly.csv');
    assert.equal(uptime.length, 24);
    const component = data.availability.find((c) => c.code === 'end-user-solution');
    assert.ok(component);
    assert.deepEqual(
      component.months.map((m) => [m.month, m.rounded]),
      uptime.map(([month, percent]) => [month, percent]),
    );
    for (const [month = '', percent = ''] of uptime) {
      const cell = `${monthLabel(month)} ${percent.replace('.', ',')} % 99,90 %`;
      assert.ok(text.includes(cell), `missing "${cell}"`);
    }
  });

  it('prints the end-user support figures of January and February', () => {
    const support = csvRows('abs-service-report.csv');
    assert.deepEqual(support, [
      ['2026-01', '289', '87', '6652', '1649'],
      ['2026-02', '270', '86', '5588', '1244'],
    ]);
    assert.deepEqual(
      data.support.map((m) => m.month),
      ['2026-01', '2026-02'],
    );
    const [jan = [], feb = []] = support.map((r) => r.slice(1).map(Number));
    for (const figures of [
      `${shown(jan[0] ?? 0)} sek ${shown(feb[0] ?? 0)} sek`,
      `${shown(jan[1] ?? 0)} % ${shown(feb[1] ?? 0)} %`,
      `${shown(jan[2] ?? 0)} ${shown(feb[2] ?? 0)}`,
      `${shown(jan[3] ?? 0)} ${shown(feb[3] ?? 0)}`,
    ]) {
      assert.ok(text.includes(figures), `missing "${figures}"`);
    }
    for (const literal of ['289 sek 270 sek', '87 % 86 %', '6 652 5 588', '1 649 1 244'])
      assert.ok(text.includes(literal), literal);
  });

  it('is titled in Norwegian Bokmål', () => {
    for (const heading of [
      'Servicerapport februar 2026',
      '1. Plattformen',
      'Statistikk',
      'Oppetid',
      'Altinn brukerservice (ABS)',
      '4. Avtalekrav',
    ])
      assert.ok(text.includes(heading), heading);
  });

  it('renders in Nynorsk and English with translated headings', async () => {
    const nn = await pdfText(await renderReportPdf(layoutReport(data, 'nn')));
    for (const heading of [
      'Servicerapport februar 2026',
      '1. Plattforma',
      'Altinn brukarservice (ABS)',
      'Meldingsteneste – meldingar sende ut',
    ])
      assert.ok(nn.includes(heading), `nn: ${heading}`);
    const en = await pdfText(await renderReportPdf(layoutReport(data, 'en')));
    for (const heading of [
      'Service report February 2026',
      '1. The platform',
      'Availability',
      'End-user support (ABS)',
      '4. Agreement requirements',
      'Messaging – messages sent',
    ])
      assert.ok(en.includes(heading), `en: ${heading}`);
    assert.ok(en.includes('2023 6,397,333 5,146,606 13,955,995'), 'English figures');
    assert.ok(!en.includes('Plattformen'));
  });

  it('writes every statistics sheet of the workbook with the published figures as numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    // exceljs declares its own Buffer type, older than Node's.
    await workbook.xlsx.load((await renderReportXlsx(layoutReport(data, 'nb'))) as unknown as ExcelJS.Buffer);
    for (const [metric, byYear] of expected) {
      const sheet = workbook.getWorksheet(`statistics-${metric}`);
      assert.ok(sheet, metric);
      years.forEach((year, i) => {
        const row = sheet.getRow(3 + i);
        const months = byYear.get(year) ?? [];
        assert.equal(row.getCell(1).value, String(year));
        const cells = Array.from({ length: 12 }, (_, m) => row.getCell(2 + m).value);
        assert.deepEqual(cells, months, `${metric} ${year}`);
        assert.equal(
          row.getCell(14).value,
          months.reduce<number>((a, b) => a + (b ?? 0), 0),
          `${metric} ${year} total`,
        );
      });
      assert.equal(sheet.rowCount, 2 + years.length, `${metric}: four years`);
    }
  });
});

// The same seeded database carries the report's texts, meetings, roadmap and recipients (seeding it once saves a
// demo seed per test run).
describe('report content demo data', () => {
  const ctx = () => systemContext(store);
  it('carries February 2026’s news and project status, in the report’s order', async () => {
    const blocks = await listReportBlocks(ctx(), { month: demoReportMonth });
    assert.deepEqual(
      blocks.filter((b) => b.kind === 'news').map((b) => b.title),
      [
        'Altinn-kaffe',
        'Deaktivering av gamle skjema ved produksjonssetting av nye',
        'Altinn har tatt i bruk status.digdir.no',
        'Prosjektside for moderniseringen av Altinn',
        'Nyhetsbrev fra prosjektet Modernisering Altinn',
      ],
    );
    assert.deepEqual(
      blocks.filter((b) => b.kind === 'project-status').map((b) => b.title),
      ['Altinn Studio', 'Altinn Autorisasjon'],
    );
    assert.match(
      blocks.find((b) => b.title === 'Altinn har tatt i bruk status.digdir.no')?.body_markdown ?? '',
      /\(https:\/\/status\.digdir\.no\/\)/,
    );
  });

  it('has the steering council’s four meetings and a monthly Altinn-kaffe at 09:00 Norwegian time', async () => {
    const meetings = await listMeetings(ctx(), { from: '2026-01-01', to: '2026-12-31' });
    const council = meetings.filter((m) => m.series === 'Styringsråd');
    assert.deepEqual(
      council.map((m) => [m.format, new Date(m.starts_at).toISOString().slice(0, 10)]),
      [
        ['digital', '2026-03-19'],
        ['physical', '2026-06-03'],
        ['digital', '2026-09-24'],
        ['physical', '2026-12-03'],
      ],
    );
    assert.equal(
      council[1]?.ends_at,
      Date.UTC(2026, 5, 4, 10, 30),
      'lunch to lunch ends 12:30 summer time the next day',
    );
    const coffee = meetings.filter((m) => m.series === 'Altinn-kaffe');
    assert.equal(coffee.length, 12);
    for (const m of coffee) assert.equal(new Date(m.starts_at).getUTCDay(), 4);
    assert.equal(
      coffee[0]?.starts_at,
      Date.UTC(2026, 0, 1, 8),
      '1 January 2026 is a Thursday; 09:00 in winter is 08:00 UTC',
    );
    assert.equal(coffee[6]?.starts_at, Date.UTC(2026, 6, firstThursday(7), 7), '09:00 in summer is 07:00 UTC');
    assert.equal(osloTime(2026, 3, 29, 3), Date.UTC(2026, 2, 29, 1), 'the day summer time starts');
  });

  it('has the roadmap from the report’s plans, and recipients for the platform and the first owners', async () => {
    const roadmap = await listRoadmapEntries(ctx());
    const byTitle = new Map(roadmap.map((r) => [r.title, r]));
    for (const title of [
      'Fullmaktsløsning for innbyggere',
      'Ny brukerflate for tilgangsstyring for virksomheter',
      'Systembruker for virksomheter',
      'Samtykke',
      'Altinn II stenges',
    ])
      assert.ok(byTitle.has(title), title);
    assert.deepEqual(
      [byTitle.get('Modernisering av Altinn Autorisasjon')?.period, byTitle.get('Altinn II stenges')?.period],
      ['2026-06', '2026-06'],
    );
    const subscriptions = await listReportSubscriptions(ctx());
    assert.equal(subscriptions[0]?.owner_code, null);
    assert.equal(subscriptions[0]?.email, demoOperator.contactEmail);
    assert.deepEqual(
      subscriptions
        .slice(1)
        .map((s) => s.email)
        .sort(),
      demoOwners
        .slice(0, 3)
        .map((o) => o.contactEmail)
        .sort(),
    );
  });
});
