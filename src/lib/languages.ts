/**
 * Languages content can be written in (ISO 639-1), each with a text search configuration in the
 * database (`bridges_<language>`, migration 012): every kind of content uses the same list.
 */
export const CONTENT_LANGUAGES = ['en', 'fr', 'es', 'ar', 'pt', 'de', 'it', 'nl'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];
