import { tableKind } from '../../content/kinds.ts';

/** Events as a content kind: how shared machinery (comments, reports, the review queue) finds one. */

export const EVENT_KIND = 'event';
export const EVENTS_PATH = '/events';
export const eventPath = (slug: string): string => `${EVENTS_PATH}/${encodeURIComponent(slug)}`;
export const eventReviewPath = (slug: string): string => `/review/events/${encodeURIComponent(slug)}`;

export const eventKind = tableKind({ name: EVENT_KIND, basePath: EVENTS_PATH, table: 'events', reviewPath: eventReviewPath });

export const eventRef = eventKind.refOf;
