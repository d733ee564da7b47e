import { CommentsSection, PersonalRating, type CommunityNotice, type Engagement } from '../../../engagement/index.ts';
import { countryName } from '../../../lib/countries.ts';
import { displayNames } from '../../../lib/intl.ts';
import { jsonForScript, ShareSection } from '../../../open-data/index.ts';
import type { ViewContext } from '../../../platform/context.ts';
import type { FieldErrors, FormState } from '../../../platform/forms.ts';
import { Personal, personalPart } from '../../../platform/personal-parts.tsx';
import { Button, Checkboxes, SuccessBanner, Table, TagList, TextInput, type TagItem } from '../../../ui/index.ts';
import { MarkdownText } from '../../../ui/markdown-text.tsx';
import { PostForm } from '../../../ui/post-form.tsx';
import { Section } from '../../../ui/section.tsx';
import { FollowButton } from '../../follows/index.ts';
import { termLabel } from '../../taxonomies/index.ts';
import { indicatorChartSvg } from '../chart.ts';
import { campaignPath, CAMPAIGNS_PATH } from '../kind.ts';
import type { IndicatorRow, MessageRow } from '../queries.ts';
import type { CampaignDetail } from '../service.ts';
import { amountText, budgetText, dayText } from './format.ts';

/** Notices a campaign page may confirm after a redirect. */
export const CAMPAIGN_NOTICES = ['created', 'saved', 'supported', 'withdrawn', 'emailSent', 'confirmed', 'linkUsed'] as const;
export type CampaignNotice = (typeof CAMPAIGN_NOTICES)[number];

export interface SupportBoxData {
  id: number;
  slug: string;
  /** Filled per member: whether they support it, and may manage it. */
  supports: boolean;
  manages: boolean;
}

/**
 * The member's side of the page: support or withdraw with one click, and the managers' link.
 * Visitors see the address form instead (rendered in the shared page: it holds nothing of theirs).
 */
export const memberControls = personalPart<SupportBoxData>('campaign-member', (ctx, { slug, supports, manages }) => {
  const { t } = ctx;
  if (!ctx.user) return null;
  return (
    <div class="stack">
      {supports ? (
        <PostForm action={ctx.href(`${campaignPath(slug)}/support/withdraw`)} csrfToken={ctx.csrfToken()}>
          <p>{t('campaigns.support.youSupport')}</p>
          <Button variant="secondary">{t('campaigns.support.withdraw')}</Button>
        </PostForm>
      ) : (
        <PostForm action={ctx.href(`${campaignPath(slug)}/support`)} csrfToken={ctx.csrfToken()}>
          <Checkboxes id="showName" label={t('campaigns.support.showNameLegend')} items={[{ value: 'yes', label: t('campaigns.support.showName') }]} checked={[]} />
          <Button>{t('campaigns.support.button')}</Button>
        </PostForm>
      )}
      {manages ? (
        <p>
          <a href={ctx.href(`${campaignPath(slug)}/manage`)} class="button button--secondary">
            {t('campaigns.page.manage')}
          </a>
        </p>
      ) : null}
    </div>
  );
});

/** The ready-to-copy post of a message: its text, the hashtag and a link back to the campaign. */
export function sharePost(message: MessageRow, hashtag: string, url: string): string {
  return `${message.body} ${hashtag} ${url}`;
}

function MessageItem({ ctx, message, hashtag, slug, pageUrl }: { ctx: ViewContext; message: MessageRow; hashtag: string; slug: string; pageUrl: string }) {
  const { t } = ctx;
  const languages = displayNames(ctx.locale, 'language');
  const card = `${campaignPath(slug)}/messages/${message.id}/card`;
  return (
    <li class="stack" id={`message-${message.id}`}>
      <p class="muted">{languages.of(message.language) ?? message.language}</p>
      <blockquote lang={message.language} dir="auto">
        <p>{message.body}</p>
      </blockquote>
      {message.myths.length > 0 ? (
        <p>
          {t('campaigns.page.restsOn')}{' '}
          {message.myths.map((myth, index) => (
            <>
              {index > 0 ? ' · ' : ''}
              <a href={ctx.href(`/myths/${encodeURIComponent(myth.slug)}`)} lang={myth.language} dir="auto">
                {myth.title}
              </a>
            </>
          ))}
        </p>
      ) : null}
      <label class="label" for={`post-${message.id}`}>
        {t('campaigns.page.readyPost')}
      </label>
      <textarea class="textarea" id={`post-${message.id}`} rows={3} readonly lang={message.language} dir="auto">
        {sharePost(message, hashtag, pageUrl)}
      </textarea>
      <p>
        <a href={ctx.href(`${card}.png`)} download>
          {t('campaigns.page.cardPng')}
        </a>{' '}
        · <a href={ctx.href(`${card}.svg`)}>{t('campaigns.page.cardSvg')}</a>
      </p>
    </li>
  );
}

