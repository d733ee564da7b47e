import { randomBytes } from 'node:crypto';
import { insertAuditEntry } from '../../platform/audit.ts';
import type { PersonalDataEntry } from '../../platform/personal-data.ts';
import { ACCOUNT_DELETED, accountSubject } from './audit-actions.ts';
import * as queries from './queries.ts';

/**
 * The account's own tables. The profile and the sessions have sections of their own at the top
 * of the export (see account-service.ts); the rest are secrets or hashes that nobody should be
 * handed. Deletion removes all of them and, last, strips the account row.
 */

const deleteRowsOf = (table: 'sessions' | 'two_factor' | 'two_factor_recovery_codes' | 'sign_in_challenges' | 'known_devices'): PersonalDataEntry['erase'] =>
  async ({ trx, subject }) => {
    await trx.deleteFrom(table).where('user_id', '=', subject.userId).execute();
  };

export const accountTablesPersonalData: readonly PersonalDataEntry[] = [
  {
    table: 'sessions',
    export: { notExported: 'Listed under "sessions" at the top of the export, without the hash that would sign in.' },
    erase: deleteRowsOf('sessions'),
  },
  {
    table: 'sign_in_challenges',
    export: { notExported: 'Sign-ins waiting for their code, kept for minutes: a hash, nothing the member wrote.' },
    erase: deleteRowsOf('sign_in_challenges'),
  },
  {
    table: 'known_devices',
    export: { notExported: 'A hash of browser and address per device, readable by nobody, the member included.' },
    erase: deleteRowsOf('known_devices'),
  },
  {
    table: 'two_factor_recovery_codes',
    export: { notExported: 'Hashes of recovery codes: secrets, shown to the member once when made.' },
    erase: deleteRowsOf('two_factor_recovery_codes'),
  },
  {
    table: 'two_factor',
    export: { notExported: 'The sealed authenticator secret: handing it out would let anyone holding the file make codes.' },
    erase: deleteRowsOf('two_factor'),
  },
  {
    table: 'users',
    export: { notExported: 'The profile is the "account" section at the top of the export.' },
    async erase({ trx, subject }) {
      // Handles appear in public URLs: the new one must not point back at the person.
      await queries.anonymiseUser(trx, subject.userId, `deleted-${randomBytes(6).toString('hex')}`);
      // The entry names the account by id only: the row stays, stripped of everything personal.
      await insertAuditEntry(trx, { actorId: subject.userId, action: ACCOUNT_DELETED, subject: accountSubject(subject.userId), details: {} });
    },
  },
];
