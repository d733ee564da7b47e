import { isCountryCode } from '../../lib/countries.ts';
import { CONTENT_LANGUAGES, isSpokenLanguage, type ContentLanguage } from '../../lib/languages.ts';
import { isTimeZone } from '../../lib/time-zones.ts';
import { safeHttpUrl } from '../../ui/format.ts';
import { isIntegerWithin, readList, type FieldErrors } from '../../platform/forms.ts';
import { instantOf, localInputOf, recurrenceRuleOf } from './time.ts';

/** An event as its form gives it, and the rules that make it one worth saving. */

export const EVENT_FORMATS = ['in_person', 'online', 'hybrid'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

export const LIMITS = { title: 200, description: 30_000, venue: 300, address: 500, url: 2000, capacity: 100_000, linked: 20, recurrence: 200 } as const;
const LIST_MAX = 40;

/** The form's values as posted. Times are wall-clock times (`2026-12-10T18:00`) in `timeZone`. */
export interface EventFormValues {
  title: string;
  description: string;
  language: string;
  languages: string[];
  topics: string[];
  startsAt: string;
  endsAt: string;
  timeZone: string;
  recurrence: string;
  format: string;
  venue: string;
  address: string;
  city: string;
  country: string;
  joinUrl: string;
  capacity: string;
  registrationDeadline: string;
  practices: string;
  resources: string;
  organisation: string;
}

export const EMPTY_EVENT_FORM: EventFormValues = {
  title: '', description: '', language: '', languages: [], topics: [], startsAt: '', endsAt: '', timeZone: 'UTC', recurrence: '', format: 'in_person',
  venue: '', address: '', city: '', country: '', joinUrl: '', capacity: '', registrationDeadline: '', practices: '', resources: '', organisation: '',
};

const TEXT_FIELDS = ['title', 'description', 'language', 'startsAt', 'endsAt', 'timeZone', 'recurrence', 'format', 'venue', 'address', 'city', 'country', 'joinUrl', 'capacity', 'registrationDeadline', 'practices', 'resources', 'organisation'] as const;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

const list = (value: unknown): string[] => readList(value, LIST_MAX);

export function readEventForm(body: unknown): EventFormValues {
  const fields = (body ?? {}) as Record<string, unknown>;
  const values = Object.fromEntries(TEXT_FIELDS.map((name) => [name, text(fields[name])])) as Record<(typeof TEXT_FIELDS)[number], string>;
  return { ...values, languages: list(fields.languages), topics: list(fields.topics) };
}

/** Slugs typed one per line or separated by commas. */
export function slugList(value: string): string[] {
  return [...new Set(value.split(/[\s,]+/).map((slug) => slug.trim()).filter(Boolean))];
}

/** What the service saves, checked. */
export interface EventInput {
  title: string;
  description: string;
  language: ContentLanguage;
  languages: string[];
  topics: string[];
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  recurrence: string | null;
  format: EventFormat;
  venue: string;
  address: string;
  citySlug: string | null;
  country: string | null;
  joinUrl: string | null;
  capacity: number | null;
  registrationDeadline: Date | null;
  practices: string[];
  resources: string[];
  organisationId: number | null;
}

/**
 * The checked input, or the errors of every field at once. Cities, topics, organisations and
 * linked items are checked against the database by the service.
 */
export function checkEventForm(form: EventFormValues, topicCodes: ReadonlySet<string>): { input?: EventInput; errors: FieldErrors } {
  const errors: Record<string, string> = {};
  const title = form.title.trim();
  if (!title) errors.title = 'events.errors.titleRequired';
  else if (title.length > LIMITS.title) errors.title = 'events.errors.titleTooLong';
  const description = form.description.trim();
  if (description.length > LIMITS.description) errors.description = 'events.errors.descriptionTooLong';
  const language = CONTENT_LANGUAGES.find((code) => code === form.language);
  if (!language) errors.language = 'events.errors.languageRequired';
  if (!form.languages.every(isSpokenLanguage)) errors.languages = 'events.errors.languageUnknown';
  if (!form.topics.every((code) => topicCodes.has(code))) errors.topics = 'events.errors.topicUnknown';
  const timeZone = form.timeZone.trim();
  const zoneKnown = isTimeZone(timeZone);
  if (!zoneKnown) errors.timeZone = 'events.errors.timeZoneUnknown';
  const startsAt = zoneKnown ? instantOf(form.startsAt.trim(), timeZone) : undefined;
  const endsAt = zoneKnown ? instantOf(form.endsAt.trim(), timeZone) : undefined;
  if (zoneKnown && !startsAt) errors.startsAt = 'events.errors.startInvalid';
  if (zoneKnown && !endsAt) errors.endsAt = 'events.errors.endInvalid';
  else if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) errors.endsAt = 'events.errors.endBeforeStart';
  const recurrenceText = form.recurrence.trim();
  const recurrence = recurrenceText ? recurrenceRuleOf(recurrenceText) : null;
  if (recurrenceText.length > LIMITS.recurrence || recurrence === undefined) errors.recurrence = 'events.errors.recurrenceInvalid';
  const format = EVENT_FORMATS.find((candidate) => candidate === form.format);
  if (!format) errors.format = 'events.errors.formatRequired';
  const venue = form.venue.trim();
  const address = form.address.trim();
  if (venue.length > LIMITS.venue) errors.venue = 'events.errors.venueTooLong';
  if (address.length > LIMITS.address) errors.address = 'events.errors.addressTooLong';
  if (format && format !== 'online' && !venue) errors.venue = 'events.errors.venueRequired';
  const country = form.country.trim().toUpperCase();
  if (country && !isCountryCode(country)) errors.country = 'events.errors.countryUnknown';
  const joinText = form.joinUrl.trim();
  const joinUrl = joinText ? safeHttpUrl(joinText) : null;
  if (joinText && (!joinUrl || joinText.length > LIMITS.url)) errors.joinUrl = 'events.errors.joinUrlInvalid';
  if (format && format !== 'in_person' && !joinText) errors.joinUrl = 'events.errors.joinUrlRequired';
  const capacityText = form.capacity.trim();
  const capacity = capacityText ? Number(capacityText) : null;
  if (capacity !== null && (!/^\d{1,7}$/.test(capacityText) || !isIntegerWithin(capacity, { min: 1, max: LIMITS.capacity }))) errors.capacity = 'events.errors.capacityInvalid';
  const deadlineText = form.registrationDeadline.trim();
  const registrationDeadline = deadlineText && zoneKnown ? instantOf(deadlineText, timeZone) : null;
  if (deadlineText && zoneKnown && !registrationDeadline) errors.registrationDeadline = 'events.errors.deadlineInvalid';
  else if (registrationDeadline && endsAt && registrationDeadline.getTime() > endsAt.getTime()) errors.registrationDeadline = 'events.errors.deadlineAfterEnd';
  const practices = slugList(form.practices);
  const resources = slugList(form.resources);
  if (practices.length > LIMITS.linked) errors.practices = 'events.errors.tooManyLinks';
  if (resources.length > LIMITS.linked) errors.resources = 'events.errors.tooManyLinks';
  const organisationText = form.organisation.trim();
  const organisationId = organisationText ? Number(organisationText) : null;
  if (organisationText && !/^[1-9]\d{0,8}$/.test(organisationText)) errors.organisation = 'events.errors.organisationNotYours';
  if (Object.keys(errors).length > 0 || !language || !format || !startsAt || !endsAt || recurrence === undefined) return { errors };
  return {
    errors,
    input: {
      title, description, language, languages: form.languages, topics: form.topics, startsAt, endsAt, timeZone, recurrence, format,
      venue: format === 'online' ? '' : venue,
      address: format === 'online' ? '' : address,
      citySlug: form.city.trim() || null,
      country: country || null,
      joinUrl: joinUrl ?? null,
      capacity, registrationDeadline: registrationDeadline ?? null, practices, resources, organisationId,
    },
  };
}

