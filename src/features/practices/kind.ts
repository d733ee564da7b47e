import { tableKind } from '../../content/kinds.ts';

/** Practices as a content kind: how shared machinery (engagement, moderation, review) finds one. */

export const PRACTICE_KIND = 'practice';
export const PRACTICES_PATH = '/practices';

export const practiceKind = tableKind({
  name: PRACTICE_KIND,
  basePath: PRACTICES_PATH,
  table: 'practices',
  reviewPath: (slug) => `/review/${encodeURIComponent(slug)}`,
});

export const practiceRef = practiceKind.refOf;
