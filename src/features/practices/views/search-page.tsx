import type { ViewContext } from '../../../platform/context.ts';
import { paginationLabels } from '../../../platform/pagination.ts';
import { Button, Card, Checkboxes, Pagination, Select, TextInput } from '../../../ui/index.ts';
import { termLabel, type Term } from '../../taxonomies/index.ts';
import { Marked, RESULT_WINDOW, SORTS, withoutAnyFilter, withoutFilter } from '../../../search/index.ts';
import { FACETS, searchQueryString, type FacetParam, type SearchRequest } from '../search-params.ts';
import type { FacetValue, SearchOutcome, SearchResult } from '../search-service.ts';
import { displayNames, numberFormat, dateTimeFormat } from '../../../lib/intl.ts';

/** Facets longer than this show their most frequent values and a link to show them all. */
const FACET_PREVIEW = 6;

interface Formatters {
  countries: Intl.DisplayNames;
  languages: Intl.DisplayNames;
  numbers: Intl.NumberFormat;
  averages: Intl.NumberFormat;
  dates: Intl.DateTimeFormat;
}

const formattersByLocale = new Map<string, Formatters>();

/** Intl objects are costly to build and safe to share: one set per locale for every page. */
function formatters(locale: string): Formatters {
  let found = formattersByLocale.get(locale);
  if (!found) {
    found = {
      // Region codes (M49) are names of the same kind as countries for Intl.
      countries: displayNames(locale, 'region'),
      languages: displayNames(locale, 'language'),
      numbers: numberFormat(locale),
      averages: numberFormat(locale, { maximumFractionDigits: 1 }),
      dates: dateTimeFormat(locale, { dateStyle: 'medium' }),
    };
    formattersByLocale.set(locale, found);
  }
  return found;
}

export interface FacetLabeller {
  (param: FacetParam, value: string): string;
}

/** The label of a facet value in the reader's language. */
export function facetLabeller(ctx: ViewContext, termsByKey: ReadonlyMap<string, Term>): FacetLabeller {
  const { languages, countries } = formatters(ctx.locale);
  return (param, value) => {
    switch (param) {
      case 'country':
      case 'region':
        return countries.of(value) ?? value;
      case 'stakeholder':
        return ctx.t(`common.stakeholders.${value}`);
      case 'evidence':
        return ctx.t(`practiceSearch.evidence.${value}`);
      case 'language':
        return languages.of(value) ?? value;
      case 'year':
        return value;
      default: {
        const facet = FACETS.find((candidate) => candidate.param === param);
        const term = facet && 'vocabulary' in facet ? termsByKey.get(`${facet.vocabulary}:${value}`) : undefined;
        return term ? termLabel(term, ctx.locale) : value;
      }
    }
  };
}

export interface SearchPageProps {
  ctx: ViewContext;
  outcome: SearchOutcome;
  label: FacetLabeller;
  /** Facets whose every value is shown (`more=`). */
  expanded: ReadonlySet<FacetParam>;
  /** The requested page is past the last one. */
  outOfRange: boolean;
}

function searchHref(ctx: ViewContext, request: Pick<SearchRequest, 'q' | 'filters' | 'sort' | 'sortGiven'>, page = 1, extra: readonly (readonly [string, string])[] = []) {
  return ctx.href(`/practices${searchQueryString(request, page, extra)}`);
}

function ActiveFilters({ ctx, request, label }: { ctx: ViewContext; request: SearchRequest; label: FacetLabeller }) {
  if (request.filters.size === 0) return null;
  const { t } = ctx;
  return (
    <section aria-labelledby="active-filters-heading">
      <h2 id="active-filters-heading" class="visually-hidden">
        {t('practiceSearch.filters.active')}
      </h2>
      <ul class="tag-list">
        {[...request.filters].flatMap(([param, values]) =>
          values.map((value) => (
            <li key={`${param}:${value}`}>
              <a
                class="tag"
                href={searchHref(ctx, withoutFilter(request, param, value))}
                aria-label={t('practiceSearch.filters.remove', { label: label(param, value) })}
              >
                {`${label(param, value)} ×`}
              </a>
            </li>
          )),
        )}
        <li>
          <a class="tag tag--muted" href={searchHref(ctx, withoutAnyFilter(request))}>
            {t('practiceSearch.filters.clearAll')}
          </a>
        </li>
      </ul>
    </section>
  );
}

