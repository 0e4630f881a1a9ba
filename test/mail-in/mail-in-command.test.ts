import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { nivaEnv, spawnNiva } from '../helpers/cli.ts';
import { createTenant, type TestTenant } from '../helpers/factories.ts';
import { freePort } from '../helpers/free-port.ts';
import { createTestStore, type TestStore } from '../helpers/test-store.ts';
import { referenceIn, send } from './smtp-client.ts';

// The compiled `niva mail-in` as a process: what the listener does with each mail is tested in-process (mail-in.test.ts).

let store: TestStore;
let a: TestTenant;

before(async () => {
  store = await createTestStore();
  a = await createTenant(store);
});
after(() => store.destroy());

describe('niva mail-in', () => {
  it('listens on the given port, registers a mail as a case and stops on SIGTERM', async () => {
    const port = await freePort();
    const child = spawnNiva(
      ['mail-in', '--port', String(port), '--host', '127.0.0.1', '--case-type', 'incident', '--category', 'C'],
      nivaEnv(store),
    );
    let stdout = '';
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no listening line: ${stdout}${stderr}`)), 30_000);
        child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
          stdout += chunk;
          if (stdout.includes('listening')) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.on('close', () => reject(new Error(`niva mail-in exited: ${stdout}${stderr}`)));
      });
      assert.match(stdout, new RegExp(`listening on 127\\.0\\.0\\.1:${port}`));
      const sent = await send(port, {
        from: a.users['owner-admin'].email,
        subject: 'Skjema utilgjengelig',
        text: 'Ingen får åpnet skjemaet.',
      });
      const row = await store.db
        .selectFrom('cases')
        .select(['kind', 'category', 'organisation_id', 'channel'])
        .where('reference', '=', referenceIn(sent.response))
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { kind: 'incident', category: 'C', organisation_id: a.organisation.id, channel: 'email' });
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0, stderr);
  });
});
