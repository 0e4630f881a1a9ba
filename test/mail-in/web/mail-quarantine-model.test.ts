import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QuarantinedMailDetail } from '../../../src/modules/mail-in/services/get-quarantined-mail.ts';
import {
  presentQuarantinedMail,
  presentQuarantinedMailItem,
} from '../../../src/modules/mail-in/web/mail-quarantine-model.ts';

const now = Date.UTC(2026, 2, 2, 9);

const mail: QuarantinedMailDetail = {
  id: 'q-1',
  message_id: '<abc@example.no>',
  from_address: 'ukjent@example.no',
  from_name: null,
  subject: 'Hjelp',
  text_body: 'Noe virker ikke',
  reason: 'unknown-sender',
  size_bytes: 2048,
  received_at: now,
  status: 'accepted',
  case_id: 'case-1',
  handled_by: 'Ola',
  handled_at: now + 1,
  attachments: [{ fileName: 'skjerm.png', contentType: 'image/png', sizeBytes: 1000 }],
};

describe('quarantine view models', () => {
  it('present a message for the list without its body or message id', () => {
    assert.deepEqual(presentQuarantinedMailItem(mail), {
      id: 'q-1',
      fromAddress: 'ukjent@example.no',
      fromName: null,
      subject: 'Hjelp',
      reason: 'unknown-sender',
      sizeBytes: 2048,
      receivedAt: now,
      status: 'accepted',
    });
  });

  it('present one message with its text, decision and files', () => {
    const view = presentQuarantinedMail(mail);
    assert.equal(view.textBody, 'Noe virker ikke');
    assert.equal(view.handledBy, 'Ola');
    assert.equal(view.handledAt, now + 1);
    assert.deepEqual(view.attachments, mail.attachments);
  });
});