function FacetFieldset({
  ctx,
  param,
  values,
  label,
  expanded,
  request,
}: {
  ctx: ViewContext;
  param: FacetParam;
  values: readonly FacetValue[];
  label: FacetLabeller;
  expanded: ReadonlySet<FacetParam>;
  request: SearchRequest;
}) {
  const { t } = ctx;
  const { numbers } = formatters(ctx.locale);
  if (values.length === 0) return null;
  const showAll = expanded.has(param) || values.length <= FACET_PREVIEW + 2;
  const shown = showAll ? values : values.filter((value, index) => index < FACET_PREVIEW || value.selected);
  const otherExpanded = [...expanded].filter((name) => name !== param);
  return (
    <div class="facet">
      <Checkboxes
        id={param}
        label={t(`practiceSearch.facets.${param}`)}
        items={shown.map((value) => ({
          value: value.value,
          label: t('practiceSearch.facetValue', { label: label(param, value.value), count: numbers.format(value.count) }),
        }))}
        checked={values.filter((value) => value.selected).map((value) => value.value)}
      />
      {values.length > FACET_PREVIEW + 2 ? (
        <p>
          <a
            href={searchHref(
              ctx,
              request,
              1,
              (showAll ? otherExpanded : [...otherExpanded, param]).map((name) => ['more', name] as const),
            )}
          >
            {showAll ? t('practiceSearch.filters.showFewer') : t('practiceSearch.filters.showAll', { count: numbers.format(values.length) })}
          </a>
        </p>
      ) : null}
    </div>
  );
}

function ResultCard({ ctx, result, request }: { ctx: ViewContext; result: SearchResult; request: SearchRequest }) {
  const { t, locale } = ctx;
  const { dates, languages, averages: numbers, countries } = formatters(locale);
  const meta = [
    result.countries.map((country) => countries.of(country) ?? country).join(', '),
    t('practiceSearch.results.published', { date: dates.format(result.publishedAt) }),
    t('practiceSearch.results.writtenIn', { language: languages.of(result.language) ?? result.language }),
    result.ratingAverage === null
      ? t('practiceSearch.results.notRated')
      : t('practiceSearch.results.rating', { average: numbers.format(result.ratingAverage), count: result.ratingCount }),
  ].filter(Boolean);
  const topics = result.terms.filter((term) => term.vocabulary === 'topic');
  return (
    <Card
      headingLevel={3}
      href={ctx.href(`/practices/${encodeURIComponent(result.slug)}`)}
      title={
        // The practice's own language and direction, so an English title reads right on an Arabic page.
        <span lang={result.language} dir="auto">
          <Marked text={result.markedTitle} />
        </span>
      }
      meta={meta.join(' · ')}
      tags={topics.map((term) => ({
        label: termLabel(term, locale),
        href: searchHref(ctx, { q: '', filters: new Map([['topic', [term.code]]]), sort: request.sort, sortGiven: false }),
      }))}
      tagsLabel={t('practiceSearch.results.tags')}
    >
      <p lang={result.language} dir="auto">{result.snippet ? <Marked text={result.snippet} /> : truncate(result.summary, 300)}</p>
    </Card>
  );
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}

function EmptyState({ ctx, request, label }: { ctx: ViewContext; request: SearchRequest; label: FacetLabeller }) {
  const { t } = ctx;
  return (
    <div class="stack" id="no-results">
      <h2>{t('practiceSearch.empty.title')}</h2>
      {request.q ? <p>{t('practiceSearch.empty.spelling')}</p> : null}
      {request.filters.size > 0 ? (
        <>
          <p>{t('practiceSearch.empty.loosen')}</p>
          <ul>
            {[...request.filters].flatMap(([param, values]) =>
              values.map((value) => (
                <li key={`${param}:${value}`}>
                  <a href={searchHref(ctx, withoutFilter(request, param, value))}>
                    {t('practiceSearch.filters.remove', { label: label(param, value) })}
                  </a>
                </li>
              )),
            )}
          </ul>
        </>
      ) : null}
      <ul>
        {request.q && request.filters.size > 0 ? (
          <li>
            <a href={searchHref(ctx, withoutAnyFilter(request))}>{t('practiceSearch.empty.withoutFilters', { query: request.q })}</a>
          </li>
        ) : null}
        {request.q && request.filters.size > 0 ? (
          <li>
            <a href={searchHref(ctx, { ...request, q: '', sortGiven: false })}>{t('practiceSearch.empty.withoutQuery')}</a>
          </li>
        ) : null}
        <li>
          <a href={ctx.href('/practices')}>{t('practiceSearch.empty.all')}</a>
        </li>
      </ul>
    </div>
  );
}

