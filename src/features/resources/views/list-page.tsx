import { countryName } from '../../../lib/countries.ts';
import { displayNames, numberFormat } from '../../../lib/intl.ts';
import type { ViewContext } from '../../../platform/context.ts';
import { paginationLabels } from '../../../platform/pagination.ts';
import { FacetFilters, Marked, NoResults, SortChoice, type SearchOutcome } from '../../../search/index.ts';
import { Button, Card, Pagination, TextInput } from '../../../ui/index.ts';
import { termLabel, type Term } from '../../taxonomies/index.ts';
import { resourceFacets, type ResourceFacetParam, type ResourceResult } from '../search.ts';

export interface ResourceListPageProps {
  ctx: ViewContext;
  outcome: SearchOutcome<ResourceFacetParam, ResourceResult>;
  termsByKey: ReadonlyMap<string, Term>;
  outOfRange: boolean;
}

/** The label of a facet value in the reader's language. */
export function facetValueLabel(ctx: ViewContext, param: ResourceFacetParam, value: string, termsByKey: ReadonlyMap<string, Term>): string {
  switch (param) {
    case 'type':
      return ctx.t(`resources.types.${value}`);
    case 'country':
      return countryName(value, ctx.locale);
    case 'language':
      return displayNames(ctx.locale, 'language').of(value) ?? value;
    case 'year':
      return value;
    case 'topic': {
      const term = termsByKey.get(`topic:${value}`);
      return term ? termLabel(term, ctx.locale) : value;
    }
    case 'target': {
      const term = termsByKey.get(`target_group:${value}`);
      return term ? termLabel(term, ctx.locale) : value;
    }
  }
}

function Facets({ ctx, outcome, termsByKey }: Omit<ResourceListPageProps, 'outOfRange'>) {
  const { t } = ctx;
  return (
    <FacetFilters
      params={resourceFacets.params}
      facets={outcome.facets}
      legend={(param) => t(`resources.facets.${param}`)}
      label={(param, value) => facetValueLabel(ctx, param, value, termsByKey)}
      withCount={(label, count) => t('resources.list.facetValue', { label, count })}
      title={t('resources.list.filters')}
      apply={t('resources.list.apply')}
    />
  );
}

function ResultCard({ ctx, result, termsById }: { ctx: ViewContext; result: ResourceResult; termsById: ReadonlyMap<number, Term> }) {
  const { t } = ctx;
  const average = result.rating_count > 0 ? numberFormat(ctx.locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(result.rating_sum / result.rating_count) : null;
  const meta = [t(`resources.types.${result.type}`), result.publisher, result.year ? String(result.year) : ''].filter(Boolean).join(' · ');
  const topics = result.term_ids
    .map((id) => termsById.get(id))
    .filter((term): term is Term => term !== undefined && term.vocabulary === 'topic');
  return (
    <Card
      headingLevel={2}
      title={
        <span lang={result.language} dir="auto">
          <Marked text={result.marked_title} />
        </span>
      }
      href={ctx.href(`/resources/${encodeURIComponent(result.slug)}`)}
      meta={meta}
      tags={topics.map((term) => ({ label: termLabel(term, ctx.locale), href: ctx.href(`/resources?topic=${encodeURIComponent(term.code)}`) }))}
      tagsLabel={t('resources.facets.topic')}
    >
      <p lang={result.language} dir="auto">
        {result.snippet ? <Marked text={result.snippet} /> : result.summary}
      </p>
      <p class="muted">
        {average === null ? t('resources.list.notRated') : t('resources.list.rating', { average, count: result.rating_count })}
        {result.countries.length > 0 ? ` · ${result.countries.map((code) => countryName(code, ctx.locale)).join(', ')}` : ''}
      </p>
    </Card>
  );
}

/** `/{l}/resources`: search in any language with facets, newest or most useful first. */
export function ResourceListPage({ ctx, outcome, termsByKey, outOfRange }: ResourceListPageProps) {
  const { t } = ctx;
  const { request } = outcome;
  const termsById = new Map([...termsByKey.values()].map((term) => [term.id, term]));
  const hrefFor = (page: number) => ctx.href(`/resources${resourceFacets.searchQueryString(request, page)}`);
  return (
    <div class="stack">
      <h1>{request.q ? t('resources.list.titleWithQuery', { query: request.q }) : t('resources.list.title')}</h1>
      <p class="lede">{t('resources.list.intro')}</p>
      {ctx.user ? (
        <p>
          <a href={ctx.href('/resources/new')}>{t('resources.list.submit')}</a> · <a href={ctx.href('/resources/mine')}>{t('resources.list.mine')}</a>
        </p>
      ) : null}
      {/* One GET form holds the words, the order and the facets, so that every button keeps them all. */}
      <form method="get" action={ctx.href('/resources')} class="search-form">
        <div role="search" aria-label={t('resources.list.searchLabel')}>
          <TextInput id="q" type="search" label={t('resources.list.query')} hint={t('resources.list.queryHint')} value={request.q} />
          <Button>{t('resources.list.search')}</Button>
        </div>
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t(outcome.approximate ? 'resources.list.countAbout' : 'resources.list.count', { count: outcome.total })}</h2>
          {outcome.approximate ? <p>{t('resources.list.estimated')}</p> : null}
          {outcome.total > 0 ? (
            <SortChoice request={request} label={t('resources.list.sort')} apply={t('resources.list.apply')} sortLabel={(sort) => t(`resources.list.sorts.${sort}`)} defaultLabel={t('resources.list.sorts.default')} />
          ) : null}
          {outcome.results.length === 0 ? (
            <NoResults
              message={outOfRange ? t('resources.list.outOfRange') : t('resources.list.empty')}
              clear={request.q || request.filters.size > 0 ? { href: ctx.href('/resources'), label: t('resources.list.clear') } : undefined}
            />
          ) : (
            <ol class="result-list" aria-label={t('resources.list.results')}>
              {outcome.results.map((result) => (
                <li key={result.slug}>
                  <ResultCard ctx={ctx} result={result} termsById={termsById} />
                </li>
              ))}
            </ol>
          )}
          <Pagination page={Math.min(request.page, outcome.pageCount)} pageCount={outcome.pageCount} hrefFor={hrefFor} labels={paginationLabels(t)} />
          <p class="muted">
            <a href={`/feeds/resources.atom${resourceFacets.searchQueryString({ ...request, sortGiven: false })}`}>{t('resources.list.feed')}</a> ·{' '}
            <a href="/api/v1/resources/export.csv">{t('resources.list.csv')}</a> · <a href="/api/v1/resources/export.json">{t('resources.list.json')}</a>
          </p>
        </section>
        {outcome.total > 0 || request.filters.size > 0 ? <Facets ctx={ctx} outcome={outcome} termsByKey={termsByKey} /> : null}
      </form>
    </div>
  );
}
