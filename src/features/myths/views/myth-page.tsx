import { aggregateRatingJsonLd, CommentsSection, PersonalRating, type CommunityNotice, type Engagement } from '../../../engagement/index.ts';
import { editLinkPart, StatusTag } from '../../../editorial/index.ts';
import { countryName } from '../../../lib/countries.ts';
import { displayNames } from '../../../lib/intl.ts';
import { jsonForScript, ShareSection } from '../../../open-data/index.ts';
import type { ViewContext } from '../../../platform/context.ts';
import type { FormState } from '../../../platform/forms.ts';
import { Personal } from '../../../platform/personal-parts.tsx';
import { MarkdownText } from '../../../ui/markdown-text.tsx';
import { Section } from '../../../ui/section.tsx';
import { SuccessBanner, TagList, type TagItem } from '../../../ui/index.ts';
import { termLabel } from '../../taxonomies/index.ts';
import { mythPath, MYTHS_PATH } from '../kind.ts';
import type { MythDetail } from '../service.ts';

export interface MythPageProps {
  ctx: ViewContext;
  detail: MythDetail;
  engagement: Engagement;
  campaigns: readonly { slug: string; name: string; hashtag: string; language: string }[];
  forms: { rating: FormState; comment: FormState };
  notice?: CommunityNotice | 'draft' | 'submit' | 'publish';
  canEdit: boolean;
  urls: { page: string; site: string; siteName: string };
}

function tagsOf(ctx: ViewContext, detail: MythDetail): TagItem[] {
  const filtered = (param: string, value: string) => ctx.href(`${MYTHS_PATH}?${new URLSearchParams({ [param]: value }).toString()}`);
  return [
    ...detail.terms.filter((term) => term.vocabulary === 'topic').map((term) => ({ label: termLabel(term, ctx.locale), href: filtered('topic', term.code) })),
    ...detail.row.audiences.map((audience) => ({ label: ctx.t(`myths.audiences.${audience}`), href: filtered('audience', audience) })),
    ...detail.row.countries.map((code) => ({ label: countryName(code, ctx.locale), href: filtered('country', code) })),
  ];
}

/**
 * schema.org ClaimReview: the claim the myth states, reviewed by this site as false, with the fact
 * as the review's text (what search engines show as a fact check).
 */
function claimReviewJsonLd(ctx: ViewContext, detail: MythDetail, engagement: Engagement, urls: MythPageProps['urls']) {
  const { row } = detail;
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    '@id': urls.page,
    url: urls.page,
    inLanguage: row.language,
    claimReviewed: row.title,
    reviewBody: row.fact,
    ...(row.published_at ? { datePublished: row.published_at.toISOString().slice(0, 10) } : {}),
    author: { '@type': 'Organization', name: urls.siteName, url: urls.site },
    itemReviewed: {
      '@type': 'Claim',
      ...(row.countries.length > 0 ? { spatialCoverage: row.countries.map((code) => ({ '@type': 'Country', name: countryName(code, 'en') })) } : {}),
    },
    reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: ctx.t('myths.page.verdict') },
    citation: detail.sources.map((source) => ({ '@type': 'CreativeWork', name: source.title, url: source.url, ...(source.publisher ? { publisher: source.publisher } : {}) })),
    ...aggregateRatingJsonLd(engagement.rating),
  };
}

/** The edit link, rendered apart for each member. */
export const mythEditPart = editLinkPart('myth-edit', (slug) => `${mythPath(slug)}/edit`, 'myths.page.edit');

/** Whether a source's link failed its last check: no answer, or an answer other than 2xx (a 404 is not an error of the checker). */
function linkFailed(source: MythDetail['sources'][number]): boolean {
  if (!source.link_checked_at) return false;
  return source.link_error !== null || source.link_status === null || source.link_status < 200 || source.link_status >= 300;
}

