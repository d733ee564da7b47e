import { CommentsSection, type CommunityNotice, type Engagement } from '../../../engagement/index.ts';
import { StatusTag } from '../../../editorial/index.ts';
import { countryName } from '../../../lib/countries.ts';
import { displayNames } from '../../../lib/intl.ts';
import { jsonForScript, ShareSection } from '../../../open-data/index.ts';
import type { ViewContext } from '../../../platform/context.ts';
import type { FormState } from '../../../platform/forms.ts';
import { MarkdownText } from '../../../ui/markdown-text.tsx';
import { Personal, personalPart } from '../../../platform/personal-parts.tsx';
import { Button, ButtonLink, NotificationBanner, SuccessBanner, SummaryList, TagList, type SummaryRow } from '../../../ui/index.ts';
import { ItemLinks } from '../../../ui/item-links.tsx';
import { PostForm } from '../../../ui/post-form.tsx';
import { Section } from '../../../ui/section.tsx';
import { termLabel, type Term } from '../../taxonomies/index.ts';
import type { RegistrationStatus } from '../../../db/schema/events.ts';
import { eventPath } from '../kind.ts';
import type { EventDetail } from '../service.ts';
import { EventWhen } from './event-times.tsx';

/** What the registration box shows one reader: the shared page knows only whether registration is open. */
export interface RegistrationBox {
  slug: string;
  eventId: number;
  /** Why registration is closed (a translation key), or null when open. */
  closed: string | null;
  full: boolean;
  /** Filled in per member (routes.tsx): their seat or place, and the join link once they hold a seat. */
  registration: { status: RegistrationStatus; code: string; showPublicly: boolean } | null;
  joinUrl: string | null;
}

export const registrationPart = personalPart<RegistrationBox>('event-registration', (ctx, box) => {
  const { t } = ctx;
  const path = eventPath(box.slug);
  const mine = box.registration;
  if (mine) {
    return (
      <div class="panel" id="registration">
        <h2>{t('events.register.heading')}</h2>
        <p>
          <strong>{t(mine.status === 'confirmed' ? 'events.register.youHaveSeat' : 'events.register.youWait')}</strong>
        </p>
        {mine.status === 'confirmed' ? <p>{t('events.register.yourCode', { code: mine.code })}</p> : null}
        {mine.status === 'confirmed' && box.joinUrl ? (
          <p>
            {t('events.register.joinLink')} <a href={box.joinUrl} rel="noopener noreferrer">{box.joinUrl}</a>
          </p>
        ) : null}
        <PostForm action={ctx.href(`${path}/attendee-list`)} csrfToken={ctx.csrfToken()}>
          <input type="hidden" name="show" value={mine.showPublicly ? 'no' : 'yes'} />
          <p>{t(mine.showPublicly ? 'events.register.listed' : 'events.register.notListed')}</p>
          <Button variant="secondary">{t(mine.showPublicly ? 'events.register.unlist' : 'events.register.list')}</Button>
        </PostForm>
        <PostForm action={ctx.href(`${path}/cancel-registration`)} csrfToken={ctx.csrfToken()}>
          <Button variant="warning">{t(mine.status === 'confirmed' ? 'events.register.cancelSeat' : 'events.register.leaveWaiting')}</Button>
        </PostForm>
      </div>
    );
  }
  return (
    <div class="panel" id="registration">
      <h2>{t('events.register.heading')}</h2>
      {box.closed ? (
        <p>{t(box.closed)}</p>
      ) : ctx.user ? (
        <PostForm action={ctx.href(`${path}/register`)} csrfToken={ctx.csrfToken()}>
          {box.full ? <p>{t('events.register.fullHint')}</p> : null}
          <Button>{t(box.full ? 'events.register.joinWaiting' : 'events.register.button')}</Button>
        </PostForm>
      ) : (
        <p>
          <ButtonLink href={ctx.href(`${path}/register`)}>{t('events.register.visitorLink')}</ButtonLink>{' '}
          <a href={ctx.href(`/login?next=${encodeURIComponent(`/${ctx.locale}${path}`)}`)}>{t('events.register.signIn')}</a>
        </p>
      )}
    </div>
  );
});

/** Organisers' links: the shared page shows them to nobody; each member's part asks whether they organise it. */
export interface OrganiserLinks {
  slug: string;
  authorId: number | null;
  organisationId: number | null;
  mayManage: boolean;
}

export const organiserPart = personalPart<OrganiserLinks>('event-organiser', (ctx, { slug, mayManage }) =>
  mayManage ? (
    <nav class="panel" aria-label={ctx.t('events.manage.nav')}>
      <ul class="link-list">
        <li>
          <a href={ctx.href(`${eventPath(slug)}/edit`)}>{ctx.t('events.manage.edit')}</a>
        </li>
        <li>
          <a href={ctx.href(`${eventPath(slug)}/registrations`)}>{ctx.t('events.manage.registrations')}</a>
        </li>
        <li>
          <a href={ctx.href(`${eventPath(slug)}/cancel`)}>{ctx.t('events.manage.cancel')}</a>
        </li>
      </ul>
    </nav>
  ) : null,
);

