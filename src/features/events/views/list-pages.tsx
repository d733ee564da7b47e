import { countryName, countryOptions } from '../../../lib/countries.ts';
import { dateTimeFormat, displayNames } from '../../../lib/intl.ts';
import { SPOKEN_LANGUAGES } from '../../../lib/languages.ts';
import type { ViewContext } from '../../../platform/context.ts';
import { paginationLabels, type Page } from '../../../platform/pagination.ts';
import { Button, Card, NotificationBanner, Pagination, Select, Tag } from '../../../ui/index.ts';
import { ButtonLink } from '../../../ui/button.tsx';
import { StatusTag } from '../../../editorial/index.ts';
import type { ContentStatus } from '../../../content/kinds.ts';
import { termLabel, type Term } from '../../taxonomies/index.ts';
import { dayIn } from '../event-time.ts';
import type { ListedOccurrence } from '../queries.ts';
import type { EventListQuery } from '../filters.ts';
import { eventQueryString } from '../filters.ts';
import { EventWhen, readerZone } from './event-times.tsx';

const ATTENDANCE = ['in_person', 'online'] as const;

function placeOf(ctx: ViewContext, item: ListedOccurrence): string {
  if (item.format === 'online') return ctx.t('events.formats.online');
  const place = [item.city_name, item.country ? countryName(item.country, ctx.locale) : ''].filter(Boolean).join(', ');
  return item.format === 'hybrid' ? `${place} · ${ctx.t('events.formats.hybrid')}` : place;
}

/** Occurrences as cards, for the list and for country and city pages. */
export function EventCards({ ctx, items, topics, headingLevel = 3 }: { ctx: ViewContext; items: readonly ListedOccurrence[]; topics: ReadonlyMap<string, Term>; headingLevel?: 2 | 3 }) {
  const { t, locale } = ctx;
  return (
    <ol class="result-list" aria-label={t('events.list.title')}>
      {items.map((item) => (
        <li key={item.occurrence_id}>
          <Card
            headingLevel={headingLevel}
            title={<span lang={item.language} dir="auto">{item.title}</span>}
            href={ctx.href(`/events/${encodeURIComponent(item.slug)}`)}
            meta={placeOf(ctx, item)}
            tags={item.topics.flatMap((code) => {
              const term = topics.get(code);
              return term ? [{ label: termLabel(term, locale), href: ctx.href(`/events?topic=${encodeURIComponent(code)}`) }] : [];
            })}
            tagsLabel={t('events.fields.topics')}
          >
            <p>
              <EventWhen ctx={ctx} startsAt={item.starts_at} endsAt={item.ends_at} timeZone={item.time_zone} />
              {item.cancelled || item.event_cancelled ? (
                <>
                  {' '}
                  <Tag variant="danger">{t('events.page.cancelledTag')}</Tag>
                </>
              ) : item.moved ? (
                <>
                  {' '}
                  <Tag variant="warning">{t('events.page.movedTag')}</Tag>
                </>
              ) : null}
            </p>
          </Card>
        </li>
      ))}
    </ol>
  );
}

function FilterForm({ ctx, query, topics, action, month }: { ctx: ViewContext; query: EventListQuery; topics: readonly Term[]; action: string; month?: string }) {
  const { t, locale } = ctx;
  const languages = displayNames(locale, 'language');
  return (
    <form method="get" action={ctx.href(action)} class="search-form" aria-label={t('events.list.filters')}>
      {month ? <input type="hidden" name="month" value={month} /> : null}
      {query.when === 'past' && !month ? <input type="hidden" name="when" value="past" /> : null}
      <Select id="country" label={t('events.fields.country')} emptyOption={t('events.list.any')} options={countryOptions(locale)} value={query.country ?? ''} />
      <Select id="attendance" label={t('events.fields.attendance')} emptyOption={t('events.list.any')} options={ATTENDANCE.map((value) => ({ value, label: t(`events.attendance.${value}`) }))} value={query.attendance ?? ''} />
      <Select id="topic" label={t('events.fields.topics')} emptyOption={t('events.list.any')} options={topics.map((term) => ({ value: term.code, label: termLabel(term, locale) }))} value={query.topic ?? ''} />
      <Select id="language" label={t('events.fields.languages')} emptyOption={t('events.list.any')} options={SPOKEN_LANGUAGES.map((code) => ({ value: code, label: languages.of(code) ?? code }))} value={query.language ?? ''} />
      {query.city ? <input type="hidden" name="city" value={query.city} /> : null}
      <Button>{t('events.list.apply')}</Button>
    </form>
  );
}

