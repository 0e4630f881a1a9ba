import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of the project's package.json, found from this file wherever it runs: from the sources (src/) or from a
 * chunk of the compiled build (dist/). Files the product reads at run time (stylesheets, migrations, the demo's
 * reference figures) are located from here, not from the module that reads them, which the build moves.
 */
function findProjectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the project folder (no package.json above the code)');
    dir = parent;
  }
  return dir;
}

export const projectRoot = findProjectRoot();

/** True when running the compiled build in dist/, false when running the TypeScript sources. */
export const runningCompiled = !import.meta.url.endsWith('.ts');

/** A file of the project by its path from the project folder, e.g. `src/platform/web/assets/app.css`. */
export function projectFile(relative: string): string {
  return path.join(projectRoot, relative);
}
