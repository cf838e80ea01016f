import { leadLanguage } from './lead-language';

describe("a lead's language", () => {
  it('is the one the lead asked for, whatever the browser prefers', () => {
    expect(leadLanguage('en', 'pt-BR,pt;q=0.9', 'pt-BR')).toBe('en');
  });

  it.each([
    ['en-US,en;q=0.9,pt;q=0.8', 'en'],
    ['pt-BR,pt;q=0.9,en;q=0.8', 'pt-BR'],
    ['pt;q=0.9,en;q=0.5', 'pt-BR'],
    ['fr-FR,en;q=0.3', 'en'],
  ] as const)("follows the browser's best match for Accept-Language %s", (header, language) => {
    expect(leadLanguage(undefined, header, 'pt-BR')).toBe(language);
  });

  it.each([
    ['no Accept-Language', undefined],
    ['a browser preferring only languages the platform does not write in', 'fr-FR,de;q=0.5'],
    ['a browser accepting any language', '*'],
  ])('is the platform default for %s', (_, header) => {
    expect(leadLanguage(undefined, header, 'en')).toBe('en');
    expect(leadLanguage(undefined, header, 'pt-BR')).toBe('pt-BR');
  });
});