/** The form of a saved event, for editing it. */
export function formValuesOf(event: {
  title: string; description: string; language: string; languages: string[]; topics: string[]; starts_at: Date; ends_at: Date; time_zone: string;
  recurrence: string | null; format: string; venue: string; address: string; city_slug: string | null; country: string | null; join_url: string | null;
  capacity: number | null; registration_deadline: Date | null; practice_slugs: string[]; resource_slugs: string[]; organisation_id: number | null;
}): EventFormValues {
  return {
    title: event.title, description: event.description, language: event.language, languages: event.languages, topics: event.topics,
    startsAt: localInputOf(event.starts_at, event.time_zone), endsAt: localInputOf(event.ends_at, event.time_zone), timeZone: event.time_zone,
    recurrence: event.recurrence ?? '', format: event.format, venue: event.venue, address: event.address, city: event.city_slug ?? '',
    country: event.country?.trim() ?? '', joinUrl: event.join_url ?? '', capacity: event.capacity === null ? '' : String(event.capacity),
    registrationDeadline: event.registration_deadline ? localInputOf(event.registration_deadline, event.time_zone) : '',
    practices: event.practice_slugs.join('\n'), resources: event.resource_slugs.join('\n'), organisation: event.organisation_id === null ? '' : String(event.organisation_id),
  };
}
