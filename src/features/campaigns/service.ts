import { sql } from 'kysely';
import { slugsStartingWith } from '../../content/kinds.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { CONTENT_LANGUAGES } from '../../lib/languages.ts';
import { nextFreeSlug, slugify } from '../../lib/text.ts';
import type { CurrentUser } from '../../platform/context.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { isIsoDate } from '../../platform/forms.ts';
import type { Locale } from '../../platform/i18n.ts';
import { translator } from '../../platform/i18n.ts';
import { can } from '../../platform/permissions.ts';
import { consumeLink, issueLink } from '../../platform/single-use-links.ts';
import { isAudience, mythsService } from '../myths/index.ts';
import { taxonomyService, type Term } from '../taxonomies/index.ts';
import { fitsCard } from './card.ts';
import { CAMPAIGN_KIND, campaignPath } from './kind.ts';
import { CAMPAIGN_LIMITS, CAMPAIGN_STATUSES, checkCampaignForm, parseAmount, statusOn, type CampaignFormValues, type CampaignInput, type CampaignStatus } from './model.ts';
import * as queries from './queries.ts';

/**
 * Campaigns: any member starts one and manages it with the members they invite; managers write
 * its messages, indicators, values, milestones and updates; members support it with one click,
 * visitors by confirming their address. Authorisation is checked here, on every write.
 */

const RESERVED_SLUGS: ReadonlySet<string> = new Set(['new']);
export const CAMPAIGN_PAGE_SIZE = 20;
/** Supporter names listed on the page (the count covers everyone). */
const NAMES_SHOWN = 30;
const UPDATES_SHOWN = 20;
const CONFIRM_PURPOSE = 'campaign-support-confirm';
const WITHDRAW_PURPOSE = 'campaign-support-withdraw';
const SUPPORTER_LINK_KIND = 'campaign_supporter';
const CONFIRM_TTL_MS = 2 * 86_400_000;
/** A withdrawal link works as long as a support can matter. */
const WITHDRAW_TTL_MS = 3 * 365 * 86_400_000;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface CampaignDetail {
  row: queries.CampaignRow;
  status: CampaignStatus;
  terms: Term[];
  partners: queries.PartnerRow[];
  messages: queries.MessageRow[];
  indicators: queries.IndicatorRow[];
  milestones: Awaited<ReturnType<typeof queries.milestonesOf>>;
  updates: Awaited<ReturnType<typeof queries.updatesOf>>;
  managers: Awaited<ReturnType<typeof queries.managersOf>>;
  supporterNames: string[];
}

export interface CampaignQuery {
  status?: string;
  country?: string;
  audience?: string;
  topic?: string;
  page?: string;
}

export const today = (): string => new Date().toISOString().slice(0, 10);

