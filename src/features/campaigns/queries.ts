import { sql } from 'kysely';
import type { Executor } from '../../content/kinds.ts';
import { returnedId } from '../../db/returning.ts';
import type { CampaignInput, CampaignStatus } from './model.ts';

/** Database access for campaigns and what hangs on them. Dates travel as YYYY-MM-DD text. */

export interface CampaignRow {
  id: number;
  slug: string;
  author_id: number | null;
  version: number;
  name: string;
  hashtag: string;
  language: string;
  problem: string;
  objectives: string;
  audiences: string[];
  countries: string[];
  term_ids: number[];
  starts_on: string;
  ends_on: string | null;
  budget: string | null;
  budget_currency: string;
  budget_note: string;
  deliverables: string;
  success_factors: string;
  results: string;
  recommendations: string;
  supporter_count: number;
  updated_at: Date;
}

const COLUMNS = sql`c.id, c.slug, c.author_id, c.version, c.name, c.hashtag, c.language, c.problem, c.objectives, c.audiences, c.countries::text[] AS countries,
  c.term_ids, c.starts_on::text AS starts_on, c.ends_on::text AS ends_on, c.budget::text AS budget, c.budget_currency::text AS budget_currency, c.budget_note,
  c.deliverables, c.success_factors, c.results, c.recommendations, c.updated_at,
  (SELECT count(*)::integer FROM campaign_supporters s WHERE s.campaign_id = c.id AND s.confirmed_at IS NOT NULL AND s.withdrawn_at IS NULL) AS supporter_count`;

export async function findBySlug(db: Executor, slug: string): Promise<CampaignRow | undefined> {
  const { rows } = await sql<CampaignRow>`SELECT ${COLUMNS} FROM campaigns c WHERE c.slug = ${slug}`.execute(db);
  return rows[0];
}

export interface CampaignFilters {
  status?: CampaignStatus;
  country?: string;
  audience?: string;
  topicId?: number;
  /** Campaigns with a partner city, for its page. */
  cityId?: number;
}

function whereOf(filters: CampaignFilters, today: string) {
  const conditions = [sql`true`];
  if (filters.status === 'planned') conditions.push(sql`c.starts_on > ${today}::date`);
  if (filters.status === 'running') conditions.push(sql`c.starts_on <= ${today}::date AND (c.ends_on IS NULL OR c.ends_on >= ${today}::date)`);
  if (filters.status === 'ended') conditions.push(sql`c.ends_on < ${today}::date`);
  if (filters.country) conditions.push(sql`c.countries @> ARRAY[${filters.country}]::char(2)[]`);
  if (filters.audience) conditions.push(sql`c.audiences @> ARRAY[${filters.audience}]::text[]`);
  if (filters.topicId !== undefined) conditions.push(sql`c.term_ids @> ARRAY[${filters.topicId}]::integer[]`);
  if (filters.cityId !== undefined) conditions.push(sql`EXISTS (SELECT 1 FROM campaign_partners p WHERE p.campaign_id = c.id AND p.city_id = ${filters.cityId})`);
  return sql.join(conditions, sql` AND `);
}

export async function listCampaigns(db: Executor, filters: CampaignFilters, today: string, limit: number, offset: number): Promise<{ rows: CampaignRow[]; total: number }> {
  const where = whereOf(filters, today);
  const [{ rows }, count] = await Promise.all([
    sql<CampaignRow>`SELECT ${COLUMNS} FROM campaigns c WHERE ${where} ORDER BY c.starts_on DESC, c.id DESC LIMIT ${limit} OFFSET ${offset}`.execute(db),
    sql<{ total: number }>`SELECT count(*)::integer AS total FROM campaigns c WHERE ${where}`.execute(db),
  ]);
  return { rows, total: count.rows[0]?.total ?? 0 };
}

