import type { ViewContext } from '../../../platform/context.ts';
import { paginationLabels } from '../../../platform/pagination.ts';
import { Marked, type SearchOutcome } from '../../../search/index.ts';
import { Button, Pagination, TextInput } from '../../../ui/index.ts';
import { DateText } from '../../../ui/date-text.tsx';
import type { ForumRow } from '../forum-queries.ts';
import { DISCUSS_PATH, postPath } from '../kind.ts';
import { forumPostFacets, type ForumPostResult } from '../search.ts';

/** `/{l}/discuss/search`: posts matching the words, with the forums as a facet. */
export function ForumSearchPage({ ctx, outcome, forums }: { ctx: ViewContext; outcome: SearchOutcome<'forum' | 'language', ForumPostResult>; forums: readonly ForumRow[] }) {
  const { t } = ctx;
  const { request } = outcome;
  const forumName = new Map(forums.map((forum) => [forum.slug, forum.name]));
  const hrefFor = (page: number) => ctx.href(`${DISCUSS_PATH}/search${forumPostFacets.searchQueryString(request, page)}`);
  const selectedForums = request.filters.get('forum') ?? [];
  return (
    <div class="stack">
      <p>
        <a href={ctx.href(DISCUSS_PATH)}>{t('discuss.index.title')}</a>
      </p>
      <h1>{t('discuss.search.title')}</h1>
      <form method="get" action={ctx.href(`${DISCUSS_PATH}/search`)} class="search-form">
        <div role="search" aria-label={t('discuss.search.label')}>
          <TextInput id="q" type="search" label={t('discuss.search.query')} value={request.q} />
        </div>
        {selectedForums.map((slug) => (
          <input key={slug} type="hidden" name="forum" value={slug} />
        ))}
        <Button>{t('discuss.search.button')}</Button>
      </form>
      <nav aria-label={t('discuss.search.forums')}>
        <h2>{t('discuss.search.forums')}</h2>
        <ul>
          {(outcome.facets.get('forum') ?? []).map((value) => (
            <li key={value.value}>
              <a href={ctx.href(`${DISCUSS_PATH}/search${forumPostFacets.searchQueryString({ ...request, filters: new Map([['forum', value.selected ? [] : [value.value]]]) })}`)} aria-current={value.selected ? 'true' : undefined}>
                {forumName.get(value.value) ?? value.value}
              </a>{' '}
              ({value.count})
            </li>
          ))}
        </ul>
      </nav>
      <h2>{t(outcome.approximate ? 'discuss.search.countApproximate' : 'discuss.search.count', { count: outcome.total })}</h2>
      {outcome.results.length === 0 ? <p>{t('discuss.search.empty')}</p> : (
        <ol class="result-list">
          {outcome.results.map((result) => (
            <li key={result.id}>
              <h3>
                <a href={ctx.href(postPath(result.id))} dir="auto">
                  <Marked text={result.marked_title} />
                </a>
              </h3>
              <p class="meta">
                {result.forum_name} · {result.author_name ?? t('discuss.post.deletedMember')} · <DateText ctx={ctx} date={result.created_at} />
              </p>
              <p dir="auto" lang={result.language}>
                <Marked text={result.snippet} />
              </p>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={request.page} pageCount={outcome.pageCount} hrefFor={hrefFor} labels={paginationLabels(t)} />
    </div>
  );
}
