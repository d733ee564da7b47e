import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { EMPTY_FORM, formBodySchema, readForm, type FormState } from '../../platform/forms.ts';
import { safeNextPath } from '../../platform/guards.ts';
import { emailInForm, sensitiveForm, type AccountOf } from '../../platform/rate-limit.ts';
import { renderIfInvalid } from './route-helpers.ts';
import { accountService, SIGN_IN_CHALLENGE_TTL_MS } from './service.ts';
import { SignInCodePage } from './views/two-factor-pages.tsx';
import {
  CheckEmailPage,
  DonePage,
  ForgotPasswordPage,
  LoginPage,
  RegisterPage,
  ResetLinkDeadPage,
  ResetPasswordPage,
  VerifyResultPage,
} from './views/auth-pages.tsx';

const REGISTER_FIELDS = ['name', 'email', 'password', 'organisation', 'stakeholderType', 'country'] as const;
const LOGIN_FIELDS = ['email', 'password', 'next'] as const;
const CODE_FIELDS = ['code', 'next'] as const;
/** Holds the pending sign-in between the password and the code; the database keeps its hash. */
const CHALLENGE_COOKIE = 'bridges_sign_in';
const tokenQuery = { querystring: { type: 'object', properties: { token: { type: 'string', maxLength: 200 } } } } as const;
const nextQuery = { querystring: { type: 'object', properties: { next: { type: 'string', maxLength: 2000 } } } } as const;
const loginQuery = {
  querystring: { type: 'object', properties: { next: { type: 'string', maxLength: 2000 }, again: { type: 'string', maxLength: 10 } } },
} as const;
/** Where a member lands after signing in when no page asked for them. */
const AFTER_SIGN_IN = '/account';