export async function insertCampaign(db: Executor, slug: string, creatorId: number, input: CampaignInput, termIds: number[]): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO campaigns (slug, author_id, name, hashtag, language, problem, objectives, audiences, countries, term_ids, starts_on, ends_on,
      budget, budget_currency, budget_note, deliverables, success_factors, results, recommendations)
    VALUES (${slug}, ${creatorId}, ${input.name}, ${input.hashtag}, ${input.language}, ${input.problem}, ${input.objectives},
      ${sql.val(input.audiences)}::text[], ${sql.val(input.countries)}::char(2)[], ${sql.val(termIds)}::integer[], ${input.startsOn}::date, ${input.endsOn}::date,
      ${input.budget}, ${input.budgetCurrency}, ${input.budgetNote}, ${input.deliverables}, ${input.successFactors}, ${input.results}, ${input.recommendations})
    RETURNING id`.execute(db);
  const id = returnedId(rows);
  await sql`INSERT INTO campaign_managers (campaign_id, user_id, added_by) VALUES (${id}, ${creatorId}, ${creatorId})`.execute(db);
  return id;
}

export async function updateCampaign(db: Executor, id: number, version: number, input: CampaignInput, termIds: number[]): Promise<boolean> {
  const result = await sql`
    UPDATE campaigns SET version = version + 1, name = ${input.name}, hashtag = ${input.hashtag}, language = ${input.language}, problem = ${input.problem},
      objectives = ${input.objectives}, audiences = ${sql.val(input.audiences)}::text[], countries = ${sql.val(input.countries)}::char(2)[],
      term_ids = ${sql.val(termIds)}::integer[], starts_on = ${input.startsOn}::date, ends_on = ${input.endsOn}::date, budget = ${input.budget},
      budget_currency = ${input.budgetCurrency}, budget_note = ${input.budgetNote}, deliverables = ${input.deliverables},
      success_factors = ${input.successFactors}, results = ${input.results}, recommendations = ${input.recommendations}, updated_at = now()
    WHERE id = ${id} AND version = ${version}`.execute(db);
  return Number(result.numAffectedRows ?? 0) === 1;
}

export async function replacePartners(db: Executor, campaignId: number, organisationIds: readonly number[], cityIds: readonly number[]): Promise<void> {
  await sql`DELETE FROM campaign_partners WHERE campaign_id = ${campaignId}`.execute(db);
  await sql`
    INSERT INTO campaign_partners (campaign_id, organisation_id, city_id)
    SELECT ${campaignId}::integer, o, NULL::integer FROM unnest(${sql.val([...organisationIds])}::integer[]) AS o
    UNION ALL SELECT ${campaignId}::integer, NULL::integer, c FROM unnest(${sql.val([...cityIds])}::integer[]) AS c`.execute(db);
}

/** Organisations and cities by slug or by exact name (any case), for the partners a member lists. */
export async function organisationsNamed(db: Executor, names: readonly string[]): Promise<Map<string, { id: number; slug: string; name: string }>> {
  const { rows } = await sql<{ id: number; slug: string; name: string; asked: string }>`
    SELECT o.id, o.slug, o.name, asked FROM unnest(${sql.val([...names])}::text[]) AS asked
    JOIN organisations o ON o.slug = asked OR lower(o.name) = lower(asked)`.execute(db);
  return new Map(rows.map((row) => [row.asked, row]));
}

export async function citiesNamed(db: Executor, names: readonly string[]): Promise<Map<string, { id: number; slug: string; name: string }>> {
  const { rows } = await sql<{ id: number; slug: string; name: string; asked: string }>`
    SELECT DISTINCT ON (asked) c.id, c.slug, c.name, asked FROM unnest(${sql.val([...names])}::text[]) AS asked
    JOIN cities c ON c.slug = asked OR lower(c.name) = lower(asked) ORDER BY asked, c.id`.execute(db);
  return new Map(rows.map((row) => [row.asked, row]));
}

export interface PartnerRow {
  kind: 'organisation' | 'city';
  slug: string;
  name: string;
  country: string | null;
}

export async function partnersOf(db: Executor, campaignId: number): Promise<PartnerRow[]> {
  const { rows } = await sql<PartnerRow>`
    SELECT CASE WHEN p.organisation_id IS NOT NULL THEN 'organisation' ELSE 'city' END AS kind,
      coalesce(o.slug, c.slug) AS slug, coalesce(o.name, c.name) AS name, c.country
    FROM campaign_partners p LEFT JOIN organisations o ON o.id = p.organisation_id LEFT JOIN cities c ON c.id = p.city_id
    WHERE p.campaign_id = ${campaignId} ORDER BY kind DESC, p.id`.execute(db);
  return rows;
}

export async function isManager(db: Executor, campaignId: number, userId: number): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM campaign_managers WHERE campaign_id = ${campaignId} AND user_id = ${userId}`.execute(db);
  return rows.length > 0;
}

