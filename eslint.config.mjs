// ESLint (flat config): typescript-eslint's recommended rules, kept modest so the rules guard real mistakes, plus the
// boundary of the language core. Cycles (type-only imports included), the boundary by resolved path and name stems
// are checked by scripts/check-imports.mjs, which `npm run lint` runs after ESLint: import/no-cycle skips
// `import type`, and the commandLine <-> request cycle of issue 21 had a type-only leg.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = builtinModules.filter((m) => !m.startsWith('_'));
const THROUGH_THE_INDEX = 'Outside core/, import the language core through core/src/index.ts only (issue 21: one public face).';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'out/', '.e2e/', '.vscode-test-web/', 'test-results/', 'bench/results/', 'test/fixtures/', '.scratch/', '**/*.d.mts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // TypeScript checks undefined names with the real types (tsconfig: strict); the core rule knows neither them nor
      // which of Node's and the browser's globals a file may use.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The language core runs in the server, the extension (desktop and web), the CLI and a web worker: it imports
    // nothing of the programs around it, no vscode and no Node built-in.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The core does not import vscode: it runs outside the editor too.' }],
          patterns: [
            { group: ['node:*', ...NODE_BUILTINS], message: 'The core does not import Node built-ins: it runs in a web worker too.' },
            { regex: '(^|/)(client|server|api|cli|bench|scripts|test)/', message: 'The core imports nothing of client/, server/, api/, cli/ or the tools.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts', 'client/**/*.ts', 'cli/**/*.ts', 'api/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)core/src/(?!index$)', message: THROUGH_THE_INDEX }] }],
    },
  },
);
