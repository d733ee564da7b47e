import type { ViewContext } from '../../../platform/context.ts';
import { can } from '../../../platform/permissions.ts';
import { summaryOf, type FieldErrors } from '../../../platform/forms.ts';
import { paginationLabels, type Page } from '../../../platform/pagination.ts';
import { Personal, personalPart } from '../../../platform/personal-parts.tsx';
import { Button, Pagination, Select, Textarea, TextInput } from '../../../ui/index.ts';
import { DateText } from '../../../ui/date-text.tsx';
import { ErrorSummary } from '../../../ui/error-summary.tsx';
import { MarkdownText } from '../../../ui/markdown-text.tsx';
import { NotificationBanner, SuccessBanner } from '../../../ui/notification.tsx';
import { PostForm } from '../../../ui/post-form.tsx';
import { FollowButton } from '../../follows/index.ts';
import type { EditRow, ForumRow, HeldPostRow, PostRow, TopicRow } from '../forum-queries.ts';
import type { ThreadView } from '../forums.ts';
import { threadPath } from '../forums.ts';
import { DISCUSS_PATH, TOPIC_KIND, forumPath, postPath } from '../kind.ts';
import { PostList } from './parts.tsx';

/** `/{l}/discuss`: the forums in their order, with their topics and posts. */
export function ForumsIndexPage({ ctx, forums, dialogues, consultations }: { ctx: ViewContext; forums: readonly ForumRow[]; dialogues: readonly { slug: string; title: string; state: string }[]; consultations: readonly { slug: string; title: string; state: string }[] }) {
  const { t } = ctx;
  return (
    <div class="stack">
      <h1>{t('discuss.index.title')}</h1>
      <p class="lede">{t('discuss.index.intro')}</p>
      <form method="get" action={ctx.href(`${DISCUSS_PATH}/search`)} class="search-form">
        <div role="search" aria-label={t('discuss.search.label')}>
          <TextInput id="q" type="search" label={t('discuss.search.query')} value="" />
        </div>
        <Button>{t('discuss.search.button')}</Button>
      </form>
      <h2>{t('discuss.index.forums')}</h2>
      {forums.length === 0 ? (
        <p>{t('discuss.index.empty')}</p>
      ) : (
        <ul class="forum-list">
          {forums.map((forum) => (
            <li key={forum.id}>
              <h3>
                <a href={ctx.href(forumPath(forum.slug))}>{forum.name}</a>
              </h3>
              {forum.description ? <p dir="auto">{forum.description}</p> : null}
              <p class="meta">
                {t('discuss.index.counts', { topics: t('discuss.index.topicCount', { count: forum.topic_count }), posts: t('discuss.index.postCount', { count: forum.post_count }) })}
                {forum.last_post_at ? (
                  <>
                    {' · '}
                    {t('discuss.index.lastPost')} <DateText ctx={ctx} date={forum.last_post_at} withTime />
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('discuss.index.dialogues')}</h2>
      {dialogues.length === 0 ? <p>{t('discuss.index.noDialogues')}</p> : (
        <ul>
          {dialogues.map((item) => (
            <li key={item.slug}>
              <a href={ctx.href(`/dialogues/${encodeURIComponent(item.slug)}`)}>{item.title}</a> ({t(`discuss.state.${item.state}`)})
            </li>
          ))}
        </ul>
      )}
      <h2>{t('discuss.index.consultations')}</h2>
      {consultations.length === 0 ? <p>{t('discuss.index.noConsultations')}</p> : (
        <ul>
          {consultations.map((item) => (
            <li key={item.slug}>
              <a href={ctx.href(`/consultations/${encodeURIComponent(item.slug)}`)}>{item.title}</a> ({t(`discuss.state.${item.state}`)})
            </li>
          ))}
        </ul>
      )}
      {can(ctx.user, 'site.administer') ? (
        <p>
          <a href={ctx.href(`${DISCUSS_PATH}/new`)}>{t('discuss.forumForm.link')}</a>
        </p>
      ) : null}
      {can(ctx.user, 'discussion.chair') ? (
        <p>
          <a href={ctx.href('/dialogues/new')}>{t('discuss.dialogue.newLink')}</a> · <a href={ctx.href('/consultations/new')}>{t('discuss.consultation.newLink')}</a>
        </p>
      ) : null}
    </div>
  );
}

/** A page of a forum's topics and, for a member, how many posts of each are new to them. */
export interface TopicList {
  topics: readonly { id: number; title: string; href: string; pinned: boolean; locked: boolean; posts: number; lastPostAt: Date }[];
  /** Unread posts by topic id; null for visitors. */
  unread: Readonly<Record<number, number>> | null;
}

/** The whole list is one part, so a member's unread counts are read in one query, not one a topic. */
export const topicListPart = personalPart<TopicList>('discuss-topic-list', (ctx, { topics, unread }) => {
  const { t } = ctx;
  return (
    <ol class="topic-list">
      {topics.map((topic) => {
        const fresh = unread === null ? null : (unread[topic.id] ?? 0);
        return (
          <li key={topic.id}>
            <h2 class="topic-list__title">
              <a href={topic.href} dir="auto">
                {topic.title}
              </a>
              {topic.pinned ? <span class="tag"> {t('discuss.topic.pinned')}</span> : null}
              {topic.locked ? <span class="tag"> {t('discuss.topic.locked')}</span> : null}
            </h2>
            <p class="meta">
              {fresh === null ? t('discuss.forum.posts', { count: topic.posts }) : t('discuss.forum.postsNew', { count: topic.posts, unread: fresh })}
              {fresh !== null && fresh > 0 ? (
                <>
                  {' · '}
                  <a href={`${topic.href}/unread`}>{t('discuss.forum.firstUnread')}</a>
                </>
              ) : null}
              {' · '}
              {t('discuss.forum.lastPost')} <DateText ctx={ctx} date={topic.lastPostAt} withTime />
            </p>
          </li>
        );
      })}
    </ol>
  );
});

export function ForumPage({ ctx, forum, topics }: { ctx: ViewContext; forum: { slug: string; name: string; description: string }; topics: Page<TopicRow> }) {
  const { t } = ctx;
  const list: TopicList = {
    topics: topics.items.map((topic) => ({ id: topic.id, title: topic.title, href: ctx.href(threadPath(topic)), pinned: topic.pinned, locked: topic.locked_at !== null, posts: topic.post_count, lastPostAt: topic.last_post_at })),
    unread: null,
  };
  return (
    <div class="stack">
      <p>
        <a href={ctx.href(DISCUSS_PATH)}>{t('discuss.index.title')}</a>
      </p>
      <h1>{forum.name}</h1>
      {forum.description ? <p class="lede" dir="auto">{forum.description}</p> : null}
      <p>
        <a href={ctx.href(`${forumPath(forum.slug)}/new`)}>{t('discuss.topic.newLink')}</a>
      </p>
      {topics.items.length === 0 ? <p>{t('discuss.forum.empty')}</p> : <Personal ctx={ctx} part={topicListPart} data={list} />}
      <Pagination page={topics.page} pageCount={topics.pageCount} hrefFor={(number) => ctx.href(`${forumPath(forum.slug)}${number > 1 ? `?page=${number}` : ''}`)} labels={paginationLabels(t)} />
    </div>
  );
}

/** Marks the thread read up to the last post shown, for the member reading it; renders nothing. */
export const readMarkPart = personalPart<{ topicId: number; lastPostId: number }>('discuss-read-mark', () => null);

export interface ReplyFormState {
  body: string;
  quote: PostRow | null;
  errors: FieldErrors;
}

export function ReplyForm({ ctx, action, state, closedReason }: { ctx: ViewContext; action: string; state: ReplyFormState; closedReason: string | undefined }) {
  const { t } = ctx;
  if (closedReason) return <p id="reply" class="notice">{t(closedReason)}</p>;
  if (!ctx.user) {
    return (
      <p id="reply">
        <a href={ctx.href(`/login?next=${encodeURIComponent(ctx.href(ctx.path))}`)}>{t('discuss.thread.signInToReply')}</a>
      </p>
    );
  }
  return (
    <section id="reply" aria-labelledby="reply-heading">
      <h2 id="reply-heading">{t('discuss.thread.reply')}</h2>
      {state.quote ? (
        <blockquote class="post__quote">
          <p>{t('discuss.post.quoteOf', { name: state.quote.author_name ?? t('discuss.post.deletedMember') })}</p>
          <MarkdownText source={state.quote.body.slice(0, 600)} />
        </blockquote>
      ) : null}
      <PostForm action={action} csrfToken={ctx.csrfToken()}>
        {state.quote ? <input type="hidden" name="quote" value={String(state.quote.id)} /> : null}
        <Textarea id="body" label={t('discuss.thread.yourReply')} hint={t('discuss.thread.markdownHint')} rows={6} value={state.body} error={state.errors.body ? t(state.errors.body) : undefined} errorPrefix={t('common.errorPrefix')} />
        <Button>{t('discuss.thread.send')}</Button>
      </PostForm>
    </section>
  );
}

export function TopicPage({ ctx, view, notice, reply, closedReason, forums }: { ctx: ViewContext; view: ThreadView; notice: string | undefined; reply: ReplyFormState; closedReason: string | undefined; forums: readonly ForumRow[] }) {
  const { t } = ctx;
  const { topic, posts } = view;
  const path = threadPath(topic);
  const lastPost = posts.items.at(-1);
  return (
    <div class="stack">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, reply.errors)} />
      <SuccessBanner title={t('common.success')} message={notice ? t(`discuss.notice.${notice}`) : undefined} />
      <p>
        <a href={ctx.href(DISCUSS_PATH)}>{t('discuss.index.title')}</a> › {topic.forum_slug ? <a href={ctx.href(forumPath(topic.forum_slug))}>{topic.forum_name}</a> : null}
      </p>
      <h1 dir="auto">{topic.title}</h1>
      <p class="meta">
        {t('discuss.forum.posts', { count: topic.post_count })}
        {topic.pinned ? ` · ${t('discuss.topic.pinned')}` : ''}
        {topic.locked_at ? ` · ${t('discuss.topic.locked')}` : ''}
      </p>
      <FollowButton ctx={ctx} kind={TOPIC_KIND} targetKey={String(topic.id)} label={topic.title} />
      <PostList ctx={ctx} posts={posts.items} open={closedReason === undefined} canModerate={view.canModerate} threadHref={ctx.href(path)} />
      {lastPost ? <Personal ctx={ctx} part={readMarkPart} data={{ topicId: topic.id, lastPostId: lastPost.id }} /> : null}
      <Pagination page={posts.page} pageCount={posts.pageCount} hrefFor={(number) => ctx.href(`${path}${number > 1 ? `?page=${number}` : ''}`)} labels={paginationLabels(t)} />
      <ReplyForm ctx={ctx} action={ctx.href(`${path}/posts`)} state={reply} closedReason={closedReason} />
      {view.canModerate && topic.forum_id !== null ? (
        <section aria-labelledby="moderate-heading">
          <h2 id="moderate-heading">{t('discuss.moderate.title')}</h2>
          <PostForm action={ctx.href(`${path}/state`)} csrfToken={ctx.csrfToken()}>
            <Button variant="secondary" name="action" value={topic.pinned ? 'unpin' : 'pin'}>
              {t(topic.pinned ? 'discuss.moderate.unpin' : 'discuss.moderate.pin')}
            </Button>{' '}
            <Button variant="secondary" name="action" value={topic.locked_at ? 'unlock' : 'lock'}>
              {t(topic.locked_at ? 'discuss.moderate.unlock' : 'discuss.moderate.lock')}
            </Button>
          </PostForm>
          <PostForm action={ctx.href(`${path}/move`)} csrfToken={ctx.csrfToken()}>
            <Select id="forum" label={t('discuss.moderate.moveTo')} options={forums.filter((forum) => forum.id !== topic.forum_id).map((forum) => ({ value: forum.slug, label: forum.name }))} value="" />
            <Button variant="secondary">{t('discuss.moderate.move')}</Button>
          </PostForm>
        </section>
      ) : null}
    </div>
  );
}

export function NewTopicPage({ ctx, forum, values, errors }: { ctx: ViewContext; forum: { slug: string; name: string }; values: { title: string; body: string }; errors: FieldErrors }) {
  const { t } = ctx;
  const errorPrefix = t('common.errorPrefix');
  return (
    <div class="stack">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, errors)} />
      <h1>{t('discuss.topic.newTitle', { forum: forum.name })}</h1>
      <PostForm action={ctx.href(`${forumPath(forum.slug)}/topics`)} csrfToken={ctx.csrfToken()}>
        <TextInput id="title" label={t('discuss.topic.title')} value={values.title} error={errors.title ? t(errors.title) : undefined} errorPrefix={errorPrefix} />
        <Textarea id="body" label={t('discuss.topic.body')} hint={t('discuss.thread.markdownHint')} rows={8} value={values.body} error={errors.body ? t(errors.body) : undefined} errorPrefix={errorPrefix} />
        <Button>{t('discuss.topic.create')}</Button>
      </PostForm>
    </div>
  );
}

export function NewForumPage({ ctx, values, errors }: { ctx: ViewContext; values: { name: string; description: string; position: string }; errors: FieldErrors }) {
  const { t } = ctx;
  const errorPrefix = t('common.errorPrefix');
  return (
    <div class="stack">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, errors)} />
      <h1>{t('discuss.forumForm.title')}</h1>
      <PostForm action={ctx.href(DISCUSS_PATH)} csrfToken={ctx.csrfToken()}>
        <TextInput id="name" label={t('discuss.forumForm.name')} value={values.name} error={errors.name ? t(errors.name) : undefined} errorPrefix={errorPrefix} />
        <Textarea id="description" label={t('discuss.forumForm.description')} rows={3} value={values.description} />
        <TextInput id="position" label={t('discuss.forumForm.position')} hint={t('discuss.forumForm.positionHint')} inputmode="numeric" width={4} value={values.position} error={errors.position ? t(errors.position) : undefined} errorPrefix={errorPrefix} />
        <Button>{t('discuss.forumForm.create')}</Button>
      </PostForm>
    </div>
  );
}

