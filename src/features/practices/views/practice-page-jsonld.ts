import { countryName } from '../../../lib/countries.ts';
import type { Locale } from '../../../platform/i18n.ts';
import { termLabel } from '../../taxonomies/index.ts';
import { aggregateRatingJsonLd } from '../../../engagement/index.ts';
import type { PracticePage } from '../page-service.ts';
import { isoDate } from '../../../ui/format.ts';

/**
 * schema.org metadata for search engines and other sites: what the practice is, where and when it
 * happens, who runs it and how members rate it.
 */
export function practiceJsonLd(page: PracticePage, options: { url: string; siteUrl: string; siteName: string; locale: Locale; urlOf: (slug: string) => string }) {
  const { row, terms, organisations } = page.detail;
  const start = row.start_date ? isoDate(row.start_date) : undefined;
  const end = row.end_date ? isoDate(row.end_date) : undefined;
  const places: Record<string, unknown>[] = row.countries.map((code) => ({
    '@type': 'Country',
    name: countryName(code, 'en'),
    identifier: code,
  }));
  if (row.city_name && row.city_latitude !== null && row.city_longitude !== null) {
    places.unshift({
      '@type': 'City',
      name: row.city_name,
      geo: { '@type': 'GeoCoordinates', latitude: row.city_latitude, longitude: row.city_longitude },
    });
  }
  const organisation = (name: string) => ({ '@type': 'Organization', name });
  return {
    '@context': 'https://schema.org',
    '@type': 'CreativeWork',
    '@id': options.url,
    url: options.url,
    name: row.title,
    description: row.summary,
    inLanguage: row.language,
    ...(row.published_at ? { datePublished: row.published_at.toISOString() } : {}),
    dateModified: row.updated_at.toISOString(),
    keywords: terms.map((term) => termLabel(term, options.locale)).join(', '),
    ...(places.length > 0 ? { spatialCoverage: places } : {}),
    ...(start ? { temporalCoverage: `${start}/${end ?? '..'}` } : {}),
    creator: organisations.filter((o) => o.role === 'implementing').map((o) => organisation(o.name)),
    contributor: organisations.filter((o) => o.role === 'partner').map((o) => organisation(o.name)),
    ...(row.adapted_from_slug && row.adapted_from_status === 'published' ? { isBasedOn: options.urlOf(row.adapted_from_slug) } : {}),
    ...aggregateRatingJsonLd(page.engagement.rating),
    publisher: { '@type': 'Organization', name: options.siteName, url: options.siteUrl },
  };
}
