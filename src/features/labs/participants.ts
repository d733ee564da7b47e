import { randomInt } from 'node:crypto';
import type { CurrentUser } from '../../platform/context.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { checkOutcomeForm, checkParticipantForm, CONSENT_VERSION } from './model.ts';
import * as queries from './queries.ts';
import { labsService, today, type LabAccess } from './service.ts';

/**
 * Participants: the most sensitive records in Bridges, so one door for all of them. Only the
 * lab's coordinators read or change a participant; a facilitator reads the list of their own
 * sessions (codes only) and records its attendance. Admins of the platform are refused like
 * anyone else unless they coordinate the lab. Every read, write and refusal is written to the
 * lab's audit log, in the same transaction as the change it records.
 */

export const PARTICIPANT_PAGE_SIZE = 50;
export const AUDIT_PAGE_SIZE = 50;
/** No 0/O, 1/I/L: read aloud and copied by hand without mistakes. 31^8 ≈ 8.5 × 10^11 codes. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const RETENTION_BATCH = 200;

export function newParticipantCode(): string {
  const letters = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)] ?? '2');
  return `${letters.slice(0, 4).join('')}-${letters.slice(4).join('')}`;
}

export interface ParticipantRecord {
  participant: queries.ParticipantRow;
  enrolments: queries.EnrolmentRow[];
  attendance: queries.AttendanceRow[];
  outcomes: queries.OutcomeRow[];
}

export function participantsService(deps: Pick<AppDeps, 'db'>) {
  const { db } = deps;
  const labs = labsService(deps);
  const audit = queries.insertLabAudit;

  async function coordinated(actor: CurrentUser, slug: string): Promise<LabAccess> {
    const access = await labs.accessTo(actor, slug);
    if (access.role !== 'coordinator') throw new ForbiddenError();
    return access;
  }

  /**
   * The participant, when the actor coordinates their lab. A refusal is recorded in the lab the
   * participant belongs to, so its coordinators see who tried.
   */
  async function guarded(actor: CurrentUser, slug: string, participantId: number, action: string): Promise<{ access: LabAccess; participant: queries.ParticipantRow }> {
    const labId = await queries.participantLab(db, participantId);
    const access = await labs.accessTo(actor, slug);
    if (labId === undefined || labId !== access.lab.id) {
      if (labId !== undefined) await audit(db, { labId, actorId: actor.id, action: 'participant.denied', participantId, details: { tried: action } });
      throw labId === undefined ? new NotFoundError('No such participant') : new ForbiddenError();
    }
    if (access.role !== 'coordinator') {
      await audit(db, { labId, actorId: actor.id, action: 'participant.denied', participantId, details: { tried: action } });
      throw new ForbiddenError();
    }
    const participant = await queries.findParticipant(db, labId, participantId);
    if (!participant) throw new NotFoundError('No such participant');
    return { access, participant };
  }

  async function record(participant: queries.ParticipantRow): Promise<ParticipantRecord> {
    const [enrolments, attendance, outcomes] = await Promise.all([queries.enrolmentsOf(db, participant.id), queries.attendanceOf(db, participant.id), queries.outcomesOf(db, participant.id)]);
    return { participant, enrolments, attendance, outcomes };
  }

  return {
    coordinated,

    async list(actor: CurrentUser, slug: string, page: number) {
      const access = await coordinated(actor, slug);
      const [result, programmes] = await Promise.all([queries.participantsOf(db, access.lab.id, PARTICIPANT_PAGE_SIZE, (page - 1) * PARTICIPANT_PAGE_SIZE), queries.programmesOf(db, access.lab.id)]);
      await audit(db, { labId: access.lab.id, actorId: actor.id, action: 'participants.listed', participantId: null, details: { shown: result.rows.length, page } });
      return { access, programmes, ...result, page, pageCount: Math.max(1, Math.ceil(result.total / PARTICIPANT_PAGE_SIZE)) };
    },

    /** Enrols a newcomer whose consent was shown in their language and given; returns the new record's id and code. */
    async enrol(actor: CurrentUser, slug: string, values: Record<string, string>, lists: { languages: string[]; programmes: string[] }): Promise<{ id: number; code: string }> {
      const access = await coordinated(actor, slug);
      const programmes = await queries.programmesOf(db, access.lab.id);
      const input = checkParticipantForm(values, lists, new Set(programmes.map((programme) => programme.id)), new Date().getUTCFullYear());
      for (let attempt = 0; ; attempt += 1) {
        const code = newParticipantCode();
        try {
          return await db.transaction().execute(async (trx) => {
            const id = await queries.insertParticipant(trx, access.lab.id, code, input, CONSENT_VERSION, actor.id);
            for (const programmeId of input.programmeIds) await queries.enrol(trx, programmeId, id);
            await audit(trx, { labId: access.lab.id, actorId: actor.id, action: 'participant.enrolled', participantId: id, details: { consentLanguage: input.consentLanguage, consentVersion: CONSENT_VERSION, programmes: input.programmeIds.length } });
            return { id, code };
          });
        } catch (error) {
          // Two codes alike are a one-in-billions chance: draw again.
          if (!isUniqueViolation(error) || attempt >= 3) throw error;
        }
      }
    },

    async read(actor: CurrentUser, slug: string, participantId: number) {
      const { access, participant } = await guarded(actor, slug, participantId, 'read');
      const [found, programmes] = await Promise.all([record(participant), queries.programmesOf(db, access.lab.id)]);
      await audit(db, { labId: access.lab.id, actorId: actor.id, action: 'participant.read', participantId, details: {} });
      return { access, record: found, programmes };
    },

    async addEnrolment(actor: CurrentUser, slug: string, participantId: number, programmeId: number): Promise<void> {
      const { access } = await guarded(actor, slug, participantId, 'enrol');
      const programme = (await queries.programmesOf(db, access.lab.id)).find((candidate) => candidate.id === programmeId);
      if (!programme) throw new ValidationError({ programme: 'labs.errors.programmeInvalid' });
      await db.transaction().execute(async (trx) => {
        await queries.enrol(trx, programme.id, participantId);
        await queries.touchParticipants(trx, [participantId]);
        await audit(trx, { labId: access.lab.id, actorId: actor.id, action: 'participant.enrolledInProgramme', participantId, details: { programme: programme.id } });
      });
    },

    async addOutcome(actor: CurrentUser, slug: string, participantId: number, values: Record<string, string>): Promise<void> {
      const { access } = await guarded(actor, slug, participantId, 'outcome');
      const enrolled = await queries.enrolmentsOf(db, participantId);
      const input = checkOutcomeForm(values, new Set(enrolled.map((enrolment) => enrolment.programme_id)), today());
      await db.transaction().execute(async (trx) => {
        await queries.insertOutcome(trx, access.lab.id, participantId, input);
        await queries.touchParticipants(trx, [participantId]);
        await audit(trx, { labId: access.lab.id, actorId: actor.id, action: 'participant.outcomeRecorded', participantId, details: { kind: input.kind } });
      });
    },

    /** Everything kept about a participant, for them to take away. */
    async exportRecord(actor: CurrentUser, slug: string, participantId: number) {
      const { access, participant } = await guarded(actor, slug, participantId, 'export');
      const found = await record(participant);
      await audit(db, { labId: access.lab.id, actorId: actor.id, action: 'participant.exported', participantId, details: {} });
      return {
        lab: access.lab.name,
        code: participant.code,
        ageBand: participant.age_band,
        arrivalYear: participant.arrival_year,
        languages: participant.languages,
        originCountry: participant.origin_country,
        consent: { language: participant.consent_language, version: participant.consent_version, recordedAt: participant.consent_recorded_at.toISOString() },
        enrolledOn: participant.enrolled_on,
        programmes: found.enrolments.map((enrolment) => ({ title: enrolment.title, enrolledOn: enrolment.enrolled_on })),
        attendance: found.attendance.map((row) => ({ session: row.starts_at.toISOString(), programme: row.programme_title, present: row.present })),
        outcomes: found.outcomes.map((row) => ({ kind: row.kind, level: row.cefr_level, achievedOn: row.achieved_on, programme: row.programme_title })),
      };
    },

    /** The record as its certificate needs it; the name printed on it is never stored. */
    async forCertificate(actor: CurrentUser, slug: string, participantId: number) {
      const { access, participant } = await guarded(actor, slug, participantId, 'certificate');
      const found = await record(participant);
      await audit(db, { labId: access.lab.id, actorId: actor.id, action: 'participant.certificateIssued', participantId, details: {} });
      return { lab: access.lab, record: found };
    },

    /** Erases the person: their enrolments, attendance and outcomes stay as anonymous counts. */
    async erase(actor: CurrentUser, slug: string, participantId: number, confirmed: boolean): Promise<void> {
      const { access } = await guarded(actor, slug, participantId, 'erase');
      if (!confirmed) throw new ValidationError({ confirm: 'labs.errors.confirmErase' });
      await db.transaction().execute(async (trx) => {
        await queries.deleteParticipant(trx, participantId);
        await audit(trx, { labId: access.lab.id, actorId: actor.id, action: 'participant.erased', participantId, details: { onRequest: true } });
      });
    },

    /** A session's list for its facilitator or a coordinator: codes and attendance, nothing more. */
    async sessionList(actor: CurrentUser, slug: string, sessionId: number) {
      const access = await labs.accessTo(actor, slug);
      const session = await queries.findSession(db, access.lab.id, sessionId);
      if (!session) throw new NotFoundError('No such session');
      const allowed = access.role === 'coordinator' || (access.role === 'facilitator' && session.facilitator_id === actor.id);
      if (!allowed) {
        await audit(db, { labId: access.lab.id, actorId: actor.id, action: 'session.denied', participantId: null, details: { session: sessionId } });
        throw new ForbiddenError();
      }
      const list = await queries.sessionList(db, sessionId);
      await audit(db, { labId: access.lab.id, actorId: actor.id, action: 'session.listRead', participantId: null, details: { session: sessionId, listed: list.length } });
      return { access, session, list };
    },

    /** Attendance for the session's list: every participant listed is present or absent; no one else. */
    async recordAttendance(actor: CurrentUser, slug: string, sessionId: number, listed: string[], present: string[]): Promise<void> {
      const { access, list } = await this.sessionList(actor, slug, sessionId);
      const enrolled = new Set(list.map((row) => row.participant_id));
      const listedIds = listed.map(Number);
      const presentIds = new Set(present.map(Number));
      if (listedIds.length === 0 || ![...listedIds, ...presentIds].every((id) => enrolled.has(id))) throw new ValidationError({ present: 'labs.errors.notEnrolled' });
      await db.transaction().execute(async (trx) => {
        await queries.recordAttendance(trx, sessionId, listedIds, presentIds);
        await queries.touchParticipants(trx, listedIds);
        await audit(trx, { labId: access.lab.id, actorId: actor.id, action: 'session.attendanceRecorded', participantId: null, details: { session: sessionId, present: presentIds.size, absent: listedIds.length - presentIds.size } });
      });
    },

    async auditLog(actor: CurrentUser, slug: string, page: number) {
      const access = await coordinated(actor, slug);
      const result = await queries.auditOf(db, access.lab.id, AUDIT_PAGE_SIZE, (page - 1) * AUDIT_PAGE_SIZE);
      return { access, ...result, page, pageCount: Math.max(1, Math.ceil(result.total / AUDIT_PAGE_SIZE)) };
    },

    /** The retention job: erases records past their lab's retention period and says so in each lab's log. */
    async eraseExpired(): Promise<number> {
      let erased = 0;
      for (;;) {
        const expired = await queries.expiredParticipants(db, RETENTION_BATCH);
        if (expired.length === 0) return erased;
        for (const row of expired) {
          await db.transaction().execute(async (trx) => {
            await queries.deleteParticipant(trx, row.id);
            await audit(trx, { labId: row.lab_id, actorId: null, action: 'participant.expired', participantId: row.id, details: {} });
          });
          erased += 1;
        }
      }
    },
  };
}

export type ParticipantsService = ReturnType<typeof participantsService>;