export function EditPostPage({ ctx, post, topic, body, errors }: { ctx: ViewContext; post: PostRow; topic: TopicRow; body: string; errors: FieldErrors }) {
  const { t } = ctx;
  return (
    <div class="stack">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, errors)} />
      <h1>{t('discuss.edit.title', { topic: topic.title })}</h1>
      <PostForm action={ctx.href(`${DISCUSS_PATH}/posts/${post.id}/edit`)} csrfToken={ctx.csrfToken()}>
        <Textarea id="body" label={t('discuss.edit.body')} hint={t('discuss.edit.hint')} rows={8} value={body} error={errors.body ? t(errors.body) : undefined} errorPrefix={t('common.errorPrefix')} />
        <Button>{t('discuss.edit.save')}</Button>
      </PostForm>
      <p>
        <a href={ctx.href(postPath(post.id))}>{t('discuss.edit.cancel')}</a>
      </p>
    </div>
  );
}

export function HistoryPage({ ctx, post, topic, edits }: { ctx: ViewContext; post: PostRow; topic: TopicRow; edits: readonly EditRow[] }) {
  const { t } = ctx;
  return (
    <div class="stack">
      <h1>{t('discuss.history.title')}</h1>
      <p>
        <a href={ctx.href(postPath(post.id))}>{t('discuss.history.back', { topic: topic.title })}</a>
      </p>
      {post.removed_at ? <p>{t('discuss.post.removed')}</p> : null}
      {edits.length === 0 ? <p>{t('discuss.history.none')}</p> : (
        <ol class="stack">
          {edits.map((edit, index) => (
            <li key={index}>
              <h2>
                {t('discuss.history.version', { number: index + 1 })} · <DateText ctx={ctx} date={edit.written_at} withTime />
              </h2>
              <MarkdownText source={edit.body} />
            </li>
          ))}
          {post.removed_at ? null : (
            <li>
              <h2>
                {t('discuss.history.current')} · <DateText ctx={ctx} date={post.edited_at ?? post.created_at} withTime />
              </h2>
              <MarkdownText source={post.body} />
            </li>
          )}
        </ol>
      )}
    </div>
  );
}

