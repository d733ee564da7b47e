import { countryOptions } from '../../../lib/countries.ts';
import { displayNames, numberFormat } from '../../../lib/intl.ts';
import { SPOKEN_LANGUAGES } from '../../../lib/languages.ts';
import { STAKEHOLDER_TYPES } from '../../../lib/stakeholders.ts';
import type { ViewContext } from '../../../platform/context.ts';
import { paginationLabels, type Page } from '../../../platform/pagination.ts';
import { Button, Card, Checkboxes, Pagination, Select, TextInput } from '../../../ui/index.ts';
import { NotificationBanner } from '../../../ui/notification.tsx';
import { termLabel, type Term } from '../../taxonomies/index.ts';
import { DIRECTORY_FILTERS, type DirectoryQuery, type PublicProfile } from '../service.ts';
import { memberLine } from './member-parts.tsx';
import { OrganisationCards } from '../../organisations/index.ts';
import type { ComponentProps } from 'preact';

export interface DirectoryPageProps {
  ctx: ViewContext;
  query: DirectoryQuery;
  /** Members, or the organisations tab. */
  found: { tab: 'members'; members: Page<PublicProfile> } | { tab: 'organisations'; organisations: ComponentProps<typeof OrganisationCards>['page'] };
  topics: readonly Term[];
}

/** The query string of a directory search, at a page. */
export function directoryQueryString(query: DirectoryQuery, page = 1, tab: 'members' | 'organisations' = 'members'): string {
  const params = new URLSearchParams();
  if (tab === 'organisations') params.set('show', 'organisations');
  if (query.q) params.set('q', query.q);
  for (const param of DIRECTORY_FILTERS) for (const value of query.chosen[param]) params.append(param, value);
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function MemberCard({ ctx, profile }: { ctx: ViewContext; profile: PublicProfile }) {
  const line = memberLine(ctx, profile);
  return (
    <Card
      headingLevel={3}
      title={<span dir="auto">{profile.name}</span>}
      href={ctx.href(`/members/${encodeURIComponent(profile.handle)}`)}
      meta={line || undefined}
      tags={profile.expertise.map((term) => ({ label: termLabel(term, ctx.locale), href: ctx.href(`/community?topic=${encodeURIComponent(term.code)}`) }))}
      tagsLabel={ctx.t('community.fields.expertise')}
    >
      {null}
    </Card>
  );
}

/** `/{l}/community`: listed members (and organisations), searchable in any language. */
export function DirectoryPage({ ctx, query, found, topics }: DirectoryPageProps) {
  const { t, locale } = ctx;
  const languages = displayNames(locale, 'language');
  const numbers = numberFormat(locale);
  return (
    <div class="stack">
      {query.ignored ? <NotificationBanner title={t('community.directory.noticeTitle')}>{t('community.directory.filtersIgnored')}</NotificationBanner> : null}
      <h1>{t('community.directory.title')}</h1>
      <p class="lede">{t('community.directory.intro')}</p>
      <p>
        {ctx.user ? <a href={ctx.href('/account/public-profile')}>{t('community.directory.editYourProfile')}</a> : <a href={ctx.href('/register')}>{t('community.directory.join')}</a>}
      </p>
      <nav aria-label={t('community.directory.tabs')}>
        <ul class="button-group">
          {(['members', 'organisations'] as const).map((tab) => (
            <li key={tab}>
              <a href={ctx.href(`/community${directoryQueryString(query, 1, tab)}`)} aria-current={found.tab === tab ? 'page' : undefined} class={found.tab === tab ? 'button' : 'button button--secondary'}>
                {t(`community.directory.tab.${tab}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p>
        <a href={ctx.href('/organisations/new')}>{t('community.directory.newOrganisation')}</a>
      </p>
      <form method="get" action={ctx.href('/community')} class="search-form">
        {found.tab === 'organisations' ? <input type="hidden" name="show" value="organisations" /> : null}
        <div role="search" aria-label={t('community.directory.searchLabel')}>
          <TextInput id="q" type="search" label={t('community.directory.query')} hint={t('community.directory.queryHint')} value={query.q} />
        </div>
        <section aria-labelledby="directory-filters" class="facets">
          <h2 id="directory-filters">{t('community.directory.filters')}</h2>
          <Checkboxes
            id="stakeholder"
            label={t('community.fields.stakeholderType')}
            items={STAKEHOLDER_TYPES.map((type) => ({ value: type, label: t(`common.stakeholders.${type}`) }))}
            checked={query.chosen.stakeholder}
          />
          <Select id="country" label={t('community.fields.country')} emptyOption={t('community.directory.any')} options={countryOptions(locale)} value={query.chosen.country[0] ?? ''} />
          <Checkboxes
            id="topic"
            label={t('community.fields.expertise')}
            items={topics.map((term) => ({ value: term.code, label: termLabel(term, locale) }))}
            checked={query.chosen.topic}
          />
          <Select
            id="language"
            label={t('community.fields.languages')}
            emptyOption={t('community.directory.any')}
            options={SPOKEN_LANGUAGES.map((code) => ({ value: code, label: languages.of(code) ?? code }))}
            value={query.chosen.language[0] ?? ''}
          />
          <Button>{t('community.directory.apply')}</Button>
        </section>
      </form>
      {found.tab === 'organisations' ? (
        <section aria-labelledby="directory-organisations">
          <h2 id="directory-organisations">{t('community.directory.organisations', { count: numbers.format(found.organisations.total) })}</h2>
          <OrganisationCards ctx={ctx} page={found.organisations} hrefFor={(page) => ctx.href(`/community${directoryQueryString(query, page, 'organisations')}`)} />
        </section>
      ) : (
        <MembersSection ctx={ctx} query={query} members={found.members} />
      )}
    </div>
  );
}

function MembersSection({ ctx, query, members }: { ctx: ViewContext; query: DirectoryQuery; members: Page<PublicProfile> }) {
  const { t } = ctx;
  const count = numberFormat(ctx.locale).format(members.total);
  return (
      <section aria-labelledby="directory-members">
        <h2 id="directory-members">{t('community.directory.members', { count })}</h2>
        {members.items.length === 0 ? (
          <p>{t('community.directory.empty')}</p>
        ) : (
          <ol class="result-list" aria-label={t('community.directory.membersLabel')}>
            {members.items.map((profile) => (
              <li key={profile.handle}>
                <MemberCard ctx={ctx} profile={profile} />
              </li>
            ))}
          </ol>
        )}
        <Pagination page={members.page} pageCount={members.pageCount} hrefFor={(page) => ctx.href(`/community${directoryQueryString(query, page)}`)} labels={paginationLabels(t)} />
      </section>
  );
}
