import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { EMPTY_FORM, formBodySchema, readForm, type FormState } from '../../platform/forms.ts';
import { requireUser, signedInUser } from '../../platform/guards.ts';
import { sensitiveForm, signedInAccount } from '../../platform/rate-limit.ts';
import { accountPageService, type AccountProfile, type Requester } from './account-service.ts';
import { renderIfInvalid } from './route-helpers.ts';
import { ACCOUNT_NOTICES, AccountPage, type AccountNotice } from './views/account-page.tsx';
import { DeleteAccountPage } from './views/delete-account-page.tsx';

const PROFILE_FIELDS = ['name', 'organisation', 'stakeholderType', 'country'] as const;
const PASSWORD_FIELDS = ['currentPassword', 'newPassword'] as const;
const DELETE_FIELDS = ['currentPassword'] as const;
const REVOKE_FIELDS = ['session'] as const;
const noticeQuery = { querystring: { type: 'object', properties: { updated: { type: 'string', maxLength: 20 } } } } as const;
export const EXPORT_FILENAME = 'bridges-my-data.json';
/** The home page confirms the deletion when it sees this query (see the home feature). */
export const ACCOUNT_DELETED_PATH = '/?account=deleted';

function isNotice(value: string | undefined): value is AccountNotice {
  return (ACCOUNT_NOTICES as readonly string[]).includes(value ?? '');
}

function profileValues(profile: AccountProfile): FormState['values'] {
  return {
    name: profile.name,
    organisation: profile.organisation ?? '',
    stakeholderType: profile.stakeholderType ?? '',
    country: profile.country ?? '',
  };
}

function requesterOf(request: FastifyRequest): Requester {
  return { userId: signedInUser(request).id, sessionIdHash: request.sessionIdHash };
}

/** The signed-in member's account page: profile, password, sessions, data export and deletion. */
export async function accountRoutes(app: FastifyInstance) {
  const service = accountPageService(app.deps, app.personalData);
  // Every route here belongs to a signed-in member: the guard covers them all, including any added later.
  app.addHook('preHandler', requireUser);

  /** Renders the account page; a failed form passes its state (and 422), the other form starts afresh. */
  async function showAccountPage(
    request: FastifyRequest,
    reply: FastifyReply,
    failed: { profile?: FormState; password?: FormState } = {},
    notice: AccountNotice | null = null,
  ) {
    const overview = await service.overview(requesterOf(request));
    const profileForm = failed.profile ?? { values: profileValues(overview.profile), errors: {} };
    const passwordForm = failed.password ?? EMPTY_FORM;
    const status = failed.profile || failed.password ? 422 : 200;
    return reply.page(
      request.t('accountPage.title'),
      (ctx) => <AccountPage ctx={ctx} overview={overview} profileForm={profileForm} passwordForm={passwordForm} notice={notice} />,
      status,
    );
  }

  app.get('/account', { schema: noticeQuery }, async (request, reply) => {
    const { updated } = request.query as { updated?: string };
    return showAccountPage(request, reply, {}, isNotice(updated) ? updated : null);
  });

  app.post('/account/profile', { schema: { body: formBodySchema(PROFILE_FIELDS) } }, async (request, reply) => {
    const input = readForm(request.body, PROFILE_FIELDS);
    try {
      await service.updateProfile(signedInUser(request).id, input);
    } catch (error) {
      return renderIfInvalid(error, (errors) => showAccountPage(request, reply, { profile: { values: input, errors } }));
    }
    return reply.seeOther('/account?updated=profile');
  });

  // This form and the deletion ask for the current password: a stolen session must not guess it at leisure.
  app.post('/account/password', { ...sensitiveForm('password-change', signedInAccount), schema: { body: formBodySchema(PASSWORD_FIELDS) } }, async (request, reply) => {
    const input = readForm(request.body, PASSWORD_FIELDS);
    try {
      await service.changePassword(requesterOf(request), input);
    } catch (error) {
      return renderIfInvalid(error, (errors) => showAccountPage(request, reply, { password: { values: {}, errors } }));
    }
    return reply.seeOther('/account?updated=password');
  });

  app.post('/account/sessions/revoke', { schema: { body: formBodySchema(REVOKE_FIELDS) } }, async (request, reply) => {
    const { session } = readForm(request.body, REVOKE_FIELDS);
    const { wasCurrent } = await service.revokeSession(requesterOf(request), session);
    if (wasCurrent) {
      // Ending the session this browser uses is signing out: clear the cookie too.
      await app.sessionStore.end(request, reply);
      return reply.seeOther('/login');
    }
    return reply.seeOther('/account?updated=session');
  });

  app.get('/account/export', async (request, reply) => {
    const data = await service.exportData(requesterOf(request));
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${EXPORT_FILENAME}"`)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2));
  });

  const renderDeletePage = (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) =>
    reply.page(request.t('accountPage.delete.title'), (ctx) => <DeleteAccountPage ctx={ctx} form={form} />, status);

  app.get('/account/delete', async (request, reply) => renderDeletePage(request, reply, EMPTY_FORM));

  app.post('/account/delete', { ...sensitiveForm('account-deletion', signedInAccount), schema: { body: formBodySchema(DELETE_FIELDS) } }, async (request, reply) => {
    const { currentPassword } = readForm(request.body, DELETE_FIELDS);
    try {
      await service.deleteAccount(signedInUser(request).id, currentPassword);
    } catch (error) {
      return renderIfInvalid(error, (errors) => renderDeletePage(request, reply, { values: {}, errors }, 422));
    }
    await app.sessionStore.end(request, reply);
    return reply.seeOther(ACCOUNT_DELETED_PATH);
  });
}