function placeRows(ctx: ViewContext, detail: EventDetail): SummaryRow[] {
  const { t, locale } = ctx;
  const { row } = detail;
  const rows: SummaryRow[] = [{ key: t('events.fields.format'), value: t(`events.formats.${row.format}`) }];
  if (row.format !== 'online') {
    const place = [row.venue, row.address].filter(Boolean).join(', ');
    rows.push({
      key: t('events.fields.venue'),
      value: (
        <span>
          <span dir="auto">{place}</span>
          {row.city_slug && row.country ? (
            <>
              {', '}
              <a href={ctx.href(`/cities/${encodeURIComponent(row.city_slug)}`)}>{row.city_name}</a>
            </>
          ) : null}
          {row.country ? (
            <>
              {', '}
              <a href={ctx.href(`/countries/${row.country.toLowerCase()}`)}>{countryName(row.country, locale)}</a>
            </>
          ) : null}
        </span>
      ),
    });
  }
  if (row.format !== 'in_person') rows.push({ key: t('events.fields.joinUrl'), value: t('events.page.joinHidden') });
  return rows;
}

function factRows(ctx: ViewContext, detail: EventDetail): SummaryRow[] {
  const { t, locale } = ctx;
  const { row } = detail;
  const languages = displayNames(locale, 'language');
  const organiser = row.organisation_slug
    ? <a href={ctx.href(`/organisations/${encodeURIComponent(row.organisation_slug)}`)} dir="auto">{row.organisation_name}</a>
    : row.author_handle
      ? <a href={ctx.href(`/members/${encodeURIComponent(row.author_handle)}`)} dir="auto">{row.author_name}</a>
      : t('events.page.deletedMember');
  return [
    ...placeRows(ctx, detail),
    { key: t('events.fields.organiser'), value: organiser },
    ...(row.languages.length > 0 ? [{ key: t('events.fields.languages'), value: row.languages.map((code) => languages.of(code) ?? code).join(', ') }] : []),
    {
      key: t('events.fields.capacity'),
      value: row.capacity === null
        ? t('events.page.noLimit')
        : t('events.page.seats', { left: Math.max(0, row.capacity - row.seats_taken), capacity: row.capacity }) + (row.waiting > 0 ? ` · ${t('events.page.waiting', { count: row.waiting })}` : ''),
    },
    ...(row.registration_deadline ? [{ key: t('events.fields.registrationDeadline'), value: <EventWhen ctx={ctx} startsAt={row.registration_deadline} endsAt={row.registration_deadline} timeZone={row.time_zone} /> }] : []),
  ];
}

/** schema.org `Event`, for search engines and calendars that read pages. */
function jsonLd(detail: EventDetail, urls: { page: string; siteName: string; site: string }, next: { starts_at: Date; ends_at: Date }) {
  const { row } = detail;
  const attendance = { in_person: 'OfflineEventAttendanceMode', online: 'OnlineEventAttendanceMode', hybrid: 'MixedEventAttendanceMode' }[row.format];
  const physical = row.format !== 'online'
    ? [{ '@type': 'Place', name: row.venue, address: { '@type': 'PostalAddress', streetAddress: row.address, ...(row.city_name ? { addressLocality: row.city_name } : {}), ...(row.country ? { addressCountry: row.country } : {}) } }]
    : [];
  const virtual = row.format !== 'in_person' ? [{ '@type': 'VirtualLocation', url: urls.page }] : [];
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': urls.page,
    url: urls.page,
    name: row.title,
    description: row.description.slice(0, 500),
    inLanguage: row.language,
    startDate: next.starts_at.toISOString(),
    endDate: next.ends_at.toISOString(),
    eventStatus: `https://schema.org/${row.cancelled_at ? 'EventCancelled' : 'EventScheduled'}`,
    eventAttendanceMode: `https://schema.org/${attendance}`,
    location: [...physical, ...virtual],
    organizer: row.organisation_name ? { '@type': 'Organization', name: row.organisation_name } : { '@type': 'Person', name: row.author_name ?? '' },
    ...(row.capacity !== null ? { maximumAttendeeCapacity: row.capacity, remainingAttendeeCapacity: Math.max(0, row.capacity - row.seats_taken) } : {}),
    publisher: { '@type': 'Organization', name: urls.siteName, url: urls.site },
  };
}

export interface EventPageProps {
  ctx: ViewContext;
  detail: EventDetail;
  topics: ReadonlyMap<string, Term>;
  engagement: Engagement;
  commentForm: FormState;
  box: RegistrationBox;
  notice?: string;
  communityNotice?: CommunityNotice;
  urls: { page: string; site: string; siteName: string };
  /** A refused registration, as a translation key. */
  registrationError?: string;
}