function Progress({ ctx, indicator }: { ctx: ViewContext; indicator: IndicatorRow }) {
  const { t } = ctx;
  const number = (value: string | number) => `${amountText(ctx.locale, Number(value))}${indicator.unit ? ` ${indicator.unit}` : ''}`;
  const latest = indicator.values[indicator.values.length - 1];
  const chart = indicatorChartSvg({
    id: `indicator-${indicator.id}`,
    title: indicator.name,
    description: t('campaigns.progress.describe', { baseline: number(indicator.baseline), target: number(indicator.target), latest: latest ? number(latest.value) : t('campaigns.progress.none') }),
    baseline: Number(indicator.baseline),
    target: Number(indicator.target),
    points: indicator.values.map((entry) => ({ on: entry.on, value: Number(entry.value) })),
    labels: { baseline: t('campaigns.progress.baseline'), target: t('campaigns.progress.target') },
    formatNumber: (value) => amountText(ctx.locale, value),
    formatDate: (on) => dayText(ctx.locale, on),
  });
  return (
    <div class="stack" id={`indicator-${indicator.id}`}>
      <h3 dir="auto">{indicator.name}</h3>
      <p>
        {t('campaigns.progress.baseline')}: {number(indicator.baseline)} · {t('campaigns.progress.target')}: {number(indicator.target)}
      </p>
      {indicator.values.length > 0 ? (
        <>
          <div
            // Made on the server by indicatorChartSvg from numbers, with every text in it escaped.
            dangerouslySetInnerHTML={{ __html: chart }}
          />
          <Table
            caption={t('campaigns.progress.tableCaption', { name: indicator.name })}
            head={[t('campaigns.progress.date'), t('campaigns.progress.value')]}
            rows={indicator.values.map((entry) => [dayText(ctx.locale, entry.on), number(entry.value)])}
            numericColumns={[1]}
          />
        </>
      ) : (
        <p>{t('campaigns.progress.none')}</p>
      )}
    </div>
  );
}

export interface CampaignPageProps {
  ctx: ViewContext;
  detail: CampaignDetail;
  notice?: CampaignNotice | CommunityNotice;
  engagement: Engagement;
  forms: { rating: FormState; comment: FormState };
  support: { values: { email: string; name: string; showName: boolean }; errors: FieldErrors };
  urls: { page: string; site: string; siteName: string };
}

function tagsOf(ctx: ViewContext, detail: CampaignDetail): TagItem[] {
  const filtered = (param: string, value: string) => ctx.href(`${CAMPAIGNS_PATH}?${new URLSearchParams({ [param]: value }).toString()}`);
  return [
    ...detail.row.audiences.map((audience) => ({ label: ctx.t(`myths.audiences.${audience}`), href: filtered('audience', audience) })),
    ...detail.terms.map((term) => ({ label: termLabel(term, ctx.locale), href: filtered('topic', term.code) })),
    ...detail.row.countries.map((code) => ({ label: countryName(code, ctx.locale), href: filtered('country', code) })),
  ];
}

function jsonLd(detail: CampaignDetail, urls: CampaignPageProps['urls']) {
  const { row } = detail;
  return {
    '@context': 'https://schema.org',
    '@type': 'Project',
    '@id': urls.page,
    url: urls.page,
    name: row.name,
    description: row.problem,
    inLanguage: row.language,
    keywords: row.hashtag,
    foundingDate: row.starts_on,
    ...(row.ends_on ? { dissolutionDate: row.ends_on } : {}),
    ...(detail.partners.some((partner) => partner.kind === 'organisation')
      ? { member: detail.partners.filter((partner) => partner.kind === 'organisation').map((partner) => ({ '@type': 'Organization', name: partner.name })) }
      : {}),
    publisher: { '@type': 'Organization', name: urls.siteName, url: urls.site },
  };
}

