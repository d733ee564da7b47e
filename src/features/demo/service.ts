import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.ts';
import { accountService } from '../accounts/index.ts';
import { loadDemoPractices } from '../practices/index.ts';
import { loadDemoResources } from '../resources/index.ts';
import type { CurrentUser } from '../../platform/context.ts';
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
  const members = new Map<string, CurrentUser>();
  for (const member of DEMO_MEMBERS) {
    const { id, handle } = await accounts.createAccount({ ...member, password: randomPassword() }, member.locale);
    authorIdByEmail.set(member.email, id);
    members.set(member.email, { id, handle, name: member.name, email: member.email, role: member.role, emailVerified: true, twoFactorEnabled: false });
  }
  await loadDemoPractices(deps, authorIdByEmail);
  const editor = [...members.values()].find((member) => member.role === 'editor');
  if (!editor) throw new Error('The demo members include no editor');
  await loadDemoResources(deps, members, editor);
  return { loaded: true, admin: { email: DEMO_ADMIN_EMAIL, password: adminPassword } };
}
