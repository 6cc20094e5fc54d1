/**
 * Catalog texts (service and document names and descriptions) in the reader's language (pure). The api sends them as
 * `texts`, German first and then the English and Leichte Sprache ones the office wrote, like the legal pages' texts;
 * a reader whose language has none gets the German text, which the page marks `lang="de"`.
 */

/** Leichte Sprache as a language tag (German with a private-use subtag; "de-LS" would be German as in Lesotho). */
export const EASY_GERMAN = 'de-x-ls';

/** The catalog language a citizen app asks for: Leichte Sprache while it is on and German is the interface language. */
export function catalogLanguage(interfaceLanguage: string, easyLanguage: boolean): string {
  return easyLanguage && interfaceLanguage === 'de' ? EASY_GERMAN : interfaceLanguage;
}

type Text = { language: string; name: string; description: string };

/**
 * The item's name and description in `language`, or the German ones with `lang: 'de'` (a fallback readers of another
 * language should hear as German). Without `texts` the item's own (German) name and description stand in.
 */
export function catalogTextFor(
  item: { name: string; description?: string | null; texts?: readonly Text[] | null },
  language: string,
): { name: string; description: string; lang: 'de' | undefined } {
  const texts = item.texts ?? [];
  const base = language.toLowerCase() === EASY_GERMAN ? EASY_GERMAN : language.toLowerCase().split('-')[0];
  const own = base === 'de' ? undefined : texts.find((t) => t.language === base);
  if (own) return { name: own.name, description: own.description, lang: undefined };
  const german = texts.find((t) => t.language === 'de');
  return {
    name: german?.name ?? item.name,
    description: german?.description ?? item.description ?? '',
    lang: base === 'de' ? undefined : 'de',
  };
}