/** The visitor's way to support: an address to confirm, a name only if they want it shown. */
function VisitorSupport({ ctx, slug, values, errors }: { ctx: ViewContext; slug: string; values: CampaignPageProps['support']['values']; errors: FieldErrors }) {
  const { t } = ctx;
  const errorPrefix = t('common.errorPrefix');
  const field = (id: string) => ({ id, errorPrefix, error: errors[id] ? t(errors[id]) : undefined });
  return (
    <PostForm action={ctx.href(`${campaignPath(slug)}/support/email`)} csrfToken={ctx.csrfToken()}>
      <p>{t('campaigns.support.visitorIntro')}</p>
      <TextInput {...field('email')} type="email" autocomplete="email" label={t('campaigns.support.email')} value={values.email} />
      <TextInput {...field('name')} autocomplete="name" label={t('campaigns.support.name')} hint={t('campaigns.support.nameHint')} value={values.name} />
      <Checkboxes {...field('showName')} label={t('campaigns.support.showNameLegend')} items={[{ value: 'yes', label: t('campaigns.support.showName') }]} checked={values.showName ? ['yes'] : []} />
      <Button>{t('campaigns.support.sendLink')}</Button>
    </PostForm>
  );
}

export function CampaignPageView({ ctx, detail, notice, support, engagement, forms, urls }: CampaignPageProps) {
  const { t } = ctx;
  const { row } = detail;
  const audiences = [...new Set(detail.messages.map((message) => message.audience))];
  const organisations = detail.partners.filter((partner) => partner.kind === 'organisation');
  const cities = detail.partners.filter((partner) => partner.kind === 'city');
  const when = row.ends_on ? t('campaigns.page.fromTo', { from: dayText(ctx.locale, row.starts_on), to: dayText(ctx.locale, row.ends_on) }) : t('campaigns.page.since', { from: dayText(ctx.locale, row.starts_on) });
  return (
    <article class="stack">
      <SuccessBanner title={t('common.success')} message={notice ? t(`campaigns.done.${notice}`) : undefined} />
      <p>
        <a href={ctx.href(CAMPAIGNS_PATH)}>{t('campaigns.page.back')}</a>
      </p>
      <p class="eyebrow">{t('campaigns.page.eyebrow')}</p>
      <h1 lang={row.language} dir="auto">
        {row.name}
      </h1>
      <p class="lede">
        <strong>
          <bdi>{row.hashtag}</bdi>
        </strong>{' · '}
        {t(`campaigns.statuses.${detail.status}`)} · {when}
      </p>
      <TagList tags={tagsOf(ctx, detail)} label={t('campaigns.page.tags')} />
      <FollowButton ctx={ctx} kind="campaign" targetKey={String(row.id)} label={row.name} />
      <Section id="support" title={t('campaigns.support.heading')}>
        <p class="lede">{t('campaigns.page.supporterCount', { count: row.supporter_count })}</p>
        {ctx.user ? (
          <Personal ctx={ctx} part={memberControls} data={{ id: row.id, slug: row.slug, supports: false, manages: false }} />
        ) : (
          <VisitorSupport ctx={ctx} slug={row.slug} values={support.values} errors={support.errors} />
        )}
        {detail.supporterNames.length > 0 ? (
          <p>
            {t('campaigns.support.names')} <span dir="auto">{detail.supporterNames.join(', ')}</span>
          </p>
        ) : null}
      </Section>
      {row.problem ? (
        <Section id="problem" title={t('campaigns.page.problem')}>
          <p lang={row.language} dir="auto">
            {row.problem}
          </p>
        </Section>
      ) : null}
      {row.objectives ? (
        <Section id="objectives" title={t('campaigns.page.objectives')}>
          <div lang={row.language}>
            <MarkdownText source={row.objectives} />
          </div>
        </Section>
      ) : null}
      <Section id="messages" title={t('campaigns.page.messages')}>
        {audiences.length === 0 ? <p>{t('campaigns.page.noMessages')}</p> : null}
        {audiences.map((audience) => (
          <div key={audience} class="stack">
            <h3>{t(`myths.audiences.${audience}`)}</h3>
            <ul class="stack">
              {detail.messages
                .filter((message) => message.audience === audience)
                .map((message) => (
                  <MessageItem key={message.id} ctx={ctx} message={message} hashtag={row.hashtag} slug={row.slug} pageUrl={urls.page} />
                ))}
            </ul>
          </div>
        ))}
      </Section>
      {detail.partners.length > 0 ? (
        <Section id="partners" title={t('campaigns.page.partners')}>
          {organisations.length > 0 ? (
            <p>
              {t('campaigns.page.organisations')}{' '}
              {organisations.map((partner, index) => (
                <>
                  {index > 0 ? ', ' : ''}
                  <a href={ctx.href(`/organisations/${encodeURIComponent(partner.slug)}`)} dir="auto">
                    {partner.name}
                  </a>
                </>
              ))}
            </p>
          ) : null}
          {cities.length > 0 ? (
            <p>
              {t('campaigns.page.cities')}{' '}
              {cities.map((partner, index) => (
                <>
                  {index > 0 ? ', ' : ''}
                  <a href={ctx.href(`/cities/${encodeURIComponent(partner.slug)}`)} dir="auto">
                    {partner.name}
                  </a>
                </>
              ))}
            </p>
          ) : null}
        </Section>
      ) : null}
      <Section id="timeline" title={t('campaigns.page.timeline')}>
        <p>{when}</p>
        {detail.milestones.length > 0 ? (
          <ol>
            {detail.milestones.map((milestone) => (
              <li key={milestone.id}>
                {dayText(ctx.locale, milestone.due_on)}: <span dir="auto">{milestone.title}</span> {milestone.done ? `(${t('campaigns.page.done')})` : ''}
              </li>
            ))}
          </ol>
        ) : null}
      </Section>
      {row.deliverables ? (
        <Section id="deliverables" title={t('campaigns.page.deliverables')}>
          <MarkdownText source={row.deliverables} />
        </Section>
      ) : null}
      <Section id="budget" title={t('campaigns.page.budget')}>
        <p>
          {row.budget === null ? t('campaigns.page.budgetUnknown') : Number(row.budget) === 0 ? t('campaigns.page.budgetZero', { amount: budgetText(ctx.locale, row.budget, row.budget_currency) }) : budgetText(ctx.locale, row.budget, row.budget_currency)}
          {row.budget_note ? <span dir="auto"> — {row.budget_note}</span> : null}
        </p>
      </Section>
      {row.success_factors ? (
        <Section id="success-factors" title={t('campaigns.page.successFactors')}>
          <MarkdownText source={row.success_factors} />
        </Section>
      ) : null}
      <Section id="progress" title={t('campaigns.page.progress')}>
        {detail.indicators.length === 0 ? <p>{t('campaigns.page.noIndicators')}</p> : detail.indicators.map((indicator) => <Progress key={indicator.id} ctx={ctx} indicator={indicator} />)}
      </Section>
      {row.results || row.recommendations ? (
        <Section id="results" title={t('campaigns.page.results')}>
          {row.results ? <MarkdownText source={row.results} /> : null}
          {row.recommendations ? (
            <>
              <h3>{t('campaigns.page.recommendations')}</h3>
              <MarkdownText source={row.recommendations} />
            </>
          ) : null}
        </Section>
      ) : null}
      <Section id="updates" title={t('campaigns.page.updates')}>
        {detail.updates.length === 0 ? (
          <p>{t('campaigns.page.noUpdates')}</p>
        ) : (
          <ol class="stack">
            {detail.updates.map((update) => (
              <li key={update.id} id={`update-${update.id}`}>
                <h3 dir="auto">{update.title}</h3>
                <p class="muted">{dayText(ctx.locale, update.published_at.toISOString().slice(0, 10))}</p>
                {update.body ? <MarkdownText source={update.body} /> : null}
              </li>
            ))}
          </ol>
        )}
      </Section>
      <p>
        <a href={ctx.href(`${campaignPath(row.slug)}/report`)}>{t('campaigns.page.report')}</a> · <a href={`/feeds/campaigns/${encodeURIComponent(row.slug)}.atom`}>{t('campaigns.page.updatesFeed')}</a>
      </p>
      {ctx.user ? (
        <p>
          <a href={ctx.href(`${campaignPath(row.slug)}/flag`)}>{t('engagement.kinds.campaign.reportItem')}</a>
        </p>
      ) : null}
      <PersonalRating ctx={ctx} engagement={engagement} form={forms.rating} />
      <CommentsSection ctx={ctx} engagement={engagement} form={forms.comment} />
      <ShareSection ctx={ctx} kind="campaign" title={row.name} url={urls.page} />
      <script
        type="application/ld+json"
        // Escaped by jsonForScript: no value can close the element.
        dangerouslySetInnerHTML={{ __html: jsonForScript(jsonLd(detail, urls)) }}
      />
    </article>
  );
}