export function EventPageView({ ctx, detail, topics, engagement, commentForm, box, notice, urls, registrationError }: EventPageProps) {
  const { t, locale } = ctx;
  const { row, occurrences } = detail;
  const isPublic = row.status === 'published';
  const now = Date.now();
  const upcoming = occurrences.filter((occurrence) => occurrence.ends_at.getTime() >= now);
  const next = upcoming.find((occurrence) => !occurrence.cancelled) ?? occurrences[occurrences.length - 1] ?? { starts_at: row.starts_at, ends_at: row.ends_at, cancelled: false };
  const shownOccurrences = (upcoming.length > 0 ? upcoming : occurrences).slice(0, 24);
  return (
    <article class="stack" lang={row.language}>
      <SuccessBanner title={t('common.success')} message={notice ? t(`events.done.${notice}`) : undefined} />
      {registrationError ? <NotificationBanner title={t('events.register.refusedTitle')}>{t(registrationError)}</NotificationBanner> : null}
      <p>
        <a href={ctx.href('/events')}>{t('events.page.back')}</a>
      </p>
      {!isPublic ? (
        <p>
          <StatusTag ctx={ctx} status={row.status} />
        </p>
      ) : null}
      {row.cancelled_at ? (
        <NotificationBanner title={t('events.page.cancelledTitle')}>{row.cancel_reason ? <span dir="auto">{row.cancel_reason}</span> : t('events.page.cancelledNoReason')}</NotificationBanner>
      ) : null}
      <h1 dir="auto">{row.title}</h1>
      <p class="lede">
        <EventWhen ctx={ctx} startsAt={next.starts_at} endsAt={next.ends_at} timeZone={row.time_zone} />
      </p>
      <TagList
        tags={row.topics.flatMap((code) => {
          const term = topics.get(code);
          return term ? [{ label: termLabel(term, locale), href: ctx.href(`/events?topic=${encodeURIComponent(code)}`) }] : [];
        })}
        label={t('events.fields.topics')}
      />
      <Personal ctx={ctx} part={organiserPart} data={{ slug: row.slug, authorId: row.author_id, organisationId: row.organisation_id, mayManage: false }} />
      {isPublic ? <Personal ctx={ctx} part={registrationPart} data={box} /> : null}
      <Section id="about" title={t('events.page.about')}>
        <SummaryList rows={factRows(ctx, detail)} />
        {isPublic ? (
          <p>
            <a href={ctx.href(`${eventPath(row.slug)}/event.ics`)}>{t('events.page.addToCalendar')}</a>
          </p>
        ) : null}
      </Section>
      {row.description ? (
        <MarkdownText source={row.description} />
      ) : null}
      {row.recurrence || occurrences.length > 1 ? (
        <Section id="dates" title={t('events.page.dates')}>
          <ul class="link-list">
            {shownOccurrences.map((occurrence) => (
              <li key={occurrence.id}>
                <EventWhen ctx={ctx} startsAt={occurrence.starts_at} endsAt={occurrence.ends_at} timeZone={row.time_zone} />
                {occurrence.cancelled ? ` (${t('events.page.cancelledTag')})` : occurrence.moved ? ` (${t('events.page.movedTag')})` : ''}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {detail.practices.length > 0 ? (
        <Section id="practices" title={t('events.page.practices')}>
          <ItemLinks ctx={ctx} items={detail.practices} basePath="/practices" />
        </Section>
      ) : null}
      {detail.resources.length > 0 ? (
        <Section id="resources" title={t('events.page.resources')}>
          <ItemLinks ctx={ctx} items={detail.resources} basePath="/resources" />
        </Section>
      ) : null}
      {detail.attendees.length > 0 ? (
        <Section id="attendees" title={t('events.page.attendees')}>
          <ul class="link-list">
            {detail.attendees.map((attendee) => (
              <li key={attendee.handle}>
                <a href={ctx.href(`/members/${encodeURIComponent(attendee.handle)}`)} dir="auto">
                  {attendee.name}
                </a>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {isPublic ? (
        <>
          {ctx.user ? (
            <p>
              <a href={ctx.href(`${eventPath(row.slug)}/flag`)}>{t('engagement.kinds.event.reportItem')}</a>
            </p>
          ) : null}
          <CommentsSection ctx={ctx} engagement={engagement} form={commentForm} />
          <ShareSection ctx={ctx} kind="event" title={row.title} url={urls.page} />
          <script
            type="application/ld+json"
            // Escaped by jsonForScript: no value can close the element.
            dangerouslySetInnerHTML={{ __html: jsonForScript(jsonLd(detail, urls, next)) }}
          />
        </>
      ) : null}
    </article>
  );
}
