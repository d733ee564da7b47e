import { countryName } from '../../../lib/countries.ts';
import type { ViewContext } from '../../../platform/context.ts';
import { Personal, personalPart } from '../../../platform/personal-parts.tsx';
import { DateText } from '../../../ui/date-text.tsx';
import { MarkdownText } from '../../../ui/markdown-text.tsx';
import { Table } from '../../../ui/table.tsx';
import type { Breakdown } from '../breakdown.ts';
import type { PostRow } from '../forum-queries.ts';
import { DISCUSS_PATH, postPath } from '../kind.ts';
import type { WindowState } from '../windows.ts';

/** Pieces every discussion page shares: posts, the state of a timed window, counts by group. */

const REMOVAL_FLAG = /^flag:(spam|offensive|personal_data|inaccurate|other)$/;

/** What a removed post's placeholder says: the moderator's words, or the report's reason. */
export function removalText(ctx: ViewContext, reason: string): string {
  const flag = REMOVAL_FLAG.exec(reason);
  if (flag) return ctx.t('discuss.post.removedFor', { reason: ctx.t(`engagement.flag.reasons.${flag[1]}`) });
  return reason ? ctx.t('discuss.post.removedFor', { reason }) : ctx.t('discuss.post.removed');
}

/** The author's own links on a post (edit), rendered for each member. */
export const postOwnerPart = personalPart<{ postId: number; authorId: number | null; open: boolean }>('discuss-post-owner', (ctx, data) =>
  data.open && ctx.user && data.authorId === ctx.user.id ? (
    <a href={ctx.href(`${DISCUSS_PATH}/posts/${data.postId}/edit`)}>{ctx.t('discuss.post.edit')}</a>
  ) : null,
);

export function PostItem({ ctx, post, open, canModerate, threadHref }: { ctx: ViewContext; post: PostRow; open: boolean; canModerate: boolean; threadHref: string }) {
  const { t } = ctx;
  const anchor = `post-${post.id}`;
  return (
    <li>
      <article class="post" id={anchor} aria-labelledby={`${anchor}-by`}>
        <header class="post__header">
          <p id={`${anchor}-by`} class="post__author">
            {post.author_handle ? <a href={ctx.href(`/members/${encodeURIComponent(post.author_handle)}`)}>{post.author_name ?? post.author_handle}</a> : t('discuss.post.deletedMember')}
            {post.author_role ? <span class="post__role"> · {t(`discuss.roles.${post.author_role === 'admin' ? 'admin' : post.author_role === 'editor' ? 'editor' : 'member'}`)}</span> : null}
            {post.author_handle ? <span class="post__count"> · {t('discuss.post.postCount', { count: post.author_posts })}</span> : null}
          </p>
          <p class="post__meta">
            <a href={ctx.href(postPath(post.id))}>
              <DateText ctx={ctx} date={post.created_at} withTime />
            </a>
            {post.edited_at && !post.removed_at ? (
              <>
                {' · '}
                <a href={ctx.href(`${DISCUSS_PATH}/posts/${post.id}/history`)}>{t('discuss.post.edited')}</a> <DateText ctx={ctx} date={post.edited_at} withTime />
              </>
            ) : null}
            {post.held_at ? <strong> · {t('discuss.post.held')}</strong> : null}
          </p>
        </header>
        {post.removed_at ? (
          <p class="post__removed">{removalText(ctx, post.removed_reason)}</p>
        ) : (
          <>
            {post.quote_of !== null ? (
              <blockquote class="post__quote">
                {post.quoted_body !== null ? (
                  <>
                    <p>
                      <a href={ctx.href(postPath(post.quote_of))}>{t('discuss.post.quoteOf', { name: post.quoted_author_name ?? t('discuss.post.deletedMember') })}</a>
                    </p>
                    <MarkdownText source={post.quoted_body.length > 600 ? `${post.quoted_body.slice(0, 600)}…` : post.quoted_body} />
                  </>
                ) : (
                  <p>{t('discuss.post.quoteGone')}</p>
                )}
              </blockquote>
            ) : null}
            <div lang={post.language ?? undefined}>
              <MarkdownText source={post.body} />
            </div>
            <p class="post__actions">
              {open ? <a href={`${threadHref}?quote=${post.id}#reply`}>{t('discuss.post.quote')}</a> : null}{' '}
              <Personal ctx={ctx} part={postOwnerPart} data={{ postId: post.id, authorId: post.author_id, open }} />{' '}
              {ctx.user ? <a href={ctx.href(`${DISCUSS_PATH}/posts/${post.id}/report`)}>{t('discuss.post.report')}</a> : null}
            </p>
            {canModerate ? (
              <p class="post__moderation">
                <a href={ctx.href(`${DISCUSS_PATH}/posts/${post.id}/remove`)}>{t('discuss.post.removeLink')}</a>
                {post.held_at ? (
                  <>
                    {' '}
                    <a href={ctx.href(`${DISCUSS_PATH}/held`)}>{t('discuss.held.title')}</a>
                  </>
                ) : null}
              </p>
            ) : null}
          </>
        )}
      </article>
    </li>
  );
}

export function PostList({ ctx, posts, open, canModerate, threadHref }: { ctx: ViewContext; posts: readonly PostRow[]; open: boolean; canModerate: boolean; threadHref: string }) {
  if (posts.length === 0) return <p>{ctx.t('discuss.thread.empty')}</p>;
  return (
    <ol class="post-list" id="comments" aria-label={ctx.t('discuss.thread.posts')}>
      {posts.map((post) => (
        <PostItem key={post.id} ctx={ctx} post={post} open={open} canModerate={canModerate} threadHref={threadHref} />
      ))}
    </ol>
  );
}

export function WindowStatus({ ctx, state, opensAt, closesAt }: { ctx: ViewContext; state: WindowState; opensAt: Date; closesAt: Date }) {
  const { t } = ctx;
  const now = Date.now();
  const hoursLeft = Math.max(0, Math.ceil((closesAt.getTime() - now) / 3_600_000));
  return (
    <div class="window-status">
      <p>
        <strong>{t(`discuss.state.${state}`)}</strong>{' '}
        {state === 'open' ? (hoursLeft >= 48 ? t('discuss.state.daysLeft', { count: Math.floor(hoursLeft / 24) }) : t('discuss.state.hoursLeft', { count: hoursLeft })) : null}
      </p>
      <p>
        {t('discuss.state.opens')} <DateText ctx={ctx} date={opensAt} withTime /> · {t('discuss.state.closes')} <DateText ctx={ctx} date={closesAt} withTime />
      </p>
    </div>
  );
}

function groupLabel(ctx: ViewContext, dimension: 'stakeholder' | 'country', value: string): string {
  if (value === '') return ctx.t('discuss.breakdown.unknown');
  return dimension === 'country' ? countryName(value, ctx.locale) : ctx.t(`common.stakeholders.${value}`);
}

/** Counts by group as a table; small groups are left out and said to be. */
export function BreakdownTable({ ctx, caption, dimension, breakdown }: { ctx: ViewContext; caption: string; dimension: 'stakeholder' | 'country'; breakdown: Breakdown }) {
  const { t } = ctx;
  if (breakdown.total === 0) return null;
  return (
    <>
      <Table
        caption={caption}
        head={[t(`discuss.breakdown.${dimension}`), t('discuss.breakdown.count')]}
        rows={breakdown.shown.map((group) => [groupLabel(ctx, dimension, group.value), String(group.count)])}
        rowHeaders
        numericColumns={[1]}
      />
      {breakdown.hidden ? <p class="hint">{t('discuss.breakdown.hidden')}</p> : null}
    </>
  );
}
