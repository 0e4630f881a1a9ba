import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApiToken, AuditEvent, Job } from '../../../src/platform/db/schema.ts';
import {
  presentAuditEntry,
  presentJobItem,
  presentMemberItem,
  presentOrganisationFacts,
  presentOrganisationItem,
  presentServiceItem,
  presentTokenItem,
} from '../../../src/modules/access/web/access-model.ts';
import type { MemberRow } from '../../../src/modules/access/services/list-members.ts';

const now = Date.UTC(2026, 2, 2, 9);
const organisation = {
  id: 'org-1',
  kind: 'owner' as const,
  name: 'Testetaten',
  org_number: '974760673',
  code: 'testetaten',
  contact_email: 'post@testetaten.no',
  created_at: now,
  updated_at: now,
};

function token(extra: Partial<ApiToken>): ApiToken {
  return {
    id: 'tok-1',
    organisation_id: 'org-1',
    name: 'integrasjon',
    prefix: 'abcd1234',
    secret_hash: 'never shown',
    scopes: 'services:read cases:write',
    created_by: null,
    created_at: now,
    expires_at: null,
    last_used_at: null,
    revoked_at: null,
    ...extra,
  };
}

describe('access view models', () => {
  it('present an organisation for lists and for its own page', () => {
    assert.deepEqual(presentOrganisationItem({ ...organisation, service_count: 2, user_count: 3 }), {
      id: 'org-1',
      kind: 'owner',
      code: 'testetaten',
      name: 'Testetaten',
      orgNumber: '974760673',
      serviceCount: 2,
      userCount: 3,
    });
    assert.deepEqual(presentOrganisationFacts(organisation), {
      id: 'org-1',
      kind: 'owner',
      code: 'testetaten',
      name: 'Testetaten',
      orgNumber: '974760673',
      contactEmail: 'post@testetaten.no',
    });
  });

  it('present a service without its timestamps', () => {
    const service = presentServiceItem({
      id: 's-1',
      organisation_id: 'org-1',
      name: 'Søknad',
      platform: 'altinn3',
      resource_id: 'tt-soknad',
      status: 'active',
      created_at: now,
      updated_at: now,
    });
    assert.deepEqual(service, {
      id: 's-1',
      organisationId: 'org-1',
      name: 'Søknad',
      platform: 'altinn3',
      resourceId: 'tt-soknad',
      status: 'active',
    });
  });

  it("show the account's sign-in facts only when the list carries them (the operator's)", () => {
    const member: MemberRow = {
      membershipId: 'm-1',
      userId: 'u-1',
      email: 'kari@testetaten.no',
      name: 'Kari',
      role: 'owner-admin',
      organisationId: 'org-1',
      organisationCode: 'testetaten',
      organisationName: 'Testetaten',
      joinedAt: now,
      account: null,
    };
    assert.equal(presentMemberItem(member).account, null);
    assert.deepEqual(presentMemberItem({ ...member, account: { lastLoginAt: now, locked: true } }).account, {
      lastLoginAt: now,
      locked: true,
    });
    assert.ok(!('userId' in presentMemberItem(member)));
  });

  it('present a token by its state and prefix, never its secret', () => {
    const names = new Map([['org-1', 'Testetaten']]);
    const active = presentTokenItem(token({}), now, names);
    assert.equal(active.state, 'active');
    assert.deepEqual(active.scopes, ['services:read', 'cases:write']);
    assert.equal(active.organisationName, 'Testetaten');
    assert.ok(!JSON.stringify(active).includes('never shown'));
    assert.equal(presentTokenItem(token({ expires_at: now }), now, names).state, 'expired');
    assert.equal(presentTokenItem(token({ expires_at: now, revoked_at: now - 1 }), now, names).state, 'revoked');
    assert.equal(presentTokenItem(token({ organisation_id: 'org-2' }), now, names).organisationName, '');
  });

  it('write an audit entry’s summary out as text', () => {
    const event: AuditEvent = {
      seq: 7,
      at: now,
      actor_type: 'user',
      actor_id: 'u-1',
      actor_label: 'Kari',
      action: 'organisation.update',
      subject_type: 'organisation',
      subject_id: 'org-1',
      organisation_id: 'org-1',
      summary: JSON.stringify({ name: { from: 'Gammel', to: 'Ny' }, code: 'tt' }),
      request_id: null,
      prev_hash: 'a',
      hash: 'b',
    };
    assert.deepEqual(presentAuditEntry(event), {
      seq: 7,
      at: now,
      actorLabel: 'Kari',
      action: 'organisation.update',
      subjectType: 'organisation',
      summary: 'name: "Gammel" → "Ny"; code: "tt"',
    });
  });

  it('present a job without its payload', () => {
    const job: Job = {
      id: 'j-1',
      kind: 'case.email',
      payload: '{"to":["secret@example.no"]}',
      organisation_id: null,
      status: 'dead',
      attempts: 5,
      max_attempts: 5,
      run_at: now,
      locked_by: null,
      locked_until: null,
      last_error: 'smtp down',
      created_at: now,
      updated_at: now,
      finished_at: now,
    };
    const item = presentJobItem(job);
    assert.deepEqual(item, {
      id: 'j-1',
      kind: 'case.email',
      status: 'dead',
      attempts: 5,
      maxAttempts: 5,
      runAt: now,
      lastError: 'smtp down',
    });
  });
});
