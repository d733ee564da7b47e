import type { ViewContext } from '../../../platform/context.ts';
import { fieldBinder, summaryOf, type FormState } from '../../../platform/forms.ts';
import type { Translate } from '../../../platform/i18n.ts';
import { countryName } from '../../../lib/countries.ts';
import { describeUserAgent } from '../../../lib/user-agent.ts';
import { Button, ButtonLink } from '../../../ui/button.tsx';
import { ErrorSummary } from '../../../ui/error-summary.tsx';
import { SuccessBanner } from '../../../ui/notification.tsx';
import { PostForm } from '../../../ui/post-form.tsx';
import { SummaryList } from '../../../ui/summary-list.tsx';
import { Table } from '../../../ui/table.tsx';
import { Tag } from '../../../ui/tag.tsx';
import type { AccountOverview, AccountProfile, AccountSession } from '../account-service.ts';
import { DateText, formatDateText } from '../../../ui/date-text.tsx';
import { PROFILE_SETTINGS_PATH } from '../../community/index.ts';
import { PasswordInput } from './password-input.tsx';
import { ProfileFields } from './profile-fields.tsx';

/** What the member just did, confirmed by a banner after the redirect. */
export const ACCOUNT_NOTICES = ['profile', 'password', 'session', 'twoFactorOff'] as const;
export type AccountNotice = (typeof ACCOUNT_NOTICES)[number];

export interface AccountPageProps {
  ctx: ViewContext;
  overview: AccountOverview;
  profileForm: FormState;
  passwordForm: FormState;
  notice?: AccountNotice | null;
}

/** The browser and system a session was opened from, in words people recognise. */
export function deviceLabel(t: Translate, userAgent: string): string {
  const { browser, system } = describeUserAgent(userAgent);
  if (browser && system) return t('accountPage.sessions.browserOnSystem', { browser, system });
  return browser ?? system ?? t('accountPage.sessions.unknownDevice');
}

function ProfileSummary({ ctx, profile }: { ctx: ViewContext; profile: AccountProfile }) {
  const { t, locale } = ctx;
  const orNotGiven = (value: string | null) => value ?? t('accountPage.profile.notGiven');
  return (
    <SummaryList
      rows={[
        { key: t('accounts.fields.name'), value: profile.name },
        { key: t('accounts.fields.email'), value: profile.email },
        { key: t('accountPage.profile.handle'), value: `@${profile.handle}` },
        { key: t('accounts.fields.organisation'), value: orNotGiven(profile.organisation) },
        {
          key: t('accounts.fields.stakeholderType'),
          value: orNotGiven(profile.stakeholderType && t(`common.stakeholders.${profile.stakeholderType}`)),
        },
        { key: t('accounts.fields.country'), value: orNotGiven(profile.country && countryName(profile.country, locale)) },
        { key: t('accountPage.profile.role'), value: t(`common.roles.${profile.role}`) },
        { key: t('accountPage.profile.memberSince'), value: <DateText ctx={ctx} date={profile.createdAt} /> },
      ]}
    />
  );
}

function SessionsTable({ ctx, sessions }: { ctx: ViewContext; sessions: readonly AccountSession[] }) {
  const { t } = ctx;
  const rows = sessions.map((session) => {
    const device = deviceLabel(t, session.userAgent);
    // Every button reads the same; the hidden part tells screen-reader users which session it ends.
    const context = t('accountPage.sessions.revokeContext', { device, date: formatDateText(ctx, session.lastSeenAt, true) });
    return [
      <>
        {device}
        {session.isCurrent ? (
          <>
            {' '}
            <Tag variant="success">{t('accountPage.sessions.thisDevice')}</Tag>
          </>
        ) : null}
      </>,
      <DateText ctx={ctx} date={session.createdAt} withTime />,
      <DateText ctx={ctx} date={session.lastSeenAt} withTime />,
      <PostForm action={ctx.href('/account/sessions/revoke')} csrfToken={ctx.csrfToken()} class="inline-form">
        <input type="hidden" name="session" value={session.publicId} />
        <Button variant="secondary">
          {t('accountPage.sessions.revoke')}
          <span class="visually-hidden">{` – ${context}`}</span>
        </Button>
      </PostForm>,
    ];
  });
  return (
    <Table
      caption={t('accountPage.sessions.caption')}
      captionHidden
      head={[t('accountPage.sessions.device'), t('accountPage.sessions.signedIn'), t('accountPage.sessions.lastActive'), t('accountPage.sessions.action')]}
      rows={rows}
      rowHeaders
    />
  );
}

