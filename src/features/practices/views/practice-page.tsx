import { Section } from '../../../ui/section.tsx';
import { countryName } from '../../../lib/countries.ts';
import { regionName } from '../../../lib/regions.ts';
import { isEmailAddress } from '../../../lib/text.ts';
import type { ViewContext } from '../../../platform/context.ts';
import { summaryOf, type FormState } from '../../../platform/forms.ts';
import { Card, ErrorSummary, NotificationBanner, SuccessBanner, SummaryList, TagList, type SummaryRow, type TagItem } from '../../../ui/index.ts';
import { VOCABULARIES, type Vocabulary } from '../../../db/schema/taxonomies.ts';
import { termLabel } from '../../taxonomies/index.ts';
import { AttachmentList } from '../../../ui/attachments.tsx';
import type { PracticePage } from '../page-service.ts';
import { CommentsSection, PersonalRating, type CommunityNotice } from '../../../engagement/index.ts';
import { Personal, personalPart } from '../../../platform/personal-parts.tsx';
import { FollowButton } from '../../follows/index.ts';
import { ItemLinks } from '../../../ui/item-links.tsx';
import type { PracticeStatus } from '../../../db/schema/practices.ts';
import { formatDay, formatMoment, formatMonth, formatMoney, paragraphsOf, safeHttpUrl } from '../../../ui/format.ts';
import { jsonForScript, ShareSection } from '../../../open-data/index.ts';
import { practiceJsonLd } from './practice-page-jsonld.ts';
import { PracticeMap } from './practice-page-map.tsx';
import { displayNames } from '../../../lib/intl.ts';

export type PageNotice = CommunityNotice;

export interface PracticePageViewProps {
  ctx: ViewContext;
  page: PracticePage;
  forms: { rating: FormState; comment: FormState };
  notice?: PageNotice;
  /** Absolute URLs, for sharing and for the JSON-LD. */
  urls: { practice: string; site: string; siteName: string; practiceOf: (slug: string) => string };
}

/** The search filter each vocabulary's tags link to; SDG targets are not a search filter. */
const TERM_FILTERS: Readonly<Record<Vocabulary, string | undefined>> = {
  dimension: 'dimension',
  pillar: 'pillar',
  topic: 'topic',
  target_group: 'target',
  gcm_objective: 'gcm',
  sdg_target: undefined,
};

/** `/{l}/practices?topic=housing`: the search that finds practices like this one on one point. */
export function searchHref(ctx: ViewContext, filter: string, value: string): string {
  return ctx.href(`/practices?${new URLSearchParams({ [filter]: value }).toString()}`);
}

/** Text written by the practice's authors, in the practice's language. */
function Prose({ text, lang, ctx }: { text: string; lang: string; ctx: ViewContext }) {
  const paragraphs = paragraphsOf(text);
  if (paragraphs.length === 0) return <p class="muted">{ctx.t('practicePage.notProvided')}</p>;
  return (
    <div class="prose" lang={lang} dir="auto">
      {paragraphs.map((lines, index) => (
        <p key={index}>
          {lines.map((line, lineIndex) => (lineIndex === 0 ? line : [<br key={lineIndex} />, line]))}
        </p>
      ))}
    </div>
  );
}

function periodText(ctx: ViewContext, page: PracticePage): string {
  const { row } = page.detail;
  const start = row.start_date ? formatMonth(row.start_date, ctx.locale) : undefined;
  const end = row.end_date ? formatMonth(row.end_date, ctx.locale) : undefined;
  if (start && row.ongoing) return ctx.t('practicePage.period.ongoing', { start });
  if (start && end) return ctx.t('practicePage.period.range', { start, end });
  if (start) return ctx.t('practicePage.period.from', { start });
  if (end) return ctx.t('practicePage.period.until', { end });
  return ctx.t('practicePage.period.unknown');
}

