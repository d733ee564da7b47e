import { countryName } from '../../../lib/countries.ts';
import { numberFormat } from '../../../lib/intl.ts';
import { regionName, regionOf, REGIONS } from '../../../lib/regions.ts';
import { practiceMap } from '../../../lib/world-map.ts';
import type { ViewContext } from '../../../platform/context.ts';
import { summaryOf, type FieldErrors } from '../../../platform/forms.ts';
import { Button, ButtonLink, Textarea, TextInput } from '../../../ui/index.ts';
import { DateText } from '../../../ui/date-text.tsx';
import { ErrorSummary } from '../../../ui/error-summary.tsx';
import { NotificationBanner, SuccessBanner } from '../../../ui/notification.tsx';
import { PostForm } from '../../../ui/post-form.tsx';
import { ItemLinks } from '../../../ui/item-links.tsx';
import { FollowButton } from '../../follows/index.ts';
import { OrganisationCards } from '../../organisations/index.ts';
import { PartnershipCards } from '../../partnerships/index.ts';
import { EventCards } from '../../events/index.ts';
import { CampaignCard } from '../../campaigns/index.ts';
import { LabCard, labPath, ServiceList } from '../../labs/index.ts';
import type { CityCount, CountryCount } from '../queries.ts';
import type { CityProfileForm, WorldwideService } from '../service.ts';
import { MapLegend, WorldMapSvg } from './world-map-svg.tsx';

type MapView = Awaited<ReturnType<WorldwideService['map']>>;
type CountryView = Awaited<ReturnType<WorldwideService['country']>>;
type CityView = Awaited<ReturnType<WorldwideService['city']>>;

export interface MapPageProps {
  ctx: ViewContext;
  view: MapView;
  layers: readonly string[];
  /** The practice search's filters as a query string (`?topic=…`), '' without any. */
  filterQuery: string;
}

function countText(ctx: ViewContext, layer: string, count: number): string {
  return ctx.t(`worldwide.layers.count.${layer}`, { count });
}

/** The numbers of the map as a table, grouped by UN region, each country a link. */
function CountryTable({ ctx, layer, countries, hrefOf }: { ctx: ViewContext; layer: string; countries: readonly CountryCount[]; hrefOf: (iso2: string) => string }) {
  const { t, locale } = ctx;
  const numbers = numberFormat(locale);
  const byRegion = new Map<string, CountryCount[]>();
  for (const row of countries) {
    const region = regionOf(row.country)?.region ?? 'other';
    byRegion.set(region, [...(byRegion.get(region) ?? []), row]);
  }
  const regions = [...REGIONS, 'other'].filter((region) => byRegion.has(region));
  if (regions.length === 0) return <p>{t('worldwide.map.empty')}</p>;
  return (
    <table class="table">
      <caption class="table__caption">{t(`worldwide.map.tableCaption.${layer}`)}</caption>
      <thead>
        <tr>
          <th scope="col">{t('worldwide.map.country')}</th>
          <th scope="col" class="table__numeric">{t(`worldwide.layers.name.${layer}`)}</th>
        </tr>
      </thead>
      {regions.map((region) => {
        const rows = (byRegion.get(region) ?? []).sort((a, b) => b.count - a.count || countryName(a.country, locale).localeCompare(countryName(b.country, locale), locale));
        const total = rows.reduce((sum, row) => sum + row.count, 0);
        return (
          <tbody key={region}>
            <tr>
              <th scope="rowgroup" colSpan={1}>{region === 'other' ? t('worldwide.map.otherRegion') : regionName(region, locale)}</th>
              <td class="table__numeric">{numbers.format(total)}</td>
            </tr>
            {rows.map((row) => (
              <tr key={row.country}>
                <th scope="row" class="table__subrow">
                  <a href={hrefOf(row.country)}>{countryName(row.country, locale)}</a>
                </th>
                <td class="table__numeric">{numbers.format(row.count)}</td>
              </tr>
            ))}
          </tbody>
        );
      })}
    </table>
  );
}

