import type { RubricEntry } from '../../../db/schema/practices.ts';
import type { ViewContext } from '../../../platform/context.ts';
import type { FieldErrors } from '../../../platform/forms.ts';
import { Radios, Textarea } from '../../../ui/fields.tsx';
import { Table } from '../../../ui/table.tsx';
import { CRITERIA, MINIMUM_SCORE_TO_PUBLISH, SCORES, scoreLabelKey } from '../criteria.ts';
import { commentFieldId, scoreFieldId, type RubricForm } from '../rubric.ts';
import type { Decision } from '../../../editorial/workflow.ts';
import { DateText } from './editorial-shared.tsx';

/**
 * Everything drawn from the publication criteria: the public explanation, the editors' rubric
 * and the rubric as the author reads it. All three walk CRITERIA and SCORES, nothing else.
 */

/** The score scale with what each point means. */
export function ScoreScale({ ctx }: { ctx: ViewContext }) {
  return (
    <dl class="summary-list">
      {SCORES.map((score) => (
        <div class="summary-list__row" key={score}>
          <dt class="summary-list__key">{score}</dt>
          <dd class="summary-list__value">{ctx.t(scoreLabelKey(score))}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The public page's list: each criterion's name and what editors look for. */
export function CriteriaList({ ctx }: { ctx: ViewContext }) {
  return (
    <ol class="criteria-list">
      {CRITERIA.map((criterion) => (
        <li key={criterion.id} id={`criterion-${criterion.id}`}>
          <h3>{ctx.t(criterion.nameKey)}</h3>
          <p>{ctx.t(criterion.descriptionKey)}</p>
        </li>
      ))}
    </ol>
  );
}

export function PublicationRule({ ctx }: { ctx: ViewContext }) {
  return <p>{ctx.t('practices.criteria.rule', { minimum: MINIMUM_SCORE_TO_PUBLISH, label: ctx.t(scoreLabelKey(MINIMUM_SCORE_TO_PUBLISH)) })}</p>;
}

/** The editors' fields: a score and a comment per criterion, its description as the hint. */
export function RubricFields({ ctx, form, errors }: { ctx: ViewContext; form: RubricForm; errors: FieldErrors }) {
  const errorPrefix = ctx.t('common.errorPrefix');
  const error = (id: string) => (errors[id] ? ctx.t(errors[id] as string) : undefined);
  return (
    <>
      {CRITERIA.map((criterion) => (
        <div key={criterion.id} class="rubric-criterion">
          <Radios
            id={scoreFieldId(criterion.id)}
            label={ctx.t(criterion.nameKey)}
            hint={ctx.t(criterion.descriptionKey)}
            error={error(scoreFieldId(criterion.id))}
            errorPrefix={errorPrefix}
            items={SCORES.map((score) => ({ value: String(score), label: `${score} – ${ctx.t(scoreLabelKey(score))}` }))}
            checked={form.scores[criterion.id]}
            inline
          />
          <Textarea
            id={commentFieldId(criterion.id)}
            label={ctx.t('practices.review.commentLabel', { criterion: ctx.t(criterion.nameKey) })}
            error={error(commentFieldId(criterion.id))}
            errorPrefix={errorPrefix}
            value={form.comments[criterion.id] ?? ''}
            rows={2}
          />
        </div>
      ))}
    </>
  );
}

/** A stored rubric as a table: criterion, score and comment. */
export function RubricTable({ ctx, rubric, caption }: { ctx: ViewContext; rubric: readonly RubricEntry[]; caption: string }) {
  const byCriterion = new Map(rubric.map((entry) => [entry.criterion, entry]));
  return (
    <Table
      caption={caption}
      head={[ctx.t('practices.review.criterion'), ctx.t('practices.review.score'), ctx.t('practices.review.comment')]}
      rowHeaders
      rows={CRITERIA.filter((criterion) => byCriterion.has(criterion.id)).map((criterion) => {
        const entry = byCriterion.get(criterion.id) as RubricEntry;
        return [ctx.t(criterion.nameKey), `${entry.score} – ${ctx.t(scoreLabelKey(entry.score))}`, entry.comment];
      })}
    />
  );
}

export interface ReviewFeedbackProps {
  ctx: ViewContext;
  review: { decision: Decision; rubric: RubricEntry[]; message: string; created_at: Date; reviewer_name: string | null };
}

/** The editors' latest decision as the author sees it on their practice. */
export function ReviewFeedback({ ctx, review }: ReviewFeedbackProps) {
  const { t } = ctx;
  return (
    <section id="feedback" aria-labelledby="feedback-title" class="review-feedback">
      <h2 id="feedback-title">{t('practices.review.feedbackTitle')}</h2>
      <p>
        {t(`practices.review.decisionMade.${review.decision}`)} <DateText ctx={ctx} date={review.created_at} />
      </p>
      {review.message ? (
        <blockquote>
          <MessageText text={review.message} />
        </blockquote>
      ) : null}
      {review.rubric.length > 0 ? <RubricTable ctx={ctx} rubric={review.rubric} caption={t('practices.review.rubricCaption')} /> : null}
    </section>
  );
}

/** Message lines as paragraphs, typed text shown as text. */
function MessageText({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n+/).map((line, index) => (
        <p key={index}>{line}</p>
      ))}
    </>
  );
}

/** Decisions newest first, each with who made it, the message and the scores. */
export function DecisionList({ ctx, reviews }: { ctx: ViewContext; reviews: readonly ReviewFeedbackProps['review'][] }) {
  return (
    <>
      {reviews.map((review, index) => (
        <article key={index} class="past-decision">
          <h3>
            {ctx.t(`practices.review.decisionMade.${review.decision}`)} <DateText ctx={ctx} date={review.created_at} withTime />
          </h3>
          <p>{ctx.t('practices.review.by', { name: review.reviewer_name ?? ctx.t('practices.review.unknownAuthor') })}</p>
          {review.message ? <MessageText text={review.message} /> : null}
          {review.rubric.length > 0 ? <RubricTable ctx={ctx} rubric={review.rubric} caption={ctx.t('practices.review.rubricCaption')} /> : null}
        </article>
      ))}
    </>
  );
}
