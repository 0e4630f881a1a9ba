import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Hono } from 'hono';
import { projectFile } from '../project-root.ts';
import type { AppEnv } from './env.ts';

const require = createRequire(import.meta.url);

/** A file inside an installed package; found from the package's entry point because not every package exports package.json. */
function packageFile(pkg: string, relative: string): string {
  let dir = path.dirname(require.resolve(pkg));
  while (!dir.endsWith(path.join('node_modules', pkg))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot locate package ${pkg}`);
    dir = parent;
  }
  return path.join(dir, relative);
}

/** Files served under /assets and /api/docs, read once; all are shipped in node_modules or the repository. */
const files: Record<string, { file: string; type: string }> = {
  '/assets/ds.css': {
    file: packageFile('@digdir/designsystemet-css', 'dist/src/index.css'),
    type: 'text/css; charset=utf-8',
  },
  '/assets/theme.css': {
    file: packageFile('@digdir/designsystemet-theme', 'brand/digdir.css'),
    type: 'text/css; charset=utf-8',
  },
  '/assets/ds-web.js': {
    file: packageFile('@digdir/designsystemet-web', 'dist/umd/index.js'),
    type: 'text/javascript; charset=utf-8',
  },
  '/assets/app.css': { file: projectFile('src/platform/web/assets/app.css'), type: 'text/css; charset=utf-8' },
  '/assets/report.css': { file: projectFile('src/platform/web/assets/report.css'), type: 'text/css; charset=utf-8' },
  '/favicon.svg': { file: projectFile('src/platform/web/assets/favicon.svg'), type: 'image/svg+xml' },
  // Browsers ask for /favicon.ico whatever the page links; modern ones accept SVG under that name.
  '/favicon.ico': { file: projectFile('src/platform/web/assets/favicon.svg'), type: 'image/svg+xml' },
  '/api/docs/swagger-ui.css': {
    file: packageFile('swagger-ui-dist', 'swagger-ui.css'),
    type: 'text/css; charset=utf-8',
  },
  '/api/docs/swagger-ui-bundle.js': {
    file: packageFile('swagger-ui-dist', 'swagger-ui-bundle.js'),
    type: 'text/javascript; charset=utf-8',
  },
  '/api/docs/init.js': {
    file: projectFile('src/platform/web/assets/swagger-init.js'),
    type: 'text/javascript; charset=utf-8',
  },
};

const docsPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Nivå API</title><link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><main><h1 style="position:absolute;left:-9999px">Nivå API</h1><div id="swagger-ui"></div></main>
<script src="/api/docs/swagger-ui-bundle.js"></script><script src="/api/docs/init.js"></script></body></html>`;

export function staticAssets(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const cache = new Map<string, Buffer>();
  for (const [route, { file, type }] of Object.entries(files)) {
    app.get(route, (c) => {
      let body = cache.get(route);
      if (!body) {
        body = readFileSync(file);
        cache.set(route, body);
      }
      c.header('content-type', type);
      c.header('cache-control', 'public, max-age=3600');
      return c.body(new Uint8Array(body));
    });
  }
  app.get('/api/docs', (c) => c.html(docsPage));
  return app;
}
