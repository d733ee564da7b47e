/** Lower-case ASCII words joined by hyphens, for handles and slugs. */
export function slugify(text: string, maxLength = 60): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}

// Deliberately simple: one @, something on each side, a dot in the domain, no spaces.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && EMAIL_PATTERN.test(value);
}

export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * `base`, or `base-2`, `base-3`… : the first slug that is neither taken nor one of the fixed path
 * segments next to the collection's items (`new`, `mine`…).
 */
export function nextFreeSlug(base: string, taken: ReadonlySet<string>, reserved: ReadonlySet<string>): string {
  if (!taken.has(base) && !reserved.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) if (!taken.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
}

/** Percent-decoded text, or the text as it is when its escapes are broken (`%`, `%E0%A4%A`). */
export function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
