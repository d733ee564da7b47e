import type { ViewContext } from '../../platform/context.ts';
import { fieldBinder, type FormState } from '../../platform/forms.ts';
import { paginationLabels } from '../../platform/pagination.ts';
import { formatMoment, formatNumber, paragraphsOf } from '../../ui/format.ts';
import { Button, Pagination, Radios, Textarea } from '../../ui/index.ts';
import { Personal, personalPart } from '../../platform/personal-parts.tsx';
import { PostForm } from '../../ui/post-form.tsx';
import { RATING_SCORES, type Engagement } from '../service.ts';

/**
 * The community part of any item's page: its rating and its comments, with the forms members
 * use and the buttons moderators use. Texts that name the kind ("this practice") come from
 * `engagement.kinds.<kind>`.
 */

export interface CommunityProps {
  ctx: ViewContext;
  engagement: Engagement;
  form: FormState;
}

const kindText = (ctx: ViewContext, engagement: Engagement, key: string): string => ctx.t(`engagement.kinds.${engagement.item.kind}.${key}`);

/** Visitors are offered sign-in, which brings them back to this item. */
function SignInPrompt({ ctx, engagement }: { ctx: ViewContext; engagement: Engagement }) {
  const next = ctx.href(engagement.item.path);
  return (
    <p>
      <a href={ctx.href(`/login?next=${encodeURIComponent(next)}`)}>{kindText(ctx, engagement, 'signIn')}</a>
    </p>
  );
}

export function RatingSection({ ctx, engagement, form }: CommunityProps) {
  const { t, locale } = ctx;
  const summary = engagement.rating;
  const field = fieldBinder(ctx, form)('score');
  const checked = form.values.score ?? (engagement.myRating !== null ? String(engagement.myRating) : undefined);
  return (
    <section class="practice-section" id="rating" aria-labelledby="rating-heading">
      <h2 id="rating-heading">{kindText(ctx, engagement, 'ratingHeading')}</h2>
      <p class="practice-rating__summary">
        {summary.average === null
          ? kindText(ctx, engagement, 'ratingNone')
          : t('engagement.rating.summary', { average: formatNumber(summary.average, locale, 1), count: summary.count })}
      </p>
      {ctx.user ? (
        <PostForm action={ctx.href(`${engagement.item.path}/rating`)} csrfToken={ctx.csrfToken()}>
          {engagement.myRating !== null ? <p>{t('engagement.rating.yours', { score: engagement.myRating })}</p> : null}
          <Radios
            {...field}
            label={t('engagement.rating.legend')}
            hint={t('engagement.rating.hint')}
            inline
            checked={checked}
            items={RATING_SCORES.map((score) => ({ value: String(score), label: t(`engagement.rating.score${score}`) }))}
          />
          <Button variant="secondary">{t('engagement.rating.save')}</Button>
        </PostForm>
      ) : (
        <SignInPrompt ctx={ctx} engagement={engagement} />
      )}
    </section>
  );
}

export function CommentsSection({ ctx, engagement, form }: CommunityProps) {
  const { t, user } = ctx;
  const { comments } = engagement;
  const base = engagement.item.path;
  const field = fieldBinder(ctx, form)('comment');
  return (
    <section class="practice-section" id="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t('engagement.comments.heading')}</h2>
      {comments.total === 0 ? (
        <p class="muted">{t('engagement.comments.none')}</p>
      ) : (
        <>
          <p class="muted">{t('engagement.comments.count', { count: comments.total })}</p>
          <ol class="comment-list" aria-label={kindText(ctx, engagement, 'commentsLabel')}>
            {comments.items.map((comment) => {
              const author = comment.author_name ?? t('engagement.comments.deletedMember');
              const removed = comment.removed_at !== null;
              return (
                <li class="comment" id={`comment-${comment.id}`} key={comment.id}>
                  <p class="comment__meta">
                    <strong dir="auto">{author}</strong>{' '}
                    <time datetime={comment.created_at.toISOString()}>{formatMoment(comment.created_at, ctx)}</time>
                  </p>
                  {removed ? (
                    <p class="comment__removed muted">{t('engagement.comments.removed')}</p>
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
                        {t('engagement.comments.report')}
                        <span class="visually-hidden">{` ${t('engagement.comments.postedBy', { author })}`}</span>
                      </a>
                      {engagement.canModerate ? (
                        <PostForm action={ctx.href(`${base}/comments/${comment.id}/remove`)} csrfToken={ctx.csrfToken()} class="inline-form">
                          <button type="submit" class="link-button">
                            {t('engagement.comments.remove')}
                            <span class="visually-hidden">{` ${t('engagement.comments.postedBy', { author })}`}</span>
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
          <Textarea {...field} label={t('engagement.comments.label')} hint={t('engagement.comments.hint')} rows={4} spellcheck />
          <Button>{t('engagement.comments.post')}</Button>
        </PostForm>
      ) : (
        <SignInPrompt ctx={ctx} engagement={engagement} />
      )}
    </section>
  );
}

/** The rating as one member sees it: their own score is theirs, the rest is the item's. */
export const ratingPart = personalPart<Omit<CommunityProps, 'ctx'>>('rating', (ctx, { engagement, form }) => (
  <RatingSection ctx={ctx} engagement={engagement} form={form} />
));

/** The rating section of an item's page, rendered apart for each member (platform/personal-parts.tsx). */
export function PersonalRating({ ctx, engagement, form }: CommunityProps) {
  return <Personal ctx={ctx} part={ratingPart} data={{ engagement, form }} />;
}
