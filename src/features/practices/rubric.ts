import type { RubricEntry } from '../../db/schema/practices.ts';
import type { FieldErrors } from '../../platform/forms.ts';
import { CRITERIA, MINIMUM_SCORE_TO_PUBLISH, isScore, type CriterionId } from './criteria.ts';
import { isDecision, type Decision } from '../../editorial/workflow.ts';

/**
 * The editor's review form: a score and a comment per publication criterion, a decision and a
 * message to the author. Field ids follow the criteria, so the form cannot ask about anything
 * the criteria page does not explain.
 */

export const COMMENT_MAX = 2_000;
export const MESSAGE_MAX = 5_000;

export const scoreFieldId = (id: CriterionId): string => `score-${id}`;
export const commentFieldId = (id: CriterionId): string => `comment-${id}`;

export interface RubricForm {
  scores: Partial<Record<CriterionId, string>>;
  comments: Partial<Record<CriterionId, string>>;
  decision: string;
  message: string;
}

export const EMPTY_RUBRIC_FORM: RubricForm = { scores: {}, comments: {}, decision: '', message: '' };

/** Every field the review form sends, for the JSON schema at the edge. */
export const RUBRIC_FIELDS: readonly string[] = [
  'decision',
  'message',
  'version',
  ...CRITERIA.flatMap((criterion) => [scoreFieldId(criterion.id), commentFieldId(criterion.id)]),
];

function text(body: Readonly<Record<string, unknown>>, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value : '';
}

export function readRubricForm(rawBody: unknown): RubricForm {
  const body = (typeof rawBody === 'object' && rawBody !== null ? rawBody : {}) as Readonly<Record<string, unknown>>;
  return {
    scores: Object.fromEntries(CRITERIA.map((c) => [c.id, text(body, scoreFieldId(c.id))])),
    comments: Object.fromEntries(CRITERIA.map((c) => [c.id, text(body, commentFieldId(c.id))])),
    decision: text(body, 'decision'),
    message: text(body, 'message'),
  };
}

export type CheckedRubric = { ok: true; rubric: RubricEntry[]; decision: Decision; message: string } | { ok: false; errors: FieldErrors };

/** Checks the review form; in the order the fields appear, so the error summary reads down the page. */
export function checkRubric(form: RubricForm): CheckedRubric {
  const errors: Record<string, string> = {};
  const rubric: RubricEntry[] = [];
  for (const { id } of CRITERIA) {
    const raw = form.scores[id] ?? '';
    const score = /^\d$/.test(raw) ? Number(raw) : Number.NaN;
    if (!isScore(score)) errors[scoreFieldId(id)] = 'practices.errors.scoreRequired';
    const comment = (form.comments[id] ?? '').trim();
    if (comment.length > COMMENT_MAX) errors[commentFieldId(id)] = 'practices.errors.commentTooLong';
    rubric.push({ criterion: id, score, comment });
  }
  const message = form.message.trim();
  if (!isDecision(form.decision)) errors.decision = 'practices.errors.decisionRequired';
  else if (form.decision === 'publish' && rubric.some((entry) => entry.score < MINIMUM_SCORE_TO_PUBLISH)) {
    errors.decision = 'practices.errors.publishBelowMinimum';
  }
  // Asking for changes or declining without saying why leaves the author stuck.
  if (!message && (form.decision === 'request_changes' || form.decision === 'decline')) errors.message = 'practices.errors.messageRequired';
  if (message.length > MESSAGE_MAX) errors.message = 'practices.errors.messageTooLong';
  if (Object.keys(errors).length > 0 || !isDecision(form.decision)) return { ok: false, errors };
  return { ok: true, rubric, decision: form.decision, message };
}

/** The stored rubric back as a form, e.g. to show the author what the editor scored. */
export function rubricFormOf(rubric: readonly RubricEntry[], decision: string, message: string): RubricForm {
  return {
    scores: Object.fromEntries(rubric.map((entry) => [entry.criterion, String(entry.score)])),
    comments: Object.fromEntries(rubric.map((entry) => [entry.criterion, entry.comment])),
    decision,
    message,
  };
}