/** Registration, email confirmation, sign-in and sign-out, and password reset. */
export async function authRoutes(app: FastifyInstance) {
  const service = accountService(app.deps);
  /** The account a pending sign-in is for: codes are counted against it whatever the address. */
  const challengeAccount: AccountOf = async (request) => {
    const challenge = request.cookies[CHALLENGE_COOKIE];
    const owner = challenge ? await service.challengeOwner(challenge) : undefined;
    return owner === undefined ? null : `user:${owner}`;
  };
  /** The account a reset link is for. */
  const resetLinkAccount: AccountOf = async (request) => {
    const { token } = readForm(request.body, ['token']);
    const owner = token ? await service.resetLinkOwner(token) : undefined;
    return owner === undefined ? null : `user:${owner}`;
  };
  const challengeCookie = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: app.deps.config.baseUrl.protocol === 'https:',
  };

  /** Opens the session, noting the device first so that a sign-in from a new one is audited. */
  async function finishSignIn(request: FastifyRequest, reply: FastifyReply, userId: number) {
    await service.noteSignIn(userId, { userAgent: request.headers['user-agent'] ?? '', address: request.ip });
    await app.sessionStore.start(request, reply, userId);
  }

  app.get('/register', async (request, reply) => {
    if (request.currentUser) return reply.seeOther('/account');
    return reply.page(request.t('accounts.register.title'), (ctx) => <RegisterPage ctx={ctx} form={EMPTY_FORM} />);
  });

  app.post('/register', { ...sensitiveForm('register', emailInForm), schema: { body: formBodySchema(REGISTER_FIELDS) } }, async (request, reply) => {
    const input = readForm(request.body, REGISTER_FIELDS);
    const t = request.t;
    try {
      await service.register(input, request.locale);
    } catch (error) {
      const values = { ...input, password: '' };
      return renderIfInvalid(error, (errors) =>
        reply.page(t('accounts.register.title'), (ctx) => <RegisterPage ctx={ctx} form={{ values, errors }} />, 422),
      );
    }
    return reply.seeOther('/register/check-email');
  });

  app.get('/register/check-email', async (request, reply) =>
    reply.page(request.t('accounts.checkEmail.title'), (ctx) => (
      <CheckEmailPage ctx={ctx} message={ctx.t('accounts.checkEmail.registered')} />
    )),
  );

  app.get('/verify-email', { schema: tokenQuery }, async (request, reply) => {
    const { token = '' } = request.query as { token?: string };
    const verified = token !== '' && (await service.verifyEmail(token));
    const title = request.t(verified ? 'accounts.verify.doneTitle' : 'accounts.verify.deadTitle');
    return reply.page(title, (ctx) => <VerifyResultPage ctx={ctx} verified={verified} />, verified ? 200 : 410);
  });

  /** The page to return to after sign-in: only a path on this site in this locale is honoured. */
  const returnTo = (reply: FastifyReply, next: string | null) =>
    next ? reply.redirect(next, 303) : reply.seeOther(AFTER_SIGN_IN);

  app.get('/login', { schema: loginQuery }, async (request, reply) => {
    const query = request.query as { next?: string; again?: string };
    const next = safeNextPath(query.next, request.locale);
    if (request.currentUser) return returnTo(reply, next);
    // Sent back from the code step: say why the password is asked for again.
    const notice = query.again === 'code' ? request.t('twoFactor.signIn.again') : undefined;
    return reply.page(request.t('accounts.login.title'), (ctx) => <LoginPage ctx={ctx} form={EMPTY_FORM} notice={notice} next={next} />);
  });

  app.post('/login', { ...sensitiveForm('sign-in', emailInForm), schema: { body: formBodySchema(LOGIN_FIELDS) } }, async (request, reply) => {
    const form = readForm(request.body, LOGIN_FIELDS);
    const { email, password } = form;
    const next = safeNextPath(form.next, request.locale);
    const t = request.t;
    const renderLogin = (state: FormState, notice?: string) =>
      reply.page(t('accounts.login.title'), (ctx) => <LoginPage ctx={ctx} form={state} notice={notice} next={next} />, 422);

    const errors: Record<string, string> = {};
    if (!email.trim()) errors.email = 'accounts.errors.emailRequired';
    if (!password) errors.password = 'accounts.errors.passwordRequired';
    if (Object.keys(errors).length > 0) return renderLogin({ values: { email }, errors });

    const result = await service.signIn(email, password);
    if (result.outcome === 'refused') {
      return renderLogin({ values: { email }, errors: { email: 'accounts.errors.signInRefused' } });
    }
    if (result.outcome === 'unverified') {
      return renderLogin({ values: { email }, errors: {} }, t('accounts.login.unverified'));
    }
    if (result.outcome === 'second_factor') {
      reply.setCookie(CHALLENGE_COOKIE, result.challenge, { ...challengeCookie, maxAge: SIGN_IN_CHALLENGE_TTL_MS / 1000 });
      return reply.seeOther(next ? `/login/code?next=${encodeURIComponent(next)}` : '/login/code');
    }
    await finishSignIn(request, reply, result.userId);
    return returnTo(reply, next);
  });

  const renderCodePage = (request: FastifyRequest, reply: FastifyReply, form: FormState, next: string | null, status = 200) =>
    reply.page(request.t('twoFactor.signIn.title'), (ctx) => <SignInCodePage ctx={ctx} form={form} next={next} />, status);

  /** The pending sign-in is gone (expired, or too many wrong codes): back to the password. */
  const startAgain = (reply: FastifyReply, next: string | null) => {
    reply.clearCookie(CHALLENGE_COOKIE, challengeCookie);
    return reply.seeOther(next ? `/login?again=code&next=${encodeURIComponent(next)}` : '/login?again=code');
  };

  app.get('/login/code', { schema: nextQuery }, async (request, reply) => {
    const next = safeNextPath((request.query as { next?: string }).next, request.locale);
    if (request.currentUser) return returnTo(reply, next);
    const challenge = request.cookies[CHALLENGE_COOKIE];
    if (!challenge || !(await service.challengeIsLive(challenge))) return startAgain(reply, next);
    return renderCodePage(request, reply, EMPTY_FORM, next);
  });

  app.post('/login/code', { ...sensitiveForm('sign-in-code', challengeAccount), schema: { body: formBodySchema(CODE_FIELDS) } }, async (request, reply) => {
    const form = readForm(request.body, CODE_FIELDS);
    const next = safeNextPath(form.next, request.locale);
    const challenge = request.cookies[CHALLENGE_COOKIE];
    if (!challenge) return startAgain(reply, next);
    if (!form.code.trim()) return renderCodePage(request, reply, { values: {}, errors: { code: 'twoFactor.errors.codeRequired' } }, next, 422);
    const result = await service.completeSignIn(challenge, form.code);
    if (result.outcome === 'start_again') return startAgain(reply, next);
    if (result.outcome === 'wrong') {
      return renderCodePage(request, reply, { values: {}, errors: { code: 'twoFactor.errors.signInCodeWrong' } }, next, 422);
    }
    reply.clearCookie(CHALLENGE_COOKIE, challengeCookie);
    await finishSignIn(request, reply, result.userId);
    return returnTo(reply, next);
  });

  app.post('/logout', async (request, reply) => {
    await app.sessionStore.end(request, reply);
    return reply.seeOther('/');
  });

  app.get('/forgot-password', async (request, reply) =>
    reply.page(request.t('accounts.forgot.title'), (ctx) => <ForgotPasswordPage ctx={ctx} form={EMPTY_FORM} />),
  );

  app.post('/forgot-password', { ...sensitiveForm('reset-request', emailInForm), schema: { body: formBodySchema(['email']) } }, async (request, reply) => {
    const { email } = readForm(request.body, ['email']);
    const t = request.t;
    try {
      await service.requestPasswordReset(email, request.locale);
    } catch (error) {
      return renderIfInvalid(error, (errors) =>
        reply.page(t('accounts.forgot.title'), (ctx) => <ForgotPasswordPage ctx={ctx} form={{ values: { email }, errors }} />, 422),
      );
    }
    return reply.page(t('accounts.checkEmail.title'), (ctx) => (
      <CheckEmailPage ctx={ctx} message={ctx.t('accounts.checkEmail.reset')} />
    ));
  });

  app.get('/reset-password', { schema: tokenQuery }, async (request, reply) => {
    const { token = '' } = request.query as { token?: string };
    const t = request.t;
    // The token travels in the query string: keep it out of Referer headers sent onwards.
    reply.header('referrer-policy', 'no-referrer');
    if (!token || !(await service.isResetTokenLive(token))) {
      return reply.page(t('accounts.reset.deadTitle'), (ctx) => <ResetLinkDeadPage ctx={ctx} />, 410);
    }
    return reply.page(t('accounts.reset.title'), (ctx) => <ResetPasswordPage ctx={ctx} form={EMPTY_FORM} token={token} />);
  });

  app.post('/reset-password', { ...sensitiveForm('reset', resetLinkAccount), schema: { body: formBodySchema(['token', 'password']) } }, async (request, reply) => {
    const { token, password } = readForm(request.body, ['token', 'password']);
    const t = request.t;
    let changed: boolean;
    try {
      changed = await service.resetPassword(token, password);
    } catch (error) {
      return renderIfInvalid(error, (errors) =>
        reply.page(t('accounts.reset.title'), (ctx) => <ResetPasswordPage ctx={ctx} form={{ values: {}, errors }} token={token} />, 422),
      );
    }
    if (!changed) return reply.page(t('accounts.reset.deadTitle'), (ctx) => <ResetLinkDeadPage ctx={ctx} />, 410);
    return reply.page(t('accounts.reset.doneTitle'), (ctx) => (
      <DonePage ctx={ctx} message={ctx.t('accounts.reset.done')} next={{ href: ctx.href('/login'), label: ctx.t('accounts.verify.signInNow') }} />
    ));
  });
}
