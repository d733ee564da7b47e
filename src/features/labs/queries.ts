import { sql } from 'kysely';
import type { Executor } from '../../content/kinds.ts';
import type { LabInput, OutcomeInput, ParticipantInput, ProgrammeInput, ServiceInput, TeamRole } from './model.ts';

/** Database access for labs. Dates travel as YYYY-MM-DD text. */

export interface LabRow {
  id: number;
  slug: string;
  name: string;
  country: string;
  city_id: number | null;
  city_name: string | null;
  city_slug: string | null;
  organisation_id: number | null;
  organisation_name: string | null;
  organisation_slug: string | null;
  pillar_ids: number[];
  description: string;
  contact: string;
  status: string;
  time_zone: string;
  retention_months: number;
  version: number;
  trained_facilitators: number;
}

const LAB_COLUMNS = sql`l.id, l.slug, l.name, l.country::text AS country, l.city_id, c.name AS city_name, c.slug AS city_slug,
  l.organisation_id, o.name AS organisation_name, o.slug AS organisation_slug, l.pillar_ids, l.description, l.contact, l.status,
  l.time_zone, l.retention_months, l.version,
  (SELECT count(DISTINCT t.user_id)::integer FROM lab_trainings t WHERE t.lab_id = l.id) AS trained_facilitators`;
const LAB_FROM = sql`labs l LEFT JOIN cities c ON c.id = l.city_id LEFT JOIN organisations o ON o.id = l.organisation_id`;

export async function findLab(db: Executor, slug: string): Promise<LabRow | undefined> {
  const { rows } = await sql<LabRow>`SELECT ${LAB_COLUMNS} FROM ${LAB_FROM} WHERE l.slug = ${slug}`.execute(db);
  return rows[0];
}

export async function listLabs(db: Executor, filters: { country?: string; cityId?: number }, limit: number, offset: number): Promise<{ rows: LabRow[]; total: number }> {
  const where = sql.join([sql`true`, ...(filters.country ? [sql`l.country = ${filters.country}`] : []), ...(filters.cityId !== undefined ? [sql`l.city_id = ${filters.cityId}`] : [])], sql` AND `);
  const [{ rows }, { rows: count }] = await Promise.all([
    sql<LabRow>`SELECT ${LAB_COLUMNS} FROM ${LAB_FROM} WHERE ${where} ORDER BY l.country, l.name, l.id LIMIT ${limit} OFFSET ${offset}`.execute(db),
    sql<{ total: number }>`SELECT count(*)::integer AS total FROM labs l WHERE ${where}`.execute(db),
  ]);
  return { rows, total: count[0]?.total ?? 0 };
}

/** Every lab, in the network's order, without counting them. */
export async function allLabs(db: Executor, limit: number): Promise<LabRow[]> {
  const { rows } = await sql<LabRow>`SELECT ${LAB_COLUMNS} FROM ${LAB_FROM} ORDER BY l.country, l.name, l.id LIMIT ${limit}`.execute(db);
  return rows;
}

export async function cityNamed(db: Executor, country: string, name: string): Promise<number | undefined> {
  const { rows } = await sql<{ id: number }>`SELECT id FROM cities WHERE country = ${country} AND (slug = ${name.toLowerCase()} OR lower(name) = lower(${name})) ORDER BY id LIMIT 1`.execute(db);
  return rows[0]?.id;
}

export async function organisationNamed(db: Executor, name: string): Promise<number | undefined> {
  const { rows } = await sql<{ id: number }>`SELECT id FROM organisations WHERE slug = ${name.toLowerCase()} OR lower(name) = lower(${name}) ORDER BY id LIMIT 1`.execute(db);
  return rows[0]?.id;
}

interface LabValues {
  input: LabInput;
  pillarIds: number[];
  cityId: number | null;
  organisationId: number | null;
}

export async function insertLab(db: Executor, slug: string, values: LabValues): Promise<number> {
  const { input } = values;
  const { rows } = await sql<{ id: number }>`
    INSERT INTO labs (slug, name, country, city_id, organisation_id, pillar_ids, description, contact, status, time_zone, retention_months)
    VALUES (${slug}, ${input.name}, ${input.country}, ${values.cityId}, ${values.organisationId}, ${values.pillarIds}::integer[], ${input.description},
            ${input.contact}, ${input.status}, ${input.timeZone}, ${input.retentionMonths})
    RETURNING id`.execute(db);
  return rows[0]?.id ?? 0;
}

