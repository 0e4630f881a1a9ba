import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  actions,
  isRole,
  isTokenScope,
  roleAllows,
  roleFitsOrganisation,
  scopesAllow,
  type Action,
  type Role,
  type TokenScope,
} from '../../../src/platform/domain/roles.ts';

describe('roleAllows', () => {
  const cases: [Role, Action, boolean, boolean][] = [
    ['operator-admin', 'organisation.create', true, true],
    ['operator-admin', 'component.manage', true, true],
    ['operator-agent', 'organisation.create', true, false],
    ['operator-agent', 'service.manage', true, true],
    ['operator-agent', 'user.manage', true, false],
    ['owner-admin', 'user.manage', false, true],
    ['owner-admin', 'token.manage', false, true],
    ['owner-admin', 'organisation.create', false, false],
    ['owner-admin', 'job.read', false, false],
    ['owner-member', 'service.read', false, true],
    ['owner-member', 'service.manage', false, false],
    ['owner-member', 'audit.read', false, false],
    ['auditor', 'audit.read', false, true],
    ['auditor', 'audit.verify', true, true],
    ['auditor', 'audit.verify', false, false],
    ['owner-admin', 'audit.verify', false, false],
    ['auditor', 'job.read', true, true],
    ['auditor', 'job.read', false, false],
    ['auditor', 'user.manage', true, false],
  ];
  for (const [role, action, platformWide, expected] of cases) {
    it(`${role} ${expected ? 'may' : 'may not'} ${action} (${platformWide ? 'platform' : 'own organisation'})`, () => {
      assert.equal(roleAllows(role, action, platformWide), expected);
    });
  }

  it('gives the operator admin every action', () => {
    for (const action of actions) assert.equal(roleAllows('operator-admin', action, true), true, action);
  });
});

describe('roleFitsOrganisation', () => {
  const cases: [Role, 'operator' | 'owner', boolean][] = [
    ['operator-admin', 'operator', true],
    ['operator-admin', 'owner', false],
    ['operator-agent', 'owner', false],
    ['owner-admin', 'owner', true],
    ['owner-admin', 'operator', false],
    ['owner-member', 'owner', true],
    ['auditor', 'owner', true],
    ['auditor', 'operator', true],
  ];
  for (const [role, kind, expected] of cases) {
    it(`${role} in ${kind}: ${expected}`, () => assert.equal(roleFitsOrganisation(role, kind), expected));
  }
});

describe('scopesAllow', () => {
  const cases: [TokenScope[], Action, boolean, boolean][] = [
    [['services:read'], 'service.read', false, true],
    [['services:read'], 'service.manage', false, false],
    [['services:write'], 'service.manage', false, true],
    [['organisations:read'], 'user.manage', true, false],
    [['organisations:read'], 'token.manage', true, false],
    [['audit:read'], 'audit.read', false, true],
    [['components:read'], 'component.manage', true, false],
    [[], 'organisation.read', true, false],
  ];
  for (const [scopes, action, platformWide, expected] of cases) {
    it(`[${scopes.join(',')}] → ${action}: ${expected}`, () =>
      assert.equal(scopesAllow(scopes, action, platformWide), expected));
  }
});

describe('type guards', () => {
  const cases: [string, boolean, boolean][] = [
    ['owner-admin', true, false],
    ['services:read', false, true],
    ['root', false, false],
    ['', false, false],
    ['toString', false, false],
  ];
  for (const [value, role, scope] of cases) {
    it(`"${value}"`, () => {
      assert.equal(isRole(value), role);
      assert.equal(isTokenScope(value), scope);
    });
  }
});
