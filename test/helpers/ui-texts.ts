// The program's UI texts, installed as the composition does at start-up (src/app/cli-modules.ts): for a test that
// lays out translated text (a report, an e-mail) itself, without the HTTP app, the job handlers or the CLI.
import { installModuleMessages } from '../../src/app/cli-modules.ts';

await installModuleMessages();
