import { languages, type Language } from '@checkout/contracts';
import Negotiator from 'negotiator';

/**
 * The language a lead is written to in: the one it asked for; else the best match of its
 * browser's Accept-Language among the languages the platform writes in; else the platform
 * default. The default is offered first, so `*` or a tie settles on it.
 */
export function leadLanguage(
  requested: Language | undefined,
  acceptLanguage: string | undefined,
  platformDefault: Language,
): Language {
  if (requested) return requested;
  if (!acceptLanguage) return platformDefault;
  const offered = [platformDefault, ...languages.filter((l) => l !== platformDefault)];
  const headers = { 'accept-language': acceptLanguage };
  return (new Negotiator({ headers }).language(offered) as Language | undefined) ?? platformDefault;
}