export async function managersOf(db: Executor, campaignId: number): Promise<{ id: number; name: string; handle: string }[]> {
  const { rows } = await sql<{ id: number; name: string; handle: string }>`
    SELECT u.id, u.name, u.handle FROM campaign_managers m JOIN users u ON u.id = m.user_id
    WHERE m.campaign_id = ${campaignId} AND u.deleted_at IS NULL ORDER BY m.added_at, u.id`.execute(db);
  return rows;
}

export async function addManager(db: Executor, campaignId: number, userId: number, addedBy: number): Promise<void> {
  await sql`INSERT INTO campaign_managers (campaign_id, user_id, added_by) VALUES (${campaignId}, ${userId}, ${addedBy}) ON CONFLICT DO NOTHING`.execute(db);
}

export interface MessageRow {
  id: number;
  audience: string;
  language: string;
  body: string;
  myths: { slug: string; title: string; language: string }[];
}

export async function messagesOf(db: Executor, campaignId: number): Promise<MessageRow[]> {
  const { rows } = await sql<MessageRow>`
    SELECT m.id, m.audience, m.language, m.body,
      coalesce((SELECT jsonb_agg(jsonb_build_object('slug', y.slug, 'title', y.title, 'language', y.language) ORDER BY y.id)
                FROM campaign_message_myths mm JOIN myths y ON y.id = mm.myth_id WHERE mm.message_id = m.id AND y.status = 'published'), '[]'::jsonb) AS myths
    FROM campaign_messages m WHERE m.campaign_id = ${campaignId} ORDER BY m.audience, m.language, m.id`.execute(db);
  return rows;
}

export async function messageById(db: Executor, campaignId: number, messageId: number): Promise<MessageRow | undefined> {
  return (await messagesOf(db, campaignId)).find((message) => message.id === messageId);
}

export async function insertMessage(db: Executor, campaignId: number, message: { audience: string; language: string; body: string }, mythIds: readonly number[]): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO campaign_messages (campaign_id, audience, language, body) VALUES (${campaignId}, ${message.audience}, ${message.language}, ${message.body}) RETURNING id`.execute(db);
  const id = returnedId(rows);
  await sql`INSERT INTO campaign_message_myths (message_id, myth_id) SELECT ${id}::integer, unnest(${sql.val([...mythIds])}::integer[])`.execute(db);
  return id;
}

export async function deleteMessage(db: Executor, campaignId: number, messageId: number): Promise<boolean> {
  const result = await sql`DELETE FROM campaign_messages WHERE id = ${messageId} AND campaign_id = ${campaignId}`.execute(db);
  return Number(result.numAffectedRows ?? 0) === 1;
}

export interface IndicatorRow {
  id: number;
  name: string;
  unit: string;
  baseline: string;
  target: string;
  values: { on: string; value: string }[];
}

export async function indicatorsOf(db: Executor, campaignId: number): Promise<IndicatorRow[]> {
  const { rows } = await sql<IndicatorRow>`
    SELECT i.id, i.name, i.unit, i.baseline::text AS baseline, i.target::text AS target,
      coalesce((SELECT jsonb_agg(jsonb_build_object('on', v.recorded_on::text, 'value', v.value::text) ORDER BY v.recorded_on, v.id)
                FROM campaign_indicator_values v WHERE v.indicator_id = i.id), '[]'::jsonb) AS values
    FROM campaign_indicators i WHERE i.campaign_id = ${campaignId} ORDER BY i.id`.execute(db);
  return rows;
}

export async function insertIndicator(db: Executor, campaignId: number, indicator: { name: string; unit: string; baseline: number; target: number }): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO campaign_indicators (campaign_id, name, unit, baseline, target)
    VALUES (${campaignId}, ${indicator.name}, ${indicator.unit}, ${indicator.baseline}, ${indicator.target}) RETURNING id`.execute(db);
  return returnedId(rows);
}

