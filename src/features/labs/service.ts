import { DateTime } from 'luxon';
import { slugsStartingWith } from '../../content/kinds.ts';
import { nextFreeSlug, slugify } from '../../lib/text.ts';
import type { CurrentUser } from '../../platform/context.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { can } from '../../platform/permissions.ts';
import { taxonomyService, type Term } from '../taxonomies/index.ts';
import {
  checkLabForm,
  checkProgrammeForm,
  checkServiceForm,
  checkSessionForm,
  checkTeamForm,
  checkTrainingForm,
  type LabFormValues,
  type TeamRole,
} from './model.ts';
import * as queries from './queries.ts';

/**
 * Labs: who runs them, what they offer (programmes on the pillars, sessions, services) and how
 * their facilitators were trained. Platform lab coordinators and admins open labs; a lab's own
 * coordinators run it, and admins may step in for everything but its participants (see
 * participants.ts, which alone reads and writes people).
 */

const RESERVED_SLUGS: ReadonlySet<string> = new Set(['new']);
export const LAB_PAGE_SIZE = 20;

export const today = (): string => new Date().toISOString().slice(0, 10);

/** Who the actor is to a lab: its coordinator or facilitator, an admin of the platform, or nobody. */
export interface LabAccess {
  lab: queries.LabRow;
  role: TeamRole | undefined;
  admin: boolean;
}

export const mayRun = (access: LabAccess): boolean => access.role === 'coordinator' || access.admin;

export interface LabDetail {
  lab: queries.LabRow;
  pillars: Term[];
  team: queries.TeamMemberRow[];
  programmes: queries.ProgrammeRow[];
  upcoming: queries.SessionRow[];
  services: queries.ServiceRow[];
}

