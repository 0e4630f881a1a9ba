import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { cliModules } from '../../src/app/cli-modules.ts';
import { modules } from '../../src/app/modules.ts';
import type { ModuleCli, ModuleManifest } from '../../src/platform/module-manifest.ts';

const manifests: readonly ModuleManifest[] = modules;
const clis: Readonly<Record<string, ModuleCli>> = cliModules;
const moduleFolders = readdirSync(new URL('../../src/modules/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe('the module list (src/app/modules.ts)', () => {
  it('has every folder of src/modules once, under its folder name', () => {
    assert.deepEqual(manifests.map((m) => m.name).sort(), [...moduleFolders].sort());
  });

  it('gives the command line a CLI part of every module, in the same order (src/app/cli-modules.ts)', () => {
    assert.deepEqual(
      Object.keys(clis),
      manifests.map((m) => m.name),
    );
  });

  it('loads the same UI texts for the command line as the manifests declare', async () => {
    for (const manifest of manifests)
      assert.equal(await clis[manifest.name]?.messages?.(), manifest.messages, `${manifest.name}: cli.messages()`);
  });
});
