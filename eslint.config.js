// Type-aware linting: floating promises and unsafe `any` are errors, so async mistakes fail `npm test`.
import tseslint from 'typescript-eslint';
import moduleBoundaries from './eslint-rules/module-boundaries.js';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      '.dist-staging/**',
      'data/**',
      'src/platform/web/assets/**',
      'scripts/**',
      'eslint.config.js',
      'eslint-rules/**',
      'bin/**',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // node:test's describe/it return promises that the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Read time from a Clock, not new Date().',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Read time from a Clock, not Date.now().',
        },
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read the environment through the configuration (src/platform/config), not process.env.',
        },
      ],
    },
  },
  {
    // The clock and the configuration are where time and the environment are read.
    files: ['src/platform/domain/clock.ts', 'src/platform/config/**', 'test/**', 'bench/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { niva: moduleBoundaries },
    rules: { 'niva/module-boundaries': 'error' },
  },
);
