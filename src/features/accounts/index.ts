import type { FastifyInstance } from 'fastify';
import { accountRoutes } from './account-routes.tsx';
import { authRoutes } from './auth-routes.tsx';
import { twoFactorRoutes } from './two-factor-routes.tsx';

export { accountService } from './service.ts';
export { ACCOUNT_AUDIT_ACTIONS, SIGNED_IN_NEW_DEVICE } from './audit-actions.ts';
export { staffTwoFactorGate } from './two-factor-gate.ts';
export { twoFactorSecrets } from './two-factor-service.ts';
/** For tests and demo tooling that play the member's authenticator app. */
export { newTotpSecret, totpCode } from './totp.ts';

/** Accounts: registration, sign-in (with two-factor codes), password reset and the member's own account page. */
export async function accounts(app: FastifyInstance) {
  await app.register(authRoutes);
  await app.register(accountRoutes);
  await app.register(twoFactorRoutes);
}
export { accountTablesPersonalData } from './personal-data.ts';
