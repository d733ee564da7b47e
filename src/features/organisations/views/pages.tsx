import { countryName } from '../../../lib/countries.ts';
import { STAKEHOLDER_TYPES } from '../../../lib/stakeholders.ts';
import type { ViewContext } from '../../../platform/context.ts';
import { summaryOf, type FieldErrors } from '../../../platform/forms.ts';
import { paginationLabels, type Page } from '../../../platform/pagination.ts';
import { Button, ButtonLink, Card, Checkboxes, Pagination, Select, Textarea, TextInput } from '../../../ui/index.ts';
import { ErrorSummary } from '../../../ui/error-summary.tsx';
import { CountryChoices, FileInput } from '../../../ui/form-controls.tsx';
import { safeHttpUrl } from '../../../ui/format.ts';
import { Paragraphs } from '../../../ui/paragraphs.tsx';
import { SuccessBanner } from '../../../ui/notification.tsx';
import { PostForm } from '../../../ui/post-form.tsx';
import { SummaryList } from '../../../ui/summary-list.tsx';
import { Personal, personalPart, personaliser } from '../../../platform/personal-parts.tsx';
import { FollowButton } from '../../follows/index.ts';
import type { OrganisationForm, OrganisationsService } from '../service.ts';
import * as queries from '../queries.ts';

type OrganisationView = Awaited<ReturnType<OrganisationsService['page']>>;
type Management = Awaited<ReturnType<OrganisationsService['management']>>;
type Listed = Awaited<ReturnType<OrganisationsService['search']>>['items'][number];

interface Standing {
  slug: string;
  organisationId: number;
  standing: 'none' | 'requested' | 'member' | 'manager';
}

/** What the reader may do here (ask to join, manage, leave): their own, so a personal part. */
const standingPart = personalPart<Standing>('organisation-standing', (ctx, { slug, standing }) => {
  const base = `/organisations/${encodeURIComponent(slug)}`;
  if (!ctx.user) {
    return (
      <p>
        <a href={ctx.href(`/login?next=${encodeURIComponent(`/${ctx.locale}${base}`)}`)}>{ctx.t('organisations.page.signInToJoin')}</a>
      </p>
    );
  }
  if (standing === 'requested') return <p>{ctx.t('organisations.page.requested')}</p>;
  if (standing === 'none') {
    return (
      <PostForm action={ctx.href(`${base}/join`)} csrfToken={ctx.csrfToken()}>
        <Button variant="secondary">{ctx.t('organisations.page.askToJoin')}</Button>
      </PostForm>
    );
  }
  return (
    <ul class="button-group">
      {standing === 'manager' ? (
        <>
          <li>
            <a href={ctx.href(`${base}/edit`)}>{ctx.t('organisations.page.edit')}</a>
          </li>
          <li>
            <a href={ctx.href(`${base}/manage`)}>{ctx.t('organisations.page.manage')}</a>
          </li>
        </>
      ) : null}
      <li>
        <a href={ctx.href(`${base}/leave`)}>{ctx.t('organisations.page.leave')}</a>
      </li>
    </ul>
  );
});

export const standingPersonaliser = personaliser(standingPart, async (request, member, data): Promise<Standing> => {
  const membership = await queries.membershipOf(request.server.deps.db, data.organisationId, member.id);
  const standing: Standing['standing'] = !membership ? 'none' : membership.status === 'requested' ? 'requested' : membership.role === 'manager' ? 'manager' : 'member';
  return { ...data, standing };
});

