import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  presentComponentOption,
  presentMeeting,
  presentReportBlock,
  presentReportSubscription,
  presentRoadmapEntry,
} from '../../../src/modules/reports/web/report-content-model.ts';
import { blockValues, meetingValues, roadmapValues } from '../../../src/modules/reports/web/report-content-forms.tsx';

const now = Date.UTC(2026, 2, 2, 9);

describe('report content view models', () => {
  it('present content rows and fill the edit forms from them', () => {
    const block = presentReportBlock({
      id: 'b-1',
      month: '2026-02',
      kind: 'news',
      title: 'Nytt',
      body_markdown: '**Viktig**',
      position: 2,
      created_at: now,
      updated_at: now,
    });
    assert.deepEqual(block, { id: 'b-1', kind: 'news', title: 'Nytt', bodyMarkdown: '**Viktig**', position: 2 });
    assert.deepEqual(blockValues(block), { kind: 'news', title: 'Nytt', bodyMarkdown: '**Viktig**', position: '2' });

    const entry = presentRoadmapEntry({
      id: 'r-1',
      title: 'Ny innlogging',
      description: 'ID-porten',
      period: '2026 Q2',
      status: 'planned',
      component_id: null,
      created_at: now,
      updated_at: now,
    });
    assert.equal(entry.componentId, null);
    assert.equal(roadmapValues(entry).componentId, '');

    const meeting = presentMeeting({
      id: 'm-1',
      title: 'Brukerforum',
      series: 'Brukerforum',
      starts_at: Date.UTC(2026, 2, 10, 9),
      ends_at: Date.UTC(2026, 2, 10, 10),
      format: 'digital',
      location: '',
      url: null,
      description: '',
      created_at: now,
      updated_at: now,
    });
    assert.equal(meeting.startsAt, Date.UTC(2026, 2, 10, 9));
    const values = meetingValues(meeting);
    assert.equal(values.startsAt, '2026-03-10T10:00', 'Norwegian wall time');
    assert.equal(values.url, '');
  });

  it('present a component option and a subscription', () => {
    assert.deepEqual(
      presentComponentOption({
        id: 'c-1',
        code: 'api',
        name: 'API',
        calendar_id: 'always',
        target_basis_points: 9990,
        weight_partial_bp: 5000,
        weight_degraded_bp: 2000,
        created_at: now,
        updated_at: now,
      }),
      { id: 'c-1', name: 'API' },
    );
    assert.deepEqual(
      presentReportSubscription({
        id: 's-1',
        owner_id: '',
        email: 'leser@example.no',
        lang: 'nn',
        created_at: now,
        owner_code: null,
        owner_name: null,
      }),
      { id: 's-1', ownerName: null, email: 'leser@example.no', lang: 'nn', createdAt: now },
    );
  });
});
