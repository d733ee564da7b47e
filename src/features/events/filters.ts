import { isCountryCode } from '../../lib/countries.ts';
import { isSpokenLanguage } from '../../lib/languages.ts';
import type { EventFilters } from './queries.ts';

/**
 * The filters of the list, the month view, the calendar file, the feed and the API, read from a
 * query string. A value we do not know is dropped and said so, never an error page.
 */

export interface RawEventQuery {
  when?: string;
  country?: string;
  city?: string;
  attendance?: string;
  topic?: string;
  language?: string;
  month?: string;
  page?: string;
}

export interface EventListQuery {
  when: 'upcoming' | 'past';
  country?: string;
  city?: string;
  attendance?: 'online' | 'in_person';
  topic?: string;
  language?: string;
  month?: string;
  /** Some value was not one we know and was left out. */
  ignored: boolean;
}

const param = { type: 'string', maxLength: 100 } as const;
export const eventQuerySchema = {
  type: 'object',
  properties: { when: param, country: param, city: param, attendance: param, topic: param, language: param, month: param, page: { type: 'string', maxLength: 12 } },
} as const;

export function readEventQuery(raw: RawEventQuery, knownTopic: (code: string) => boolean, knownCity: (slug: string) => boolean): EventListQuery {
  let ignored = false;
  const keep = <T extends string>(value: string | undefined, ok: (value: string) => value is T): T | undefined => {
    if (value === undefined || value === '') return undefined;
    if (ok(value)) return value;
    ignored = true;
    return undefined;
  };
  const country = raw.country?.trim().toUpperCase();
  const query: EventListQuery = {
    when: raw.when === 'past' ? 'past' : 'upcoming',
    country: keep(country, (value): value is string => isCountryCode(value)),
    city: keep(raw.city, (value): value is string => knownCity(value)),
    attendance: keep(raw.attendance, (value): value is 'online' | 'in_person' => value === 'online' || value === 'in_person'),
    topic: keep(raw.topic, (value): value is string => knownTopic(value)),
    language: keep(raw.language, (value): value is string => isSpokenLanguage(value)),
    ignored: false,
  };
  return { ...query, ignored };
}

export function eventQueryString(query: Omit<EventListQuery, 'ignored'> & { ignored?: boolean }, page = 1): string {
  const params = new URLSearchParams();
  if (query.when === 'past') params.set('when', 'past');
  if (query.month) params.set('month', query.month);
  if (query.country) params.set('country', query.country);
  if (query.city) params.set('city', query.city);
  if (query.attendance) params.set('attendance', query.attendance);
  if (query.topic) params.set('topic', query.topic);
  if (query.language) params.set('language', query.language);
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function filtersOf(query: EventListQuery, topicId: number | undefined): EventFilters {
  return { country: query.country, citySlug: query.city, attendance: query.attendance, topicId, language: query.language };
}
