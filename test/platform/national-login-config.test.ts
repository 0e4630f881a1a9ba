import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/platform/config/config.ts';

const base = {
  NIVA_OIDC_DISCOVERY_URL: 'https://idporten.example/.well-known/openid-configuration',
  NIVA_OIDC_CLIENT_ID: 'niva',
  NIVA_OIDC_CLIENT_SECRET: 'a-client-secret',
};

describe('national login settings', () => {
  it('are off by default, with passwords on', () => {
    const config = loadConfig({});
    assert.equal(config.nationalLogin, null);
    assert.equal(config.passwordLogin, true);
    assert.equal(config.identitySecret, null);
  });

  it('read the issuer from the discovery URL, ID-porten levels, Ansattporten resources and rules', () => {
    const { nationalLogin } = loadConfig({
      ...base,
      NIVA_OIDC_RESOURCE: 'urn:altinn:resource:niva-tilgang',
      NIVA_OIDC_RULES: JSON.stringify([
        { organisation: '974761076', role: 'owner-member' },
        { organisation: '991825827', role: 'operator-agent', resource: 'urn:altinn:resource:niva-tilgang' },
      ]),
    });
    assert.ok(nationalLogin);
    assert.equal(nationalLogin.issuer, 'https://idporten.example');
    assert.equal(nationalLogin.name, 'ID-porten');
    assert.equal(nationalLogin.scopes, 'openid profile');
    assert.deepEqual(nationalLogin.acrValues, ['idporten-loa-substantial']);
    assert.equal(nationalLogin.roleAcr['operator-admin'], 'idporten-loa-high');
    assert.equal(nationalLogin.roleAcr['owner-admin'], 'idporten-loa-substantial');
    assert.deepEqual(nationalLogin.clientAuth, { method: 'client_secret_basic', secret: 'a-client-secret' });
    assert.deepEqual(nationalLogin.resources, ['urn:altinn:resource:niva-tilgang']);
    assert.deepEqual(nationalLogin.rules, [
      { organisation: '974761076', role: 'owner-member', resource: null },
      { organisation: '991825827', role: 'operator-agent', resource: 'urn:altinn:resource:niva-tilgang' },
    ]);
    assert.equal(nationalLogin.allowInsecure, false);
  });

  it('take a private key as a JWK or from a PEM file, with its key id', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = JSON.stringify({ ...privateKey.export({ format: 'jwk' }), kid: 'from-the-jwk' });
    const fromJwk = loadConfig({ ...base, NIVA_OIDC_CLIENT_SECRET: '', NIVA_OIDC_PRIVATE_KEY: jwk }).nationalLogin;
    assert.equal(fromJwk?.clientAuth.method, 'private_key_jwt');
    assert.ok(fromJwk?.clientAuth.method === 'private_key_jwt' && fromJwk.clientAuth.kid === 'from-the-jwk');
    assert.ok(fromJwk?.clientAuth.method === 'private_key_jwt' && fromJwk.clientAuth.alg === 'RS256');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'niva-key-')), 'client.pem');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    writeFileSync(file, ec.export({ format: 'pem', type: 'pkcs8' }));
    const fromFile = loadConfig({
      ...base,
      NIVA_OIDC_CLIENT_SECRET: '',
      NIVA_OIDC_PRIVATE_KEY_FILE: file,
      NIVA_OIDC_KEY_ID: 'niva-2026',
    }).nationalLogin?.clientAuth;
    assert.ok(fromFile?.method === 'private_key_jwt' && fromFile.alg === 'ES256' && fromFile.kid === 'niva-2026');
  });

  const bad: [Record<string, string>, string][] = [
    [{ ...base, NIVA_OIDC_DISCOVERY_URL: 'https://idporten.example/' }, 'NIVA_OIDC_DISCOVERY_URL'],
    [
      {
        ...base,
        NIVA_OIDC_DISCOVERY_URL: 'http://idp.test/.well-known/openid-configuration',
        NIVA_ENV: 'production',
        NIVA_SMTP_URL: 'smtp://mail',
      },
      'NIVA_OIDC_DISCOVERY_URL',
    ],
    [{ ...base, NIVA_OIDC_CLIENT_ID: '' }, 'NIVA_OIDC_CLIENT_ID'],
    [{ ...base, NIVA_OIDC_CLIENT_SECRET: '' }, 'NIVA_OIDC_CLIENT_SECRET'],
    [{ ...base, NIVA_OIDC_PRIVATE_KEY: '{"kty":"RSA"}' }, 'NIVA_OIDC_CLIENT_SECRET'],
    [{ ...base, NIVA_OIDC_CLIENT_SECRET: '', NIVA_OIDC_PRIVATE_KEY: 'not a key' }, 'NIVA_OIDC_PRIVATE_KEY'],
    [
      { ...base, NIVA_OIDC_CLIENT_SECRET: '', NIVA_OIDC_PRIVATE_KEY_FILE: '/nowhere/key.pem' },
      'NIVA_OIDC_PRIVATE_KEY_FILE',
    ],
    [{ ...base, NIVA_OIDC_SCOPES: 'profile' }, 'NIVA_OIDC_SCOPES'],
    [{ ...base, NIVA_OIDC_ACR_VALUES: 'Level4' }, 'NIVA_OIDC_ACR_VALUES'],
    [{ ...base, NIVA_OIDC_ROLE_ACR: 'operator-admin=high' }, 'NIVA_OIDC_ROLE_ACR'],
    [{ ...base, NIVA_OIDC_ROLE_ACR: 'superuser=idporten-loa-high' }, 'NIVA_OIDC_ROLE_ACR'],
    [{ ...base, NIVA_OIDC_RESOURCE: 'urn:x', NIVA_OIDC_RULES: 'owner-member for everyone' }, 'NIVA_OIDC_RULES'],
    [
      { ...base, NIVA_OIDC_RESOURCE: 'urn:x', NIVA_OIDC_RULES: '[{"organisation":"1","role":"owner-member"}]' },
      'NIVA_OIDC_RULES',
    ],
    [
      { ...base, NIVA_OIDC_RESOURCE: 'urn:x', NIVA_OIDC_RULES: '[{"organisation":"974761076","role":"boss"}]' },
      'NIVA_OIDC_RULES',
    ],
    [{ ...base, NIVA_OIDC_RULES: '[{"organisation":"974761076","role":"owner-member"}]' }, 'NIVA_OIDC_RULES'],
    [
      {
        ...base,
        NIVA_OIDC_RESOURCE: 'urn:x',
        NIVA_OIDC_RULES: '[{"organisation":"974761076","role":"owner-member","resource":"urn:y"}]',
      },
      'NIVA_OIDC_RULES',
    ],
    [{ NIVA_PASSWORD_LOGIN: 'off' }, 'NIVA_PASSWORD_LOGIN'],
    [{ NIVA_PASSWORD_LOGIN: 'no' }, 'NIVA_PASSWORD_LOGIN'],
    [{ NIVA_IDENTITY_SECRET: 'short' }, 'NIVA_IDENTITY_SECRET'],
  ];
  for (const [env, variable] of bad) {
    it(`refuse ${JSON.stringify(env)} in one line naming ${variable}`, () => {
      assert.throws(
        () => loadConfig(env),
        (error: unknown) =>
          error instanceof ConfigError && error.message.startsWith(`${variable}: `) && !error.message.includes('\n'),
      );
    });
  }
});
