import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.ts';
import { accountService } from '../accounts/service.ts';
import { loadDemoPractices } from '../practices/demo/load.ts';
import { DEMO_ADMIN_EMAIL, DEMO_MEMBERS } from './content.ts';

export interface DemoResult {
  loaded: boolean;
  admin?: { email: string; password: string };
}

function randomPassword(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * Fills an empty database with the demo content: an admin who can sign in, the members who
 * author the other demo content, and their practices. Does nothing when there are users already.
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
  const authorIdByEmail = new Map<string, number>();
  for (const member of DEMO_MEMBERS) {
    const { id } = await accounts.createAccount({ ...member, password: randomPassword() }, member.locale);
    authorIdByEmail.set(member.email, id);
  }
  await loadDemoPractices(deps, authorIdByEmail);
  return { loaded: true, admin: { email: DEMO_ADMIN_EMAIL, password: adminPassword } };
}
