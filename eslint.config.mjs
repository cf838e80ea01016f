import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ioLibraries = [
  'express',
  '@mikro-orm/*',
  '@dapr/*',
  'nodemailer',
  'pino',
  'pg',
  '@checkout/service-kit',
];

export default tseslint.config(
  { ignores: ['**/node_modules/', '.data/', '.tools/', 'packages/contracts/src/openapi-types.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['services/*/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ioLibraries, message: 'domain/ holds pure rules: no I/O libraries.' },
          ],
        },
      ],
    },
  },
  { files: ['**/*.mjs', '**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
