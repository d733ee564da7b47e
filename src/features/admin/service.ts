import type { Role } from '../../db/schema/accounts.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { loadPage, pageCountOf, type Page } from '../../platform/pagination.ts';
import { isRole, ROLE_CHANGED, USER_SUBJECT, userSubject } from './model.ts';
import * as queries from './queries.ts';
import type { MemberFilter, MemberRow } from './queries.ts';

export type { MemberFilter, MemberRow } from './queries.ts';

export interface AuditRow {
  id: number;
  /** null: written by the system (the command line), not by a person. */
  actor: { name: string | null } | null;
  action: string;
  subject: string;
  /** The account the entry is about, when it is about one that still exists as a row. */
  subjectMember: { name: string | null } | null;
  details: Record<string, string | number | boolean | null>;
  createdAt: Date;
}

export type RoleChange = { changed: false } | { changed: true; from: Role; to: Role };

/** Admins' use cases: overview figures, members and their roles, the outbox and the audit log. */
export function adminService({ db }: AppDeps) {
  return {
    overview() {
      return queries.overviewCounts(db);
    },

    listMembers(filter: MemberFilter, page: number): Promise<Page<MemberRow>> {
      return loadPage(page, {
        count: () => queries.countMembers(db, filter),
        rows: (window) => queries.listMembers(db, filter, window),
      });
    },

    async memberPageCount(filter: MemberFilter): Promise<number> {
      return pageCountOf(await queries.countMembers(db, filter));
    },

    /** A live account's name and role, for the banner after a change; undefined otherwise. */
    async activeMember(id: number): Promise<{ name: string; role: Role } | undefined> {
      const member = await queries.findMember(db, id);
      if (!member || member.deleted_at || member.name === null) return undefined;
      return { name: member.name, role: member.role };
    },

    /**
     * Gives a member another role and records who did it. The last active admin cannot lose the
     * role, or nobody could ever manage roles again. The admins' rows are locked before the
     * check, so two admins demoting each other at the same moment cannot both succeed.
     * The new role applies at the member's next request: sessions read the role from the row.
     */
    async changeRole(actorId: number, memberId: number, roleInput: string): Promise<RoleChange> {
      return db.transaction().execute(async (trx): Promise<RoleChange> => {
        const adminIds = await queries.lockActiveAdminIds(trx);
        const member = await queries.lockMember(trx, memberId);
        // A missing account is reported before a bad role: there is no row to show the error on.
        if (!member || member.deleted_at) throw new NotFoundError(`No active account ${memberId}`);
        if (!isRole(roleInput)) throw new ValidationError({ role: 'admin.members.errors.roleInvalid' });
        const role = roleInput;
        if (member.role === role) return { changed: false };
        const otherAdmins = adminIds.filter((id) => id !== member.id);
        if (member.role === 'admin' && otherAdmins.length === 0) {
          throw new ValidationError({ role: 'admin.members.errors.lastAdmin' });
        }
        await queries.setRole(trx, member.id, role);
        await queries.insertAuditEntry(trx, {
          actorId,
          action: ROLE_CHANGED,
          subject: userSubject(member.id),
          details: { from: member.role, to: role },
        });
        return { changed: true, from: member.role, to: role };
      });
    },

    listOutbox(page: number) {
      return loadPage(page, {
        count: () => queries.countOutbox(db),
        rows: (window) => queries.listOutbox(db, window),
      });
    },

    async outboxMail(id: number) {
      const mail = await queries.findOutboxMail(db, id);
      if (!mail) throw new NotFoundError(`No mail ${id} in the outbox`);
      return mail;
    },

    /** One page of the audit log; the accounts it is about are looked up once for the page. */
    async listAudit(page: number): Promise<Page<AuditRow>> {
      const entries = await loadPage(page, {
        count: () => queries.countAuditEntries(db),
        rows: (window) => queries.listAuditEntries(db, window),
      });
      const subjectIds = entries.items.map((entry) => USER_SUBJECT.exec(entry.subject)?.[1]).filter((id) => id !== undefined).map(Number);
      const members = new Map(
        (await queries.namesOf(db, [...new Set(subjectIds)])).map((member) => [
          userSubject(member.id),
          { name: member.deleted_at ? null : member.name },
        ]),
      );
      return {
        ...entries,
        items: entries.items.map((entry) => ({
          id: entry.id,
          actor: entry.actor_id === null ? null : { name: entry.actor_deleted_at ? null : entry.actor_name },
          action: entry.action,
          subject: entry.subject,
          subjectMember: members.get(entry.subject) ?? null,
          details: entry.details,
          createdAt: entry.created_at,
        })),
      };
    },
  };
}

export type AdminService = ReturnType<typeof adminService>;
