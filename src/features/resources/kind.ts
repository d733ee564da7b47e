import { tableKind } from '../../content/kinds.ts';

/** Resources as a content kind: how shared machinery (engagement, moderation, review) finds one. */

export const RESOURCE_KIND = 'resource';
export const RESOURCES_PATH = '/resources';
export const resourceReviewPath = (slug: string): string => `/review/resources/${encodeURIComponent(slug)}`;

export const resourceKind = tableKind({ name: RESOURCE_KIND, basePath: RESOURCES_PATH, table: 'resources', reviewPath: resourceReviewPath });

export const resourceRef = resourceKind.refOf;
