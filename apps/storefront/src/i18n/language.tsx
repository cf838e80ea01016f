import { createContext, type ComponentChildren } from 'preact';
import { useContext, useLayoutEffect, useState } from 'preact/hooks';
import { en } from './en';
import { ptBR, type Messages } from './pt-br';

/**
 * Two languages need no i18n library: a typed dictionary each (en.ts must match pt-br.ts, or the
 * build fails) and a context to pick one. Portuguese unless the buyer chose English here before.
 */
const dictionaries = { 'pt-BR': ptBR, en } as const;
export type Language = keyof typeof dictionaries;

const storageKey = 'language';
const LanguageContext = createContext<{ t: Messages; language: Language; toggle: () => void }>({
  t: ptBR,
  language: 'pt-BR',
  toggle: () => undefined,
});

export function LanguageProvider({ children }: { children: ComponentChildren }) {
  const [language, setLanguage] = useState<Language>(() =>
    localStorage.getItem(storageKey) === 'en' ? 'en' : 'pt-BR',
  );
  // Before the paint, in the same task as the text: the page never shows one language marked as
  // the other, to a screen reader or to a test reading the attribute once the text is there.
  useLayoutEffect(() => {
    document.documentElement.lang = language;
    localStorage.setItem(storageKey, language);
  }, [language]);
  const toggle = () => setLanguage((current) => (current === 'en' ? 'pt-BR' : 'en'));
  return (
    <LanguageContext.Provider value={{ t: dictionaries[language], language, toggle }}>
      {children}
    </LanguageContext.Provider>
  );
}

export const useLanguage = () => useContext(LanguageContext);
/** The words of the language the buyer reads. */
export const useT = () => useContext(LanguageContext).t;
