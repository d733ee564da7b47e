import type { ContentKinds, ContentRef } from '../../content/kinds.ts';
import { isCountryCode } from '../../lib/countries.ts';
import { isStakeholderType } from '../../lib/stakeholders.ts';
import { isEmailAddress, nextFreeSlug, normaliseEmail, slugify } from '../../lib/text.ts';
import type { CurrentUser } from '../../platform/context.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { isLocale, translator } from '../../platform/i18n.ts';
import { loadPage, type Page } from '../../platform/pagination.ts';
import { can } from '../../platform/permissions.ts';
import { consumeLink, issueLink, liveLinkSubject } from '../../platform/single-use-links.ts';
import { kindAttachments, type PreparedAttachment } from '../../platform/uploads/index.ts';
import { safeHttpUrl } from '../../ui/format.ts';
import * as queries from './queries.ts';

export const ORGANISATION_KIND = 'organisation';
const INVITE_PURPOSE = 'organisation_invite';
const INVITE_TTL_MS = 14 * 24 * 60 * 60 * 1000;
const RESERVED_SLUGS: ReadonlySet<string> = new Set(['new']);
export const ORGANISATION_LIMITS = { name: 200, description: 5_000, website: 500, countries: 60 } as const;

export interface OrganisationForm {
  name: string;
  description: string;
  stakeholderType: string;
  countries: readonly string[];
  website: string;
}

export type MemberAction = 'accept' | 'decline' | 'promote' | 'remove';

function columnsOf(form: OrganisationForm): queries.OrganisationColumns {
  const errors: Record<string, string> = {};
  const name = form.name.trim();
  if (!name) errors.name = 'organisations.errors.nameRequired';
  else if (name.length > ORGANISATION_LIMITS.name) errors.name = 'organisations.errors.nameTooLong';
  if (form.description.length > ORGANISATION_LIMITS.description) errors.description = 'organisations.errors.descriptionTooLong';
  const stakeholder = form.stakeholderType.trim();
  if (stakeholder && !isStakeholderType(stakeholder)) errors.stakeholderType = 'organisations.errors.stakeholderType';
  if (!form.countries.every(isCountryCode) || form.countries.length > ORGANISATION_LIMITS.countries) errors.countries = 'organisations.errors.countries';
  const websiteText = form.website.trim();
  const website = websiteText ? safeHttpUrl(websiteText) : null;
  if (website === undefined || websiteText.length > ORGANISATION_LIMITS.website) errors.website = 'organisations.errors.website';
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return { name, description: form.description.trim(), stakeholder_type: stakeholder || null, countries: [...new Set(form.countries)], website: website ?? null };
}

