import { countryName } from '../../../lib/countries.ts';
import { displayNames } from '../../../lib/intl.ts';
import type { ViewContext } from '../../../platform/context.ts';
import { paginationLabels } from '../../../platform/pagination.ts';
import { FacetFilters, Marked, NoResults, SortChoice, type SearchOutcome } from '../../../search/index.ts';
import { Button, Card, Pagination, TextInput } from '../../../ui/index.ts';
import { termLabel, type Term } from '../../taxonomies/index.ts';
import { mythPath, MYTHS_PATH } from '../kind.ts';
import { mythFacets, type MythFacetParam, type MythResult } from '../search.ts';

export interface MythListPageProps {
  ctx: ViewContext;
  outcome: SearchOutcome<MythFacetParam, MythResult>;
  topics: ReadonlyMap<string, Term>;
  outOfRange: boolean;
}

function valueLabel(ctx: ViewContext, param: MythFacetParam, value: string, topics: ReadonlyMap<string, Term>): string {
  switch (param) {
    case 'audience':
      return ctx.t(`myths.audiences.${value}`);
    case 'country':
      return countryName(value, ctx.locale);
    case 'language':
      return displayNames(ctx.locale, 'language').of(value) ?? value;
    case 'topic': {
      const term = topics.get(value);
      return term ? termLabel(term, ctx.locale) : value;
    }
  }
}

/** One myth in the list: the claim, the fact that answers it, where it circulates. */
function MythCard({ ctx, result }: { ctx: ViewContext; result: MythResult }) {
  const { t } = ctx;
  return (
    <Card
      headingLevel={2}
      title={
        <span lang={result.language} dir="auto">
          <Marked text={result.marked_title} />
        </span>
      }
      href={ctx.href(mythPath(result.slug))}
      meta={[t('myths.list.myth'), ...result.countries.map((code) => countryName(code, ctx.locale))].join(' · ')}
      tags={result.audiences.map((audience) => ({ label: t(`myths.audiences.${audience}`), href: ctx.href(`${MYTHS_PATH}?audience=${audience}`) }))}
      tagsLabel={t('myths.facets.audience')}
    >
      <p lang={result.language} dir="auto">
        <strong>{t('myths.page.factLabel')}</strong> {result.fact}
      </p>
    </Card>
  );
}

/** `/{l}/myths`: the myth-and-fact library, searched in any language, with filters. */
export function MythListPage({ ctx, outcome, topics, outOfRange }: MythListPageProps) {
  const { t } = ctx;
  const { request } = outcome;
  const hrefFor = (page: number) => ctx.href(`${MYTHS_PATH}${mythFacets.searchQueryString(request, page)}`);
  return (
    <div class="stack">
      <h1>{request.q ? t('myths.list.titleWithQuery', { query: request.q }) : t('myths.list.title')}</h1>
      <p class="lede">{t('myths.list.intro')}</p>
      {ctx.user ? (
        <p>
          <a href={ctx.href(`${MYTHS_PATH}/new`)}>{t('myths.list.propose')}</a> · <a href={ctx.href(`${MYTHS_PATH}/mine`)}>{t('myths.list.mine')}</a>
        </p>
      ) : null}
      <form method="get" action={ctx.href(MYTHS_PATH)} class="search-form">
        <div role="search" aria-label={t('myths.list.searchLabel')}>
          <TextInput id="q" type="search" label={t('myths.list.query')} hint={t('myths.list.queryHint')} value={request.q} />
          <Button>{t('myths.list.search')}</Button>
        </div>
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t('myths.list.count', { count: outcome.total })}</h2>
          {outcome.total > 0 ? (
            <SortChoice request={request} label={t('myths.list.sort')} apply={t('myths.list.apply')} sortLabel={(sort) => t(`resources.list.sorts.${sort}`)} defaultLabel={t('resources.list.sorts.default')} />
          ) : null}
          {outcome.results.length === 0 ? (
            <NoResults
              message={outOfRange ? t('myths.list.outOfRange') : t('myths.list.empty')}
              clear={request.q || request.filters.size > 0 ? { href: ctx.href(MYTHS_PATH), label: t('myths.list.clear') } : undefined}
            />
          ) : (
            <ol class="result-list" aria-label={t('myths.list.results')}>
              {outcome.results.map((result) => (
                <li key={result.slug}>
                  <MythCard ctx={ctx} result={result} />
                </li>
              ))}
            </ol>
          )}
          <Pagination page={Math.min(request.page, outcome.pageCount)} pageCount={outcome.pageCount} hrefFor={hrefFor} labels={paginationLabels(t)} />
          <p class="muted">
            <a href="/feeds/myths.atom">{t('myths.list.feed')}</a> · <a href="/api/v1/myths">{t('myths.list.api')}</a>
          </p>
        </section>
        {outcome.total > 0 || request.filters.size > 0 ? (
          <FacetFilters
            params={mythFacets.params}
            facets={outcome.facets}
            legend={(param) => t(`myths.facets.${param}`)}
            label={(param, value) => valueLabel(ctx, param, value, topics)}
            withCount={(label, count) => t('resources.list.facetValue', { label, count })}
            title={t('myths.list.filters')}
            apply={t('myths.list.apply')}
          />
        ) : null}
      </form>
    </div>
  );
}
