import { countryName, countryOptions } from '../../../lib/countries.ts';
import type { ViewContext } from '../../../platform/context.ts';
import { summaryOf, type FieldErrors } from '../../../platform/forms.ts';
import { paginationLabels, type Page } from '../../../platform/pagination.ts';
import { Button, ButtonLink, Card, Checkboxes, Pagination, Radios, Select, Textarea, TextInput } from '../../../ui/index.ts';
import { DateText } from '../../../ui/date-text.tsx';
import { ErrorSummary } from '../../../ui/error-summary.tsx';
import { CountryChoices } from '../../../ui/form-controls.tsx';
import { ItemLinks } from '../../../ui/item-links.tsx';
import { Paragraphs } from '../../../ui/paragraphs.tsx';
import { NotificationBanner, SuccessBanner } from '../../../ui/notification.tsx';
import { PostForm } from '../../../ui/post-form.tsx';
import { SummaryList } from '../../../ui/summary-list.tsx';
import { termLabel, type Term } from '../../taxonomies/index.ts';
import type { ListedPartnership, PartnershipForm, PartnershipQuery, PartnershipsService } from '../service.ts';

type Partnership = Awaited<ReturnType<PartnershipsService['find']>>;

export function partnershipQueryString(query: PartnershipQuery, page = 1): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.kind) params.set('kind', query.kind);
  if (query.country) params.set('country', query.country);
  if (query.topic) params.set('topic', query.topic);
  if (query.status === 'closed') params.set('status', 'closed');
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Partnerships as cards, for the list and for country pages. */
export function PartnershipCards({ ctx, items, topics }: { ctx: ViewContext; items: readonly ListedPartnership[]; topics: ReadonlyMap<string, Term> }) {
  const { t, locale } = ctx;
  return (
    <ol class="result-list" aria-label={t('partnerships.list.title')}>
      {items.map((item) => (
        <li key={item.id}>
          <Card
            headingLevel={3}
            title={<span dir="auto">{item.title}</span>}
            href={ctx.href(`/partnerships/${item.id}`)}
            meta={[t(`partnerships.kinds.${item.kind}`), item.countries.map((code) => countryName(code, locale)).join(', '), item.author_name ?? t('partnerships.deletedMember')].filter(Boolean).join(' · ')}
            tags={item.topics.flatMap((code) => {
              const term = topics.get(code);
              return term ? [{ label: termLabel(term, locale), href: ctx.href(`/partnerships?topic=${encodeURIComponent(code)}`) }] : [];
            })}
            tagsLabel={t('partnerships.fields.topics')}
          >
            <p dir="auto">{item.description.slice(0, 240)}</p>
          </Card>
        </li>
      ))}
    </ol>
  );
}

/** `/{l}/partnerships`: offers and requests, searchable and filtered. */
export function PartnershipListPage({ ctx, query, page, topics }: { ctx: ViewContext; query: PartnershipQuery; page: Page<ListedPartnership>; topics: readonly Term[] }) {
  const { t, locale } = ctx;
  const byCode = new Map(topics.map((term) => [term.code, term]));
  return (
    <div class="stack">
      {query.ignored ? <NotificationBanner title={t('partnerships.list.ignoredTitle')}>{t('partnerships.list.ignored')}</NotificationBanner> : null}
      <h1>{t('partnerships.list.title')}</h1>
      <p class="lede">{t('partnerships.list.intro')}</p>
      <p>
        <ButtonLink href={ctx.href('/partnerships/new')}>{t('partnerships.list.post')}</ButtonLink>
      </p>
      <form method="get" action={ctx.href('/partnerships')} class="search-form">
        <div role="search" aria-label={t('partnerships.list.searchLabel')}>
          <TextInput id="q" type="search" label={t('partnerships.list.query')} value={query.q} />
        </div>
        <Select id="kind" label={t('partnerships.fields.kind')} emptyOption={t('partnerships.list.any')} options={['offer', 'request'].map((kind) => ({ value: kind, label: t(`partnerships.kinds.${kind}`) }))} value={query.kind ?? ''} />
        <Select id="country" label={t('partnerships.fields.countries')} emptyOption={t('partnerships.list.any')} options={countryOptions(locale)} value={query.country ?? ''} />
        <Select id="topic" label={t('partnerships.fields.topics')} emptyOption={t('partnerships.list.any')} options={topics.map((term) => ({ value: term.code, label: termLabel(term, locale) }))} value={query.topic ?? ''} />
        <Select id="status" label={t('partnerships.fields.status')} options={['open', 'closed'].map((status) => ({ value: status, label: t(`partnerships.status.${status}`) }))} value={query.status} />
        <Button>{t('partnerships.list.apply')}</Button>
      </form>
      <h2>{t('partnerships.list.count', { count: page.total })}</h2>
      {page.items.length === 0 ? <p>{t('partnerships.list.empty')}</p> : <PartnershipCards ctx={ctx} items={page.items} topics={byCode} />}
      <Pagination page={page.page} pageCount={page.pageCount} hrefFor={(number) => ctx.href(`/partnerships${partnershipQueryString(query, number)}`)} labels={paginationLabels(t)} />
    </div>
  );
}