export function organisationsService(deps: Pick<AppDeps, 'db' | 'mailer' | 'config'>, kinds: ContentKinds) {
  const { db, mailer, config } = deps;
  const logos = kindAttachments(db, config.dataDir, ORGANISATION_KIND, { tooManyError: 'organisations.errors.logo' });

  async function found(slug: string) {
    const organisation = await queries.bySlug(db, slug);
    if (!organisation) throw new NotFoundError();
    return organisation;
  }

  async function isManager(member: CurrentUser, organisationId: number): Promise<boolean> {
    const membership = await queries.membershipOf(db, organisationId, member.id);
    return membership?.status === 'active' && membership.role === 'manager';
  }

  async function managed(member: CurrentUser, slug: string) {
    const organisation = await found(slug);
    if (!(await isManager(member, organisation.id)) && !can(member, 'site.administer')) throw new ForbiddenError();
    return organisation;
  }

  return {
    /** A member creates an organisation and becomes its manager. */
    async create(member: CurrentUser, form: OrganisationForm): Promise<string> {
      const columns = columnsOf(form);
      return db.transaction().execute(async (trx) => {
        const base = slugify(columns.name) || 'organisation';
        const taken = new Set((await trx.selectFrom('organisations').select('slug').where('slug', 'like', `${base}%`).execute()).map((row) => row.slug));
        const slug = nextFreeSlug(base, taken, RESERVED_SLUGS);
        const id = await queries.insert(trx, slug, columns, member.id);
        await queries.addMember(trx, id, member.id, 'manager', 'active');
        return slug;
      });
    },

    async update(member: CurrentUser, slug: string, form: OrganisationForm, logo: { attachments: PreparedAttachment[]; remove: boolean }): Promise<void> {
      const organisation = await managed(member, slug);
      const columns = columnsOf(form);
      const [image] = logo.attachments;
      if (logo.attachments.length > 1 || (image && !/^image\/(png|jpeg)$/.test(image.mediaType))) throw new ValidationError({ logo: 'organisations.errors.logo' });
      const old = await logos.list(db, organisation.id);
      const removedKeys = await logos.withStoredFiles(image ? [image] : [], (stored) =>
        db.transaction().execute(async (trx) => {
          await queries.update(trx, organisation.id, columns);
          if (stored.length > 0 || logo.remove) return logos.replace(trx, organisation.id, stored, old.map((file) => file.id));
          return [];
        }),
      );
      await logos.removeFiles(removedKeys);
    },

    async formOf(member: CurrentUser, slug: string): Promise<{ organisation: { slug: string; name: string }; form: OrganisationForm; hasLogo: boolean }> {
      const organisation = await managed(member, slug);
      const files = await logos.list(db, organisation.id);
      return {
        organisation,
        form: { name: organisation.name, description: organisation.description, stakeholderType: organisation.stakeholder_type ?? '', countries: organisation.countries, website: organisation.website ?? '' },
        hasLogo: files.length > 0,
      };
    },

    /** The public page: the organisation, its active members (names only), what it implemented. */
    async page(slug: string) {
      const organisation = await found(slug);
      const [members, itemRows, files] = await Promise.all([
        queries.membersOf(db, organisation.id, 'active'),
        queries.itemsOf(db, organisation.id),
        logos.list(db, organisation.id),
      ]);
      const resolved = await kinds.resolve(db, itemRows.map((row) => ({ kind: row.kind, id: row.subject_id })));
      const items = [...resolved.values()].filter((item): item is ContentRef => item.status === 'published');
      return { organisation, members: members.map(({ id, handle, name, role }) => ({ id, handle, name: name ?? '', role })), items, logoId: files[0]?.id ?? null };
    },

    /** What the member may do on the page: ask to join, manage, or nothing. */
    async standing(member: CurrentUser | null, organisationId: number): Promise<'none' | 'requested' | 'member' | 'manager'> {
      if (!member) return 'none';
      const membership = await queries.membershipOf(db, organisationId, member.id);
      if (!membership) return 'none';
      if (membership.status === 'requested') return 'requested';
      return membership.role === 'manager' ? 'manager' : 'member';
    },

    async management(member: CurrentUser, slug: string) {
      const organisation = await managed(member, slug);
      const [active, requested] = await Promise.all([queries.membersOf(db, organisation.id, 'active'), queries.membersOf(db, organisation.id, 'requested')]);
      return { organisation, active, requested };
    },

    async requestToJoin(member: CurrentUser, slug: string): Promise<void> {
      const organisation = await found(slug);
      await queries.addMember(db, organisation.id, member.id, 'member', 'requested');
    },

    /** Managers accept or decline requests, make members managers, and remove members. */
    async actOnMember(manager: CurrentUser, slug: string, userId: number, action: MemberAction): Promise<void> {
      const organisation = await managed(manager, slug);
      const membership = await queries.membershipOf(db, organisation.id, userId);
      if (!membership) throw new NotFoundError();
      if (action === 'accept') await queries.setMembership(db, organisation.id, userId, { status: 'active' });
      else if (action === 'promote') {
        if (membership.status !== 'active') throw new ConflictError('Only active members can manage');
        await queries.setMembership(db, organisation.id, userId, { role: 'manager' });
      } else {
        if (userId === manager.id) throw new ValidationError({ member: 'organisations.errors.removeSelf' });
        await queries.removeMember(db, organisation.id, userId);
      }
    },

    /** A member leaves; the last manager must hand over management first. */
    async leave(member: CurrentUser, slug: string): Promise<void> {
      const organisation = await found(slug);
      await db.transaction().execute(async (trx) => {
        const membership = await queries.membershipOf(trx, organisation.id, member.id);
        if (!membership) return;
        if (membership.role === 'manager' && membership.status === 'active' && (await queries.activeManagers(trx, organisation.id)) <= 1) {
          throw new ValidationError({ leave: 'organisations.errors.lastManager' });
        }
        await queries.removeMember(trx, organisation.id, member.id);
      });
    },

    /** Invites a colleague by email with a single-use link; their address is not kept beyond the link. */
    async invite(manager: CurrentUser, slug: string, rawEmail: string): Promise<void> {
      const organisation = await managed(manager, slug);
      const email = normaliseEmail(rawEmail);
      if (!isEmailAddress(email)) throw new ValidationError({ email: 'organisations.errors.email' });
      const token = await issueLink(db, { purpose: INVITE_PURPOSE, subject: { kind: ORGANISATION_KIND, id: organisation.id }, ttlMs: INVITE_TTL_MS, recipient: email });
      const inviter = await db.selectFrom('users').select('locale').where('id', '=', manager.id).executeTakeFirst();
      const locale = isLocale(inviter?.locale) ? inviter.locale : 'en';
      const t = translator(locale);
      const link = new URL(`/${locale}/organisations/${encodeURIComponent(organisation.slug)}/join?token=${encodeURIComponent(token)}`, config.baseUrl).toString();
      await mailer.send({
        to: email,
        subject: t('organisations.mail.invite.subject', { organisation: organisation.name }),
        text: t('organisations.mail.invite.body', { inviter: manager.name, organisation: organisation.name, link }),
      });
    },

    /** Whether an invitation link still works for this organisation. */
    async inviteIsLive(slug: string, token: string): Promise<boolean> {
      const organisation = await found(slug);
      return (await liveLinkSubject(db, INVITE_PURPOSE, ORGANISATION_KIND, token)) === organisation.id;
    },

    /** The invitee, signed in, joins: the link is used up. */
    async acceptInvite(member: CurrentUser, slug: string, token: string): Promise<void> {
      const organisation = await found(slug);
      await db.transaction().execute(async (trx) => {
        const subject = await consumeLink(trx, INVITE_PURPOSE, ORGANISATION_KIND, token);
        if (subject !== organisation.id) throw new ValidationError({ token: 'organisations.errors.inviteUsed' });
        await queries.addMember(trx, organisation.id, member.id, 'member', 'active');
        await queries.setMembership(trx, organisation.id, member.id, { status: 'active' });
      });
    },

    /** Names one of the organisation's items (by its page's slug) as implemented by it. */
    async addItem(member: CurrentUser, slug: string, kindName: string, itemSlug: string): Promise<void> {
      const organisation = await found(slug);
      const kind = kinds.get(kindName);
      const item = kind ? await kind.findBySlug(db, itemSlug.trim()) : undefined;
      if (!item || item.status !== 'published') throw new ValidationError({ item: 'organisations.errors.item' });
      const membership = await queries.membershipOf(db, organisation.id, member.id);
      const manager = membership?.status === 'active' && membership.role === 'manager';
      const authorInside = membership?.status === 'active' && item.authorId === member.id;
      if (!manager && !authorInside) throw new ForbiddenError();
      await queries.addItem(db, organisation.id, item.kind, item.id, member.id);
    },

    logo: (organisationId: number, attachmentId: number) => logos.open(organisationId, attachmentId),
    bySlug: found,

    implementersOf: (kind: string, subjectId: number) => queries.implementersOf(db, kind, subjectId),

    organisationsOf: (userId: number) => queries.organisationsOfMember(db, userId),

    /** The directory's organisations: by name or description without accents, stakeholder type and country. */
    async search(filter: queries.OrganisationFilter, page: number): Promise<Page<Awaited<ReturnType<typeof queries.organisationsPage>>[number]>> {
      return loadPage(page, { count: () => queries.countOrganisations(db, filter), rows: (window) => queries.organisationsPage(db, filter, window) });
    },
  };
}

export type OrganisationsService = ReturnType<typeof organisationsService>;
