import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.ts';
import { accountService } from '../accounts/service.ts';
import { DEMO_ADMIN_EMAIL, DEMO_MEMBERS } from './content.ts';

export interface DemoResult {
  loaded: boolean;
  admin?: { email: string; password: string };
}

function randomPassword(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * Fills an empty database with the demo content: an admin who can sign in, and the members
 * who author the other demo content. Does nothing when there are users already.
 */
export async function loadDemoContent(deps: AppDeps, options: { adminPassword?: string } = {}): Promise<DemoResult> {
  const accounts = accountService(deps);
  if (await accounts.hasAnyAccount()) return { loaded: false };
  const adminPassword = options.adminPassword ?? randomPassword();
  await accounts.createAccount({
    email: DEMO_ADMIN_EMAIL,
    password: adminPassword,
    name: 'Bridges Administrator',
    organisation: 'Bridges',
    stakeholderType: 'civil_society',
    country: '',
    role: 'admin',
  });
  for (const member of DEMO_MEMBERS) {
    await accounts.createAccount({ ...member, password: randomPassword() }, member.locale);
  }
  return { loaded: true, admin: { email: DEMO_ADMIN_EMAIL, password: adminPassword } };
}
