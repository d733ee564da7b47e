import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isStaff } from '../../db/schema/accounts.ts';
import { EMPTY_FORM, formBodySchema, readForm, type FormState } from '../../platform/forms.ts';
import { requireUser, signedInUser } from '../../platform/guards.ts';
import { sensitiveForm, signedInAccount } from '../../platform/rate-limit.ts';
import { renderIfInvalid } from './route-helpers.ts';
import { TWO_FACTOR_PATH } from './two-factor-gate.ts';
import { twoFactorService } from './two-factor-service.ts';
import { RecoveryCodesPage, TwoFactorSetupPage, TwoFactorStatusPage } from './views/two-factor-pages.tsx';

const ENABLE_FIELDS = ['code', 'currentPassword'] as const;
const DISABLE_FIELDS = ['confirmation'] as const;

/** The member's two-factor sign-in: set it up, see what is left of the recovery codes, turn it off. */
export async function twoFactorRoutes(app: FastifyInstance) {
  const service = twoFactorService(app.deps);
  app.addHook('preHandler', requireUser);

  async function showPage(request: FastifyRequest, reply: FastifyReply, form: FormState = EMPTY_FORM, status = 200) {
    const user = signedInUser(request);
    const t = request.t;
    const current = await service.status(user.id);
    if (current.enabled) {
      return reply.page(t('twoFactor.status.title'), (ctx) => <TwoFactorStatusPage ctx={ctx} status={current} form={form} />, status);
    }
    const setup = await service.setup(user.id);
    return reply.page(
      t('twoFactor.setup.title'),
      (ctx) => <TwoFactorSetupPage ctx={ctx} setup={setup} form={form} required={isStaff(user.role)} />,
      status,
    );
  }

  app.get(TWO_FACTOR_PATH, async (request, reply) => showPage(request, reply));

  // Both forms check the password or a code: a stolen session must not guess them at leisure.
  app.post(`${TWO_FACTOR_PATH}/enable`, { ...sensitiveForm('two-factor-on', signedInAccount), schema: { body: formBodySchema(ENABLE_FIELDS) } }, async (request, reply) => {
    const input = readForm(request.body, ENABLE_FIELDS);
    let codes: string[];
    try {
      codes = await service.enable(signedInUser(request).id, input);
    } catch (error) {
      return renderIfInvalid(error, (errors) => showPage(request, reply, { values: {}, errors }, 422));
    }
    // Answered here rather than after a redirect: the codes exist in clear only in this response.
    return reply.page(request.t('twoFactor.enabled.title'), (ctx) => <RecoveryCodesPage ctx={ctx} codes={codes} />);
  });

  app.post(`${TWO_FACTOR_PATH}/disable`, { ...sensitiveForm('two-factor-off', signedInAccount), schema: { body: formBodySchema(DISABLE_FIELDS) } }, async (request, reply) => {
    const { confirmation } = readForm(request.body, DISABLE_FIELDS);
    try {
      await service.disable(signedInUser(request).id, confirmation);
    } catch (error) {
      return renderIfInvalid(error, (errors) => showPage(request, reply, { values: {}, errors }, 422));
    }
    return reply.seeOther('/account?updated=twoFactorOff');
  });
}