function budgetText(ctx: ViewContext, page: PracticePage): string {
  const { row } = page.detail;
  if (row.budget_amount === null) return ctx.t('practicePage.funding.budgetNotGiven');
  const amount = Number(row.budget_amount);
  const currency = row.budget_currency?.trim() || 'EUR';
  const formatted = formatMoney(amount, currency, ctx.locale);
  return amount === 0 ? ctx.t('practicePage.funding.noBudget', { amount: formatted }) : formatted;
}

function tagGroups(ctx: ViewContext, page: PracticePage): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const vocabulary of VOCABULARIES) {
    const terms = page.detail.terms.filter((term) => term.vocabulary === vocabulary);
    if (terms.length === 0) continue;
    const filter = TERM_FILTERS[vocabulary];
    const label = ctx.t(`practicePage.tags.${vocabulary}`);
    const tags: TagItem[] = terms.map((term) => ({
      label: termLabel(term, ctx.locale),
      href: filter ? searchHref(ctx, filter, term.code) : undefined,
    }));
    rows.push({ key: label, value: <TagList tags={tags} label={label} /> });
  }
  return rows;
}

function whereAndWhen(ctx: ViewContext, page: PracticePage): SummaryRow[] {
  const { row } = page.detail;
  const { t, locale } = ctx;
  const rows: SummaryRow[] = [];
  if (row.countries.length > 0) {
    const label = t('practicePage.where.countries');
    const tags = row.countries.map((code) => ({ label: countryName(code, locale), href: searchHref(ctx, 'country', code) }));
    rows.push({ key: label, value: <TagList tags={tags} label={label} /> });
  }
  if (row.regions.length > 0) {
    const label = t('practicePage.where.regions');
    const tags = row.regions.map((code) => ({ label: regionName(code, locale), href: searchHref(ctx, 'region', code) }));
    rows.push({ key: label, value: <TagList tags={tags} label={label} /> });
  }
  if (row.city_name) rows.push({ key: t('practicePage.where.city'), value: row.city_name });
  if (row.scale) rows.push({ key: t('practicePage.where.scale'), value: t(`practicePage.scale.${row.scale}`) });
  const startYear = row.start_date ? String(row.start_date.getFullYear()) : undefined;
  rows.push({
    key: t('practicePage.where.period'),
    value: (
      <>
        <p>{periodText(ctx, page)}</p>
        {startYear ? <TagList tags={[{ label: startYear, href: searchHref(ctx, 'year', startYear) }]} label={t('practicePage.tags.year')} /> : null}
      </>
    ),
  });
  return rows;
}