export function labsService(deps: Pick<AppDeps, 'db'>) {
  const { db } = deps;
  const taxonomy = taxonomyService(deps);

  async function found(slug: string): Promise<queries.LabRow> {
    const lab = await queries.findLab(db, slug);
    if (!lab) throw new NotFoundError('No such lab');
    return lab;
  }

  async function accessTo(actor: CurrentUser | null, slug: string): Promise<LabAccess> {
    const lab = await found(slug);
    return { lab, role: actor ? await queries.roleIn(db, lab.id, actor.id) : undefined, admin: can(actor, 'site.administer') };
  }

  /** The lab, when the actor may run it (its coordinators, and admins). */
  async function run(actor: CurrentUser, slug: string): Promise<LabAccess> {
    const access = await accessTo(actor, slug);
    if (!mayRun(access)) throw new ForbiddenError();
    return access;
  }

  async function pillars(): Promise<Term[]> {
    return taxonomy.list('pillar');
  }

  async function resolved(form: LabFormValues) {
    const terms = await pillars();
    const input = checkLabForm(form, new Set(terms.map((term) => term.code)));
    const [cityId, organisationId] = await Promise.all([
      input.city ? queries.cityNamed(db, input.country, input.city) : undefined,
      input.organisation ? queries.organisationNamed(db, input.organisation) : undefined,
    ]);
    const errors: Record<string, string> = {};
    if (input.city && cityId === undefined) errors.city = 'labs.errors.unknownCity';
    if (input.organisation && organisationId === undefined) errors.organisation = 'labs.errors.unknownOrganisation';
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    const ids = new Map(terms.map((term) => [term.code, term.id]));
    return { input, pillarIds: input.pillarCodes.flatMap((code) => ids.get(code) ?? []), cityId: cityId ?? null, organisationId: organisationId ?? null };
  }

  async function facilitatorIds(labId: number): Promise<Set<number>> {
    return new Set((await queries.teamOf(db, labId)).map((member) => member.user_id));
  }

  return {
    accessTo,
    run,
    pillars,

    mayOpenLabs: (actor: CurrentUser | null): boolean => actor !== null && (actor.role === 'lab_coordinator' || can(actor, 'site.administer')),

    async list(filters: { country?: string; cityId?: number }, page: number) {
      const { rows, total } = await queries.listLabs(db, filters, LAB_PAGE_SIZE, (page - 1) * LAB_PAGE_SIZE);
      return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / LAB_PAGE_SIZE)) };
    },

    async detail(slug: string): Promise<LabDetail> {
      const lab = await found(slug);
      const [terms, team, programmes, upcoming, services] = await Promise.all([
        pillars(),
        queries.teamOf(db, lab.id),
        queries.programmesOf(db, lab.id),
        queries.sessionsOf(db, lab.id, { from: new Date() }),
        queries.servicesOf(db, [lab.id]),
      ]);
      return { lab, pillars: terms.filter((term) => lab.pillar_ids.includes(term.id)), team, programmes, upcoming, services };
    },

    /** Every lab, for the network's indicators: a network counts its labs in tens, not thousands. */
    all(): Promise<queries.LabRow[]> {
      return queries.allLabs(db, 1000);
    },

    async servicesInCity(cityId: number) {
      const { rows } = await queries.listLabs(db, { cityId }, 50, 0);
      return { labs: rows, services: await queries.servicesOf(db, rows.map((lab) => lab.id)) };
    },

    async create(actor: CurrentUser, form: LabFormValues): Promise<string> {
      if (!this.mayOpenLabs(actor)) throw new ForbiddenError();
      const values = await resolved(form);
      return db.transaction().execute(async (trx) => {
        const base = slugify(values.input.name, 80) || 'lab';
        const slug = nextFreeSlug(base, await slugsStartingWith(trx, 'labs', base), RESERVED_SLUGS);
        const id = await queries.insertLab(trx, slug, values);
        await queries.putTeamMember(trx, id, actor.id, 'coordinator');
        return slug;
      });
    },

    async update(actor: CurrentUser, slug: string, form: LabFormValues, version: number): Promise<void> {
      const { lab } = await run(actor, slug);
      const values = await resolved(form);
      if (!(await queries.updateLab(db, lab.id, version, values))) throw new ConflictError('The lab changed since it was opened');
    },

    async addToTeam(actor: CurrentUser, slug: string, values: Record<string, string>): Promise<void> {
      const { lab } = await run(actor, slug);
      const input = checkTeamForm(values);
      const userId = await queries.userByHandle(db, input.handle);
      if (userId === undefined) throw new ValidationError({ handle: 'labs.errors.unknownMember' });
      await db.transaction().execute(async (trx) => {
        await queries.putTeamMember(trx, lab.id, userId, input.role);
        // A lab always keeps a coordinator: someone must be able to answer a participant's request.
        if ((await queries.coordinatorCount(trx, lab.id)) === 0) throw new ValidationError({ role: 'labs.errors.lastCoordinator' });
      });
    },

    async removeFromTeam(actor: CurrentUser, slug: string, userId: number): Promise<void> {
      const { lab } = await run(actor, slug);
      if (!(await facilitatorIds(lab.id)).has(userId)) throw new ValidationError({ team: 'labs.errors.notInTeam' });
      await db.transaction().execute(async (trx) => {
        await queries.removeTeamMember(trx, lab.id, userId);
        if ((await queries.coordinatorCount(trx, lab.id)) === 0) throw new ValidationError({ team: 'labs.errors.lastCoordinator' });
      });
    },

    async addProgramme(actor: CurrentUser, slug: string, values: Record<string, string>): Promise<number> {
      const { lab } = await run(actor, slug);
      const terms = (await pillars()).filter((term) => lab.pillar_ids.includes(term.id));
      const input = checkProgrammeForm(values, new Set(terms.map((term) => term.code)));
      const pillar = terms.find((term) => term.code === input.pillarCode);
      if (!pillar) throw new ValidationError({ pillar: 'labs.errors.programmePillar' });
      return queries.insertProgramme(db, lab.id, pillar.id, input);
    },

    async programme(lab: queries.LabRow, programmeId: number): Promise<queries.ProgrammeRow> {
      const programme = (await queries.programmesOf(db, lab.id)).find((candidate) => candidate.id === programmeId);
      if (!programme) throw new NotFoundError('No such programme');
      return programme;
    },

    /** A session, given in the lab's own time; it must fall within its programme's dates. */
    async addSession(actor: CurrentUser, slug: string, programmeId: number, values: Record<string, string>): Promise<number> {
      const { lab } = await run(actor, slug);
      const programme = await this.programme(lab, programmeId);
      const input = checkSessionForm(values, programme.modules, await facilitatorIds(lab.id));
      if (input.date < programme.starts_on || input.date > programme.ends_on) throw new ValidationError({ date: 'labs.errors.sessionOutsideProgramme' });
      const startsAt = DateTime.fromISO(`${input.date}T${input.time}`, { zone: lab.time_zone });
      if (!startsAt.isValid) throw new ValidationError({ time: 'labs.errors.timeInvalid' });
      return queries.insertSession(db, programme.id, { ...input, startsAt: startsAt.toJSDate() });
    },

    async addTraining(actor: CurrentUser, slug: string, values: Record<string, string>): Promise<void> {
      const { lab } = await run(actor, slug);
      const input = checkTrainingForm(values, await facilitatorIds(lab.id), today());
      await queries.insertTraining(db, lab.id, input.userId, input.module, input.completedOn);
    },

    async addService(actor: CurrentUser, slug: string, values: Record<string, string>, languages: string[]): Promise<void> {
      const { lab } = await run(actor, slug);
      await queries.insertService(db, lab.id, checkServiceForm(values, languages));
    },

    async removeService(actor: CurrentUser, slug: string, serviceId: number): Promise<void> {
      const { lab } = await run(actor, slug);
      if (!(await queries.deleteService(db, lab.id, serviceId))) throw new NotFoundError('No such service');
    },

    async workspace(actor: CurrentUser, slug: string) {
      const access = await run(actor, slug);
      const [detail, trainings, sessions] = await Promise.all([this.detail(slug), queries.trainingsOf(db, access.lab.id), queries.sessionsOf(db, access.lab.id)]);
      return { access, detail, trainings, sessions, allPillars: await pillars() };
    },

    /** The sessions a member of the team gives (coordinators see all of the lab's). */
    async sessionsFor(actor: CurrentUser, slug: string) {
      const access = await accessTo(actor, slug);
      if (!access.role) throw new ForbiddenError();
      const sessions = await queries.sessionsOf(db, access.lab.id, access.role === 'coordinator' ? {} : { facilitatorId: actor.id });
      return { access, sessions };
    },
  };
}

export type LabsService = ReturnType<typeof labsService>;
