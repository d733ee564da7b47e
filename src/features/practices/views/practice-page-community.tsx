import type { ViewContext } from '../../../platform/context.ts';
import { fieldBinder, type FormState } from '../../../platform/forms.ts';
import { paginationLabels } from '../../../platform/pagination.ts';
import { Button, Pagination, Radios, Textarea } from '../../../ui/index.ts';
import { PostForm } from '../../../ui/post-form.tsx';
import { RATING_SCORES, ratingSummary, type PracticePage } from '../page-service.ts';
import { formatMoment, formatNumber, paragraphsOf } from './practice-page-format.ts';

function practicePath(slug: string): string {
  return `/practices/${encodeURIComponent(slug)}`;
}

/** Visitors are offered sign-in, which brings them back to this practice. */
function SignInPrompt({ ctx, slug }: { ctx: ViewContext; slug: string }) {
  const next = ctx.href(practicePath(slug));
  return (
    <p>
      <a href={ctx.href(`/login?next=${encodeURIComponent(next)}`)}>{ctx.t('practicePage.rating.signIn')}</a>
    </p>
  );
}

export function RatingSection({ ctx, page, form }: { ctx: ViewContext; page: PracticePage; form: FormState }) {
  const { t, locale } = ctx;
  const { row } = page.detail;
  const summary = ratingSummary(row.rating_count, row.rating_sum);
  const field = fieldBinder(ctx, form)('score');
  const checked = form.values.score ?? (page.myRating !== null ? String(page.myRating) : undefined);
  return (
    <section class="practice-section" id="rating" aria-labelledby="rating-heading">
      <h2 id="rating-heading">{t('practicePage.sections.rating')}</h2>
      <p class="practice-rating__summary">
        {summary.average === null
          ? t('practicePage.rating.none')
          : t('practicePage.rating.summary', { average: formatNumber(summary.average, locale, 1), count: summary.count })}
      </p>
      {ctx.user ? (
        <PostForm action={ctx.href(`${practicePath(row.slug)}/rating`)} csrfToken={ctx.csrfToken()}>
          {page.myRating !== null ? <p>{t('practicePage.rating.yours', { score: page.myRating })}</p> : null}
          <Radios
            {...field}
            label={t('practicePage.rating.legend')}
            hint={t('practicePage.rating.hint')}
            inline
            checked={checked}
            items={RATING_SCORES.map((score) => ({ value: String(score), label: t(`practicePage.rating.score${score}`) }))}
          />
          <Button variant="secondary">{t('practicePage.rating.save')}</Button>
        </PostForm>
      ) : (
        <SignInPrompt ctx={ctx} slug={row.slug} />
      )}
    </section>
  );
}

export function CommentsSection({ ctx, page, form }: { ctx: ViewContext; page: PracticePage; form: FormState }) {
  const { t, locale, user } = ctx;
  const { row } = page.detail;
  const { comments } = page;
  const base = practicePath(row.slug);
  const field = fieldBinder(ctx, form)('comment');
  return (
    <section class="practice-section" id="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t('practicePage.sections.comments')}</h2>
      {comments.total === 0 ? (
        <p class="muted">{t('practicePage.comments.none')}</p>
      ) : (
        <>
          <p class="muted">{t('practicePage.comments.count', { count: comments.total })}</p>
          <ol class="comment-list" aria-label={t('practicePage.comments.listLabel')}>
            {comments.items.map((comment) => {
              const author = comment.author_name ?? t('practicePage.comments.deletedMember');
              const removed = comment.removed_at !== null;
              return (
                <li class="comment" id={`comment-${comment.id}`} key={comment.id}>
                  <p class="comment__meta">
                    <strong dir="auto">{author}</strong>{' '}
                    <time datetime={comment.created_at.toISOString()}>{formatMoment(comment.created_at, locale)}</time>
                  </p>
                  {removed ? (
                    <p class="comment__removed muted">{t('practicePage.comments.removed')}</p>
                  ) : (
                    <div class="comment__body" dir="auto">
                      {paragraphsOf(comment.body).map((lines, index) => (
                        <p key={index}>{lines.map((line, lineIndex) => (lineIndex === 0 ? line : [<br key={lineIndex} />, line]))}</p>
                      ))}
                    </div>
                  )}
                  {user && !removed ? (
                    <div class="comment__actions">
                      <a href={ctx.href(`${base}/flag?comment=${comment.id}`)}>
                        {t('practicePage.comments.report')}
                        <span class="visually-hidden">{` ${t('practicePage.comments.postedBy', { author })}`}</span>
                      </a>
                      {page.canModerate ? (
                        <PostForm action={ctx.href(`${base}/comments/${comment.id}/remove`)} csrfToken={ctx.csrfToken()} class="inline-form">
                          <button type="submit" class="link-button">
                            {t('practicePage.comments.remove')}
                            <span class="visually-hidden">{` ${t('practicePage.comments.postedBy', { author })}`}</span>
                          </button>
                        </PostForm>
                      ) : null}
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ol>
          <Pagination
            page={comments.page}
            pageCount={comments.pageCount}
            hrefFor={(n) => `${ctx.href(n > 1 ? `${base}?comments=${n}` : base)}#comments`}
            labels={paginationLabels(t)}
          />
        </>
      )}
      {user ? (
        <PostForm action={ctx.href(`${base}/comments`)} csrfToken={ctx.csrfToken()}>
          <Textarea {...field} label={t('practicePage.comments.label')} hint={t('practicePage.comments.hint')} rows={4} spellcheck />
          <Button>{t('practicePage.comments.post')}</Button>
        </PostForm>
      ) : (
        <SignInPrompt ctx={ctx} slug={row.slug} />
      )}
    </section>
  );
}
