import type { AppDeps } from '../../platform/deps.ts';
import { isLocale, translator } from '../../platform/i18n.ts';
import * as queries from './queries.ts';

/** The changes a member is told about by mail, so that one made by someone else does not go unnoticed. */
export type SecurityChange = 'password' | 'twoFactorEnabled' | 'twoFactorDisabled' | 'recoveryCodeUsed';

/** Mails the member, in their own language, that a security setting of their account changed. */
export async function mailSecurityChange({ db, mailer, config }: AppDeps, userId: number, change: SecurityChange): Promise<void> {
  const user = await queries.findUserById(db, userId);
  if (!user?.email) return;
  const locale = isLocale(user.locale) ? user.locale : 'en';
  const t = translator(locale);
  const link = (path: string) => new URL(`/${locale}${path}`, config.baseUrl).toString();
  await mailer.send({
    to: user.email,
    subject: t(`accounts.mail.securityChange.${change}.subject`),
    text: t(`accounts.mail.securityChange.${change}.body`, {
      name: user.name ?? '',
      account: link('/account'),
      reset: link('/forgot-password'),
    }),
  });
}
