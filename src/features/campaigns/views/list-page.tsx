import { countryName, countryOptions } from '../../../lib/countries.ts';
import type { ViewContext } from '../../../platform/context.ts';
import { paginationLabels } from '../../../platform/pagination.ts';
import { Button, Card, Pagination, Select } from '../../../ui/index.ts';
import { AUDIENCES } from '../../myths/index.ts';
import { termLabel, type Term } from '../../taxonomies/index.ts';
import { campaignPath, CAMPAIGNS_PATH } from '../kind.ts';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '../model.ts';
import type { CampaignRow } from '../queries.ts';
import { dayText } from './format.ts';

export interface CampaignListItem {
  row: CampaignRow;
  status: CampaignStatus;
}

/** One campaign as a card: name, hashtag, when, where, supporters. */
export function CampaignCard({ ctx, item, headingLevel = 2 }: { ctx: ViewContext; item: CampaignListItem; headingLevel?: 2 | 3 }) {
  const { t } = ctx;
  const { row } = item;
  const when = row.ends_on ? t('campaigns.page.fromTo', { from: dayText(ctx.locale, row.starts_on), to: dayText(ctx.locale, row.ends_on) }) : t('campaigns.page.since', { from: dayText(ctx.locale, row.starts_on) });
  return (
    <Card
      headingLevel={headingLevel}
      title={
        <span lang={row.language} dir="auto">
          {row.name}
        </span>
      }
      href={ctx.href(campaignPath(row.slug))}
      meta={[row.hashtag, t(`campaigns.statuses.${item.status}`), when].join(' · ')}
      tags={row.countries.map((code) => ({ label: countryName(code, ctx.locale), href: ctx.href(`${CAMPAIGNS_PATH}?country=${code}`) }))}
      tagsLabel={t('campaigns.page.countries')}
    >
      <p lang={row.language} dir="auto">
        {row.problem}
      </p>
      <p class="muted">{t('campaigns.page.supporterCount', { count: row.supporter_count })}</p>
    </Card>
  );
}

export interface CampaignListPageProps {
  ctx: ViewContext;
  items: readonly CampaignListItem[];
  total: number;
  page: number;
  pageCount: number;
  filters: { status?: string; country?: string; audience?: string; topic?: string };
  topics: readonly Term[];
}

/** `/{l}/campaigns`: every campaign, filtered by status, country, audience and topic. */
export function CampaignListPage({ ctx, items, total, page, pageCount, filters, topics }: CampaignListPageProps) {
  const { t } = ctx;
  const query = (next: number) => {
    const params = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
    if (next > 1) params.set('page', String(next));
    const text = params.toString();
    return ctx.href(`${CAMPAIGNS_PATH}${text ? `?${text}` : ''}`);
  };
  return (
    <div class="stack">
      <h1>{t('campaigns.list.title')}</h1>
      <p class="lede">{t('campaigns.list.intro')}</p>
      <p>
        <a href={ctx.href('/myths')}>{t('campaigns.list.myths')}</a>
        {ctx.user ? (
          <>
            {' · '}
            <a href={ctx.href(`${CAMPAIGNS_PATH}/new`)}>{t('campaigns.list.start')}</a>
          </>
        ) : null}
      </p>
      <form method="get" action={ctx.href(CAMPAIGNS_PATH)} class="inline-form" aria-label={t('campaigns.list.filters')}>
        <Select id="status" label={t('campaigns.list.status')} emptyOption={t('campaigns.list.noFilter')} options={CAMPAIGN_STATUSES.map((status) => ({ value: status, label: t(`campaigns.statuses.${status}`) }))} value={filters.status ?? ''} />
        <Select id="country" label={t('campaigns.list.country')} emptyOption={t('campaigns.list.noFilter')} options={countryOptions(ctx.locale)} value={filters.country ?? ''} />
        <Select id="audience" label={t('campaigns.list.audience')} emptyOption={t('campaigns.list.noFilter')} options={AUDIENCES.map((audience) => ({ value: audience, label: t(`myths.audiences.${audience}`) }))} value={filters.audience ?? ''} />
        <Select id="topic" label={t('campaigns.list.topic')} emptyOption={t('campaigns.list.noFilter')} options={topics.map((term) => ({ value: term.code, label: termLabel(term, ctx.locale) }))} value={filters.topic ?? ''} />
        <Button variant="secondary">{t('campaigns.list.apply')}</Button>
      </form>
      <h2>{t('campaigns.list.count', { count: total })}</h2>
      {items.length === 0 ? (
        <p>{t('campaigns.list.empty')}</p>
      ) : (
        <ol class="result-list">
          {items.map((item) => (
            <li key={item.row.slug}>
              <CampaignCard ctx={ctx} item={item} />
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={query} labels={paginationLabels(t)} />
      <p class="muted">
        <a href="/feeds/campaigns.atom">{t('campaigns.list.feed')}</a> · <a href="/api/v1/campaigns">{t('campaigns.list.api')}</a>
      </p>
    </div>
  );
}
