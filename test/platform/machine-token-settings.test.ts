import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/platform/config/config.ts';

const maskinporten = {
  NIVA_M2M_ISSUER: 'https://maskinporten.no/',
  NIVA_M2M_JWKS_URL: 'https://maskinporten.no/jwk',
  NIVA_M2M_AUDIENCE: 'https://niva.example.no/',
  NIVA_M2M_SCOPES:
    'altinn:niva/cases.write=cases:write, altinn:niva/cases.write=services:read,altinn:niva/read=cases:read',
};

describe('machine-token settings (NIVA_M2M_)', () => {
  it('are off unless the issuer is set', () => {
    assert.equal(loadConfig({}).machineTokens, null);
  });

  it('keep the issuer exactly as written and map each issuer scope to its Nivå scopes', () => {
    const settings = loadConfig(maskinporten).machineTokens;
    assert.ok(settings);
    assert.equal(settings.issuer, 'https://maskinporten.no/', 'the trailing slash stays');
    assert.equal(settings.jwksUrl, 'https://maskinporten.no/jwk');
    assert.equal(settings.audience, 'https://niva.example.no/');
    assert.equal(settings.leewaySeconds, 30);
    assert.deepEqual(Object.fromEntries(settings.scopes), {
      'altinn:niva/cases.write': ['cases:write', 'services:read'],
      'altinn:niva/read': ['cases:read'],
    });
    assert.equal(loadConfig({ ...maskinporten, NIVA_M2M_LEEWAY_SECONDS: '0' }).machineTokens?.leewaySeconds, 0);
  });

  const bad: [Record<string, string>, string, RegExp][] = [
    [{ NIVA_M2M_AUDIENCE: 'https://niva.example.no/' }, 'NIVA_M2M_ISSUER', /required when NIVA_M2M_AUDIENCE is set/],
    [{ ...maskinporten, NIVA_M2M_ISSUER: 'maskinporten.no' }, 'NIVA_M2M_ISSUER', /issuer identifier/],
    [{ ...maskinporten, NIVA_M2M_JWKS_URL: '' }, 'NIVA_M2M_JWKS_URL', /required when NIVA_M2M_ISSUER is set/],
    [{ ...maskinporten, NIVA_M2M_JWKS_URL: 'ftp://maskinporten.no/jwk' }, 'NIVA_M2M_JWKS_URL', /https/],
    [{ ...maskinporten, NIVA_M2M_AUDIENCE: '' }, 'NIVA_M2M_AUDIENCE', /required/],
    [{ ...maskinporten, NIVA_M2M_AUDIENCE: 'a b' }, 'NIVA_M2M_AUDIENCE', /without spaces/],
    [{ ...maskinporten, NIVA_M2M_LEEWAY_SECONDS: '301' }, 'NIVA_M2M_LEEWAY_SECONDS', /0 to 300/],
    [{ ...maskinporten, NIVA_M2M_LEEWAY_SECONDS: '2.5' }, 'NIVA_M2M_LEEWAY_SECONDS', /whole seconds/],
    [{ ...maskinporten, NIVA_M2M_SCOPES: '' }, 'NIVA_M2M_SCOPES', /required/],
    [{ ...maskinporten, NIVA_M2M_SCOPES: ' , ' }, 'NIVA_M2M_SCOPES', /at least one/],
    [{ ...maskinporten, NIVA_M2M_SCOPES: 'altinn:niva/x' }, 'NIVA_M2M_SCOPES', /is not issuer-scope=niva-scope/],
    [{ ...maskinporten, NIVA_M2M_SCOPES: 'a=cases:wrte' }, 'NIVA_M2M_SCOPES', /"cases:wrte" is not a Nivå token scope/],
  ];
  for (const [env, variable, message] of bad) {
    it(`refuses ${JSON.stringify(env)} in one line naming ${variable}`, () => {
      assert.throws(
        () => loadConfig(env),
        (error: unknown) =>
          error instanceof ConfigError &&
          error.message.startsWith(`${variable}: `) &&
          message.test(error.message) &&
          !error.message.includes('\n'),
      );
    });
  }
});
