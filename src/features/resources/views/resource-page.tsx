import { FollowButton } from '../../follows/index.ts';
import { ItemLinks } from '../../../ui/item-links.tsx';
import { Section } from '../../../ui/section.tsx';
import { countryName } from '../../../lib/countries.ts';
import { displayNames } from '../../../lib/intl.ts';
import { aggregateRatingJsonLd, CommentsSection, PersonalRating, type CommunityNotice, type Engagement } from '../../../engagement/index.ts';
import { Personal } from '../../../platform/personal-parts.tsx';
import { editLinkPart, StatusTag } from '../../../editorial/index.ts';
import { jsonForScript, ShareSection } from '../../../open-data/index.ts';
import type { ViewContext } from '../../../platform/context.ts';
import type { FormState } from '../../../platform/forms.ts';
import { MarkdownText } from '../../../ui/markdown-text.tsx';
import { SuccessBanner, SummaryList, TagList, type SummaryRow, type TagItem } from '../../../ui/index.ts';
import { termLabel } from '../../taxonomies/index.ts';
import { AttachmentList } from '../../../ui/attachments.tsx';
import type { ResourceDetail } from '../service.ts';

export interface ResourcePageProps {
  ctx: ViewContext;
  detail: ResourceDetail;
  engagement: Engagement;
  neighbours: { previous?: { slug: string; title: string; language: string }; next?: { slug: string; title: string; language: string } };
  forms: { rating: FormState; comment: FormState };
  /** What just happened: a community post, or the member's save (`draft`, `submit`, `publish`). */
  notice?: CommunityNotice | 'draft' | 'submit' | 'publish' | 'pending' | 'withdrawn';
  canEdit: boolean;
  /** Absolute addresses: this page (the permalink) and the site, for sharing and JSON-LD. */
  urls: { page: string; site: string; siteName: string };
}

const resourcePath = (slug: string) => `/resources/${encodeURIComponent(slug)}`;

function tagsOf(ctx: ViewContext, detail: ResourceDetail): TagItem[] {
  const filtered = (param: string, value: string) => ctx.href(`/resources?${new URLSearchParams({ [param]: value }).toString()}`);
  return [
    { label: ctx.t(`resources.types.${detail.row.type}`), href: filtered('type', detail.row.type) },
    ...detail.terms
      .filter((term) => term.vocabulary === 'topic' || term.vocabulary === 'target_group')
      .map((term) => ({ label: termLabel(term, ctx.locale), href: filtered(term.vocabulary === 'topic' ? 'topic' : 'target', term.code) })),
    ...detail.row.countries.map((code) => ({ label: countryName(code, ctx.locale), href: filtered('country', code) })),
  ];
}

function facts(ctx: ViewContext, detail: ResourceDetail, permalink: string): SummaryRow[] {
  const { t } = ctx;
  const { row } = detail;
  const language = displayNames(ctx.locale, 'language').of(row.language) ?? row.language;
  return [
    { key: t('resources.page.type'), value: t(`resources.types.${row.type}`) },
    ...(row.publisher ? [{ key: t('resources.page.publisher'), value: <span dir="auto">{row.publisher}</span> }] : []),
    ...(row.year ? [{ key: t('resources.page.year'), value: String(row.year) }] : []),
    { key: t('resources.page.language'), value: language },
    { key: t('resources.page.permalink'), value: <a href={permalink}>{permalink}</a> },
  ];
}

/** schema.org description of a published resource, for search engines and other sites. */
function jsonLd(detail: ResourceDetail, engagement: Engagement, urls: ResourcePageProps['urls']) {
  const { row } = detail;
  return {
    '@context': 'https://schema.org',
    '@type': 'CreativeWork',
    '@id': urls.page,
    url: urls.page,
    name: row.title,
    description: row.summary,
    inLanguage: row.language,
    genre: row.type,
    ...(row.url ? { sameAs: row.url } : {}),
    ...(row.publisher ? { creator: { '@type': 'Organization', name: row.publisher } } : {}),
    ...(row.year ? { dateCreated: String(row.year) } : {}),
    ...(row.published_at ? { datePublished: row.published_at.toISOString() } : {}),
    ...aggregateRatingJsonLd(engagement.rating),
    publisher: { '@type': 'Organization', name: urls.siteName, url: urls.site },
  };
}