export function campaignsService(deps: Pick<AppDeps, 'db' | 'mailer' | 'config'>) {
  const { db, mailer, config } = deps;
  const taxonomy = taxonomyService(deps);
  const myths = mythsService(deps);
  const link = (locale: Locale, path: string) => new URL(`/${locale}${path}`, config.baseUrl).href;

  async function found(slug: string): Promise<queries.CampaignRow> {
    const row = await queries.findBySlug(db, slug);
    if (!row) throw new NotFoundError('No such campaign');
    return row;
  }

  /** The campaign, when the actor manages it (admins may act on any, as moderators of last resort). */
  async function managed(actor: CurrentUser, slug: string): Promise<queries.CampaignRow> {
    const row = await found(slug);
    if (!can(actor, 'site.administer') && !(await queries.isManager(db, row.id, actor.id))) throw new ForbiddenError();
    return row;
  }

  async function checked(form: CampaignFormValues): Promise<{ input: CampaignInput; termIds: number[]; organisationIds: number[]; cityIds: number[] }> {
    const topics = await taxonomy.list('topic');
    const { input, errors } = checkCampaignForm(form, new Set(topics.map((term) => term.code)));
    const [organisations, cities] = input
      ? await Promise.all([queries.organisationsNamed(db, input.organisations), queries.citiesNamed(db, input.cities)])
      : [new Map(), new Map()];
    const unknownOrganisations = input?.organisations.filter((name) => !organisations.has(name)) ?? [];
    const unknownCities = input?.cities.filter((name) => !cities.has(name)) ?? [];
    const partnerErrors: Record<string, string> = {
      ...(unknownOrganisations.length > 0 ? { organisations: 'campaigns.errors.unknownOrganisations' } : {}),
      ...(unknownCities.length > 0 ? { cities: 'campaigns.errors.unknownCities' } : {}),
    };
    if (!input || Object.keys(partnerErrors).length > 0) throw new ValidationError({ ...errors, ...partnerErrors });
    const ids = new Map(topics.map((term) => [term.code, term.id]));
    return {
      input,
      termIds: input.topics.flatMap((code) => ids.get(code) ?? []),
      organisationIds: [...new Set(input.organisations.flatMap((name) => organisations.get(name)?.id ?? []))],
      cityIds: [...new Set(input.cities.flatMap((name) => cities.get(name)?.id ?? []))],
    };
  }

  return {
    async list(query: CampaignQuery, page: number) {
      const status = CAMPAIGN_STATUSES.find((candidate) => candidate === query.status);
      const topic = query.topic ? (await taxonomy.list('topic')).find((term) => term.code === query.topic) : undefined;
      const filters: queries.CampaignFilters = {
        ...(status ? { status } : {}),
        ...(query.country && /^[A-Z]{2}$/.test(query.country) ? { country: query.country } : {}),
        ...(query.audience && isAudience(query.audience) ? { audience: query.audience } : {}),
        ...(topic ? { topicId: topic.id } : {}),
      };
      const on = today();
      const { rows, total } = await queries.listCampaigns(db, filters, on, CAMPAIGN_PAGE_SIZE, (page - 1) * CAMPAIGN_PAGE_SIZE);
      return { rows: rows.map((row) => ({ row, status: statusOn(row, on) })), total, page, pageCount: Math.max(1, Math.ceil(total / CAMPAIGN_PAGE_SIZE)), filters: { status, country: filters.country, audience: filters.audience, topic: topic?.code } };
    },

    async inCity(cityId: number, limit: number) {
      const on = today();
      const { rows } = await queries.listCampaigns(db, { cityId }, on, limit, 0);
      return rows.map((row) => ({ row, status: statusOn(row, on) }));
    },

    async inCountry(country: string, limit: number) {
      const on = today();
      const { rows } = await queries.listCampaigns(db, { country }, on, limit, 0);
      return rows.map((row) => ({ row, status: statusOn(row, on) }));
    },

    async find(slug: string): Promise<CampaignDetail> {
      const row = await found(slug);
      const [terms, partners, messages, indicators, milestones, updates, managers, supporterNames] = await Promise.all([
        taxonomy.byIds(row.term_ids),
        queries.partnersOf(db, row.id),
        queries.messagesOf(db, row.id),
        queries.indicatorsOf(db, row.id),
        queries.milestonesOf(db, row.id),
        queries.updatesOf(db, row.id, UPDATES_SHOWN),
        queries.managersOf(db, row.id),
        queries.shownSupporters(db, row.id, NAMES_SHOWN),
      ]);
      return { row, status: statusOn(row, today()), terms, partners, messages, indicators, milestones, updates, managers, supporterNames };
    },

    async isManager(viewer: CurrentUser | null, campaignId: number): Promise<boolean> {
      if (!viewer) return false;
      return can(viewer, 'site.administer') || queries.isManager(db, campaignId, viewer.id);
    },

    supports: (viewer: CurrentUser | null, campaignId: number) => (viewer ? queries.memberSupports(db, campaignId, viewer.id) : Promise.resolve(false)),

    /** The published myths a manager may rest a message on. */
    mythChoices: () => myths.newest(200),

    async create(actor: CurrentUser, form: CampaignFormValues): Promise<string> {
      const { input, termIds, organisationIds, cityIds } = await checked(form);
      const base = slugify(input.hashtag.slice(1)) || slugify(input.name) || 'campaign';
      for (let attempt = 0; ; attempt += 1) {
        const slug = nextFreeSlug(base, await slugsStartingWith(db, 'campaigns', base), RESERVED_SLUGS);
        try {
          await db.transaction().execute(async (trx) => {
            const id = await queries.insertCampaign(trx, slug, actor.id, input, termIds);
            await queries.replacePartners(trx, id, organisationIds, cityIds);
            // Followers of its topics, countries and of its creator hear of a new campaign.
            await sql`INSERT INTO content_events (kind, subject_id, event, actor_id) VALUES (${CAMPAIGN_KIND}, ${id}, 'published', ${actor.id})`.execute(trx);
          });
          return slug;
        } catch (error) {
          if (!isUniqueViolation(error) || attempt >= 3) throw error;
        }
      }
    },

    async update(actor: CurrentUser, slug: string, version: number, form: CampaignFormValues): Promise<void> {
      const row = await managed(actor, slug);
      const { input, termIds, organisationIds, cityIds } = await checked(form);
      await db.transaction().execute(async (trx) => {
        if (!(await queries.updateCampaign(trx, row.id, version, input, termIds))) throw new ConflictError('The campaign changed since it was read');
        await queries.replacePartners(trx, row.id, organisationIds, cityIds);
      });
    },

    async addMessage(actor: CurrentUser, slug: string, raw: { audience: string; language: string; body: string; myths: readonly string[] }): Promise<void> {
      const row = await managed(actor, slug);
      const errors: Record<string, string> = {};
      if (!isAudience(raw.audience)) errors.audience = 'campaigns.errors.messageAudienceRequired';
      if (!(CONTENT_LANGUAGES as readonly string[]).includes(raw.language)) errors.language = 'campaigns.errors.languageRequired';
      const body = raw.body.trim().replace(/\s+/g, ' ');
      if (!body) errors.body = 'campaigns.errors.messageRequired';
      else if (body.length > CAMPAIGN_LIMITS.message) errors.body = 'campaigns.errors.messageTooLong';
      else if (!fitsCard(body)) errors.body = 'campaigns.errors.messageTooLongForCard';
      const restingOn = await myths.publishedBySlugs(raw.myths);
      if (raw.myths.length === 0) errors.myths = 'campaigns.errors.mythRequired';
      else if (restingOn.length < new Set(raw.myths).size) errors.myths = 'campaigns.errors.mythUnknown';
      if (Object.keys(errors).length > 0) throw new ValidationError(errors);
      await queries.insertMessage(db, row.id, { audience: raw.audience, language: raw.language, body }, restingOn.map((myth) => myth.id));
    },

    async removeMessage(actor: CurrentUser, slug: string, messageId: number): Promise<void> {
      const row = await managed(actor, slug);
      if (!(await queries.deleteMessage(db, row.id, messageId))) throw new NotFoundError('No such message');
    },

    message: async (slug: string, messageId: number) => {
      const row = await found(slug);
      const message = await queries.messageById(db, row.id, messageId);
      if (!message) throw new NotFoundError('No such message');
      return { row, message };
    },

    async addIndicator(actor: CurrentUser, slug: string, raw: { name: string; unit: string; baseline: string; target: string }): Promise<void> {
      const row = await managed(actor, slug);
      const errors: Record<string, string> = {};
      const name = raw.name.trim();
      if (!name) errors.name = 'campaigns.errors.indicatorNameRequired';
      else if (name.length > CAMPAIGN_LIMITS.indicatorName) errors.name = 'campaigns.errors.nameTooLong';
      const unit = raw.unit.trim();
      if (unit.length > CAMPAIGN_LIMITS.unit) errors.unit = 'campaigns.errors.unitTooLong';
      const baseline = parseAmount(raw.baseline);
      const target = parseAmount(raw.target);
      if (baseline === undefined) errors.baseline = 'campaigns.errors.numberInvalid';
      if (target === undefined) errors.target = 'campaigns.errors.numberInvalid';
      if (Object.keys(errors).length > 0 || baseline === undefined || target === undefined) throw new ValidationError(errors);
      await queries.insertIndicator(db, row.id, { name, unit, baseline, target });
    },

    async recordValue(actor: CurrentUser, slug: string, raw: { indicator: string; on: string; value: string }): Promise<void> {
      const row = await managed(actor, slug);
      const errors: Record<string, string> = {};
      const value = parseAmount(raw.value);
      if (value === undefined) errors.value = 'campaigns.errors.numberInvalid';
      const on = raw.on.trim();
      if (!isIsoDate(on)) errors.on = 'campaigns.errors.dateInvalid';
      else if (on > today()) errors.on = 'campaigns.errors.dateInFuture';
      const indicatorId = Number(raw.indicator);
      if (!/^\d{1,9}$/.test(raw.indicator)) errors.indicator = 'campaigns.errors.indicatorRequired';
      if (Object.keys(errors).length > 0 || value === undefined) throw new ValidationError(errors);
      if (!(await queries.insertValue(db, row.id, indicatorId, { on, value, by: actor.id }))) throw new ValidationError({ indicator: 'campaigns.errors.indicatorRequired' });
    },

    async addMilestone(actor: CurrentUser, slug: string, raw: { dueOn: string; title: string; done: boolean }): Promise<void> {
      const row = await managed(actor, slug);
      const errors: Record<string, string> = {};
      const title = raw.title.trim();
      if (!title) errors.title = 'campaigns.errors.milestoneRequired';
      else if (title.length > CAMPAIGN_LIMITS.milestone) errors.title = 'campaigns.errors.nameTooLong';
      if (!isIsoDate(raw.dueOn.trim())) errors.dueOn = 'campaigns.errors.dateInvalid';
      if (Object.keys(errors).length > 0) throw new ValidationError(errors);
      await queries.insertMilestone(db, row.id, { dueOn: raw.dueOn.trim(), title, done: raw.done });
    },

    /** An update: kept on the page, and told to the campaign's followers by the notifications' fan-out. */
    async postUpdate(actor: CurrentUser, slug: string, raw: { title: string; body: string }): Promise<void> {
      const row = await managed(actor, slug);
      const title = raw.title.trim();
      const body = raw.body.trim();
      const errors: Record<string, string> = {};
      if (!title) errors.title = 'campaigns.errors.updateTitleRequired';
      else if (title.length > CAMPAIGN_LIMITS.updateTitle) errors.title = 'campaigns.errors.nameTooLong';
      if (body.length > CAMPAIGN_LIMITS.longText) errors.body = 'campaigns.errors.textTooLong';
      if (Object.keys(errors).length > 0) throw new ValidationError(errors);
      await db.transaction().execute(async (trx) => {
        await queries.insertUpdate(trx, row.id, actor.id, { title, body });
        await sql`INSERT INTO content_events (kind, subject_id, event, actor_id) VALUES (${CAMPAIGN_KIND}, ${row.id}, 'updated', ${actor.id})`.execute(trx);
      });
    },

    async inviteManager(actor: CurrentUser, slug: string, rawHandle: string): Promise<void> {
      const row = await managed(actor, slug);
      const handle = rawHandle.trim().replace(/^@/, '');
      const { rows } = await sql<{ id: number }>`SELECT id FROM users WHERE handle = ${handle} AND deleted_at IS NULL`.execute(db);
      const invited = rows[0];
      if (!invited) throw new ValidationError({ handle: 'campaigns.errors.unknownMember' });
      await queries.addManager(db, row.id, invited.id, actor.id);
    },

    async support(actor: CurrentUser, slug: string, showName: boolean): Promise<void> {
      const row = await found(slug);
      await queries.supportAsMember(db, row.id, actor.id, showName);
    },

    async withdraw(actor: CurrentUser, slug: string): Promise<void> {
      const row = await found(slug);
      await queries.withdrawMember(db, row.id, actor.id);
    },

    /**
     * A visitor asks to support: the address gets a confirmation link (the support counts once it
     * is used). The answer is the same whatever the address's state, so the form tells nobody
     * whether an address already supports.
     */
    async supportByEmail(slug: string, raw: { email: string; name: string; showName: boolean }, locale: Locale): Promise<void> {
      const row = await found(slug);
      const email = raw.email.trim();
      const name = raw.name.trim();
      const errors: Record<string, string> = {};
      if (!EMAIL_PATTERN.test(email) || email.length > 254) errors.email = 'campaigns.errors.emailInvalid';
      if (name.length > 100) errors.name = 'campaigns.errors.supporterNameTooLong';
      if (raw.showName && !name) errors.name = 'campaigns.errors.supporterNameRequired';
      if (Object.keys(errors).length > 0) throw new ValidationError(errors);
      const t = translator(locale);
      await db.transaction().execute(async (trx) => {
        const supporter = await queries.visitorSupport(trx, row.id, email, name, raw.showName);
        const subject = { kind: SUPPORTER_LINK_KIND, id: supporter.id };
        const mail = supporter.confirmed
          ? { subject: t('campaigns.mail.already.subject', { name: row.name }), text: t('campaigns.mail.already.body', { name: row.name, withdraw: link(locale, `${campaignPath(row.slug)}/support/withdraw?token=${await issueLink(trx, { purpose: WITHDRAW_PURPOSE, subject, ttlMs: WITHDRAW_TTL_MS, recipient: email })}`) }) }
          : { subject: t('campaigns.mail.confirm.subject', { name: row.name }), text: t('campaigns.mail.confirm.body', { name: row.name, link: link(locale, `${campaignPath(row.slug)}/support/confirm?token=${await issueLink(trx, { purpose: CONFIRM_PURPOSE, subject, ttlMs: CONFIRM_TTL_MS, recipient: email })}`) }) };
        await mailer.sendWithin(trx, { to: email, ...mail });
      });
      mailer.wake();
    },

    /** Uses a confirmation link: the support counts from now; a used or expired link changes nothing. */
    async confirmSupport(slug: string, token: string, locale: Locale): Promise<boolean> {
      const row = await found(slug);
      const t = translator(locale);
      const confirmed = await db.transaction().execute(async (trx) => {
        const supporterId = await consumeLink(trx, CONFIRM_PURPOSE, SUPPORTER_LINK_KIND, token);
        if (supporterId === undefined) return false;
        const supporter = await queries.confirmSupporter(trx, supporterId);
        if (!supporter || supporter.campaign_id !== row.id || !supporter.email) return false;
        const withdraw = await issueLink(trx, { purpose: WITHDRAW_PURPOSE, subject: { kind: SUPPORTER_LINK_KIND, id: supporterId }, ttlMs: WITHDRAW_TTL_MS, recipient: supporter.email });
        await mailer.sendWithin(trx, { to: supporter.email, subject: t('campaigns.mail.thanks.subject', { name: row.name }), text: t('campaigns.mail.thanks.body', { name: row.name, withdraw: link(locale, `${campaignPath(row.slug)}/support/withdraw?token=${withdraw}`) }) });
        return true;
      });
      mailer.wake();
      return confirmed;
    },

    async withdrawByToken(slug: string, token: string): Promise<boolean> {
      const row = await found(slug);
      return db.transaction().execute(async (trx) => {
        const supporterId = await consumeLink(trx, WITHDRAW_PURPOSE, SUPPORTER_LINK_KIND, token);
        if (supporterId === undefined) return false;
        return (await queries.withdrawSupporter(trx, supporterId)) === row.id;
      });
    },

  };
}

export type CampaignsService = ReturnType<typeof campaignsService>;
