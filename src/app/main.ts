// The `niva` binary's entry point: the program on this process's arguments, streams and environment.
import { readFileSync } from 'node:fs';
import { processEnvironment } from '../platform/config/environment.ts';
import { runCli } from './cli-program.ts';

const code = await runCli(process.argv.slice(2), {
  env: processEnvironment(),
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin: () => readFileSync(0, 'utf8'),
});
process.exitCode = code;
// A failed command ends the process once its output is written, whatever it left open; a successful one ends when
// its work does (a server keeps running). Writes to a pipe are asynchronous, so they are waited for first.
if (code !== 0) {
  await Promise.all([process.stdout, process.stderr].map((s) => new Promise((done) => s.write('', done))));
  process.exit(code);
}
