// `niva serve` as a user starts it (the compiled binary): the public URL follows the port it listens on, development
// without SMTP says that it keeps e-mail, and production without SMTP does not start.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { nivaEnv, runNivaBinary, spawnNiva, stopProcess } from '../../helpers/cli.ts';
import { freePort } from '../../helpers/free-port.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

let store: TestStore;
const running: ChildProcess[] = [];

before(async () => {
  store = await createTestStore();
});
after(async () => {
  await Promise.all(running.map(stopProcess));
  await store.destroy();
});

/** Starts `niva serve …` and resolves with the port it says it runs on and everything it wrote until then. */
function startServe(args: string[], env: Record<string, string>): Promise<{ port: number; output: string }> {
  const child = spawnNiva(['serve', '--no-jobs', ...args], nivaEnv(store, { HOST: '127.0.0.1', ...env }));
  running.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start within 60 s: ${output}`)), 60_000);
    const collect = (chunk: string) => {
      output += chunk;
      const match = /Nivå is running on http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ port: Number(match[1]), output });
      }
    };
    child.stdout?.setEncoding('utf8').on('data', collect);
    child.stderr?.setEncoding('utf8').on('data', collect);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}): ${output}`));
    });
  });
}

async function statusPage(port: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/status.json`);
  assert.equal(response.status, 200);
  return ((await response.json()) as { page: string }).page;
}

describe('niva serve (compiled)', () => {
  test('--port: /status.json links to that port, and the start says that e-mail is kept', async () => {
    const port = await freePort();
    const started = await startServe(['--port', String(port)], { LOG_LEVEL: 'info' });
    assert.equal(started.port, port);
    assert.equal(await statusPage(port), `http://localhost:${port}/status`);
    const notes = started.output.split('\n').filter((line) => line.includes('e-mail is kept, not sent'));
    assert.equal(notes.length, 1, started.output);
    assert.match(notes[0] ?? '', /NIVA_SMTP_URL/);
  });

  test('PORT=0: the links name the port the system picked', async () => {
    const started = await startServe([], { PORT: '0' });
    assert.ok(started.port > 0);
    assert.equal(await statusPage(started.port), `http://localhost:${started.port}/status`);
  });

  test('NIVA_PUBLIC_URL, when set, is used as given', async () => {
    const started = await startServe(['--port', '0'], { NIVA_PUBLIC_URL: 'https://status.niva.example.no/' });
    assert.equal(await statusPage(started.port), 'https://status.niva.example.no/status');
  });

  test('NIVA_ENV=production without NIVA_SMTP_URL: serve and worker stop at once, naming the setting', async () => {
    for (const command of [['serve', '--port', '0'], ['worker']]) {
      const result = await runNivaBinary(command, nivaEnv(store, { NIVA_ENV: 'production' }));
      assert.equal(result.status, 2, `${command[0]}: ${result.stderr}`);
      assert.match(result.stderr, /^niva: NIVA_SMTP_URL: required when NIVA_ENV=production[^\n]*\n$/);
    }
  });
});