function ListTabs({ ctx, query, current }: { ctx: ViewContext; query: EventListQuery; current: 'upcoming' | 'past' | 'month' }) {
  const { t } = ctx;
  const tabs = [
    { key: 'upcoming', href: `/events${eventQueryString({ ...query, when: 'upcoming' })}` },
    { key: 'past', href: `/events${eventQueryString({ ...query, when: 'past' })}` },
    { key: 'month', href: `/events/month${eventQueryString({ ...query, when: 'upcoming' })}` },
  ] as const;
  return (
    <nav aria-label={t('events.list.views')}>
      <ul class="tabs">
        {tabs.map((tab) => (
          <li key={tab.key}>
            <a href={ctx.href(tab.href)} aria-current={tab.key === current ? 'page' : undefined}>
              {t(`events.list.tab.${tab.key}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function CalendarLinks({ ctx, query }: { ctx: ViewContext; query: EventListQuery }) {
  const { t } = ctx;
  const filters = eventQueryString({ ...query, when: 'upcoming' });
  return (
    <p>
      <a href={`/events.ics${filters}`}>{t('events.list.icsLink')}</a>
      {' · '}
      <a href={`/feeds/events.atom${filters}`}>{t('events.list.feedLink')}</a>
    </p>
  );
}

/** `/{l}/events`: upcoming or past occurrences, filtered and paginated. */
export function EventListPage({ ctx, query, page, topics }: { ctx: ViewContext; query: EventListQuery; page: Page<ListedOccurrence>; topics: readonly Term[] }) {
  const { t } = ctx;
  const byCode = new Map(topics.map((term) => [term.code, term]));
  return (
    <div class="stack">
      {query.ignored ? <NotificationBanner title={t('events.list.ignoredTitle')}>{t('events.list.ignored')}</NotificationBanner> : null}
      <h1>{t(query.when === 'past' ? 'events.list.pastTitle' : 'events.list.title')}</h1>
      <p class="lede">{t('events.list.intro')}</p>
      <p>
        <ButtonLink href={ctx.href('/events/new')}>{t('events.list.propose')}</ButtonLink>
        {ctx.user ? (
          <>
            {' '}
            <a href={ctx.href('/events/mine')}>{t('events.mine.title')}</a>
          </>
        ) : null}
      </p>
      <ListTabs ctx={ctx} query={query} current={query.when} />
      <FilterForm ctx={ctx} query={query} topics={topics} action="/events" />
      <h2>{t('events.list.count', { count: page.total })}</h2>
      {page.items.length === 0 ? <p>{t(query.when === 'past' ? 'events.list.emptyPast' : 'events.list.empty')}</p> : <EventCards ctx={ctx} items={page.items} topics={byCode} />}
      <Pagination page={page.page} pageCount={page.pageCount} hrefFor={(n) => ctx.href(`/events${eventQueryString(query, n)}`)} labels={paginationLabels(t)} />
      <CalendarLinks ctx={ctx} query={query} />
    </div>
  );
}

/** Weeks of a month, Monday first, as ISO days (`2026-12-07`), '' for days of the months around it. */
function weeksOf(year: number, month: number): string[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells = [...Array.from({ length: lead }, () => ''), ...Array.from({ length: days }, (_, index) => new Date(Date.UTC(year, month - 1, index + 1)).toISOString().slice(0, 10))];
  while (cells.length % 7 !== 0) cells.push('');
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}

const monthParam = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** `/{l}/events/month`: a month as a table of weeks, each day listing its events; no script needed. */
export function EventMonthPage({ ctx, query, year, month, items, topics }: { ctx: ViewContext; query: EventListQuery; year: number; month: number; items: readonly ListedOccurrence[]; topics: readonly Term[] }) {
  const { t, locale } = ctx;
  const byDay = new Map<string, ListedOccurrence[]>();
  for (const item of items) {
    const day = dayIn(item.starts_at, readerZone(ctx, item.time_zone));
    byDay.set(day, [...(byDay.get(day) ?? []), item]);
  }
  const title = dateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
  const weekdays = Array.from({ length: 7 }, (_, index) => new Date(Date.UTC(2024, 0, 1 + index)));
  const previous = month === 1 ? monthParam(year - 1, 12) : monthParam(year, month - 1);
  const next = month === 12 ? monthParam(year + 1, 1) : monthParam(year, month + 1);
  return (
    <div class="stack">
      <h1>{t('events.month.title', { month: title })}</h1>
      <ListTabs ctx={ctx} query={query} current="month" />
      <nav class="pager" aria-label={t('events.month.pager')}>
        <a rel="prev" href={ctx.href(`/events/month${eventQueryString({ ...query, month: previous })}`)}>{t('events.month.previous')}</a>
        <a rel="next" href={ctx.href(`/events/month${eventQueryString({ ...query, month: next })}`)}>{t('events.month.next')}</a>
      </nav>
      <FilterForm ctx={ctx} query={query} topics={topics} action="/events/month" month={monthParam(year, month)} />
      <div class="table-scroll">
        <table class="table month-grid">
          <caption class="visually-hidden">{t('events.month.caption', { month: title })}</caption>
          <thead>
            <tr>
              {weekdays.map((day) => (
                <th scope="col" key={day.toISOString()}>
                  <abbr title={dateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(day)}>{dateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(day)}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeksOf(year, month).map((week) => (
              <tr key={week.join()}>
                {week.map((day, index) =>
                  day ? (
                    <td key={day}>
                      <span class="month-grid__day">{Number(day.slice(8))}</span>
                      {(byDay.get(day) ?? []).length > 0 ? (
                        <ul class="month-grid__events">
                          {(byDay.get(day) ?? []).map((item) => (
                            <li key={item.occurrence_id}>
                              <a href={ctx.href(`/events/${encodeURIComponent(item.slug)}`)} lang={item.language} dir="auto">
                                {dateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: readerZone(ctx, item.time_zone) }).format(item.starts_at)} {item.title}
                              </a>
                              {item.cancelled || item.event_cancelled ? <> ({t('events.page.cancelledTag')})</> : null}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  ) : (
                    <td key={`empty-${index}`} />
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {items.length === 0 ? <p>{t('events.month.empty')}</p> : null}
    </div>
  );
}

/** `/{l}/events/mine`: the member's own events with their states. */
export function MyEventsPage({ ctx, page, registered, calendarUrl }: {
  ctx: ViewContext;
  page: Page<{ slug: string; title: string; status: ContentStatus; starts_at: Date; time_zone: string; language: string }>;
  registered: readonly { slug: string; title: string; language: string; starts_at: Date; ends_at: Date; time_zone: string }[];
  /** The member's private calendar: secret, shown only to them. */
  calendarUrl: string;
}) {
  const { t } = ctx;
  return (
    <div class="stack">
      <h1>{t('events.mine.title')}</h1>
      <section aria-labelledby="registered-heading">
        <h2 id="registered-heading">{t('events.mine.registered')}</h2>
        {registered.length === 0 ? (
          <p>{t('events.mine.noRegistrations')}</p>
        ) : (
          <ul class="link-list">
            {registered.map((item) => (
              <li key={item.slug}>
                <a href={ctx.href(`/events/${encodeURIComponent(item.slug)}`)} lang={item.language} dir="auto">
                  {item.title}
                </a>{' '}
                <EventWhen ctx={ctx} startsAt={item.starts_at} endsAt={item.ends_at} timeZone={item.time_zone} />
              </li>
            ))}
          </ul>
        )}
        <p>{t('events.mine.calendarIntro')}</p>
        <p>
          <a href={calendarUrl}>{calendarUrl}</a>
        </p>
      </section>
      <h2>{t('events.mine.proposed')}</h2>
      <p>
        <ButtonLink href={ctx.href('/events/new')}>{t('events.list.propose')}</ButtonLink>
      </p>
      {page.items.length === 0 ? (
        <p>{t('events.mine.empty')}</p>
      ) : (
        <ul class="link-list">
          {page.items.map((item) => (
            <li key={item.slug}>
              <a href={ctx.href(`/events/${encodeURIComponent(item.slug)}`)} lang={item.language} dir="auto">
                {item.title}
              </a>{' '}
              <StatusTag ctx={ctx} status={item.status} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page.page} pageCount={page.pageCount} hrefFor={(n) => ctx.href(`/events/mine?page=${n}`)} labels={paginationLabels(t)} />
    </div>
  );
}