export function RemovePostPage({ ctx, post, topic }: { ctx: ViewContext; post: PostRow; topic: TopicRow }) {
  const { t } = ctx;
  return (
    <div class="stack">
      <h1>{t('discuss.remove.title')}</h1>
      <p>{t('discuss.remove.body', { topic: topic.title })}</p>
      <blockquote class="post__quote">
        <MarkdownText source={post.body.slice(0, 1000)} />
      </blockquote>
      <PostForm action={ctx.href(`${DISCUSS_PATH}/posts/${post.id}/remove`)} csrfToken={ctx.csrfToken()}>
        <Textarea id="reason" label={t('discuss.remove.reason')} hint={t('discuss.remove.reasonHint')} rows={2} value="" />
        <Button variant="warning">{t('discuss.remove.button')}</Button>
      </PostForm>
      <p>
        <a href={ctx.href(postPath(post.id))}>{t('discuss.edit.cancel')}</a>
      </p>
    </div>
  );
}

export function HeldPostsPage({ ctx, posts }: { ctx: ViewContext; posts: readonly HeldPostRow[] }) {
  const { t } = ctx;
  return (
    <div class="stack">
      <h1>{t('discuss.held.title')}</h1>
      <p>{t('discuss.held.intro')}</p>
      {posts.length === 0 ? <p>{t('discuss.held.empty')}</p> : (
        <ol class="stack">
          {posts.map((post) => (
            <li key={post.id}>
              <h2 dir="auto">{post.topic_title}</h2>
              <p class="meta">
                {post.author_name ?? t('discuss.post.deletedMember')} · <DateText ctx={ctx} date={post.created_at} withTime />
              </p>
              <MarkdownText source={post.body} />
              <PostForm action={ctx.href(`${DISCUSS_PATH}/posts/${post.id}/approve`)} csrfToken={ctx.csrfToken()}>
                <Button variant="secondary">{t('discuss.held.approve')}</Button>
              </PostForm>
              <p>
                <a href={ctx.href(`${DISCUSS_PATH}/posts/${post.id}/remove`)}>{t('discuss.post.removeLink')}</a>
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

export function PostNoticePage({ ctx, title, message }: { ctx: ViewContext; title: string; message: string }) {
  return (
    <div class="stack">
      <NotificationBanner title={title}>{message}</NotificationBanner>
      <p>
        <a href={ctx.href(DISCUSS_PATH)}>{ctx.t('discuss.index.title')}</a>
      </p>
    </div>
  );
}