export function AccountPage({ ctx, overview, profileForm, passwordForm, notice }: AccountPageProps) {
  const { t } = ctx;
  const bindProfile = fieldBinder(ctx, profileForm);
  return (
    <>
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, { ...profileForm.errors, ...passwordForm.errors })} />
      <SuccessBanner title={t('common.success')} message={notice ? t(`accountPage.updated.${notice}`) : undefined} />
      <h1>{t('accountPage.title')}</h1>

      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t('accountPage.profile.title')}</h2>
        <ProfileSummary ctx={ctx} profile={overview.profile} />
        <p class="hint">{t('accountPage.profile.emailHint')}</p>
        <p>
          <a href={ctx.href(PROFILE_SETTINGS_PATH)}>{t('accountPage.profile.publicProfile')}</a>
        </p>
        <h3>{t('accountPage.profile.editTitle')}</h3>
        <PostForm action={ctx.href('/account/profile')} csrfToken={ctx.csrfToken()}>
          <ProfileFields ctx={ctx} bind={bindProfile} />
          <Button>{t('accountPage.profile.submit')}</Button>
        </PostForm>
      </section>

      <section aria-labelledby="password-title">
        <h2 id="password-title">{t('accountPage.password.title')}</h2>
        <p>{t('accountPage.password.intro')}</p>
        <PostForm action={ctx.href('/account/password')} csrfToken={ctx.csrfToken()}>
          <PasswordInput ctx={ctx} form={passwordForm} id="currentPassword" label={t('accounts.fields.currentPassword')} autocomplete="current-password" />
          <PasswordInput
            ctx={ctx}
            form={passwordForm}
            id="newPassword"
            label={t('accounts.fields.newPassword')}
            hint={t('accounts.fields.passwordHint')}
            autocomplete="new-password"
          />
          <Button>{t('accountPage.password.submit')}</Button>
        </PostForm>
      </section>

      <section aria-labelledby="two-factor-title">
        <h2 id="two-factor-title">{t('twoFactor.accountSection.title')}</h2>
        <p>{t(ctx.user?.twoFactorEnabled ? 'twoFactor.accountSection.on' : 'twoFactor.accountSection.off')}</p>
        <ButtonLink href={ctx.href('/account/two-factor')} variant="secondary">
          {t(ctx.user?.twoFactorEnabled ? 'twoFactor.accountSection.manage' : 'twoFactor.accountSection.setUp')}
        </ButtonLink>
      </section>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('accountPage.sessions.title')}</h2>
        <p>{t('accountPage.sessions.intro')}</p>
        <SessionsTable ctx={ctx} sessions={overview.sessions} />
      </section>

      <section aria-labelledby="data-title">
        <h2 id="data-title">{t('accountPage.data.title')}</h2>
        <p>{t('accountPage.data.body')}</p>
        <p>
          <a href={ctx.href('/account/export')} download="bridges-my-data.json">
            {t('accountPage.data.download')}
          </a>
        </p>
      </section>

      <section aria-labelledby="delete-title">
        <h2 id="delete-title">{t('accountPage.delete.title')}</h2>
        <p>{t('accountPage.delete.teaser')}</p>
        <ButtonLink href={ctx.href('/account/delete')} variant="warning">
          {t('accountPage.delete.link')}
        </ButtonLink>
      </section>
    </>
  );
}