/** Updates when the version is the one the editor saw; false when someone saved in between. */
export async function updateLab(db: Executor, id: number, version: number, values: LabValues): Promise<boolean> {
  const { input } = values;
  const result = await sql`
    UPDATE labs SET name = ${input.name}, country = ${input.country}, city_id = ${values.cityId}, organisation_id = ${values.organisationId},
      pillar_ids = ${values.pillarIds}::integer[], description = ${input.description}, contact = ${input.contact}, status = ${input.status},
      time_zone = ${input.timeZone}, retention_months = ${input.retentionMonths}, version = version + 1, updated_at = now()
    WHERE id = ${id} AND version = ${version}`.execute(db);
  return Number(result.numAffectedRows ?? 0) === 1;
}

export interface TeamMemberRow {
  user_id: number;
  handle: string;
  name: string;
  role: TeamRole;
}

export async function teamOf(db: Executor, labId: number): Promise<TeamMemberRow[]> {
  const { rows } = await sql<TeamMemberRow>`
    SELECT m.user_id, u.handle, u.name, m.role FROM lab_members m JOIN users u ON u.id = m.user_id
    WHERE m.lab_id = ${labId} AND u.deleted_at IS NULL ORDER BY m.role, u.name`.execute(db);
  return rows;
}

export async function roleIn(db: Executor, labId: number, userId: number): Promise<TeamRole | undefined> {
  const { rows } = await sql<{ role: TeamRole }>`SELECT role FROM lab_members WHERE lab_id = ${labId} AND user_id = ${userId}`.execute(db);
  return rows[0]?.role;
}

export async function userByHandle(db: Executor, handle: string): Promise<number | undefined> {
  const { rows } = await sql<{ id: number }>`SELECT id FROM users WHERE handle = ${handle} AND deleted_at IS NULL`.execute(db);
  return rows[0]?.id;
}

export async function putTeamMember(db: Executor, labId: number, userId: number, role: TeamRole): Promise<void> {
  await sql`INSERT INTO lab_members (lab_id, user_id, role) VALUES (${labId}, ${userId}, ${role})
    ON CONFLICT (lab_id, user_id) DO UPDATE SET role = EXCLUDED.role`.execute(db);
}

export async function removeTeamMember(db: Executor, labId: number, userId: number): Promise<void> {
  await sql`DELETE FROM lab_members WHERE lab_id = ${labId} AND user_id = ${userId}`.execute(db);
}

export async function coordinatorCount(db: Executor, labId: number): Promise<number> {
  const { rows } = await sql<{ count: number }>`SELECT count(*)::integer AS count FROM lab_members WHERE lab_id = ${labId} AND role = 'coordinator'`.execute(db);
  return rows[0]?.count ?? 0;
}

export interface ProgrammeRow {
  id: number;
  lab_id: number;
  pillar_id: number;
  title: string;
  description: string;
  modules: string[];
  starts_on: string;
  ends_on: string;
}

const PROGRAMME_COLUMNS = sql`id, lab_id, pillar_id, title, description, modules, starts_on::text AS starts_on, ends_on::text AS ends_on`;

export async function programmesOf(db: Executor, labId: number): Promise<ProgrammeRow[]> {
  const { rows } = await sql<ProgrammeRow>`SELECT ${PROGRAMME_COLUMNS} FROM lab_programmes WHERE lab_id = ${labId} ORDER BY starts_on, id`.execute(db);
  return rows;
}