/** Records a value of one of this campaign's indicators; false when the indicator is not the campaign's. */
export async function insertValue(db: Executor, campaignId: number, indicatorId: number, value: { on: string; value: number; by: number }): Promise<boolean> {
  const result = await sql`
    INSERT INTO campaign_indicator_values (indicator_id, recorded_on, value, recorded_by)
    SELECT i.id, ${value.on}::date, ${value.value}::numeric, ${value.by}::integer FROM campaign_indicators i WHERE i.id = ${indicatorId} AND i.campaign_id = ${campaignId}`.execute(db);
  return Number(result.numAffectedRows ?? 0) === 1;
}

export async function milestonesOf(db: Executor, campaignId: number): Promise<{ id: number; due_on: string; title: string; done: boolean }[]> {
  const { rows } = await sql<{ id: number; due_on: string; title: string; done: boolean }>`
    SELECT id, due_on::text AS due_on, title, done FROM campaign_milestones WHERE campaign_id = ${campaignId} ORDER BY due_on, id`.execute(db);
  return rows;
}

export async function insertMilestone(db: Executor, campaignId: number, milestone: { dueOn: string; title: string; done: boolean }): Promise<void> {
  await sql`INSERT INTO campaign_milestones (campaign_id, due_on, title, done) VALUES (${campaignId}, ${milestone.dueOn}::date, ${milestone.title}, ${milestone.done})`.execute(db);
}

export async function updatesOf(db: Executor, campaignId: number, limit: number): Promise<{ id: number; title: string; body: string; published_at: Date; author_name: string | null }[]> {
  const { rows } = await sql<{ id: number; title: string; body: string; published_at: Date; author_name: string | null }>`
    SELECT up.id, up.title, up.body, up.published_at, u.name AS author_name FROM campaign_updates up LEFT JOIN users u ON u.id = up.author_id
    WHERE up.campaign_id = ${campaignId} ORDER BY up.published_at DESC, up.id DESC LIMIT ${limit}`.execute(db);
  return rows;
}

export async function insertUpdate(db: Executor, campaignId: number, authorId: number, update: { title: string; body: string }): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO campaign_updates (campaign_id, author_id, title, body) VALUES (${campaignId}, ${authorId}, ${update.title}, ${update.body}) RETURNING id`.execute(db);
  return returnedId(rows);
}

/** Names of counted supporters who agreed to be shown, newest first. */
export async function shownSupporters(db: Executor, campaignId: number, limit: number): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT coalesce(nullif(s.name, ''), u.name) AS name FROM campaign_supporters s LEFT JOIN users u ON u.id = s.user_id
    WHERE s.campaign_id = ${campaignId} AND s.confirmed_at IS NOT NULL AND s.withdrawn_at IS NULL AND s.show_name
    ORDER BY s.confirmed_at DESC, s.id DESC LIMIT ${limit}`.execute(db);
  return rows.map((row) => row.name).filter(Boolean);
}

