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
  {
    ignores: [
      '**/node_modules/',
      '.data/',
      '.tools/',
      '**/dist/',
      'packages/client/src/openapi-types.ts',
    ],
  },
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
  {
    // Tests read JSON bodies as they come and write small async stand-ins for other services.
    files: ['**/test/**/*.ts', '**/*.test.ts', 'packages/test-kit/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
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
  {
    // The image build scripts run on plain Node.
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