export async function insertProgramme(db: Executor, labId: number, pillarId: number, input: ProgrammeInput): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO lab_programmes (lab_id, pillar_id, title, description, modules, starts_on, ends_on)
    VALUES (${labId}, ${pillarId}, ${input.title}, ${input.description}, ${input.modules}::text[], ${input.startsOn}::date, ${input.endsOn}::date)
    RETURNING id`.execute(db);
  return rows[0]?.id ?? 0;
}

export interface SessionRow {
  id: number;
  programme_id: number;
  programme_title: string;
  pillar_id: number;
  module: string;
  starts_at: Date;
  duration_minutes: number;
  place: string;
  online: boolean;
  facilitator_id: number | null;
  facilitator_name: string | null;
  capacity: number;
  language: string;
  format: string;
}

const SESSION_SELECT = sql`SELECT s.id, s.programme_id, p.title AS programme_title, p.pillar_id, s.module, s.starts_at, s.duration_minutes, s.place, s.online,
  s.facilitator_id, u.name AS facilitator_name, s.capacity, s.language, s.format
  FROM lab_sessions s JOIN lab_programmes p ON p.id = s.programme_id LEFT JOIN users u ON u.id = s.facilitator_id`;

export async function sessionsOf(db: Executor, labId: number, options: { facilitatorId?: number; from?: Date } = {}): Promise<SessionRow[]> {
  const { rows } = await sql<SessionRow>`${SESSION_SELECT} WHERE p.lab_id = ${labId}
    ${options.facilitatorId !== undefined ? sql`AND s.facilitator_id = ${options.facilitatorId}` : sql``}
    ${options.from ? sql`AND s.starts_at >= ${options.from}` : sql``}
    ORDER BY s.starts_at, s.id LIMIT 200`.execute(db);
  return rows;
}

export async function findSession(db: Executor, labId: number, sessionId: number): Promise<SessionRow | undefined> {
  const { rows } = await sql<SessionRow>`${SESSION_SELECT} WHERE p.lab_id = ${labId} AND s.id = ${sessionId}`.execute(db);
  return rows[0];
}

export async function insertSession(db: Executor, programmeId: number, values: { module: string; startsAt: Date; durationMinutes: number; place: string; online: boolean; facilitatorId: number; capacity: number; language: string; format: string }): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO lab_sessions (programme_id, module, starts_at, duration_minutes, place, online, facilitator_id, capacity, language, format)
    VALUES (${programmeId}, ${values.module}, ${values.startsAt}, ${values.durationMinutes}, ${values.place}, ${values.online}, ${values.facilitatorId},
            ${values.capacity}, ${values.language}, ${values.format})
    RETURNING id`.execute(db);
  return rows[0]?.id ?? 0;
}

export interface TrainingRow {
  id: number;
  user_id: number;
  name: string;
  module: string;
  completed_on: string;
}

export async function trainingsOf(db: Executor, labId: number): Promise<TrainingRow[]> {
  const { rows } = await sql<TrainingRow>`
    SELECT t.id, t.user_id, u.name, t.module, t.completed_on::text AS completed_on FROM lab_trainings t JOIN users u ON u.id = t.user_id
    WHERE t.lab_id = ${labId} ORDER BY u.name, t.completed_on`.execute(db);
  return rows;
}

export async function insertTraining(db: Executor, labId: number, userId: number, module: string, completedOn: string): Promise<void> {
  await sql`INSERT INTO lab_trainings (lab_id, user_id, module, completed_on) VALUES (${labId}, ${userId}, ${module}, ${completedOn}::date)
    ON CONFLICT (lab_id, user_id, module) DO UPDATE SET completed_on = EXCLUDED.completed_on`.execute(db);
}

export interface ServiceRow {
  id: number;
  lab_id: number;
  category: string;
  name: string;
  address: string;
  hours: string;
  languages: string[];
  cost: string;
}

export async function servicesOf(db: Executor, labIds: readonly number[]): Promise<ServiceRow[]> {
  if (labIds.length === 0) return [];
  const { rows } = await sql<ServiceRow>`
    SELECT id, lab_id, category, name, address, hours, languages, cost FROM lab_services WHERE lab_id IN (SELECT unnest(${[...labIds]}::integer[]))
    ORDER BY array_position(ARRAY['basic_needs', 'housing', 'health', 'legal_aid', 'language_courses', 'employment'], category), name, id LIMIT 500`.execute(db);
  return rows;
}

export async function insertService(db: Executor, labId: number, input: ServiceInput): Promise<void> {
  await sql`INSERT INTO lab_services (lab_id, category, name, address, hours, languages, cost)
    VALUES (${labId}, ${input.category}, ${input.name}, ${input.address}, ${input.hours}, ${input.languages}::text[], ${input.cost})`.execute(db);
}

export async function deleteService(db: Executor, labId: number, serviceId: number): Promise<boolean> {
  const result = await sql`DELETE FROM lab_services WHERE lab_id = ${labId} AND id = ${serviceId}`.execute(db);
  return Number(result.numAffectedRows ?? 0) === 1;
}

