import { franc } from 'franc';

/** franc names languages in ISO 639-3; Bridges stores ISO 639-1. */
const ISO_639_3_TO_1: Readonly<Record<string, string>> = {
  eng: 'en',
  fra: 'fr',
  spa: 'es',
  arb: 'ar',
  por: 'pt',
  deu: 'de',
  ita: 'it',
  nld: 'nl',
};

/**
 * Below this many characters the guess is unreliable (franc reads short English as French, for
 * one), so we would rather not guess and let the author say.
 */
export const MIN_DETECTABLE_LENGTH = 120;

/**
 * The language `text` is written in, among `candidates` (ISO 639-1), or null when the text is
 * too short or matches none of them well enough to say.
 */
export function detectLanguage(text: string, candidates: readonly string[]): string | null {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (trimmed.length < MIN_DETECTABLE_LENGTH) return null;
  const only = Object.entries(ISO_639_3_TO_1)
    .filter(([, code]) => candidates.includes(code))
    .map(([iso3]) => iso3);
  const guess = franc(trimmed, { only, minLength: MIN_DETECTABLE_LENGTH });
  return ISO_639_3_TO_1[guess] ?? null;
}
