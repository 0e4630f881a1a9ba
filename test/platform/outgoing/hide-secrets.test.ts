import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bounded,
  hideHeaderSecrets,
  hideLinkSecrets,
  hideUrlSecrets,
} from '../../../src/platform/outgoing/hide-secrets.ts';

describe('what the outgoing-message log shows of a message', () => {
  it('hides the parts of a link that work without signing in, and keeps what only identifies', () => {
    const text = [
      'Bekreft: https://niva.example.no/status/confirm?token=Zm9vYmFyLWJhei1xdXV4LTEyMzQ1Njc4OTAtYWJj',
      'Avslutt: <https://niva.example.no/status/unsubscribe?id=6f1c&sig=q2Xh-9aB_c>',
      'Invitasjon: https://niva.example.no/invitations/Q3J5cHRvZ3JhcGhpY2FsbHlSYW5kb21Ub2tlbjEyMzQ1',
      'Sak: https://niva.example.no/cases/NIVA-1042.',
      'Rapport: https://niva.example.no/reports/archive/0b9e3c4a-58f1-4d6e-9a57-3c1d2e4f5a6b',
    ].join('\n');
    assert.equal(
      hideLinkSecrets(text),
      [
        'Bekreft: https://niva.example.no/status/confirm?token=…',
        'Avslutt: <https://niva.example.no/status/unsubscribe?id=…&sig=…>',
        'Invitasjon: https://niva.example.no/invitations/…',
        'Sak: https://niva.example.no/cases/NIVA-1042.',
        'Rapport: https://niva.example.no/reports/archive/0b9e3c4a-58f1-4d6e-9a57-3c1d2e4f5a6b',
      ].join('\n'),
    );
  });

  it('shows a webhook URL without its credentials, query values or fragment', () => {
    assert.equal(
      hideUrlSecrets('https://user:pass@hooks.example.no/niva/mottak?key=abc&flag#token=xyz'),
      'https://hooks.example.no/niva/mottak?key=…&flag#…',
    );
    assert.equal(hideUrlSecrets('https://hooks.example.no/niva'), 'https://hooks.example.no/niva');
  });

  it('shows a signature without its MAC and no credentials at all', () => {
    assert.equal(hideHeaderSecrets('niva-signature', 't=1772442000,v1=9f86d081884c7d65'), 't=1772442000,v1=…');
    assert.equal(hideHeaderSecrets('Authorization', 'Bearer niva_secret'), '…');
    assert.equal(
      hideHeaderSecrets('List-Unsubscribe', '<https://niva.example.no/status/unsubscribe?id=1&sig=2>'),
      '<https://niva.example.no/status/unsubscribe?id=…&sig=…>',
    );
    assert.equal(hideHeaderSecrets('content-type', 'application/cloudevents+json'), 'application/cloudevents+json');
  });

  it('bounds a long body and marks the cut', () => {
    assert.equal(bounded('abcdef', 10), 'abcdef');
    assert.equal(bounded('abcdef', 3), 'abc\n…');
  });
});
