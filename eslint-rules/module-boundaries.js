// The module layout's rules, checked on every relative import (static, re-export or dynamic):
// - platform imports no module and not the composition (src/app);
// - a module imports another module only through that module's index.ts, and never the composition;
// - a domain/ folder imports only domain code and pure packages (no I/O); types, which are erased, may come from anywhere
//   a module may import.
import path from 'node:path';

const srcRoot = path.resolve(import.meta.dirname, '..', 'src');
// Packages a domain/ folder may use: validation and pure computation only.
const pureDomainPackages = new Set(['zod', 'node:crypto']);

function place(file) {
  const relative = path.relative(srcRoot, file);
  if (relative.startsWith('..')) return { area: 'outside' };
  const parts = relative.split(path.sep);
  if (parts[0] === 'platform') return { area: 'platform', domain: parts.includes('domain') };
  if (parts[0] === 'app') return { area: 'app', domain: false };
  if (parts[0] === 'modules' && parts[1])
    return { area: 'module', module: parts[1], domain: parts[2] === 'domain', rest: parts.slice(2).join('/') };
  return { area: 'other', domain: parts.includes('domain') };
}

function problem(importer, target, specifier, typeOnly) {
  if (importer.area === 'platform' && (target.area === 'module' || target.area === 'app'))
    return `platform must not import ${target.area === 'app' ? 'the composition (src/app)' : `module ${target.module}`}: ${specifier}`;
  if (importer.area === 'module' && target.area === 'app')
    return `a module must not import the composition (src/app): ${specifier}`;
  if (
    importer.area === 'module' &&
    target.area === 'module' &&
    target.module !== importer.module &&
    target.rest !== 'index.ts'
  )
    return `import module ${target.module} only through its index.ts: ${specifier}`;
  if (importer.domain && !target.domain && !typeOnly)
    return `a domain/ folder imports only domain code (no I/O): ${specifier}`;
  return null;
}

/** `import type { … }`, or an import whose every name is marked `type`: erased from the program. */
function isTypeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const names = node.specifiers ?? [];
  return names.length > 0 && names.every((s) => s.importKind === 'type' || s.exportKind === 'type');
}

const rule = {
  meta: {
    type: 'problem',
    schema: [],
    docs: { description: 'module boundaries and pure domain folders' },
  },
  create(context) {
    const file = context.filename;
    const importer = place(file);
    if (importer.area === 'outside') return {};
    function check(node, source, typeOnly = false) {
      if (!source || typeof source.value !== 'string') return;
      const specifier = source.value;
      if (!specifier.startsWith('.')) {
        if (importer.domain && !pureDomainPackages.has(specifier.split('/')[0]))
          context.report({ node, message: `a domain/ folder uses no package with I/O: ${specifier}` });
        return;
      }
      const target = place(path.resolve(path.dirname(file), specifier));
      const message = problem(importer, target, specifier, typeOnly);
      if (message) context.report({ node, message });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source, isTypeOnly(node)),
      ExportNamedDeclaration: (node) => check(node, node.source, isTypeOnly(node)),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

export default { rules: { 'module-boundaries': rule } };
