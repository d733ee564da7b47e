/**
 * Languages content can be written in (ISO 639-1), each with a text search configuration in the
 * database (`bridges_<language>`, migration 012): every kind of content uses the same list.
 */
export const CONTENT_LANGUAGES = ['en', 'fr', 'es', 'ar', 'pt', 'de', 'it', 'nl'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

/**
 * Languages a member may say they speak (ISO 639-1): those of the content, and those most spoken
 * by people on the move and the people who work with them. Names come from Intl.DisplayNames.
 */
export const SPOKEN_LANGUAGES = [
  ...CONTENT_LANGUAGES,
  'am', 'bn', 'el', 'fa', 'ha', 'hi', 'ku', 'ln', 'pl', 'ps', 'ro', 'ru', 'so', 'sq', 'sw', 'ta', 'ti', 'tl', 'tr', 'uk', 'ur', 'wo', 'yo', 'zh',
] as const;

export function isSpokenLanguage(value: string): boolean {
  return (SPOKEN_LANGUAGES as readonly string[]).includes(value);
}
