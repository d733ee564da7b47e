import type { Role } from '../db/schema/accounts.ts';
import { ROLES } from '../db/schema/accounts.ts';

/**
 * Who may do what, decided in one place: every guard, policy and menu asks `can(user, capability)`
 * rather than naming roles, so that giving a role a new power (or a new role an old one) is a
 * change to this map alone.
 */

export const CAPABILITIES = [
  /** Work the review queue of every kind: score, decide, publish, feature, archive. */
  'content.review',
  /** Settle reports and remove comments, in the moderation queue or on a page. */
  'content.moderate',
  /** Import records in bulk (CSV) and read the editors' reports (searches that found nothing). */
  'content.curate',
  /** Read any record whatever its state, and change it without the author. */
  'content.editAny',
  /** Open dialogues and consultations, chair them: publish comments, write the synthesis. */
  'discussion.chair',
  /** Members, roles, the outbox and the audit log. */
  'site.administer',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const EDITORIAL: readonly Capability[] = ['content.review', 'content.moderate', 'content.curate', 'content.editAny'];

const GRANTS: Readonly<Record<Role, readonly Capability[]>> = {
  member: [],
  chair: ['discussion.chair'],
  lab_coordinator: [],
  editor: EDITORIAL,
  admin: [...EDITORIAL, 'discussion.chair', 'site.administer'],
};

const BY_ROLE: ReadonlyMap<Role, ReadonlySet<Capability>> = new Map(ROLES.map((role) => [role, new Set(GRANTS[role])]));

/** Whether someone with this role (or a visitor, `null`) holds the capability. */
export function can(user: { role: Role } | null | undefined, capability: Capability): boolean {
  return user ? (BY_ROLE.get(user.role)?.has(capability) ?? false) : false;
}

/** The roles that hold a capability: for queries such as "mail every editor". */
export function rolesWith(capability: Capability): Role[] {
  return ROLES.filter((role) => BY_ROLE.get(role)?.has(capability));
}
