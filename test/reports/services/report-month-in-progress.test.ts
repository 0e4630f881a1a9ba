import '../../helpers/ui-texts.ts';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../../src/platform/config/config.ts';
import { fixedClock } from '../../../src/platform/domain/clock.ts';
import { parseInstant } from '../../../src/platform/domain/calendar/iso-instant.ts';
import type { ServiceContext } from '../../../src/platform/services/context.ts';
import { createComponent } from '../../../src/modules/availability/services/create-component.ts';
import { planMaintenance } from '../../../src/modules/availability/services/plan-maintenance.ts';
import { publishMaintenance } from '../../../src/modules/availability/services/publish-maintenance.ts';
import type { ReportData } from '../../../src/modules/reports/domain/report-data.ts';
import { layoutReport } from '../../../src/modules/reports/render/layout-report.ts';
import { renderReportHtml } from '../../../src/modules/reports/render/render-report-html.tsx';
import { collectReportData } from '../../../src/modules/reports/services/collect-report-data.ts';
import { builtInCatalogue } from '../../../src/modules/usage/services/usage-settings.ts';
import type { Component } from '../../../src/platform/db/schema.ts';
import { createOperator, systemContext, unique } from '../../helpers/factories.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

const settings = { contacts: loadConfig({}).reportContacts, catalogue: builtInCatalogue };
const at = (text: string): number => {
  const instant = parseInstant(text);
  assert.ok(instant !== null, text);
  return instant;
};

let store: TestStore;
let component: Component;
const now = '2026-12-03T15:20:00+01:00';
const context = (instant: string): ServiceContext => systemContext(store, fixedClock(at(instant)));

function december(data: ReportData) {
  const own = data.availability.find((a) => a.componentId === component.id);
  assert.ok(own);
  return { last: own.months.at(-1), before: own.months.at(-2) };
}

const availabilityRow = (data: ReportData) => {
  const row = data.compliance.rows.find((r) => r.subject === 'availability' && r.componentName === component.name);
  assert.ok(row);
  return row;
};

before(async () => {
  store = await createTestStore();
  await createOperator(store);
  component = await createComponent(context(now), {
    code: unique('apps'),
    name: 'Altinn Apps',
    calendarId: 'always',
    targetBasisPoints: 9990,
  });
  // The bug report: work for tomorrow evening published today, too late for its five business days' notice.
  const work = await planMaintenance(context(now), {
    componentId: component.id,
    kind: 'maintenance',
    title: 'Databaseoppgradering',
    publicText: 'Kort nedetid',
    start: '2026-12-04T22:00:00+01:00',
    end: '2026-12-04T23:00:00+01:00',
  });
  assert.deepEqual((await publishMaintenance(context(now), { id: work.id })).deviations, ['late-notice']);
});
after(() => store.destroy());

describe('the report of a month in progress', () => {
  it('counts the month up to now: late work ahead is neither downtime nor behind a miss', async () => {
    const data = await collectReportData(context(now), { month: '2026-12' }, settings);
    const { last, before: november } = december(data);
    assert.deepEqual(last, {
      month: '2026-12',
      availability: 1,
      rounded: '100.00',
      meetsTarget: true,
      frozen: false,
      through: at(now),
    });
    assert.equal(november?.through, undefined, 'a month that is over is counted whole');
    const row = availabilityRow(data);
    assert.deepEqual(
      [row.status, row.measure, row.deviations],
      ['met', { kind: 'availability', rounded: '100.00', through: at(now) }, []],
    );
  });

  it('says so in the laid-out report, in every language', async () => {
    const data = await collectReportData(context(now), { month: '2026-12' }, settings);
    const nb = renderReportHtml(layoutReport(data, 'nb'));
    assert.match(nb, /<th scope="row">des\. 26 hittil<\/th>/);
    assert.match(nb, /Måneden er ikke over: tallet for den gjelder fra månedens start til 3\. des\. 2026, 15:20/);
    assert.match(nb, /100,00 % hittil \(til 3\. des\. 2026, 15:20\)/);
    assert.match(renderReportHtml(layoutReport(data, 'nn')), /Månaden er ikkje over/);
    assert.match(renderReportHtml(layoutReport(data, 'en')), /The month is not over: its figure covers the month/);
  });

  it('counts the work once it has happened, and a report made after the month is whole', async () => {
    const later = await collectReportData(context('2026-12-05T10:00:00+01:00'), { month: '2026-12' }, settings);
    assert.deepEqual(
      [december(later).last?.rounded, december(later).last?.meetsTarget, availabilityRow(later).status],
      ['99.05', false, 'missed'],
    );
    assert.deepEqual(
      availabilityRow(later).deviations.map((d) => d.kind),
      ['late-notice'],
    );
    const whole = await collectReportData(context('2027-01-04T10:00:00+01:00'), { month: '2026-12' }, settings);
    assert.deepEqual([december(whole).last?.availability, december(whole).last?.through], [743 / 744, undefined]);
    assert.doesNotMatch(renderReportHtml(layoutReport(whole, 'nb')), /hittil/);
  });
});
