/**
 * The parts of a practice record, in reading order. The form, the preview and review pages and
 * the history's diff all follow this one outline; headings live under
 * `practices.sections.<id>` and field labels under `practices.fields.<field>.label`.
 */

export const RECORD_SECTIONS = [
  { id: 'basics', fields: ['title', 'summary', 'language'] },
  { id: 'context', fields: ['background'] },
  { id: 'activities', fields: ['activities'] },
  { id: 'participants', fields: ['participants', 'peopleReached', 'targetGroups'] },
  { id: 'outcomes', fields: ['outcomes', 'evaluation', 'evidenceLevel'] },
  { id: 'lessons', fields: ['recommendations'] },
  { id: 'classification', fields: ['dimensions', 'pillars', 'topics', 'gcmObjectives', 'sdgTargets'] },
  { id: 'place', fields: ['countries', 'city', 'scale', 'startDate', 'endDate', 'ongoing'] },
  { id: 'organisations', fields: ['organisations'] },
  { id: 'funding', fields: ['fundingSource', 'budget'] },
  { id: 'links', fields: ['links'] },
  { id: 'contact', fields: ['contact'] },
  { id: 'adaptedFrom', fields: ['adaptedFrom'] },
  { id: 'confirmation', fields: ['lastConfirmedAt'] },
] as const;

export type RecordSectionId = (typeof RECORD_SECTIONS)[number]['id'];
export type RecordField = (typeof RECORD_SECTIONS)[number]['fields'][number];

/** Fields whose text is a list of separate items, compared line by line. */
export const LIST_RECORD_FIELDS: ReadonlySet<RecordField> = new Set<RecordField>([
  'targetGroups',
  'dimensions',
  'pillars',
  'topics',
  'gcmObjectives',
  'sdgTargets',
  'countries',
  'organisations',
  'links',
]);

/** Personal data: shown only to people who may edit the practice, and in public only with consent. */
export const PRIVATE_RECORD_FIELDS: ReadonlySet<RecordField> = new Set<RecordField>(['contact']);

/** Bookkeeping rather than content: kept in the record, left out of the history's diff. */
export const UNDIFFED_RECORD_FIELDS: ReadonlySet<RecordField> = new Set<RecordField>(['lastConfirmedAt']);