function Organisations({ ctx, page }: { ctx: ViewContext; page: PracticePage }) {
  const groups = [
    { role: 'implementing', title: ctx.t('practicePage.organisations.implementing') },
    { role: 'partner', title: ctx.t('practicePage.organisations.partners') },
  ] as const;
  return (
    <>
      {groups.map(({ role, title }) => {
        const organisations = page.detail.organisations.filter((organisation) => organisation.role === role);
        if (organisations.length === 0) return null;
        return (
          <div key={role}>
            <h3>{title}</h3>
            <ul class="organisation-list">
              {organisations.map((organisation, index) => (
                <li key={index}>
                  <span dir="auto">{organisation.name}</span>
                  {organisation.stakeholder_type ? (
                    <TagList
                      label={ctx.t('practicePage.organisations.typeLabel')}
                      tags={[
                        {
                          label: ctx.t(`common.stakeholders.${organisation.stakeholder_type}`),
                          href: searchHref(ctx, 'stakeholder', organisation.stakeholder_type),
                          variant: 'muted',
                        },
                      ]}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {page.detail.organisations.length === 0 ? <p class="muted">{ctx.t('practicePage.notProvided')}</p> : null}
    </>
  );
}

function LinksAndDocuments({ ctx, page, slug }: { ctx: ViewContext; page: PracticePage; slug: string }) {
  const { links, attachments } = page.detail;
  return (
    <>
      {links.length > 0 ? (
        <Section id="links" title={ctx.t('practicePage.sections.links')}>
          <ul class="link-list">
            {links.map((link, index) => {
              const href = safeHttpUrl(link.url);
              const text = link.label || link.url;
              return (
                <li key={index} dir="auto">
                  {href ? (
                    <a href={href} rel="noopener noreferrer nofollow">
                      {text}
                    </a>
                  ) : (
                    text
                  )}
                </li>
              );
            })}
          </ul>
        </Section>
      ) : null}
      {attachments.length > 0 ? (
        <Section id="attachments" title={ctx.t('practicePage.sections.attachments')}>
          <AttachmentList ctx={ctx} attachments={attachments} hrefOf={(id) => ctx.href(`/practices/${encodeURIComponent(slug)}/attachments/${id}`)} />
        </Section>
      ) : null}
    </>
  );
}

function Contact({ ctx, page }: { ctx: ViewContext; page: PracticePage }) {
  const { row } = page.detail;
  // The contact agreed to be shown, or the page keeps them private.
  if (!row.contact_public || !row.contact_name) return null;
  const email = row.contact_email && isEmailAddress(row.contact_email) ? row.contact_email : undefined;
  return (
    <Section id="contact" title={ctx.t('practicePage.sections.contact')}>
      <p dir="auto">{row.contact_name}</p>
      {email ? (
        <p>
          <a href={`mailto:${email}`}>{email}</a>
        </p>
      ) : null}
    </Section>
  );
}

function Adaptations({ ctx, page }: { ctx: ViewContext; page: PracticePage }) {
  const { row } = page.detail;
  const from = row.adapted_from_slug && row.adapted_from_title && row.adapted_from_status === 'published'
    ? { slug: row.adapted_from_slug, title: row.adapted_from_title }
    : undefined;
  if (!from && page.adaptedIn.length === 0) return null;
  return (
    <Section id="adaptations" title={ctx.t('practicePage.sections.adaptations')}>
      {from ? (
        <>
          <h3>{ctx.t('practicePage.adaptations.from')}</h3>
          <p>
            <a href={ctx.href(`/practices/${encodeURIComponent(from.slug)}`)} dir="auto">
              {from.title}
            </a>
          </p>
        </>
      ) : null}
      {page.adaptedIn.length > 0 ? (
        <>
          <h3>{ctx.t('practicePage.adaptations.in')}</h3>
          <ItemLinks ctx={ctx} items={page.adaptedIn} basePath="/practices" />
        </>
      ) : null}
    </Section>
  );
}

function Similar({ ctx, page }: { ctx: ViewContext; page: PracticePage }) {
  if (page.similar.length === 0) return null;
  return (
    <Section id="similar" title={ctx.t('practicePage.sections.similar')}>
      <div class="grid">
        {page.similar.map((practice) => (
          <Card
            key={practice.slug}
            headingLevel={3}
            title={<span lang={practice.language} dir="auto">{practice.title}</span>}
            href={ctx.href(`/practices/${encodeURIComponent(practice.slug)}`)}
            meta={practice.countries.map((code) => countryName(code, ctx.locale)).join(', ')}
          >
            <p lang={practice.language} dir="auto">
              {practice.summary}
            </p>
          </Card>
        ))}
      </div>
    </Section>
  );
}

function PreviousNext({ ctx, page }: { ctx: ViewContext; page: PracticePage }) {
  if (!page.previous && !page.next) return null;
  return (
    <nav class="practice-neighbours" aria-label={ctx.t('practicePage.navigation.label')}>
      <ul>
        {page.previous ? (
          <li class="practice-neighbours__previous">
            <a href={ctx.href(`/practices/${encodeURIComponent(page.previous.slug)}`)} rel="prev">
              <span class="practice-neighbours__label">{ctx.t('practicePage.navigation.previous')}</span>{' '}
              <span lang={page.previous.language} dir="auto">
                {page.previous.title}
              </span>
            </a>
          </li>
        ) : null}
        {page.next ? (
          <li class="practice-neighbours__next">
            <a href={ctx.href(`/practices/${encodeURIComponent(page.next.slug)}`)} rel="next">
              <span class="practice-neighbours__label">{ctx.t('practicePage.navigation.next')}</span>{' '}
              <span lang={page.next.language} dir="auto">
                {page.next.title}
              </span>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

function recordFacts(ctx: ViewContext, page: PracticePage): SummaryRow[] {
  const { row } = page.detail;
  const { t, locale } = ctx;
  const languageName = displayNames(locale, 'language').of(row.language) ?? row.language;
  const rows: SummaryRow[] = [
    {
      key: t('practicePage.meta.language'),
      value: <TagList tags={[{ label: languageName, href: searchHref(ctx, 'language', row.language) }]} label={t('practicePage.meta.language')} />,
    },
    {
      key: t('practicePage.meta.lastConfirmed'),
      value: row.last_confirmed_at ? formatDay(row.last_confirmed_at, locale) : t('practicePage.meta.neverConfirmed'),
    },
  ];
  if (row.published_at) rows.push({ key: t('practicePage.meta.published'), value: formatMoment(row.published_at, ctx) });
  if (row.author_deleted_at) rows.push({ key: t('practicePage.meta.submittedBy'), value: t('practicePage.meta.deletedMember') });
  else if (row.author_name) {
    rows.push({ key: t('practicePage.meta.submittedBy'), value: <span dir="auto">{row.author_name}</span> });
    // Through the platform: neither address is shown to the other.
    rows.push({ key: t('practicePage.meta.contactAuthor'), value: <a href={ctx.href(`/messages/new?to=${encodeURIComponent(row.author_handle ?? '')}`)}>{t('practicePage.meta.writeToAuthor', { name: row.author_name })}</a> });
  }
  return rows;
}

export interface PracticeActions {
  slug: string;
  /** Whether this member may edit: whoever wrote the practice may, so it is theirs to know. */
  canEdit: boolean;
  row: { status: PracticeStatus; author_id: number | null };
}

/** Edit (for whoever may) and history: rendered apart for each member (platform/personal-parts.tsx). */
export const practiceActionsPart = personalPart<PracticeActions>('practice-actions', (ctx, { slug, canEdit }) => (
  // The history is public like the practice: readers can see what changed and when.
  <nav aria-label={ctx.t('practicePage.actions.label')}>
    <ul class="button-group practice__actions">
      {canEdit ? (
        <li>
          <a href={ctx.href(`/practices/${encodeURIComponent(slug)}/edit`)}>{ctx.t('practicePage.actions.edit')}</a>
        </li>
      ) : null}
      <li>
        <a href={ctx.href(`/practices/${encodeURIComponent(slug)}/history`)}>{ctx.t('practicePage.actions.history')}</a>
      </li>
    </ul>
  </nav>
));

export function PracticePageView({ ctx, page, forms, notice, urls }: PracticePageViewProps) {
  const { t } = ctx;
  const { row } = page.detail;
  const lang = row.language;
  const slug = row.slug;
  const errors = [...summaryOf(ctx, forms.rating.errors), ...summaryOf(ctx, forms.comment.errors)];
  const city =
    row.city_name && row.city_latitude !== null && row.city_longitude !== null
      ? { name: row.city_name, latitude: row.city_latitude, longitude: row.city_longitude }
      : null;
  return (
    <article class="practice">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={errors} />
      <SuccessBanner title={t('common.success')} message={notice ? t(`practicePage.done.${notice}`) : undefined} />
      {row.status !== 'published' ? (
        <NotificationBanner title={t('practicePage.notPublic.title')} titleId="not-public-title">
          <p>{t('practicePage.notPublic.body', { status: t(`practicePage.status.${row.status}`) })}</p>
        </NotificationBanner>
      ) : null}

      <header class="practice__header">
        <h1 lang={lang} dir="auto">
          {row.title}
        </h1>
        {page.mayNoLongerBeRunning ? (
          <NotificationBanner title={t('practicePage.stale.title')} titleId="stale-title">
            <p>{t('practicePage.stale.body')}</p>
          </NotificationBanner>
        ) : null}
        <Personal ctx={ctx} part={practiceActionsPart} data={{ slug, canEdit: page.canEdit, row: { status: row.status, author_id: row.author_id } }} />
        {row.status === 'published' ? <FollowButton ctx={ctx} kind="practice" targetKey={String(row.id)} label={row.title} /> : null}
      </header>

      <Section id="summary" title={t('practicePage.sections.summary')}>
        <Prose ctx={ctx} text={row.summary} lang={lang} />
      </Section>

      <PracticeMap ctx={ctx} countries={row.countries} city={city} />

      <Section id="background" title={t('practicePage.sections.background')}>
        <Prose ctx={ctx} text={row.background} lang={lang} />
      </Section>
      <Section id="activities" title={t('practicePage.sections.activities')}>
        <Prose ctx={ctx} text={row.activities} lang={lang} />
      </Section>
      <Section id="participants" title={t('practicePage.sections.participants')}>
        <Prose ctx={ctx} text={row.participants} lang={lang} />
        {row.people_reached !== null ? (
          <p class="practice__figure">{t('practicePage.peopleReached', { count: row.people_reached })}</p>
        ) : null}
      </Section>
      <Section id="outcomes" title={t('practicePage.sections.outcomes')}>
        <Prose ctx={ctx} text={row.outcomes} lang={lang} />
      </Section>
      <Section id="evaluation" title={t('practicePage.sections.evaluation')}>
        <Prose ctx={ctx} text={row.evaluation} lang={lang} />
        <SummaryList
          rows={[
            {
              key: t('practicePage.evidenceLevel'),
              value: (
                <TagList
                  label={t('practicePage.evidenceLevel')}
                  tags={[{ label: t(`practicePage.evidence.${row.evidence_level}`), href: searchHref(ctx, 'evidence', row.evidence_level) }]}
                />
              ),
            },
          ]}
        />
      </Section>
      <Section id="recommendations" title={t('practicePage.sections.recommendations')}>
        <Prose ctx={ctx} text={row.recommendations} lang={lang} />
      </Section>

      <Section id="where-when" title={t('practicePage.sections.whereWhen')}>
        <SummaryList rows={whereAndWhen(ctx, page)} />
      </Section>

      <Section id="funding" title={t('practicePage.sections.funding')}>
        <SummaryList
          rows={[
            {
              key: t('practicePage.funding.source'),
              value: row.funding_source ? <span lang={lang} dir="auto">{row.funding_source}</span> : t('practicePage.notProvided'),
            },
            { key: t('practicePage.funding.budget'), value: budgetText(ctx, page) },
          ]}
        />
      </Section>

      <Section id="organisations" title={t('practicePage.sections.organisations')}>
        <Organisations ctx={ctx} page={page} />
      </Section>

      <Section id="tags" title={t('practicePage.sections.tags')}>
        <SummaryList rows={tagGroups(ctx, page)} />
      </Section>

      <LinksAndDocuments ctx={ctx} page={page} slug={slug} />
      <Contact ctx={ctx} page={page} />
      <Adaptations ctx={ctx} page={page} />

      <Section id="record" title={t('practicePage.meta.label')}>
        <SummaryList rows={recordFacts(ctx, page)} />
        {ctx.user && page.isPublic ? (
          <p>
            <a href={ctx.href(`/practices/${encodeURIComponent(slug)}/flag`)}>{t('engagement.kinds.practice.reportItem')}</a>
          </p>
        ) : null}
      </Section>

      {page.isPublic ? (
        <>
          <PersonalRating ctx={ctx} engagement={page.engagement} form={forms.rating} />
          <CommentsSection ctx={ctx} engagement={page.engagement} form={forms.comment} />
          <ShareSection ctx={ctx} kind="practice" title={row.title} url={urls.practice} />
        </>
      ) : null}

      <Similar ctx={ctx} page={page} />
      <PreviousNext ctx={ctx} page={page} />

      {page.isPublic ? (
        <script
          type="application/ld+json"
          // Escaped by jsonForScript: no value can close the element.
          dangerouslySetInnerHTML={{
            __html: jsonForScript(
              practiceJsonLd(page, { url: urls.practice, siteUrl: urls.site, siteName: urls.siteName, locale: ctx.locale, urlOf: urls.practiceOf }),
            ),
          }}
        />
      ) : null}
    </article>
  );
}
