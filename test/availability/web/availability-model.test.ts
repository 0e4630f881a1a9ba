import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MaintenanceWindowRow } from '../../../src/modules/availability/schema.ts';
import {
  presentComponentFacts,
  presentMaintenanceItem,
  presentOutageItem,
} from '../../../src/modules/availability/web/availability-model.ts';

const now = Date.UTC(2026, 2, 2, 9);

function work(noticeInTime: number | null): MaintenanceWindowRow {
  return {
    id: 'w-1',
    component_id: 'c-1',
    kind: 'change',
    title: 'Oppgradering',
    public_text: 'Kort nedetid',
    start_at: now + 86_400_000,
    end_at: now + 90_000_000,
    announced_at: noticeInTime === null ? null : now,
    incident_case_id: null,
    notice_policy: 'change-notice',
    latest_announcement_at: now - 1,
    notice_in_time: noticeInTime,
    inside_operating_hours: 0,
    status: noticeInTime === null ? 'draft' : 'published',
    created_at: now,
    updated_at: now,
  };
}

describe('availability view models', () => {
  it('present a component by its window and target', () => {
    assert.deepEqual(
      presentComponentFacts({
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
      { id: 'c-1', code: 'api', name: 'API', calendarId: 'always', targetBasisPoints: 9990 },
    );
  });

  it('present an outage, ongoing or ended, without the case behind it', () => {
    const outage = presentOutageItem({
      id: 'o-1',
      component_id: 'c-1',
      severity: 'partial',
      start_at: now,
      end_at: null,
      source: 'incident',
      case_id: 'case-of-another-owner',
      monitor_id: null,
      public_text: 'Treg innlogging',
      created_at: now,
      updated_at: now,
    });
    assert.deepEqual(outage, {
      id: 'o-1',
      startAt: now,
      endAt: null,
      severity: 'partial',
      source: 'incident',
      publicText: 'Treg innlogging',
    });
  });

  it('read the stored notice flag as pending, in time or late', () => {
    assert.equal(presentMaintenanceItem(work(null)).noticeInTime, null);
    assert.equal(presentMaintenanceItem(work(1)).noticeInTime, true);
    assert.equal(presentMaintenanceItem(work(0)).noticeInTime, false);
    const item = presentMaintenanceItem(work(1));
    assert.equal(item.latestAnnouncementAt, now - 1);
    assert.equal(item.publicText, 'Kort nedetid');
    assert.equal(item.status, 'published');
  });
});