export async function memberSupports(db: Executor, campaignId: number, userId: number): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM campaign_supporters WHERE campaign_id = ${campaignId} AND user_id = ${userId} AND withdrawn_at IS NULL`.execute(db);
  return rows.length > 0;
}

/** A member's support, counted at once; supporting twice changes nothing. */
export async function supportAsMember(db: Executor, campaignId: number, userId: number, showName: boolean): Promise<void> {
  await sql`
    INSERT INTO campaign_supporters (campaign_id, user_id, show_name, confirmed_at) VALUES (${campaignId}, ${userId}, ${showName}, now())
    ON CONFLICT (campaign_id, user_id) WHERE user_id IS NOT NULL AND withdrawn_at IS NULL DO NOTHING`.execute(db);
}

export async function withdrawMember(db: Executor, campaignId: number, userId: number): Promise<void> {
  await sql`UPDATE campaign_supporters SET withdrawn_at = now() WHERE campaign_id = ${campaignId} AND user_id = ${userId} AND withdrawn_at IS NULL`.execute(db);
}

/**
 * A visitor's support by address: the live row for that address (pending or confirmed), made
 * when there is none. Two requests at once find or make the same row.
 */
export async function visitorSupport(db: Executor, campaignId: number, email: string, name: string, showName: boolean): Promise<{ id: number; confirmed: boolean }> {
  const { rows } = await sql<{ id: number; confirmed: boolean }>`
    WITH made AS (
      INSERT INTO campaign_supporters (campaign_id, email, name, show_name) VALUES (${campaignId}, ${email}, ${name}, ${showName})
      ON CONFLICT (campaign_id, lower(email)) WHERE email IS NOT NULL AND withdrawn_at IS NULL DO NOTHING
      RETURNING id, false AS confirmed)
    SELECT id, confirmed FROM made
    UNION ALL SELECT id, confirmed_at IS NOT NULL FROM campaign_supporters
      WHERE campaign_id = ${campaignId} AND lower(email) = lower(${email}) AND withdrawn_at IS NULL
    LIMIT 1`.execute(db);
  const found = rows[0];
  if (!found) throw new Error('A visitor support row was neither made nor found');
  return found;
}

export async function confirmSupporter(db: Executor, supporterId: number): Promise<{ campaign_id: number; email: string | null } | undefined> {
  const { rows } = await sql<{ campaign_id: number; email: string | null }>`
    UPDATE campaign_supporters SET confirmed_at = coalesce(confirmed_at, now()) WHERE id = ${supporterId} AND withdrawn_at IS NULL RETURNING campaign_id, email`.execute(db);
  return rows[0];
}

export async function withdrawSupporter(db: Executor, supporterId: number): Promise<number | undefined> {
  const { rows } = await sql<{ campaign_id: number }>`
    UPDATE campaign_supporters SET withdrawn_at = now() WHERE id = ${supporterId} AND withdrawn_at IS NULL RETURNING campaign_id`.execute(db);
  return rows[0]?.campaign_id;
}

/** The campaigns whose messages rest on a myth, for the myth's page. */
export async function campaignsUsingMyth(db: Executor, mythId: number): Promise<{ slug: string; name: string; hashtag: string; language: string }[]> {
  const { rows } = await sql<{ slug: string; name: string; hashtag: string; language: string }>`
    SELECT DISTINCT c.slug, c.name, c.hashtag, c.language, c.starts_on FROM campaigns c
    JOIN campaign_messages m ON m.campaign_id = c.id JOIN campaign_message_myths mm ON mm.message_id = m.id
    WHERE mm.myth_id = ${mythId} ORDER BY c.starts_on DESC LIMIT 20`.execute(db);
  return rows.map(({ slug, name, hashtag, language }) => ({ slug, name, hashtag, language }));
}

/** Campaigns per country they run in, and per partner city: the worldwide map's layer. */
export async function countsByCountry(db: Executor): Promise<{ country: string; count: number }[]> {
  const { rows } = await sql<{ country: string; count: number }>`
    SELECT country::text AS country, count(*)::integer AS count FROM campaigns, unnest(countries) AS country GROUP BY country ORDER BY country`.execute(db);
  return rows;
}

export async function countsByCity(db: Executor): Promise<{ slug: string; name: string; country: string; latitude: number; longitude: number; count: number }[]> {
  const { rows } = await sql<{ slug: string; name: string; country: string; latitude: number; longitude: number; count: number }>`
    SELECT c.slug, c.name, c.country::text AS country, c.latitude, c.longitude, count(DISTINCT p.campaign_id)::integer AS count
    FROM campaign_partners p JOIN cities c ON c.id = p.city_id GROUP BY c.id ORDER BY c.slug`.execute(db);
  return rows;
}