/** `/{l}/map`: the world with a layer of counts, the practice search's filters carried both ways. */
export function MapPage({ ctx, view, layers, filterQuery }: MapPageProps) {
  const { t } = ctx;
  const layer = view.layer.name;
  const join = (base: string) => `${base}${filterQuery ? `${base.includes('?') ? '&' : '?'}${filterQuery.slice(1)}` : ''}`;
  const total = view.countries.reduce((sum, row) => sum + row.count, 0);
  return (
    <div class="stack world-map">
      {view.ignored ? <NotificationBanner title={t('worldwide.map.ignoredTitle')}>{t('worldwide.map.ignored')}</NotificationBanner> : null}
      <h1>{t('worldwide.map.title')}</h1>
      <p class="lede">{t('worldwide.map.intro')}</p>
      <nav aria-label={t('worldwide.map.layers')}>
        <ul class="button-group">
          {layers.map((name) => (
            <li key={name}>
              <a href={ctx.href(join(`/map?layer=${name}`))} aria-current={name === layer ? 'page' : undefined} class={name === layer ? 'button' : 'button button--secondary'}>
                {t(`worldwide.layers.name.${name}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {view.layer.filtered && filterQuery ? (
        <p>
          {t('worldwide.map.filtered')} <a href={ctx.href(`/practices${filterQuery}`)}>{t('worldwide.map.toSearch')}</a> ·{' '}
          <a href={ctx.href(`/map?layer=${layer}`)}>{t('worldwide.map.clearFilters')}</a>
        </p>
      ) : view.layer.filtered ? (
        <p>
          <a href={ctx.href('/practices')}>{t('worldwide.map.filterInSearch')}</a>
        </p>
      ) : null}
      <p>
        {t(`worldwide.map.total.${layer}`, { count: total })}
        {view.approximate ? ` ${t('worldwide.map.approximate')}` : ''}
      </p>
      <WorldMapSvg
        ctx={ctx}
        countries={view.countries}
        cities={view.cities}
        label={t(`worldwide.map.label.${layer}`)}
        countryHref={(iso2) => ctx.href(`/countries/${iso2.toLowerCase()}`)}
        cityHref={(slug) => ctx.href(`/cities/${encodeURIComponent(slug)}`)}
        countLabel={(count) => countText(ctx, layer, count)}
      />
      <MapLegend ctx={ctx} counts={view.countries.map((row) => row.count)} title={t(`worldwide.map.legend.${layer}`)} />
      <CountryTable ctx={ctx} layer={layer} countries={view.countries} hrefOf={(iso2) => ctx.href(`/countries/${iso2.toLowerCase()}`)} />
      {view.cities.length > 0 ? <CityList ctx={ctx} cities={view.cities} layer={layer} /> : null}
    </div>
  );
}

function CityList({ ctx, cities, layer }: { ctx: ViewContext; cities: readonly CityCount[]; layer: string }) {
  return (
    <section aria-labelledby="cities-heading">
      <h2 id="cities-heading">{ctx.t('worldwide.map.cities')}</h2>
      <ul class="list list--columns">
        {cities.map((city) => (
          <li key={city.slug}>
            <a href={ctx.href(`/cities/${encodeURIComponent(city.slug)}`)}>{city.name}</a> <span class="muted">({countText(ctx, layer, city.count)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A small map zoomed on a country or city. */
function PlaceMap({ countries, places, label }: { countries: readonly string[]; places: readonly { latitude: number; longitude: number }[]; label: string }) {
  const picture = practiceMap(countries, places);
  return (
    <figure class="practice-map">
      <svg class="practice-map__svg" xmlns="http://www.w3.org/2000/svg" viewBox={picture.viewBox} role="img" aria-label={label} focusable="false" preserveAspectRatio="xMidYMid meet">
        <path d={picture.land} fill="#d2d6d9" stroke="#ffffff" stroke-width="0.75" vector-effect="non-scaling-stroke" />
        {picture.highlight ? <path d={picture.highlight} fill="#00636b" stroke="#ffffff" stroke-width="0.75" vector-effect="non-scaling-stroke" /> : null}
        {picture.dots.map((dot) => (
          <circle key={`${dot.x},${dot.y}`} cx={dot.x} cy={dot.y} r={dot.r} fill="#d4351c" stroke="#ffffff" stroke-width="1.5" vector-effect="non-scaling-stroke" />
        ))}
      </svg>
    </figure>
  );
}

function ItemList({ ctx, heading, id, items, base, total, more, empty }: {
  ctx: ViewContext; heading: string; id: string; items: readonly { slug: string; title: string; language: string }[]; base: string; total: number; more: string; empty: string;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ItemLinks ctx={ctx} items={items} basePath={base} listClass="list" />
      )}
      {total > items.length ? (
        <p>
          <a href={ctx.href(more)}>{ctx.t('worldwide.place.seeAll', { count: total })}</a>
        </p>
      ) : null}
    </section>
  );
}

function MemberList({ ctx, members, more }: { ctx: ViewContext; members: { items: readonly { handle: string; name: string | null }[]; total: number }; more?: string }) {
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">{ctx.t('worldwide.place.members', { count: members.total })}</h2>
      {members.items.length === 0 ? (
        <p>{ctx.t('worldwide.place.noMembers')}</p>
      ) : (
        <ul class="list">
          {members.items.map((member) => (
            <li key={member.handle}>
              <a href={ctx.href(`/members/${encodeURIComponent(member.handle)}`)} dir="auto">
                {member.name}
              </a>
            </li>
          ))}
        </ul>
      )}
      {more && members.total > members.items.length ? (
        <p>
          <a href={ctx.href(more)}>{ctx.t('worldwide.place.seeAll', { count: members.total })}</a>
        </p>
      ) : null}
    </section>
  );
}

/** The next events in a place, with a link to all of them. */
function UpcomingEvents({ ctx, events, more }: { ctx: ViewContext; events: CountryView['events']; more: string }) {
  return (
    <section aria-labelledby="events-heading">
      <h2 id="events-heading">{ctx.t('worldwide.place.events')}</h2>
      {events.length === 0 ? <p>{ctx.t('worldwide.place.noEvents')}</p> : <EventCards ctx={ctx} items={events} topics={new Map()} />}
      <p>
        <a href={ctx.href(more)}>{ctx.t('worldwide.place.allEvents')}</a>
      </p>
    </section>
  );
}

/** The Migrant Integration Labs in a city, and the services for newcomers they list. */
function CityLabs({ ctx, labs }: { ctx: ViewContext; labs: CityView['labs'] }) {
  if (labs.labs.length === 0) return null;
  return (
    <section aria-labelledby="labs-heading" class="stack">
      <h2 id="labs-heading">{ctx.t('worldwide.city.labs')}</h2>
      <ul class="stack">
        {labs.labs.map((lab) => (
          <li key={lab.slug}>
            <LabCard ctx={ctx} lab={lab} headingLevel={3} />
            <p>
              <a href={ctx.href(labPath(lab.slug, '/leaflet'))}>{ctx.t('worldwide.city.servicesLeaflet', { lab: lab.name })}</a>
            </p>
          </li>
        ))}
      </ul>
      {labs.services.length > 0 ? (
        <>
          <h3>{ctx.t('worldwide.city.services')}</h3>
          <ServiceList ctx={ctx} services={labs.services} headingLevel={3} />
        </>
      ) : null}
    </section>
  );
}

/** The campaigns that run in a place or count it among their partners. */
function PlaceCampaigns({ ctx, campaigns, more }: { ctx: ViewContext; campaigns: CountryView['campaigns']; more: string }) {
  return (
    <section aria-labelledby="campaigns-heading">
      <h2 id="campaigns-heading">{ctx.t('worldwide.place.campaigns')}</h2>
      {campaigns.length === 0 ? (
        <p>{ctx.t('worldwide.place.noCampaigns')}</p>
      ) : (
        <ul class="stack">
          {campaigns.map((item) => (
            <li key={item.row.slug}>
              <CampaignCard ctx={ctx} item={item} headingLevel={3} />
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={ctx.href(more)}>{ctx.t('worldwide.place.allCampaigns')}</a>
      </p>
    </section>
  );
}

/** `/{l}/countries/{iso2}`: what happens in a country, in counts and the newest items. */
export function CountryPage({ ctx, view }: { ctx: ViewContext; view: CountryView }) {
  const { t, locale } = ctx;
  const name = countryName(view.country, locale);
  const code = view.country;
  return (
    <div class="stack">
      <h1>{name}</h1>
      <FollowButton ctx={ctx} kind="country" targetKey={code} label={name} />
      <PlaceMap countries={[code]} places={view.cities} label={t('worldwide.place.mapOf', { place: name })} />
      <ul class="list">
        {view.counts.map((row) => (
          <li key={row.layer}>
            <a href={ctx.href(`/map?layer=${row.layer}`)}>{countText(ctx, row.layer, row.count)}</a>
          </li>
        ))}
      </ul>
      <ItemList ctx={ctx} id="practices-heading" heading={t('worldwide.place.practices')} items={view.practices.items} base="/practices" total={view.practices.total} more={`/practices?country=${code}`} empty={t('worldwide.place.noPractices')} />
      <ItemList ctx={ctx} id="resources-heading" heading={t('worldwide.place.resources')} items={view.resources.items} base="/resources" total={view.resources.total} more={`/resources?country=${code}`} empty={t('worldwide.place.noResources')} />
      <MemberList ctx={ctx} members={view.members} more={`/community?country=${code}`} />
      <section aria-labelledby="organisations-heading">
        <h2 id="organisations-heading">{t('worldwide.place.organisations', { count: view.organisations.total })}</h2>
        <OrganisationCards ctx={ctx} page={view.organisations} hrefFor={() => ctx.href(`/community?show=organisations&country=${code}`)} />
      </section>
      <UpcomingEvents ctx={ctx} events={view.events} more={`/events?country=${code}`} />
      <PlaceCampaigns ctx={ctx} campaigns={view.campaigns} more={`/campaigns?country=${code}`} />
      <section aria-labelledby="partnerships-heading">
        <h2 id="partnerships-heading">{t('partnerships.country')}</h2>
        {view.partnerships.items.length === 0 ? <p>{t('partnerships.list.empty')}</p> : <PartnershipCards ctx={ctx} items={view.partnerships.items.slice(0, 8)} topics={new Map()} />}
        {view.partnerships.total > 0 ? (
          <p>
            <a href={ctx.href(`/partnerships?country=${code}`)}>{t('worldwide.place.seeAll', { count: view.partnerships.total })}</a>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="cities-heading">
        <h2 id="cities-heading">{t('worldwide.place.cities')}</h2>
        {view.cities.length === 0 ? (
          <p>{t('worldwide.place.noCities')}</p>
        ) : (
          <ul class="list">
            {view.cities.map((city) => (
              <li key={city.slug}>
                <a href={ctx.href(`/cities/${encodeURIComponent(city.slug)}`)}>{city.name}</a> <span class="muted">({countText(ctx, 'practices', city.count)})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** `/{l}/cities/{slug}`: a city, its profile written by its keepers, its practices and members. */
export function CityPage({ ctx, view, notice }: { ctx: ViewContext; view: CityView; notice: string | undefined }) {
  const { t, locale } = ctx;
  const { city, profile } = view;
  const country = countryName(city.country, locale);
  return (
    <div class="stack">
      <SuccessBanner title={t('common.success')} message={notice ? t(`worldwide.city.notice.${notice}`) : undefined} />
      <h1>{city.name}</h1>
      <p>
        <a href={ctx.href(`/countries/${city.country.toLowerCase()}`)}>{country}</a>
      </p>
      <FollowButton ctx={ctx} kind="city" targetKey={city.slug} label={city.name} />
      <PlaceMap countries={[city.country]} places={[city]} label={t('worldwide.place.mapOf', { place: city.name })} />
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('worldwide.city.profile')}</h2>
        {profile && (profile.integration_office || profile.contact || profile.approach || profile.links.length > 0) ? (
          <dl class="summary-list">
            {profile.integration_office ? (
              <div class="summary-list__row">
                <dt class="summary-list__key">{t('worldwide.city.integrationOffice')}</dt>
                <dd class="summary-list__value" dir="auto">{profile.integration_office}</dd>
              </div>
            ) : null}
            {profile.contact ? (
              <div class="summary-list__row">
                <dt class="summary-list__key">{t('worldwide.city.contact')}</dt>
                <dd class="summary-list__value" dir="auto">{profile.contact}</dd>
              </div>
            ) : null}
            {profile.approach ? (
              <div class="summary-list__row">
                <dt class="summary-list__key">{t('worldwide.city.approach')}</dt>
                <dd class="summary-list__value" dir="auto">{profile.approach}</dd>
              </div>
            ) : null}
            {profile.links.length > 0 ? (
              <div class="summary-list__row">
                <dt class="summary-list__key">{t('worldwide.city.links')}</dt>
                <dd class="summary-list__value">
                  <ul class="link-list">
                    {profile.links.map((link) => (
                      <li key={link} dir="ltr">
                        <a href={link} rel="noopener noreferrer nofollow">{link}</a>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
          </dl>
        ) : (
          <p>{t('worldwide.city.noProfile')}</p>
        )}
        {profile ? (
          <p class="muted">
            {t('worldwide.city.updated')} <DateText ctx={ctx} date={profile.updated_at} />
          </p>
        ) : null}
        <p>
          <a href={ctx.href(`/cities/${encodeURIComponent(city.slug)}/keep`)}>{t('worldwide.city.keepLink')}</a>
        </p>
      </section>
      <ItemList ctx={ctx} id="practices-heading" heading={t('worldwide.place.practices')} items={view.practices.items} base="/practices" total={view.practices.total} more={`/practices?country=${city.country}`} empty={t('worldwide.place.noPractices')} />
      <UpcomingEvents ctx={ctx} events={view.events} more={`/events?city=${encodeURIComponent(city.slug)}`} />
      <PlaceCampaigns ctx={ctx} campaigns={view.campaigns} more="/campaigns" />
      <CityLabs ctx={ctx} labs={view.labs} />
      <MemberList ctx={ctx} members={view.members} />
    </div>
  );
}

/** `/{l}/cities/{slug}/keep`: keepers edit the profile; members of a local government ask to keep it. */
export function KeepCityPage({ ctx, view, form, errors }: { ctx: ViewContext; view: CityView; form: CityProfileForm | null; errors: FieldErrors }) {
  const { t } = ctx;
  const errorPrefix = t('common.errorPrefix');
  const bind = (id: keyof CityProfileForm) => ({ id, errorPrefix, error: errors[id] ? t(errors[id]) : undefined, value: form?.[id] ?? '' });
  const action = ctx.href(`/cities/${encodeURIComponent(view.city.slug)}/keep`);
  return (
    <div class="stack">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, errors)} />
      <h1>{t('worldwide.city.keepTitle', { city: view.city.name })}</h1>
      {view.isKeeper && form ? (
        <PostForm action={action} csrfToken={ctx.csrfToken()}>
          <TextInput {...bind('integrationOffice')} label={t('worldwide.city.integrationOffice')} hint={t('worldwide.city.integrationOfficeHint')} />
          <TextInput {...bind('contact')} label={t('worldwide.city.contact')} hint={t('worldwide.city.contactHint')} />
          <Textarea {...bind('approach')} label={t('worldwide.city.approach')} rows={6} />
          <Textarea {...bind('links')} label={t('worldwide.city.links')} hint={t('worldwide.city.linksHint')} rows={4} />
          <input type="hidden" name="action" value="profile" />
          <Button>{t('worldwide.city.save')}</Button>
        </PostForm>
      ) : view.requestStatus === 'requested' ? (
        <p>{t('worldwide.city.requestWaiting')}</p>
      ) : ctx.user ? (
        <PostForm action={action} csrfToken={ctx.csrfToken()}>
          <p>{t('worldwide.city.requestIntro')}</p>
          <Textarea id="note" errorPrefix={errorPrefix} error={errors.note ? t(errors.note) : undefined} label={t('worldwide.city.note')} hint={t('worldwide.city.noteHint')} rows={4} value="" />
          <input type="hidden" name="action" value="request" />
          <Button>{t('worldwide.city.request')}</Button>
        </PostForm>
      ) : (
        <ButtonLink href={ctx.href(`/login?next=${encodeURIComponent(`/${ctx.locale}/cities/${view.city.slug}/keep`)}`)}>{t('worldwide.city.signIn')}</ButtonLink>
      )}
      <p>
        <a href={ctx.href(`/cities/${encodeURIComponent(view.city.slug)}`)}>{t('worldwide.city.back', { city: view.city.name })}</a>
      </p>
    </div>
  );
}

type KeeperRequest = Awaited<ReturnType<WorldwideService['keeperRequests']>>[number];

/** `/{l}/review/cities`: requests to keep a city's page, for editors to approve or decline. */
export function KeeperRequestsPage({ ctx, requests, done }: { ctx: ViewContext; requests: readonly KeeperRequest[]; done: boolean }) {
  const { t } = ctx;
  return (
    <div class="stack">
      <SuccessBanner title={t('common.success')} message={done ? t('worldwide.requests.decided') : undefined} />
      <h1>{t('worldwide.requests.title')}</h1>
      {requests.length === 0 ? (
        <p>{t('worldwide.requests.empty')}</p>
      ) : (
        <ul class="list">
          {requests.map((request) => (
            <li key={`${request.city_id}:${request.user_id}`} class="stack">
              <p>
                {t('worldwide.requests.line', { member: request.member_name ?? '', organisation: request.organisation ?? '', city: request.city_name })} <DateText ctx={ctx} date={request.requested_at} />
              </p>
              {request.note ? <blockquote dir="auto">{request.note}</blockquote> : null}
              {(['approved', 'declined'] as const).map((decision) => (
                <PostForm key={decision} action={ctx.href('/review/cities')} csrfToken={ctx.csrfToken()} class="inline-form">
                  <input type="hidden" name="city" value={String(request.city_id)} />
                  <input type="hidden" name="member" value={String(request.user_id)} />
                  <input type="hidden" name="decision" value={decision} />
                  <Button variant={decision === 'approved' ? 'primary' : 'secondary'}>{t(`worldwide.requests.${decision}`, { member: request.member_name ?? '', city: request.city_name })}</Button>
                </PostForm>
              ))}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
