import path from 'node:path';
import { describe, it } from 'node:test';
import { RuleTester, type Rule } from 'eslint';
import tsParser from '@typescript-eslint/parser';
// @ts-expect-error -- the rule is plain JavaScript without types, loaded as ESLint loads it
import plugin from '../../../eslint-rules/module-boundaries.js';

// RuleTester reports through the test framework's hooks; node:test provides them.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const src = path.resolve(import.meta.dirname, '../../../src');
const at = (file: string) => path.join(src, file);
const tester = new RuleTester({ languageOptions: { parser: tsParser, ecmaVersion: 2022, sourceType: 'module' } });
const rule = (plugin as { rules: Record<string, Rule.RuleModule> }).rules['module-boundaries'];
if (!rule) throw new Error('the module-boundaries rule is missing');

tester.run('module-boundaries', rule, {
  valid: [
    { filename: at('modules/reports/services/x.ts'), code: "import { a } from '../../support/index.ts';" },
    { filename: at('modules/reports/services/x.ts'), code: "import { a } from './y.ts';" },
    { filename: at('modules/cases/api/x.ts'), code: "import { a } from '../../../platform/db/schema.ts';" },
    { filename: at('app/x.ts'), code: "import { a } from '../modules/cases/services/y.ts';" },
    { filename: at('platform/web/x.ts'), code: "import { a } from '../db/y.ts';" },
    { filename: at('modules/reports/domain/x.ts'), code: "import type { A } from '../../support/index.ts';" },
    { filename: at('modules/reports/domain/x.ts'), code: "import { type A } from '../services/y.ts';" },
    { filename: at('modules/reports/domain/x.ts'), code: "import { z } from 'zod';" },
    { filename: at('modules/x/domain/y.ts'), code: "import { a } from '../../../platform/domain/clock.ts';" },
  ],
  invalid: [
    {
      filename: at('platform/jobs/x.ts'),
      code: "import { a } from '../../modules/cases/index.ts';",
      errors: [{ message: 'platform must not import module cases: ../../modules/cases/index.ts' }],
    },
    {
      filename: at('platform/x.ts'),
      code: "export { a } from '../app/y.ts';",
      errors: [{ message: 'platform must not import the composition (src/app): ../app/y.ts' }],
    },
    {
      filename: at('modules/reports/services/x.ts'),
      code: "import type { A } from '../../support/domain/y.ts';",
      errors: [{ message: 'import module support only through its index.ts: ../../support/domain/y.ts' }],
    },
    {
      filename: at('modules/reports/services/x.ts'),
      code: "const m = await import('../../usage/services/y.ts');",
      errors: [{ message: 'import module usage only through its index.ts: ../../usage/services/y.ts' }],
    },
    {
      filename: at('modules/cases/web/x.tsx'),
      code: "import { a } from '../../../app/modules.ts';",
      errors: [{ message: 'a module must not import the composition (src/app): ../../../app/modules.ts' }],
    },
    {
      filename: at('modules/reports/domain/x.ts'),
      code: "import { a } from '../services/y.ts';",
      errors: [{ message: 'a domain/ folder imports only domain code (no I/O): ../services/y.ts' }],
    },
    {
      filename: at('modules/reports/domain/x.ts'),
      code: "import { readFileSync } from 'node:fs';",
      errors: [{ message: 'a domain/ folder uses no package with I/O: node:fs' }],
    },
  ],
});
