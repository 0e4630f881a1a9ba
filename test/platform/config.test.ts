import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertReadyToRun, ConfigError, listeningOn, loadConfig } from '../../src/platform/config/config.ts';

describe('loadConfig', () => {
  it('has working defaults for a fresh machine', () => {
    const config = loadConfig({});
    assert.equal(config.port, 8080);
    assert.equal(config.databaseUrl, 'sqlite:./data/niva.db');
    assert.equal(config.secureCookies, false);
    assert.equal(config.slaScanMs, 30_000);
    assert.deepEqual(config.outboundAllow.entries, [], 'outbound requests reach only public addresses');
  });

  it('reads NIVA_OUTBOUND_ALLOW as host names and address ranges', () => {
    const { outboundAllow } = loadConfig({ NIVA_OUTBOUND_ALLOW: 'localhost, 10.20.0.0/16,::1' });
    assert.deepEqual(outboundAllow.hosts, ['localhost']);
    assert.deepEqual(outboundAllow.entries, ['localhost', '10.20.0.0/16', '::1']);
    assert.throws(() => loadConfig({ NIVA_OUTBOUND_ALLOW: '*.intern' }), /NIVA_OUTBOUND_ALLOW: "\*\.intern" is not/);
  });

  const bad: [Record<string, string>, string][] = [
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ NIVA_PUBLIC_URL: 'niva.example.no' }, 'NIVA_PUBLIC_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ NIVA_ENV: 'staging' }, 'NIVA_ENV'],
    [{ NIVA_OUTGOING_KEEP_DAYS: '0' }, 'NIVA_OUTGOING_KEEP_DAYS'],
    [{ NIVA_SMTP_URL: 'http://mail' }, 'NIVA_SMTP_URL'],
    [{ NIVA_JOBS: 'maybe' }, 'NIVA_JOBS'],
    [{ NIVA_MAIL_IN_PORT: 'smtp' }, 'NIVA_MAIL_IN_PORT'],
    [{ NIVA_MAIL_IN_USER: 'relay' }, 'NIVA_MAIL_IN_PASSWORD'],
    [{ NIVA_SLA_SCAN_SECONDS: '0' }, 'NIVA_SLA_SCAN_SECONDS'],
    [{ NIVA_OUTBOUND_ALLOW: 'localhost,10.0.0.0/33' }, 'NIVA_OUTBOUND_ALLOW'],
    [{ NIVA_OUTBOUND_ALLOW: 'http://localhost:8080' }, 'NIVA_OUTBOUND_ALLOW'],
    [{ NIVA_EARLIEST_DATE: '2000' }, 'NIVA_EARLIEST_DATE'],
    [{ NIVA_EARLIEST_DATE: '2000-02-30' }, 'NIVA_EARLIEST_DATE'],
    [{ NIVA_EARLIEST_DATE: '1899-01-01' }, 'NIVA_EARLIEST_DATE'],
  ];
  for (const [env, variable] of bad) {
    it(`refuses ${JSON.stringify(env)} in one line naming ${variable}`, () => {
      assert.throws(
        () => loadConfig(env),
        (error: unknown) =>
          error instanceof ConfigError && error.message.startsWith(`${variable}: `) && !error.message.includes('\n'),
      );
    });
  }

  it('turns on Secure cookies behind an https public URL', () => {
    assert.equal(loadConfig({ NIVA_PUBLIC_URL: 'https://niva.example.no/' }).secureCookies, true);
    assert.equal(loadConfig({ NIVA_PUBLIC_URL: 'https://niva.example.no/' }).publicUrl, 'https://niva.example.no');
  });

  it('reads the earliest date accepted as midnight in Oslo, 2000-01-01 unless set', () => {
    assert.equal(loadConfig({}).limits.earliest, Date.parse('2000-01-01T00:00:00+01:00'));
    assert.equal(
      loadConfig({ NIVA_EARLIEST_DATE: '2024-06-01' }).limits.earliest,
      Date.parse('2024-06-01T00:00:00+02:00'),
    );
  });

  it('runs as development unless NIVA_ENV says production', () => {
    assert.equal(loadConfig({}).environment, 'development');
    assert.equal(loadConfig({ NIVA_ENV: 'production' }).environment, 'production');
    assert.equal(loadConfig({}).outgoingKeepDays, 14);
  });

  it('refuses to run in production without NIVA_SMTP_URL, in one line naming it', () => {
    assert.throws(
      () => assertReadyToRun(loadConfig({ NIVA_ENV: 'production' })),
      (error: unknown) =>
        error instanceof ConfigError && error.message.startsWith('NIVA_SMTP_URL: ') && !error.message.includes('\n'),
    );
    assertReadyToRun(loadConfig({ NIVA_ENV: 'production', NIVA_SMTP_URL: 'smtp://mail.example.no:25' }));
    assertReadyToRun(loadConfig({}));
  });

  it('points the public URL at the port listened on unless NIVA_PUBLIC_URL is set', () => {
    assert.equal(loadConfig({}).publicUrl, 'http://localhost:8080');
    assert.equal(loadConfig({ PORT: '9123' }).publicUrl, 'http://localhost:9123');
    const listening = listeningOn(loadConfig({ PORT: '0' }), 40123);
    assert.deepEqual([listening.port, listening.publicUrl], [40123, 'http://localhost:40123']);
    const given = listeningOn(loadConfig({ NIVA_PUBLIC_URL: 'https://niva.example.no/' }), 40123);
    assert.deepEqual([given.port, given.publicUrl, given.secureCookies], [40123, 'https://niva.example.no', true]);
  });
});