/** The evidence: each source with its publisher and year, and a warning when its link last failed. */
export function SourceList({ ctx, sources }: { ctx: ViewContext; sources: MythDetail['sources'] }) {
  return (
    <ol class="source-list">
      {sources.map((source) => (
        <li key={source.id}>
          <a href={source.url} rel="nofollow ugc noopener noreferrer" dir="auto">
            {source.title}
          </a>
          {[source.publisher, source.year ? String(source.year) : ''].filter(Boolean).length > 0 ? (
            <span dir="auto"> — {[source.publisher, source.year ? String(source.year) : ''].filter(Boolean).join(', ')}</span>
          ) : null}
          {linkFailed(source) ? <span class="muted"> ({ctx.t('myths.page.linkBroken')})</span> : null}
        </li>
      ))}
    </ol>
  );
}

export function MythPageView({ ctx, detail, engagement, campaigns, forms, notice, canEdit, urls }: MythPageProps) {
  const { t } = ctx;
  const { row } = detail;
  const isPublic = row.status === 'published';
  const languages = displayNames(ctx.locale, 'language');
  return (
    <article class="stack" lang={row.language}>
      <SuccessBanner title={t('common.success')} message={notice ? t(`myths.done.${notice}`) : undefined} />
      <p lang={ctx.locale}>
        <a href={ctx.href(MYTHS_PATH)}>{t('myths.page.back')}</a>
      </p>
      {!isPublic ? (
        <p>
          <StatusTag ctx={ctx} status={row.status} />
        </p>
      ) : null}
      <p class="eyebrow" lang={ctx.locale}>
        {t('myths.page.mythLabel')}
      </p>
      <h1 dir="auto">{row.title}</h1>
      <div class="fact-box">
        <h2 lang={ctx.locale}>{t('myths.page.factLabel')}</h2>
        <p class="lede" dir="auto">
          {row.fact}
        </p>
      </div>
      <TagList tags={tagsOf(ctx, detail)} label={t('myths.page.tags')} />
      <Personal ctx={ctx} part={mythEditPart} data={{ slug: row.slug, canEdit, row: { status: row.status, author_id: row.author_id } }} />
      {detail.translations.length > 0 ? (
        <nav aria-label={t('myths.page.translations')} lang={ctx.locale}>
          <p>
            {t('myths.page.alsoIn')}{' '}
            {detail.translations.map((translation, index) => (
              <>
                {index > 0 ? ', ' : ''}
                <a href={ctx.href(mythPath(translation.slug))} hreflang={translation.language} lang={translation.language}>
                  {languages.of(translation.language) ?? translation.language}
                </a>
              </>
            ))}
          </p>
        </nav>
      ) : null}
      {row.explanation ? (
        <Section id="explanation" title={t('myths.page.explanation')}>
          <MarkdownText source={row.explanation} />
        </Section>
      ) : null}
      <Section id="evidence" title={t('myths.page.evidence')}>
        <SourceList ctx={ctx} sources={detail.sources} />
      </Section>
      {campaigns.length > 0 ? (
        <Section id="campaigns" title={t('myths.page.campaigns')}>
          <ul>
            {campaigns.map((campaign) => (
              <li key={campaign.slug}>
                <a href={ctx.href(`/campaigns/${encodeURIComponent(campaign.slug)}`)} dir="auto" lang={campaign.language}>
                  {campaign.name}
                </a>{' '}
                <span class="muted">{campaign.hashtag}</span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {isPublic ? (
        <div lang={ctx.locale} class="stack">
          {ctx.user ? (
            <p>
              <a href={ctx.href(`${mythPath(row.slug)}/flag`)}>{t('engagement.kinds.myth.reportItem')}</a>
            </p>
          ) : null}
          <PersonalRating ctx={ctx} engagement={engagement} form={forms.rating} />
          <CommentsSection ctx={ctx} engagement={engagement} form={forms.comment} />
          <ShareSection ctx={ctx} kind="myth" title={row.title} url={urls.page} />
          <script
            type="application/ld+json"
            // Escaped by jsonForScript: no value can close the element.
            dangerouslySetInnerHTML={{ __html: jsonForScript(claimReviewJsonLd(ctx, detail, engagement, urls)) }}
          />
        </div>
      ) : null}
    </article>
  );
}