export function SearchPage({ ctx, outcome, label, expanded, outOfRange }: SearchPageProps) {
  const { t } = ctx;
  const { request, total } = outcome;
  const countText = request.q
    ? t(outcome.approximate ? 'practiceSearch.results.countForQueryAbout' : 'practiceSearch.results.countForQuery', { count: total, query: request.q })
    : t(outcome.approximate ? 'practiceSearch.results.countAbout' : 'practiceSearch.results.count', { count: total });
  return (
    <div class="stack">
      <h1>{request.q ? t('practiceSearch.titleWithQuery', { query: request.q }) : t('practiceSearch.title')}</h1>
      <p class="lede">{t('practiceSearch.intro')}</p>
      {/* One GET form holds the words, the sort and the facets, so that every button keeps them all. */}
      <form method="get" action={ctx.href('/practices')} class="search-form">
        <div role="search">
          <TextInput id="q" type="search" label={t('practiceSearch.form.label')} hint={t('practiceSearch.form.hint')} value={request.q} />
          <Button>{t('practiceSearch.form.submit')}</Button>
        </div>
        {[...expanded].map((name) => (
          <input key={name} type="hidden" name="more" value={name} />
        ))}

        <ActiveFilters ctx={ctx} request={request} label={label} />

        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{countText}</h2>
          {outcome.fuzzy ? <p>{t('practiceSearch.results.fuzzy')}</p> : null}
          {outcome.approximate ? <p>{t('practiceSearch.results.estimated')}</p> : null}
          {total > 0 ? (
            <div class="inline-form">
              <Select
                id="sort"
                label={t('practiceSearch.sort.label')}
                // Until someone picks an order, the form sends none: a query typed next is then
                // ranked by relevance rather than by the date order shown without one.
                value={request.sortGiven ? request.sort : ''}
                emptyOption={t('practiceSearch.sort.default')}
                options={SORTS.filter((sort) => sort !== 'relevance' || request.q).map((sort) => ({
                  value: sort,
                  label: t(`practiceSearch.sort.${sort}`),
                }))}
              />
              <Button variant="secondary">{t('practiceSearch.sort.apply')}</Button>
            </div>
          ) : null}
          {outOfRange ? (
            <div id="out-of-range">
              <h3>{t('practiceSearch.outOfRange.title', { page: request.page })}</h3>
              <p>{t('practiceSearch.outOfRange.body', { count: outcome.pageCount })}</p>
              <p>
                <a href={searchHref(ctx, request)}>{t('practiceSearch.outOfRange.first')}</a>
              </p>
            </div>
          ) : null}
          {total === 0 ? <EmptyState ctx={ctx} request={request} label={label} /> : null}
          {outcome.results.map((result) => (
            <ResultCard key={result.slug} ctx={ctx} result={result} request={request} />
          ))}
          {total > RESULT_WINDOW && request.page >= outcome.pageCount ? (
            <p>{t('practiceSearch.results.window', { count: RESULT_WINDOW })}</p>
          ) : null}
          <Pagination
            page={Math.min(request.page, outcome.pageCount)}
            pageCount={outcome.pageCount}
            hrefFor={(page) => searchHref(ctx, request, page, [...expanded].map((name) => ['more', name] as const))}
            labels={paginationLabels(t)}
          />
        </section>

        {total > 0 || request.filters.size > 0 ? (
          <section aria-labelledby="filters-heading" class="facets">
            <h2 id="filters-heading">{t('practiceSearch.filters.heading')}</h2>
            {FACETS.map((facet) => (
              <FacetFieldset
                key={facet.param}
                ctx={ctx}
                param={facet.param}
                values={outcome.facets.get(facet.param) ?? []}
                label={label}
                expanded={expanded}
                request={request}
              />
            ))}
            <Button>{t('practiceSearch.filters.apply')}</Button>
          </section>
        ) : null}
      </form>
    </div>
  );
}