/** `/{l}/partnerships/{id}`: one offer or request, with a way to write to its author. */
export function PartnershipPage({ ctx, item, topics, notice }: { ctx: ViewContext; item: Partnership; topics: readonly Term[]; notice: string | undefined }) {
  const { t, locale } = ctx;
  const byCode = new Map(topics.map((term) => [term.code, term]));
  const rows = [
    { key: t('partnerships.fields.kind'), value: t(`partnerships.kinds.${item.kind}`) },
    { key: t('partnerships.fields.status'), value: t(`partnerships.status.${item.status}`) },
    ...(item.countries.length > 0 ? [{ key: t('partnerships.fields.countries'), value: item.countries.map((code) => countryName(code, locale)).join(', ') }] : []),
    ...(item.topics.length > 0 ? [{ key: t('partnerships.fields.topics'), value: item.topics.flatMap((code) => { const term = byCode.get(code); return term ? [termLabel(term, locale)] : []; }).join(', ') }] : []),
    { key: t('partnerships.fields.postedBy'), value: <span dir="auto">{item.author_name ?? t('partnerships.deletedMember')}</span> },
    { key: t('partnerships.fields.posted'), value: <DateText ctx={ctx} date={item.created_at} /> },
  ];
  return (
    <div class="stack">
      <SuccessBanner title={t('common.success')} message={notice ? t(`partnerships.notice.${notice}`) : undefined} />
      <h1 dir="auto">{item.title}</h1>
      <SummaryList rows={rows} />
      <Paragraphs text={item.description} />
      {item.practices.length > 0 ? (
        <section aria-labelledby="practices-heading">
          <h2 id="practices-heading">{t('partnerships.fields.practices')}</h2>
          <ItemLinks ctx={ctx} items={item.practices} basePath="/practices" />
        </section>
      ) : null}
      {item.status === 'open' && item.author_handle && item.author_name ? (
        <p>
          <a href={ctx.href(`/messages/new?to=${encodeURIComponent(item.author_handle)}`)}>{t('partnerships.page.write', { name: item.author_name })}</a>
        </p>
      ) : null}
      <p>
        <a href={ctx.href(`/partnerships/${item.id}/edit`)}>{t('partnerships.page.edit')}</a>
      </p>
    </div>
  );
}

export function PartnershipFormPage({ ctx, action, form, errors, topics, editing, id }: { ctx: ViewContext; action: string; form: PartnershipForm; errors: FieldErrors; topics: readonly Term[]; editing: boolean; id?: number }) {
  const { t, locale } = ctx;
  const errorPrefix = t('common.errorPrefix');
  const errorOf = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  return (
    <div class="stack">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, errors)} />
      <h1>{t(editing ? 'partnerships.form.editTitle' : 'partnerships.form.newTitle')}</h1>
      <PostForm action={action} csrfToken={ctx.csrfToken()}>
        <Radios id="kind" label={t('partnerships.fields.kind')} error={errorOf('kind')} errorPrefix={errorPrefix} items={['offer', 'request'].map((kind) => ({ value: kind, label: t(`partnerships.kinds.${kind}`), hint: t(`partnerships.kindHints.${kind}`) }))} checked={form.kind} />
        <TextInput id="title" label={t('partnerships.fields.title')} hint={t('partnerships.fields.titleHint')} value={form.title} error={errorOf('title')} errorPrefix={errorPrefix} />
        <Textarea id="description" label={t('partnerships.fields.description')} rows={6} value={form.description} error={errorOf('description')} errorPrefix={errorPrefix} />
        <CountryChoices ctx={ctx} id="countries" legend={t('partnerships.fields.countries')} error={errorOf('countries')} errorPrefix={errorPrefix} checked={form.countries} />
        <Checkboxes id="topics" label={t('partnerships.fields.topics')} error={errorOf('topics')} errorPrefix={errorPrefix} items={topics.map((term) => ({ value: term.code, label: termLabel(term, locale) }))} checked={form.topics} />
        <Textarea id="practices" label={t('partnerships.fields.practices')} hint={t('partnerships.fields.practicesHint')} rows={3} value={form.practices} error={errorOf('practices')} errorPrefix={errorPrefix} />
        <Button>{t(editing ? 'partnerships.form.save' : 'partnerships.form.post')}</Button>
      </PostForm>
      {editing && id ? (
        <p>
          <a href={ctx.href(`/partnerships/${id}/close`)}>{t('partnerships.form.closeLink')}</a>
        </p>
      ) : null}
    </div>
  );
}

export function ClosePage({ ctx, item }: { ctx: ViewContext; item: Partnership }) {
  const { t } = ctx;
  return (
    <div class="stack">
      <h1>{t('partnerships.close.title', { title: item.title })}</h1>
      <p>{t('partnerships.close.body')}</p>
      <PostForm action={ctx.href(`/partnerships/${item.id}/close`)} csrfToken={ctx.csrfToken()}>
        <Button variant="warning">{t('partnerships.close.button')}</Button>
      </PostForm>
      <p>
        <a href={ctx.href(`/partnerships/${item.id}`)}>{t('partnerships.close.cancel')}</a>
      </p>
    </div>
  );
}
