import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaseEventRow, CaseRow } from '../../../src/modules/cases/schema.ts';
import type { CaseDetail } from '../../../src/modules/cases/services/get-case.ts';
import { presentCase, presentCaseEvent, presentCaseQueueItem } from '../../../src/modules/cases/web/case-model.ts';

const now = Date.UTC(2026, 2, 2, 9);

const row: CaseRow = {
  id: 'case-1',
  number: 1042,
  reference: 'NIVA-1042',
  organisation_id: 'org-1',
  kind: 'incident',
  category: 'B',
  status: 'in-progress',
  is_open: 1,
  in_queue: 1,
  paused: 1,
  title: 'Innsending feiler',
  description: 'Alle innsendinger feiler',
  channel: 'portal',
  service_id: 's-1',
  component_id: null,
  reporter_user_id: null,
  reporter_name: 'Kari',
  reporter_email: 'kari@testetaten.no',
  assignee_user_id: 'u-9',
  external_id: null,
  registered_at: now,
  last_event_at: now,
  resolved_at: null,
  closed_at: null,
  next_due_at: null,
  due_order: 0,
  event_count: 3,
  created_at: now,
  updated_at: now,
};

function event(type: string, data: unknown, extra: Partial<CaseEventRow> = {}): CaseEventRow {
  return {
    id: `e-${type}`,
    case_id: row.id,
    seq: 1,
    type,
    at: now,
    recorded_at: now,
    actor_type: 'user',
    actor_id: 'u-1',
    actor_label: 'Kari',
    category: null,
    visibility: 'public',
    body: null,
    data: data === null ? null : JSON.stringify(data),
    ...extra,
  };
}

describe('case view models', () => {
  it('present a queue item with its owner by name, or none for a platform-wide incident', () => {
    const names = new Map([['org-1', 'Testetaten']]);
    const item = presentCaseQueueItem({ row, clocks: [] }, names);
    assert.equal(item.owner, 'Testetaten');
    assert.equal(item.paused, true);
    assert.equal(item.reference, 'NIVA-1042');
    assert.equal(presentCaseQueueItem({ row: { ...row, organisation_id: null }, clocks: [] }, names).owner, null);
    assert.equal(presentCaseQueueItem({ row: { ...row, organisation_id: 'org-2' }, clocks: [] }, names).owner, '');
  });

  it('read what the timeline shows out of an event’s stored data', () => {
    assert.equal(presentCaseEvent(event('assigned', { assigneeId: 'u-9' })).assigneeId, 'u-9');
    assert.equal(presentCaseEvent(event('assigned', { assigneeId: null })).assigneeId, null);
    assert.equal(presentCaseEvent(event('attachment-added', { attachmentId: 'f-1' })).attachmentId, 'f-1');
    assert.equal(presentCaseEvent(event('feedback-given', { channel: 'phone' })).channel, 'phone');
    const plain = presentCaseEvent(event('commented', null, { body: 'Ser på det', visibility: 'internal' }));
    assert.deepEqual(plain, {
      id: 'e-commented',
      type: 'commented',
      visibility: 'internal',
      at: now,
      actorLabel: 'Kari',
      body: 'Ser på det',
      category: null,
      assigneeId: null,
      attachmentId: null,
      channel: null,
    });
  });

  it('present a case with its reporter, criteria, names and files', () => {
    const detail: CaseDetail = {
      row,
      organisation: { id: 'org-1', code: 'tt', name: 'Testetaten' },
      service: { id: 's-1', name: 'Søknad', resourceId: 'tt-soknad' },
      component: null,
      assignee: { id: 'u-9', name: 'Ola' },
      events: [event('registered', { criteria: ['many-users', 7] }, { category: 'B' })],
      attachments: [
        {
          id: 'f-1',
          case_id: row.id,
          file_name: 'logg.txt',
          content_type: 'text/plain',
          size_bytes: 12,
          sha256: 'x',
          visibility: 'public',
          created_at: now,
        },
      ],
      clocks: [],
      at: 0,
      resolutionNotice: null,
    };
    const view = presentCase(detail);
    assert.equal(view.reporter, 'Kari <kari@testetaten.no>');
    assert.equal(presentCase({ ...detail, row: { ...row, reporter_email: null } }).reporter, 'Kari');
    assert.deepEqual(view.criteria, ['many-users']);
    assert.equal(view.organisationName, 'Testetaten');
    assert.equal(view.serviceName, 'Søknad');
    assert.equal(view.componentName, null);
    assert.equal(view.assigneeId, 'u-9');
    assert.equal(view.paused, true);
    assert.deepEqual(view.attachments, [
      {
        id: 'f-1',
        fileName: 'logg.txt',
        contentType: 'text/plain',
        sizeBytes: 12,
        visibility: 'public',
        createdAt: now,
      },
    ]);
    assert.equal(presentCase({ ...detail, organisation: null }).organisationName, null);
  });
});
