import { tableKind } from '../../content/kinds.ts';

/** Myths as a content kind: how shared machinery (ratings, comments, reports, the review queue) finds one. */

export const MYTH_KIND = 'myth';
export const MYTHS_PATH = '/myths';
export const mythPath = (slug: string): string => `${MYTHS_PATH}/${encodeURIComponent(slug)}`;
export const mythReviewPath = (slug: string): string => `/review/myths/${encodeURIComponent(slug)}`;

export const mythKind = tableKind({ name: MYTH_KIND, basePath: MYTHS_PATH, table: 'myths', reviewPath: mythReviewPath });

export const mythRef = mythKind.refOf;