// Participants: only the participants service calls these, after its access check and with its audit entry.

export interface ParticipantRow {
  id: number;
  lab_id: number;
  code: string;
  age_band: string;
  arrival_year: number;
  languages: string[];
  origin_country: string | null;
  consent_language: string;
  consent_version: number;
  consent_recorded_at: Date;
  enrolled_on: string;
  last_activity_on: string;
}

const PARTICIPANT_COLUMNS = sql`id, lab_id, code, age_band, arrival_year, languages, origin_country::text AS origin_country, consent_language, consent_version,
  consent_recorded_at, enrolled_on::text AS enrolled_on, last_activity_on::text AS last_activity_on`;

export async function participantLab(db: Executor, participantId: number): Promise<number | undefined> {
  const { rows } = await sql<{ lab_id: number }>`SELECT lab_id FROM lab_participants WHERE id = ${participantId}`.execute(db);
  return rows[0]?.lab_id;
}

export async function findParticipant(db: Executor, labId: number, participantId: number): Promise<ParticipantRow | undefined> {
  const { rows } = await sql<ParticipantRow>`SELECT ${PARTICIPANT_COLUMNS} FROM lab_participants WHERE lab_id = ${labId} AND id = ${participantId}`.execute(db);
  return rows[0];
}

export async function participantsOf(db: Executor, labId: number, limit: number, offset: number): Promise<{ rows: ParticipantRow[]; total: number }> {
  const [{ rows }, { rows: count }] = await Promise.all([
    sql<ParticipantRow>`SELECT ${PARTICIPANT_COLUMNS} FROM lab_participants WHERE lab_id = ${labId} ORDER BY id DESC LIMIT ${limit} OFFSET ${offset}`.execute(db),
    sql<{ total: number }>`SELECT count(*)::integer AS total FROM lab_participants WHERE lab_id = ${labId}`.execute(db),
  ]);
  return { rows, total: count[0]?.total ?? 0 };
}

