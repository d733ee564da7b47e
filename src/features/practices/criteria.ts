/**
 * The publication criteria: the one definition behind both the public page that explains what
 * gets published (`/practices/criteria`) and the rubric editors score submissions with, so the
 * two cannot drift apart. Names and descriptions are translation keys under
 * `practices.criteria.items.<id>`.
 */

export const CRITERION_IDS = [
  'relevance',
  'clarity',
  'participation',
  'results',
  'transferability',
  'sustainability',
  'ethics',
] as const;
export type CriterionId = (typeof CRITERION_IDS)[number];

export interface Criterion {
  id: CriterionId;
  nameKey: string;
  descriptionKey: string;
}

export const CRITERIA: readonly Criterion[] = CRITERION_IDS.map((id) => ({
  id,
  nameKey: `practices.criteria.items.${id}.name`,
  descriptionKey: `practices.criteria.items.${id}.description`,
}));

/** 0 not met, 1 partly, 2 largely, 3 fully met; labels under `practices.criteria.scale.<n>`. */
export const SCORES = [0, 1, 2, 3] as const;
export type Score = (typeof SCORES)[number];

/** A practice is published only when every criterion scores at least this. */
export const MINIMUM_SCORE_TO_PUBLISH: Score = 1;

export const scoreLabelKey = (score: number): string => `practices.criteria.scale.${score}`;

export function isCriterionId(value: string): value is CriterionId {
  return (CRITERION_IDS as readonly string[]).includes(value);
}

export function isScore(value: number): value is Score {
  return (SCORES as readonly number[]).includes(value);
}