/** The edit link, rendered apart for each member. */
export const resourceEditPart = editLinkPart('resource-edit', (slug) => `${resourcePath(slug)}/edit`, 'resources.page.edit');

export function ResourcePageView({ ctx, detail, engagement, neighbours, forms, notice, canEdit, urls }: ResourcePageProps) {
  const { t } = ctx;
  const { row } = detail;
  const isPublic = row.status === 'published';
  return (
    <article class="stack" lang={row.language}>
      <SuccessBanner title={t('common.success')} message={notice ? t(`resources.done.${notice}`) : undefined} />
      <p>
        <a href={ctx.href('/resources')}>{t('resources.page.back')}</a>
      </p>
      {!isPublic ? (
        <p>
          <StatusTag ctx={ctx} status={row.status} />
        </p>
      ) : null}
      <h1 dir="auto">{row.title}</h1>
      <p class="lede" dir="auto">
        {row.summary}
      </p>
      <TagList tags={tagsOf(ctx, detail)} label={t('resources.page.tags')} />
      <Personal ctx={ctx} part={resourceEditPart} data={{ slug: row.slug, canEdit, row: { status: row.status, author_id: row.author_id } }} />
      {row.status === 'published' ? <FollowButton ctx={ctx} kind="resource" targetKey={String(row.id)} label={row.title} /> : null}
      {row.url ? (
        <p>
          <a href={row.url} rel="nofollow ugc noopener noreferrer" class="button button--secondary">
            {t('resources.page.open')}
          </a>
        </p>
      ) : null}
      {row.body ? (
        <MarkdownText source={row.body} />
      ) : null}
      {detail.attachments.length > 0 ? (
        <Section id="attachments" title={t('resources.page.attachments')}>
          <AttachmentList ctx={ctx} attachments={detail.attachments} hrefOf={(id) => ctx.href(`${resourcePath(row.slug)}/attachments/${id}`)} />
        </Section>
      ) : null}
      <Section id="about" title={t('resources.page.about')}>
        <SummaryList rows={facts(ctx, detail, urls.page)} />
        {isPublic ? (
          <p>
            <a href={ctx.href(`${resourcePath(row.slug)}/history`)}>{t('resources.history.link')}</a>
          </p>
        ) : null}
        {ctx.user && isPublic ? (
          <p>
            <a href={ctx.href(`${resourcePath(row.slug)}/flag`)}>{t('engagement.kinds.resource.reportItem')}</a>
          </p>
        ) : null}
      </Section>
      {detail.related.some((practice) => practice.status === 'published') ? (
        <Section id="practices" title={t('resources.page.related')}>
          <ItemLinks ctx={ctx} items={detail.related.filter((practice) => practice.status === 'published')} basePath="/practices" />
        </Section>
      ) : null}
      {isPublic ? (
        <>
          <PersonalRating ctx={ctx} engagement={engagement} form={forms.rating} />
          <CommentsSection ctx={ctx} engagement={engagement} form={forms.comment} />
          <ShareSection ctx={ctx} kind="resource" title={row.title} url={urls.page} />
          <nav class="pager" aria-label={t('resources.page.neighbours')}>
            {neighbours.previous ? (
              <a rel="prev" href={ctx.href(resourcePath(neighbours.previous.slug))} lang={neighbours.previous.language}>
                {t('resources.page.previous', { title: neighbours.previous.title })}
              </a>
            ) : null}
            {neighbours.next ? (
              <a rel="next" href={ctx.href(resourcePath(neighbours.next.slug))} lang={neighbours.next.language}>
                {t('resources.page.next', { title: neighbours.next.title })}
              </a>
            ) : null}
          </nav>
          <script
            type="application/ld+json"
            // Escaped by jsonForScript: no value can close the element.
            dangerouslySetInnerHTML={{ __html: jsonForScript(jsonLd(detail, engagement, urls)) }}
          />
        </>
      ) : null}
    </article>
  );
}