/** `/{l}/organisations/{slug}`: kept by its managers. */
export function OrganisationPage({ ctx, view, notice }: { ctx: ViewContext; view: OrganisationView; notice: string | undefined }) {
  const { t, locale } = ctx;
  const { organisation } = view;
  const base = `/organisations/${encodeURIComponent(organisation.slug)}`;
  const website = organisation.website ? safeHttpUrl(organisation.website) : undefined;
  const rows = [
    ...(organisation.stakeholder_type ? [{ key: t('organisations.fields.stakeholderType'), value: t(`common.stakeholders.${organisation.stakeholder_type}`) }] : []),
    ...(organisation.countries.length > 0
      ? [{ key: t('organisations.fields.countries'), value: <>{organisation.countries.map((code, index) => <>{index > 0 ? ', ' : ''}<a href={ctx.href(`/countries/${code.toLowerCase()}`)}>{countryName(code, locale)}</a></>)}</> }]
      : []),
    ...(website ? [{ key: t('organisations.fields.website'), value: <a href={website} rel="noopener noreferrer nofollow" dir="ltr">{website}</a> }] : []),
  ];
  return (
    <div class="stack">
      <SuccessBanner title={t('common.success')} message={notice ? t(`organisations.notice.${notice}`) : undefined} />
      {view.logoId ? <img class="organisation-logo" src={ctx.href(`${base}/logo/${view.logoId}`)} alt={t('organisations.page.logo', { name: organisation.name })} width="120" /> : null}
      <h1 dir="auto">{organisation.name}</h1>
      <Personal<Standing> ctx={ctx} part={standingPart} data={{ slug: organisation.slug, organisationId: organisation.id, standing: 'none' }} />
      <FollowButton ctx={ctx} kind="organisation" targetKey={String(organisation.id)} label={organisation.name} />
      {rows.length > 0 ? <SummaryList rows={rows} /> : null}
      <Paragraphs text={organisation.description} />
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t('organisations.page.members')}</h2>
        <ul class="list">
          {view.members.map((member) => (
            <li key={member.handle}>
              <span dir="auto">{member.name}</span>
              {member.role === 'manager' ? <span class="muted"> · {t('organisations.roles.manager')}</span> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="items-heading">
        <h2 id="items-heading">{t('organisations.page.items')}</h2>
        {view.items.length === 0 ? (
          <p>{t('organisations.page.noItems')}</p>
        ) : (
          <ul class="list">
            {view.items.map((item) => (
              <li key={`${item.kind}:${item.id}`}>
                <a href={ctx.href(item.path)} lang={item.language} dir="auto">
                  {item.title}
                </a>{' '}
                <span class="muted">({t(`follows.kinds.${item.kind}`)})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export function OrganisationFormPage({ ctx, action, form, errors, editing, hasLogo }: { ctx: ViewContext; action: string; form: OrganisationForm; errors: FieldErrors; editing: boolean; hasLogo: boolean }) {
  const { t } = ctx;
  const errorPrefix = t('common.errorPrefix');
  const bind = (id: 'name' | 'description' | 'stakeholderType' | 'website') => ({ id, errorPrefix, error: errors[id] ? t(errors[id]) : undefined, value: form[id] });
  return (
    <div class="stack">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, errors)} />
      <h1>{t(editing ? 'organisations.form.editTitle' : 'organisations.form.newTitle')}</h1>
      {!editing ? <p class="lede">{t('organisations.form.intro')}</p> : null}
      <PostForm action={action} csrfToken={ctx.csrfToken()} enctype={editing ? 'multipart/form-data' : undefined}>
        <TextInput {...bind('name')} label={t('organisations.fields.name')} autocomplete="organization" />
        <Textarea {...bind('description')} label={t('organisations.fields.description')} rows={6} />
        <Select {...bind('stakeholderType')} label={t('organisations.fields.stakeholderType')} emptyOption={t('organisations.fields.choose')} options={STAKEHOLDER_TYPES.map((type) => ({ value: type, label: t(`common.stakeholders.${type}`) }))} />
        <CountryChoices ctx={ctx} id="countries" legend={t('organisations.fields.countries')} error={errors.countries ? t(errors.countries) : undefined} errorPrefix={errorPrefix} checked={form.countries} />
        <TextInput {...bind('website')} type="url" label={t('organisations.fields.website')} hint={t('organisations.fields.websiteHint')} spellcheck={false} />
        {editing ? (
          <>
            <FileInput id="logo" label={t('organisations.fields.logo')} hint={t('organisations.fields.logoHint')} error={errors.logo ? t(errors.logo) : undefined} errorPrefix={errorPrefix} accept="image/png,image/jpeg" />
            {hasLogo ? <Checkboxes id="removeLogo" label={t('organisations.fields.removeLogo')} items={[{ value: 'yes', label: t('organisations.fields.removeLogoYes') }]} /> : null}
          </>
        ) : null}
        <Button>{t(editing ? 'organisations.form.save' : 'organisations.form.create')}</Button>
      </PostForm>
    </div>
  );
}

/** `/{l}/organisations/{slug}/manage`: requests, members, handing over, invitations and items. */
export function ManagePage({ ctx, view, errors, notice }: { ctx: ViewContext; view: Management; errors: FieldErrors; notice: string | undefined }) {
  const { t } = ctx;
  const base = `/organisations/${encodeURIComponent(view.organisation.slug)}`;
  const memberForm = (userId: number, action: string, label: string, variant: 'primary' | 'secondary' | 'warning' = 'secondary') => (
    <PostForm action={ctx.href(`${base}/members`)} csrfToken={ctx.csrfToken()} class="inline-form">
      <input type="hidden" name="member" value={String(userId)} />
      <input type="hidden" name="action" value={action} />
      <Button variant={variant}>{label}</Button>
    </PostForm>
  );
  return (
    <div class="stack">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, errors)} />
      <SuccessBanner title={t('common.success')} message={notice ? t(`organisations.notice.${notice}`) : undefined} />
      <h1>{t('organisations.manage.title', { name: view.organisation.name })}</h1>
      <p>
        <a href={ctx.href(base)}>{t('organisations.manage.back')}</a>
      </p>
      <section aria-labelledby="requests-heading">
        <h2 id="requests-heading">{t('organisations.manage.requests')}</h2>
        {view.requested.length === 0 ? (
          <p>{t('organisations.manage.noRequests')}</p>
        ) : (
          <ul class="list">
            {view.requested.map((member) => (
              <li key={member.id}>
                <span dir="auto">{member.name}</span> {memberForm(member.id, 'accept', t('organisations.manage.accept', { name: member.name ?? '' }), 'primary')}{' '}
                {memberForm(member.id, 'decline', t('organisations.manage.decline', { name: member.name ?? '' }))}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="active-heading">
        <h2 id="active-heading">{t('organisations.page.members')}</h2>
        <ul class="list">
          {view.active.map((member) => (
            <li key={member.id}>
              <span dir="auto">{member.name}</span> <span class="muted">· {t(`organisations.roles.${member.role}`)}</span>{' '}
              {member.role === 'member' ? memberForm(member.id, 'promote', t('organisations.manage.promote', { name: member.name ?? '' })) : null}{' '}
              {member.id !== ctx.user?.id ? (
                <a href={ctx.href(`${base}/members/${member.id}/remove`)}>{t('organisations.manage.remove', { name: member.name ?? '' })}</a>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t('organisations.manage.invite')}</h2>
        <PostForm action={ctx.href(`${base}/invite`)} csrfToken={ctx.csrfToken()}>
          <TextInput id="email" type="email" label={t('organisations.manage.inviteEmail')} hint={t('organisations.manage.inviteHint')} error={errors.email ? t(errors.email) : undefined} errorPrefix={t('common.errorPrefix')} autocomplete="off" spellcheck={false} />
          <Button>{t('organisations.manage.sendInvite')}</Button>
        </PostForm>
      </section>
      <section aria-labelledby="items-heading">
        <h2 id="items-heading">{t('organisations.manage.items')}</h2>
        <PostForm action={ctx.href(`${base}/items`)} csrfToken={ctx.csrfToken()}>
          <Select id="kind" label={t('organisations.manage.itemKind')} options={['practice', 'resource'].map((kind) => ({ value: kind, label: t(`follows.kinds.${kind}`) }))} />
          <TextInput id="item" label={t('organisations.manage.itemSlug')} hint={t('organisations.manage.itemHint')} error={errors.item ? t(errors.item) : undefined} errorPrefix={t('common.errorPrefix')} spellcheck={false} />
          <Button variant="secondary">{t('organisations.manage.addItem')}</Button>
        </PostForm>
      </section>
    </div>
  );
}

/** A page with one question and one button: confirms an action that cannot be undone from here. */
export function ConfirmPage({ ctx, title, body, action, fields, button, back }: { ctx: ViewContext; title: string; body: string; action: string; fields: Record<string, string>; button: string; back: string }) {
  return (
    <div class="stack">
      <h1>{title}</h1>
      <p>{body}</p>
      <PostForm action={action} csrfToken={ctx.csrfToken()}>
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <Button variant="warning">{button}</Button>
      </PostForm>
      <p>
        <a href={back}>{ctx.t('organisations.confirm.cancel')}</a>
      </p>
    </div>
  );
}

/** `/{l}/organisations/{slug}/join?token=`: the invitation's landing page. */
export function InvitationPage({ ctx, name, slug, token, live }: { ctx: ViewContext; name: string; slug: string; token: string; live: boolean }) {
  const { t } = ctx;
  const here = `/${ctx.locale}/organisations/${encodeURIComponent(slug)}/join?token=${encodeURIComponent(token)}`;
  return (
    <div class="stack">
      <h1>{t('organisations.invitation.title', { name })}</h1>
      {!live ? (
        <p>{t('organisations.invitation.used')}</p>
      ) : ctx.user ? (
        <PostForm action={ctx.href(`/organisations/${encodeURIComponent(slug)}/accept`)} csrfToken={ctx.csrfToken()}>
          <input type="hidden" name="token" value={token} />
          <p>{t('organisations.invitation.body', { name })}</p>
          <Button>{t('organisations.invitation.accept', { name })}</Button>
        </PostForm>
      ) : (
        <>
          <p>{t('organisations.invitation.signIn')}</p>
          <ButtonLink href={ctx.href(`/login?next=${encodeURIComponent(here)}`)}>{t('common.nav.signIn')}</ButtonLink>{' '}
          <a href={ctx.href('/register')}>{t('common.nav.register')}</a>
        </>
      )}
    </div>
  );
}

/** The organisations of the directory. */
export function OrganisationCards({ ctx, page, hrefFor }: { ctx: ViewContext; page: Page<Listed>; hrefFor: (page: number) => string }) {
  const { t, locale } = ctx;
  return (
    <>
      {page.items.length === 0 ? (
        <p>{t('organisations.list.empty')}</p>
      ) : (
        <ol class="result-list" aria-label={t('organisations.list.title')}>
          {page.items.map((organisation) => (
            <li key={organisation.slug}>
              <Card
                headingLevel={3}
                title={<span dir="auto">{organisation.name}</span>}
                href={ctx.href(`/organisations/${encodeURIComponent(organisation.slug)}`)}
                meta={[organisation.stakeholder_type ? t(`common.stakeholders.${organisation.stakeholder_type}`) : '', organisation.countries.map((code) => countryName(code, locale)).join(', ')].filter(Boolean).join(' · ') || undefined}
              >
                {organisation.description ? <p dir="auto">{organisation.description.slice(0, 200)}</p> : null}
              </Card>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page.page} pageCount={page.pageCount} hrefFor={hrefFor} labels={paginationLabels(t)} />
    </>
  );
}
