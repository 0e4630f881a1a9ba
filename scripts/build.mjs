#!/usr/bin/env node
// Compiles the program into dist/: `dist/niva.js` (the CLI, which starts everything else) and `dist/migrations/*.js`,
// bundled with esbuild. Each dynamic import() becomes a chunk of its own, so a command loads only the code it runs,
// and bundling turns ~800 small ES modules into a few dozen files, which is most of what a cold start costs. Source
// maps point at the .ts lines. Type checking is separate (`tsc --noEmit`).
import { readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist');

// Packages that stay in node_modules: native addons, packages that read their own files at run time (fonts,
// stylesheets), packages loaded only by some commands (large, and lazy already), and React, whose build is chosen by
// NODE_ENV when it loads. Every other package is bundled.
const external = new Set([
  'argon2',
  'better-sqlite3',
  'pg',
  'pdfkit',
  'exceljs',
  'mailparser',
  'nodemailer',
  'smtp-server',
  'file-type',
  'swagger-ui-dist',
  '@digdir/designsystemet-css',
  '@digdir/designsystemet-theme',
  '@digdir/designsystemet-web',
  'react',
  'react-dom',
  'pino',
  'prom-client',
  'yaml',
  'cli-progress',
]);

const packageName = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

const keepSomePackagesExternal = {
  name: 'keep-some-packages-external',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) =>
      external.has(packageName(args.path)) || args.path.startsWith('node:')
        ? { path: args.path, external: true }
        : undefined,
    );
  },
};

const started = performance.now();
// Built beside dist/ and swapped in at the end, so a failed build leaves the previous one, and a `niva` started
// meanwhile finds a whole build.
const staging = path.join(root, '.dist-staging');
rmSync(staging, { recursive: true, force: true });
const migrations = readdirSync(path.join(root, 'migrations')).filter((f) => f.endsWith('.ts'));
await build({
  entryPoints: {
    niva: path.join(root, 'src/app/main.ts'),
    ...Object.fromEntries(
      migrations.map((f) => [`migrations/${f.replace(/\.ts$/, '')}`, path.join(root, 'migrations', f)]),
    ),
  },
  outdir: staging,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  plugins: [keepSomePackagesExternal],
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  sourcemap: 'linked',
  sourcesContent: false,
  // Bundled CommonJS packages call require() for Node's built-ins; an ES module has none of its own.
  banner: {
    js: "import { createRequire as nivaCreateRequire } from 'node:module';\nconst require = nivaCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
rmSync(outdir, { recursive: true, force: true });
renameSync(staging, outdir);
if (!process.argv.includes('--quiet')) {
  const chunks = readdirSync(path.join(outdir, 'chunks')).filter((f) => f.endsWith('.js')).length;
  console.log(
    `built dist/niva.js, ${migrations.length} migrations and ${chunks} chunks in ${Math.round(performance.now() - started)} ms`,
  );
}
