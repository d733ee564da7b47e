/**
 * Atom 1.0 feeds of any kind of content: the kind gives its entries, this writes valid XML with
 * every piece of user text escaped.
 */

// XML 1.0 forbids most control characters even when escaped: they are dropped from user text.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

export interface AtomEntry {
  url: string;
  title: string;
  /** ISO 639-1 code of the entry's language. */
  language: string;
  published: Date;
  summary: string;
  categories: readonly { term: string; label: string }[];
}

export interface AtomFeed {
  selfUrl: string;
  /** The HTML page that lists the same entries. */
  alternateUrl: string;
  title: string;
  subtitle: string;
  authorName: string;
  locale: string;
  entries: readonly AtomEntry[];
}

function entryXml(entry: AtomEntry): string {
  const categories = entry.categories.map(
    (category) => `    <category term="${escapeXml(category.term)}" label="${escapeXml(category.label)}"/>`,
  );
  return [
    '  <entry>',
    `    <id>${escapeXml(entry.url)}</id>`,
    `    <title type="text">${escapeXml(entry.title)}</title>`,
    `    <link rel="alternate" type="text/html" hreflang="${escapeXml(entry.language)}" href="${escapeXml(entry.url)}"/>`,
    `    <published>${entry.published.toISOString()}</published>`,
    `    <updated>${entry.published.toISOString()}</updated>`,
    `    <summary type="text" xml:lang="${escapeXml(entry.language)}">${escapeXml(entry.summary)}</summary>`,
    ...categories,
    '  </entry>',
  ].join('\n');
}

/** The feed as XML; `updated` is the newest entry's date (the epoch for an empty feed). */
export function atomXml(feed: AtomFeed): string {
  const updated = feed.entries[0]?.published ?? new Date(0);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.locale)}">`,
    `  <id>${escapeXml(feed.selfUrl)}</id>`,
    `  <title type="text">${escapeXml(feed.title)}</title>`,
    `  <subtitle type="text">${escapeXml(feed.subtitle)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternateUrl)}"/>`,
    `  <updated>${updated.toISOString()}</updated>`,
    `  <author><name>${escapeXml(feed.authorName)}</name></author>`,
    ...feed.entries.map(entryXml),
    '</feed>',
    '',
  ].join('\n');
}

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';
