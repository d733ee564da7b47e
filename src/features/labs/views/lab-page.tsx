import type { ViewContext } from '../../../platform/context.ts';
import { Personal, personalPart } from '../../../platform/personal-parts.tsx';
import { dayText } from '../../../lib/intl.ts';
import { Section } from '../../../ui/section.tsx';
import { SuccessBanner, SummaryList } from '../../../ui/index.ts';
import { termLabel } from '../../taxonomies/index.ts';
import type { PublishedLabIndicators } from '../indicators.ts';
import { SERVICE_CATEGORIES, type TeamRole } from '../model.ts';
import type { ServiceRow } from '../queries.ts';
import type { LabDetail } from '../service.ts';
import { LabIndicatorTables, labPath, languageName, placeOf, sessionWhen } from './parts.tsx';

export interface TeamLinksData {
  slug: string;
  role: TeamRole | null;
  admin: boolean;
}

/** The way into the lab's workspace, for its team only: the page is shared, this part is each member's. */
export const teamLinks = personalPart<TeamLinksData>('lab-team', (ctx, { slug, role, admin }) => {
  const { t } = ctx;
  if (!role && !admin) return null;
  const links = [
    ...(role === 'coordinator' || admin ? [{ href: labPath(slug, '/manage'), label: t('labs.nav.manage') }] : []),
    ...(role === 'coordinator'
      ? [
          { href: labPath(slug, '/participants'), label: t('labs.nav.participants') },
          { href: labPath(slug, '/dashboard'), label: t('labs.nav.dashboard') },
          { href: labPath(slug, '/audit'), label: t('labs.nav.audit') },
        ]
      : []),
    ...(role ? [{ href: labPath(slug, '/sessions'), label: t('labs.nav.sessions') }] : []),
  ];
  return (
    <nav aria-label={t('labs.nav.label')} class="fact-box">
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <a href={ctx.href(link.href)}>{link.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
});

/** Services grouped by category: on the lab page, the city page and the leaflet. */
export function ServiceList({ ctx, services, headingLevel = 3 }: { ctx: ViewContext; services: readonly ServiceRow[]; headingLevel?: 2 | 3 }) {
  const { t } = ctx;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div class="stack">
      {SERVICE_CATEGORIES.filter((category) => services.some((service) => service.category === category)).map((category) => (
        <div key={category} class="stack">
          <Heading>{t(`labs.services.categories.${category}`)}</Heading>
          <ul class="stack">
            {services
              .filter((service) => service.category === category)
              .map((service) => (
                <li key={service.id}>
                  <strong dir="auto">{service.name}</strong>
                  <br />
                  <span dir="auto">{service.address}</span>
                  {service.hours ? (
                    <>
                      <br />
                      {t('labs.services.hours')}: <span dir="auto">{service.hours}</span>
                    </>
                  ) : null}
                  {service.languages.length > 0 ? (
                    <>
                      <br />
                      {t('labs.services.languages')}: {service.languages.map((code) => languageName(ctx, code)).join(', ')}
                    </>
                  ) : null}
                  {service.cost ? (
                    <>
                      <br />
                      {t('labs.services.cost')}: <span dir="auto">{service.cost}</span>
                    </>
                  ) : null}
                </li>
              ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

/** `/{l}/labs/{slug}`: the lab as the public sees it. Nothing about a participant, only suppressed counts. */
export function LabPageView({ ctx, detail, indicators, notice }: { ctx: ViewContext; detail: LabDetail; indicators: PublishedLabIndicators; notice?: string }) {
  const { t } = ctx;
  const { lab } = detail;
  const coordinators = detail.team.filter((member) => member.role === 'coordinator');
  const facilitators = detail.team.filter((member) => member.role === 'facilitator');
  const memberLinks = (members: typeof coordinators) =>
    members.map((member, index) => (
      <span key={member.user_id}>
        {index > 0 ? ', ' : ''}
        <a href={ctx.href(`/members/${encodeURIComponent(member.handle)}`)}>{member.name}</a>
      </span>
    ));
  return (
    <div class="stack">
      <SuccessBanner title={t('common.success')} message={notice ? t(`labs.notices.${notice}`) : undefined} />
      <p class="eyebrow">{t('labs.page.eyebrow')}</p>
      <h1 dir="auto">{lab.name}</h1>
      <Personal ctx={ctx} part={teamLinks} data={{ slug: lab.slug, role: null, admin: false }} />
      <SummaryList
        rows={[
          { key: t('labs.page.place'), value: placeOf(ctx, lab) },
          { key: t('labs.page.status'), value: t(`labs.statuses.${lab.status}`) },
          ...(lab.organisation_name && lab.organisation_slug ? [{ key: t('labs.page.host'), value: <a href={ctx.href(`/organisations/${lab.organisation_slug}`)}>{lab.organisation_name}</a> }] : []),
          { key: t('labs.page.pillars'), value: detail.pillars.map((pillar) => termLabel(pillar, ctx.locale)).join(', ') },
          ...(coordinators.length > 0 ? [{ key: t('labs.page.coordinators'), value: <>{memberLinks(coordinators)}</> }] : []),
          ...(facilitators.length > 0 ? [{ key: t('labs.page.facilitators'), value: <>{memberLinks(facilitators)}</> }] : []),
          { key: t('labs.page.trained'), value: t('labs.page.trainedFacilitators', { count: lab.trained_facilitators }) },
          ...(lab.contact ? [{ key: t('labs.page.contact'), value: <span dir="auto">{lab.contact}</span> }] : []),
          { key: t('labs.page.timeZone'), value: lab.time_zone },
        ]}
      />
      {lab.description ? (
        <p dir="auto" class="lede">
          {lab.description}
        </p>
      ) : null}
      <Section id="programmes" title={t('labs.page.programmes')}>
        {detail.programmes.length === 0 ? (
          <p>{t('labs.page.noProgrammes')}</p>
        ) : (
          detail.programmes.map((programme) => {
            const pillar = detail.pillars.find((term) => term.id === programme.pillar_id);
            const sessions = detail.upcoming.filter((session) => session.programme_id === programme.id);
            return (
              <article key={programme.id} class="stack">
                <h3 dir="auto">{programme.title}</h3>
                <p class="muted">
                  {pillar ? termLabel(pillar, ctx.locale) : ''} · {t('labs.page.fromTo', { from: dayText(ctx.locale, programme.starts_on), to: dayText(ctx.locale, programme.ends_on) })}
                </p>
                {programme.description ? <p dir="auto">{programme.description}</p> : null}
                <p>{t('labs.page.learningPath')}</p>
                <ol>
                  {programme.modules.map((module) => (
                    <li key={module} dir="auto">
                      {module}
                    </li>
                  ))}
                </ol>
                {sessions.length > 0 ? (
                  <>
                    <p>{t('labs.page.upcomingSessions')}</p>
                    <ul>
                      {sessions.map((session) => (
                        <li key={session.id}>
                          {sessionWhen(ctx, session, lab.time_zone)} · <span dir="auto">{session.module}</span> · {session.online ? t('labs.sessions.online') : <span dir="auto">{session.place}</span>} ·{' '}
                          {languageName(ctx, session.language)} · {t(`labs.formats.${session.format}`)} · {t('labs.sessions.capacity', { count: session.capacity })}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </article>
            );
          })
        )}
      </Section>
      <Section id="services" title={t('labs.page.services')}>
        {detail.services.length === 0 ? (
          <p>{t('labs.page.noServices')}</p>
        ) : (
          <>
            <p>
              <a href={ctx.href(labPath(lab.slug, '/leaflet'))}>{t('labs.page.leaflet')}</a>
            </p>
            <ServiceList ctx={ctx} services={detail.services} />
          </>
        )}
      </Section>
      <Section id="indicators" title={t('labs.page.indicators')}>
        <LabIndicatorTables ctx={ctx} indicators={indicators} />
      </Section>
    </div>
  );
}

/** The end of a page meant for paper: whom to ask, and (on screen only) the way back and how to print. */
function PrintedFooter({ ctx, lab }: { ctx: ViewContext; lab: LabDetail['lab'] }) {
  const { t } = ctx;
  return (
    <>
      {lab.contact ? (
        <p>
          {t('labs.leaflet.contact')} <span dir="auto">{lab.contact}</span>
        </p>
      ) : null}
      <p class="no-print">
        <a href={ctx.href(labPath(lab.slug))}>{t('labs.leaflet.back')}</a> · {t('labs.leaflet.printHint')}
      </p>
    </>
  );
}

/** `/{l}/labs/{slug}/leaflet`: one printable page of services, in the language of the address. */
export function LeafletPage({ ctx, detail }: { ctx: ViewContext; detail: LabDetail }) {
  const { t } = ctx;
  const { lab } = detail;
  return (
    <div class="stack leaflet">
      <h1 dir="auto">{t('labs.leaflet.title', { place: lab.city_name ?? lab.name })}</h1>
      <p>{t('labs.leaflet.intro', { lab: lab.name })}</p>
      {detail.services.length === 0 ? <p>{t('labs.page.noServices')}</p> : <ServiceList ctx={ctx} services={detail.services} headingLevel={2} />}
      <PrintedFooter ctx={ctx} lab={lab} />
    </div>
  );
}

/**
 * `/{l}/labs/{slug}/consent`: what the lab keeps about a participant, why, for how long and who
 * sees it, in the language of the address, to show and print before enrolling anyone.
 */
export function ConsentPage({ ctx, detail }: { ctx: ViewContext; detail: LabDetail }) {
  const { t } = ctx;
  const { lab } = detail;
  return (
    <div class="stack consent">
      <h1>{t('labs.consent.title', { lab: lab.name })}</h1>
      <h2>{t('labs.consent.whatTitle')}</h2>
      <p>{t('labs.consent.what')}</p>
      <h2>{t('labs.consent.whyTitle')}</h2>
      <p>{t('labs.consent.why')}</p>
      <h2>{t('labs.consent.howLongTitle')}</h2>
      <p>{t('labs.consent.howLong', { count: lab.retention_months })}</p>
      <h2>{t('labs.consent.whoTitle')}</h2>
      <p>{t('labs.consent.who')}</p>
      <h2>{t('labs.consent.rightsTitle')}</h2>
      <p>{t('labs.consent.rights')}</p>
      <p>{t('labs.consent.noName')}</p>
      <PrintedFooter ctx={ctx} lab={lab} />
    </div>
  );
}