export async function insertParticipant(db: Executor, labId: number, code: string, input: ParticipantInput, consentVersion: number, recordedBy: number): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO lab_participants (lab_id, code, age_band, arrival_year, languages, origin_country, consent_language, consent_version, consent_recorded_by)
    VALUES (${labId}, ${code}, ${input.ageBand}, ${input.arrivalYear}, ${input.languages}::text[], ${input.originCountry}, ${input.consentLanguage}, ${consentVersion}, ${recordedBy})
    RETURNING id`.execute(db);
  return rows[0]?.id ?? 0;
}

export async function touchParticipants(db: Executor, participantIds: readonly number[]): Promise<void> {
  await sql`UPDATE lab_participants SET last_activity_on = CURRENT_DATE WHERE id IN (SELECT unnest(${[...participantIds]}::integer[]))`.execute(db);
}

export async function enrol(db: Executor, programmeId: number, participantId: number): Promise<void> {
  await sql`INSERT INTO lab_enrolments (programme_id, participant_id) VALUES (${programmeId}, ${participantId}) ON CONFLICT DO NOTHING`.execute(db);
}

export interface EnrolmentRow {
  programme_id: number;
  title: string;
  pillar_id: number;
  enrolled_on: string;
}

export async function enrolmentsOf(db: Executor, participantId: number): Promise<EnrolmentRow[]> {
  const { rows } = await sql<EnrolmentRow>`
    SELECT e.programme_id, p.title, p.pillar_id, e.enrolled_on::text AS enrolled_on FROM lab_enrolments e JOIN lab_programmes p ON p.id = e.programme_id
    WHERE e.participant_id = ${participantId} ORDER BY e.enrolled_on, e.id`.execute(db);
  return rows;
}

export interface SessionListRow {
  participant_id: number;
  code: string;
  present: boolean | null;
}

/** Who is enrolled in the session's programme, with their attendance when it was recorded. */
export async function sessionList(db: Executor, sessionId: number): Promise<SessionListRow[]> {
  const { rows } = await sql<SessionListRow>`
    SELECT p.id AS participant_id, p.code, a.present
      FROM lab_sessions s
      JOIN lab_enrolments e ON e.programme_id = s.programme_id
      JOIN lab_participants p ON p.id = e.participant_id
      LEFT JOIN lab_attendance a ON a.session_id = s.id AND a.participant_id = p.id
     WHERE s.id = ${sessionId} ORDER BY p.code`.execute(db);
  return rows;
}

/** Each listed participant present or absent at the session; a second recording replaces the first. */
export async function recordAttendance(db: Executor, sessionId: number, participantIds: readonly number[], presentIds: ReadonlySet<number>): Promise<void> {
  if (participantIds.length === 0) return;
  await sql`INSERT INTO lab_attendance (session_id, participant_id, present)
    SELECT ${sessionId}::integer, id, present FROM unnest(${[...participantIds]}::integer[], ${participantIds.map((id) => presentIds.has(id))}::boolean[]) AS listed (id, present)
    ON CONFLICT (session_id, participant_id) WHERE participant_id IS NOT NULL DO UPDATE SET present = EXCLUDED.present, recorded_at = now()`.execute(db);
}

export interface AttendanceRow {
  session_id: number;
  starts_at: Date;
  programme_title: string;
  present: boolean;
}

export async function attendanceOf(db: Executor, participantId: number): Promise<AttendanceRow[]> {
  const { rows } = await sql<AttendanceRow>`
    SELECT a.session_id, s.starts_at, p.title AS programme_title, a.present FROM lab_attendance a
      JOIN lab_sessions s ON s.id = a.session_id JOIN lab_programmes p ON p.id = s.programme_id
     WHERE a.participant_id = ${participantId} ORDER BY s.starts_at`.execute(db);
  return rows;
}

export interface OutcomeRow {
  id: number;
  kind: string;
  cefr_level: string | null;
  achieved_on: string;
  programme_title: string | null;
}

export async function outcomesOf(db: Executor, participantId: number): Promise<OutcomeRow[]> {
  const { rows } = await sql<OutcomeRow>`
    SELECT o.id, o.kind, o.cefr_level, o.achieved_on::text AS achieved_on, p.title AS programme_title
      FROM lab_outcomes o LEFT JOIN lab_programmes p ON p.id = o.programme_id
     WHERE o.participant_id = ${participantId} ORDER BY o.achieved_on, o.id`.execute(db);
  return rows;
}

export async function insertOutcome(db: Executor, labId: number, participantId: number, input: OutcomeInput): Promise<void> {
  await sql`INSERT INTO lab_outcomes (lab_id, participant_id, programme_id, kind, cefr_level, achieved_on)
    VALUES (${labId}, ${participantId}, ${input.programmeId}, ${input.kind}, ${input.cefrLevel}, ${input.achievedOn}::date)`.execute(db);
}

/** Removes the person; their enrolments, attendance and outcomes stay, no longer linked to anyone. */
export async function deleteParticipant(db: Executor, participantId: number): Promise<void> {
  await sql`DELETE FROM lab_participants WHERE id = ${participantId}`.execute(db);
}

export interface ExpiredRow {
  id: number;
  lab_id: number;
}

export async function expiredParticipants(db: Executor, limit: number): Promise<ExpiredRow[]> {
  const { rows } = await sql<ExpiredRow>`
    SELECT p.id, p.lab_id FROM lab_participants p JOIN labs l ON l.id = p.lab_id
     WHERE p.last_activity_on + make_interval(months => l.retention_months) < CURRENT_DATE
     ORDER BY p.id LIMIT ${limit}`.execute(db);
  return rows;
}

export interface AuditRow {
  id: number;
  actor_name: string | null;
  action: string;
  participant_id: number | null;
  details: Record<string, string | number | boolean | null>;
  created_at: Date;
}

export async function insertLabAudit(db: Executor, entry: { labId: number; actorId: number | null; action: string; participantId: number | null; details?: Record<string, string | number | boolean | null> }): Promise<void> {
  await sql`INSERT INTO lab_audit_log (lab_id, actor_id, action, participant_id, details)
    VALUES (${entry.labId}, ${entry.actorId}, ${entry.action}, ${entry.participantId}, ${JSON.stringify(entry.details ?? {})}::jsonb)`.execute(db);
}

export async function auditOf(db: Executor, labId: number, limit: number, offset: number): Promise<{ rows: AuditRow[]; total: number }> {
  const [{ rows }, { rows: count }] = await Promise.all([
    sql<AuditRow>`SELECT a.id, u.name AS actor_name, a.action, a.participant_id, a.details, a.created_at
      FROM lab_audit_log a LEFT JOIN users u ON u.id = a.actor_id WHERE a.lab_id = ${labId} ORDER BY a.id DESC LIMIT ${limit} OFFSET ${offset}`.execute(db),
    sql<{ total: number }>`SELECT count(*)::integer AS total FROM lab_audit_log WHERE lab_id = ${labId}`.execute(db),
  ]);
  return { rows, total: count[0]?.total ?? 0 };
}

// Aggregates: counts only, never a row about a person.

export interface PillarCountRow {
  pillar_id: number;
  count: number;
}

export interface LabPillarCountRow extends PillarCountRow {
  lab_id: number;
}

/** Enrolments per lab and pillar (erased participants' enrolments included: they happened). */
export async function enrolmentCounts(db: Executor, labId?: number): Promise<LabPillarCountRow[]> {
  const { rows } = await sql<LabPillarCountRow>`
    SELECT p.lab_id, p.pillar_id, count(e.id)::integer AS count FROM lab_programmes p JOIN lab_enrolments e ON e.programme_id = p.id
    ${labId !== undefined ? sql`WHERE p.lab_id = ${labId}` : sql``} GROUP BY p.lab_id, p.pillar_id`.execute(db);
  return rows;
}

export interface OutcomeCountRow {
  lab_id: number;
  kind: string;
  count: number;
}

export async function outcomeCounts(db: Executor, labId?: number): Promise<OutcomeCountRow[]> {
  const { rows } = await sql<OutcomeCountRow>`
    SELECT lab_id, kind, count(*)::integer AS count FROM lab_outcomes ${labId !== undefined ? sql`WHERE lab_id = ${labId}` : sql``} GROUP BY lab_id, kind`.execute(db);
  return rows;
}

export interface MonthlyPillarRow {
  pillar_id: number;
  month: string;
  enrolled: number;
  attended: number;
  recorded: number;
  completed: number;
}

/** A lab's dashboard per pillar and month: enrolments, attendance recorded and present, completions. */
export async function monthlyPillarFigures(db: Executor, labId: number): Promise<MonthlyPillarRow[]> {
  const { rows } = await sql<MonthlyPillarRow>`
    WITH months AS (
      SELECT p.pillar_id, to_char(e.enrolled_on, 'YYYY-MM') AS month, count(*)::integer AS enrolled, 0 AS attended, 0 AS recorded, 0 AS completed
        FROM lab_enrolments e JOIN lab_programmes p ON p.id = e.programme_id WHERE p.lab_id = ${labId} GROUP BY 1, 2
      UNION ALL
      SELECT p.pillar_id, to_char(s.starts_at, 'YYYY-MM'), 0, count(*) FILTER (WHERE a.present)::integer, count(*)::integer, 0
        FROM lab_attendance a JOIN lab_sessions s ON s.id = a.session_id JOIN lab_programmes p ON p.id = s.programme_id WHERE p.lab_id = ${labId} GROUP BY 1, 2
      UNION ALL
      SELECT p.pillar_id, to_char(o.achieved_on, 'YYYY-MM'), 0, 0, 0, count(*)::integer
        FROM lab_outcomes o JOIN lab_programmes p ON p.id = o.programme_id WHERE o.lab_id = ${labId} AND o.kind = 'training_completed' GROUP BY 1, 2
    )
    SELECT pillar_id, month, sum(enrolled)::integer AS enrolled, sum(attended)::integer AS attended, sum(recorded)::integer AS recorded, sum(completed)::integer AS completed
      FROM months GROUP BY pillar_id, month ORDER BY pillar_id, month`.execute(db);
  return rows;
}

export interface PillarOutcomeRow {
  pillar_id: number | null;
  kind: string;
  count: number;
}

export async function outcomesByPillar(db: Executor, labId: number): Promise<PillarOutcomeRow[]> {
  const { rows } = await sql<PillarOutcomeRow>`
    SELECT p.pillar_id, o.kind, count(*)::integer AS count FROM lab_outcomes o LEFT JOIN lab_programmes p ON p.id = o.programme_id
     WHERE o.lab_id = ${labId} GROUP BY p.pillar_id, o.kind`.execute(db);
  return rows;
}

export interface CountryLabRow {
  country: string;
  count: number;
}

export async function countsByCountry(db: Executor): Promise<CountryLabRow[]> {
  const { rows } = await sql<CountryLabRow>`SELECT country::text AS country, count(*)::integer AS count FROM labs WHERE status <> 'closed' GROUP BY country`.execute(db);
  return rows;
}

export async function countsByCity(db: Executor): Promise<{ slug: string; name: string; country: string; latitude: number; longitude: number; count: number }[]> {
  const { rows } = await sql<{ slug: string; name: string; country: string; latitude: number; longitude: number; count: number }>`
    SELECT c.slug, c.name, c.country::text AS country, c.latitude, c.longitude, count(*)::integer AS count
      FROM labs l JOIN cities c ON c.id = l.city_id WHERE l.status <> 'closed' GROUP BY c.id ORDER BY c.slug`.execute(db);
  return rows;
}

export interface ProgrammeFigures {
  enrolled: number;
  attended: number;
  recorded: number;
  sessions: number;
}

export async function programmeFigures(db: Executor, programmeId: number): Promise<{ figures: ProgrammeFigures; outcomes: { kind: string; count: number }[] }> {
  const [{ rows }, { rows: outcomes }] = await Promise.all([
    sql<ProgrammeFigures>`
      SELECT (SELECT count(*)::integer FROM lab_enrolments WHERE programme_id = ${programmeId}) AS enrolled,
             (SELECT count(*) FILTER (WHERE a.present)::integer FROM lab_attendance a JOIN lab_sessions s ON s.id = a.session_id WHERE s.programme_id = ${programmeId}) AS attended,
             (SELECT count(*)::integer FROM lab_attendance a JOIN lab_sessions s ON s.id = a.session_id WHERE s.programme_id = ${programmeId}) AS recorded,
             (SELECT count(*)::integer FROM lab_sessions WHERE programme_id = ${programmeId}) AS sessions`.execute(db),
    sql<{ kind: string; count: number }>`SELECT kind, count(*)::integer AS count FROM lab_outcomes WHERE programme_id = ${programmeId} GROUP BY kind`.execute(db),
  ]);
  return { figures: rows[0] ?? { enrolled: 0, attended: 0, recorded: 0, sessions: 0 }, outcomes };
}

export async function cityOf(db: Executor, cityId: number): Promise<{ name: string; country: string; latitude: number; longitude: number } | undefined> {
  const { rows } = await sql<{ name: string; country: string; latitude: number; longitude: number }>`SELECT name, country::text AS country, latitude, longitude FROM cities WHERE id = ${cityId}`.execute(db);
  return rows[0];
}

/** The demo's participants joined over the past months, not all today. */
export async function backdateParticipant(db: Executor, participantId: number, enrolledOn: string): Promise<void> {
  await sql`UPDATE lab_participants SET enrolled_on = ${enrolledOn}::date WHERE id = ${participantId}`.execute(db);
  await sql`UPDATE lab_enrolments SET enrolled_on = ${enrolledOn}::date WHERE participant_id = ${participantId}`.execute(db);
}

/** Services for newcomers listed by labs, by the lab's country and city: the map's services layer. */
export async function serviceCountsByCountry(db: Executor): Promise<CountryLabRow[]> {
  const { rows } = await sql<CountryLabRow>`
    SELECT l.country::text AS country, count(*)::integer AS count FROM lab_services s JOIN labs l ON l.id = s.lab_id WHERE l.status <> 'closed' GROUP BY l.country`.execute(db);
  return rows;
}

export async function serviceCountsByCity(db: Executor): Promise<{ slug: string; name: string; country: string; latitude: number; longitude: number; count: number }[]> {
  const { rows } = await sql<{ slug: string; name: string; country: string; latitude: number; longitude: number; count: number }>`
    SELECT c.slug, c.name, c.country::text AS country, c.latitude, c.longitude, count(*)::integer AS count
      FROM lab_services s JOIN labs l ON l.id = s.lab_id JOIN cities c ON c.id = l.city_id WHERE l.status <> 'closed' GROUP BY c.id ORDER BY c.slug`.execute(db);
  return rows;
}
