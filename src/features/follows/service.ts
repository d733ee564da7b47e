import type { ContentKinds, ContentRef } from '../../content/kinds.ts';
import { refKey } from '../../content/kinds.ts';
import type { Db, Executor } from '../../db/client.ts';
import type { DigestFrequency } from '../../db/schema/accounts.ts';
import { FOLLOW_KINDS, type FollowKind } from '../../db/schema/follows.ts';
import { countryName, isCountryCode } from '../../lib/countries.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { ValidationError } from '../../platform/errors.ts';
import { isLocale, translator, type Locale, type Translate } from '../../platform/i18n.ts';
import { loadPage, type Page } from '../../platform/pagination.ts';
import { termLabel } from '../taxonomies/index.ts';
import * as queries from './queries.ts';
import { unsubscribeHeaders, unsubscribeToken, type UnsubscribePurpose } from './unsubscribe.ts';

/** Events fanned out per transaction: a burst of publications is worked in several short ones. */
const EVENTS_PER_BATCH = 100;

export function isFollowKind(value: string): value is FollowKind {
  return (FOLLOW_KINDS as readonly string[]).includes(value);
}

/** One line of the notifications page or a digest, resolved for display. */
export interface NotificationItem {
  id: string;
  event: string;
  subject: ContentRef;
  about: { kind: string; key: string; label: string } | null;
  createdAt: Date;
  unread: boolean;
}

export interface FollowedTarget {
  kind: FollowKind;
  key: string;
  label: string;
  /** The page of what is followed, without the locale prefix, when it has one. */
  path: string | null;
}

/**
 * Notifications about something that is not a kind of content (a private conversation): the area
 * that owns it says what to call it for the member and where it is.
 */
export interface SubjectResolver {
  readonly kind: string;
  resolve(db: Db, ids: readonly number[], memberId: number, locale: Locale): Promise<Map<number, { title: string; path: string }>>;
}

export function notificationsService(deps: Pick<AppDeps, 'db' | 'mailer' | 'config'> & { kinds: ContentKinds; subjects?: readonly SubjectResolver[] }) {
  const { db, mailer, config, kinds } = deps;
  const resolvers = new Map((deps.subjects ?? []).map((resolver) => [resolver.kind, resolver]));

  function link(locale: Locale, path: string): string {
    return new URL(`/${locale}${path}`, config.baseUrl).toString();
  }

  function unsubscribeLink(userId: number, locale: Locale, purpose: UnsubscribePurpose): string {
    return link(locale, `/unsubscribe/${unsubscribeToken(config.sessionSecret, userId, purpose)}`);
  }

  /** Labels of followed things, in the reader's language: topics, countries, cities, members, items. */
  async function labelsOf(db: Db, targets: readonly { kind: string; key: string }[], locale: Locale): Promise<Map<string, { label: string; path: string | null }>> {
    const labels = new Map<string, { label: string; path: string | null }>();
    const keysOf = (kind: string) => targets.filter((target) => target.kind === kind).map((target) => target.key);
    const topicCodes = keysOf('topic');
    if (topicCodes.length > 0) {
      const terms = await db.selectFrom('taxonomy_terms').select(['code', 'labels']).where('vocabulary', '=', 'topic').where('code', 'in', topicCodes).execute();
      for (const term of terms) labels.set(`topic:${term.code}`, { label: termLabel(term, locale), path: `/practices?topic=${encodeURIComponent(term.code)}` });
    }
    for (const code of keysOf('country')) {
      if (isCountryCode(code)) labels.set(`country:${code}`, { label: countryName(code, locale), path: `/countries/${code.toLowerCase()}` });
    }
    const citySlugs = keysOf('city');
    if (citySlugs.length > 0) {
      const cities = await db.selectFrom('cities').select(['slug', 'name']).where('slug', 'in', citySlugs).execute();
      for (const city of cities) labels.set(`city:${city.slug}`, { label: city.name, path: `/cities/${encodeURIComponent(city.slug)}` });
    }
    const memberIds = keysOf('member').map(Number).filter(Number.isInteger);
    if (memberIds.length > 0) {
      const members = await db.selectFrom('users').select(['id', 'name', 'handle']).where('id', 'in', memberIds).where('deleted_at', 'is', null).execute();
      for (const member of members) labels.set(`member:${member.id}`, { label: member.name ?? member.handle, path: `/members/${encodeURIComponent(member.handle)}` });
    }
    const items = await kinds.resolve(
      db,
      targets.filter((target) => target.kind !== 'topic' && kinds.get(target.kind)).map((target) => ({ kind: target.kind, id: Number(target.key) })),
    );
    for (const item of items.values()) if (item.status === 'published') labels.set(`${item.kind}:${item.id}`, { label: item.title, path: item.path });
    return labels;
  }

  /** The notifications' subjects that still show (published, or the member's own), with what brought them. */
  async function resolve(
    rows: readonly { id: string; event: string; subject_kind: string; subject_id: number; about_kind: string | null; about_key: string | null; created_at?: Date; read_at?: Date | null }[],
    locale: Locale,
    userId: number,
  ): Promise<NotificationItem[]> {
    const subjects = await kinds.resolve(db, rows.filter((row) => !resolvers.has(row.subject_kind)).map((row) => ({ kind: row.subject_kind, id: row.subject_id })));
    for (const [kind, resolver] of resolvers) {
      const ids = rows.filter((row) => row.subject_kind === kind).map((row) => row.subject_id);
      if (ids.length === 0) continue;
      for (const [id, found] of await resolver.resolve(db, ids, userId, locale)) {
        subjects.set(refKey(kind, id), { kind, id, slug: String(id), title: found.title, language: locale, status: 'published', authorId: null, path: found.path });
      }
    }
    const abouts = rows.flatMap((row) => (row.about_kind && row.about_key ? [{ kind: row.about_kind, key: row.about_key }] : []));
    const labels = await labelsOf(db, abouts, locale);
    return rows.flatMap((row) => {
      const subject = subjects.get(refKey(row.subject_kind, row.subject_id));
      if (!subject || (subject.status !== 'published' && subject.authorId !== userId)) return [];
      const aboutKey = row.about_kind && row.about_key ? `${row.about_kind}:${row.about_key}` : null;
      const about = aboutKey ? labels.get(aboutKey) : undefined;
      return [{
        id: row.id,
        event: row.event,
        subject,
        about: row.about_kind && row.about_key && about ? { kind: row.about_kind, key: row.about_key, label: about.label } : null,
        createdAt: row.created_at ?? new Date(),
        unread: row.read_at === null,
      }];
    });
  }

  /** Mail at once about something that concerns the member directly, unless they turned such mail off. */
  async function mailNotice(userId: number, compose: (t: Translate, locale: Locale) => { subject: string; body: string }): Promise<void> {
    const member = await queries.memberForMail(db, userId);
    if (!member?.email || !member.notice_mails) return;
    const locale = isLocale(member.locale) ? member.locale : 'en';
    const t = translator(locale);
    const { subject, body } = compose(t, locale);
    const unsubscribe = unsubscribeLink(userId, locale, 'notices');
    await mailer.send({
      to: member.email,
      subject,
      text: `${body}\n\n${t('follows.mail.noticeFooter', { settings: link(locale, '/account/notifications'), unsubscribe })}`,
      headers: unsubscribeHeaders(unsubscribe),
    });
  }

  /** Fans one event out; mails about replies go after the batch commits. */
  async function fanOut(trx: Executor, event: queries.ContentEventRow, afterCommit: (() => Promise<void>)[]): Promise<void> {
    if (queries.isFollowedKind(event.kind) && (event.event === 'published' || event.event === 'updated')) {
      const targets = event.event === 'published' ? await queries.followTargetsOf(trx, event.kind, event.subject_id) : { kinds: [event.kind], keys: [String(event.subject_id)] };
      await queries.notifyFollowers(trx, { id: event.id, event: event.event, kind: event.kind, subjectId: event.subject_id, actorId: event.actor_id }, targets);
      return;
    }
    if (event.event === 'decision') {
      const [subject] = await (kinds.get(event.kind)?.findByIds(trx, [event.subject_id]) ?? Promise.resolve([]));
      if (subject?.authorId) await queries.notifyMember(trx, { userId: subject.authorId, contentEventId: event.id, event: 'decision', kind: event.kind, subjectId: subject.id });
      return;
    }
    if (event.event === 'comment') {
      const comment = await queries.commentById(trx, event.subject_id);
      if (!comment) return;
      const [subject] = await (kinds.get(comment.kind)?.findByIds(trx, [comment.subject_id]) ?? Promise.resolve([]));
      if (!subject) return;
      const authorId = subject.authorId;
      if (authorId && authorId !== comment.author_id) {
        const added = await queries.notifyMember(trx, { userId: authorId, contentEventId: event.id, event: 'reply', kind: subject.kind, subjectId: subject.id });
        if (added) {
          afterCommit.push(() =>
            mailNotice(authorId, (t, locale) => ({
              subject: t('follows.mail.reply.subject', { title: subject.title }),
              body: t('follows.mail.reply.body', { title: subject.title, link: link(locale, `${subject.path}#comments`) }),
            })),
          );
        }
      }
      // Members who follow a thread (a forum topic) hear of every reply, in their digest too.
      if (queries.isFollowedForReplies(subject.kind)) {
        await queries.notifyFollowers(trx, { id: event.id, event: 'reply', kind: subject.kind, subjectId: subject.id, actorId: comment.author_id }, { kinds: [subject.kind], keys: [String(subject.id)] });
      }
    }
  }

  const service = {
    /**
     * Fans out every event not yet processed: each batch in one transaction with the events
     * locked, so a second worker takes other events and a crash leaves the batch to the next run.
     */
    async processEvents(): Promise<{ events: number }> {
      let total = 0;
      for (;;) {
        const afterCommit: (() => Promise<void>)[] = [];
        const count = await db.transaction().execute(async (trx) => {
          const events = await queries.lockWaitingEvents(trx, EVENTS_PER_BATCH);
          for (const event of events) await fanOut(trx, event, afterCommit);
          await queries.markProcessed(trx, events.map((event) => event.id));
          return events.length;
        });
        for (const task of afterCommit) await task();
        total += count;
        if (count < EVENTS_PER_BATCH) return { events: total };
      }
    },

    /**
     * Sends the digests of one frequency: one mail per member with something pending, grouped by
     * what brought each item, each item once. The items are locked and marked sent in the
     * transaction that queues the mail, so a second run (another process, a restart) finds them
     * sent; a member with nothing pending is not even read.
     */
    async runDigests(frequency: Exclude<DigestFrequency, 'off'>): Promise<{ mails: number }> {
      await service.processEvents();
      let mails = 0;
      for (const userId of await queries.membersWithDigest(db, frequency)) {
        const sent = await db.transaction().execute(async (trx) => {
          const member = await queries.memberForMail(trx, userId);
          const pending = await queries.lockPendingDigest(trx, userId);
          if (!member?.email || member.digest_frequency !== frequency || pending.length === 0) return false;
          const locale = isLocale(member.locale) ? member.locale : 'en';
          const items = await resolve(pending, locale, userId);
          await queries.markDigested(trx, pending.map((row) => row.id));
          if (items.length === 0) return false;
          await mailer.sendWithin(trx, composeDigest(member.email, userId, locale, frequency, items));
          return true;
        });
        if (sent) mails += 1;
      }
      if (mails > 0) mailer.wake();
      return { mails };
    },

    async follow(userId: number, kind: FollowKind, key: string): Promise<void> {
      await queries.follow(db, userId, kind, key);
    },

    async unfollow(userId: number, kind: FollowKind, key: string): Promise<void> {
      await queries.unfollow(db, userId, kind, key);
    },

    isFollowing: (userId: number, kind: FollowKind, key: string) => queries.isFollowing(db, userId, kind, key),

    /** What the member follows, labelled in their language; things that no longer exist are left out. */
    async followed(userId: number, locale: Locale): Promise<FollowedTarget[]> {
      const rows = await queries.followsOf(db, userId);
      const targets = rows.map((row) => ({ kind: row.target_kind, key: row.target_key }));
      const labels = await labelsOf(db, targets, locale);
      return rows.flatMap((row) => {
        const label = labels.get(`${row.target_kind}:${row.target_key}`);
        return label ? [{ kind: row.target_kind, key: row.target_key, label: label.label, path: label.path }] : [];
      });
    },

    async notifications(userId: number, locale: Locale, page: number): Promise<Page<NotificationItem>> {
      return loadPage(page, {
        count: () => queries.countNotifications(db, userId),
        rows: async (window) => resolve(await queries.notificationsPage(db, userId, window), locale, userId),
      });
    },

    markAllRead: (userId: number) => queries.markAllRead(db, userId),

    mailPreferences: (userId: number) => queries.mailPreferences(db, userId),

    async setMailPreferences(userId: number, input: { digest: string; notices: string }): Promise<void> {
      const digest = ['off', 'daily', 'weekly'].find((value) => value === input.digest) as DigestFrequency | undefined;
      if (!digest) throw new ValidationError({ digest: 'follows.errors.digest' });
      await queries.setMailPreferences(db, userId, { digest_frequency: digest, notice_mails: input.notices === 'yes' });
    },

    /** What a one-click unsubscribe stops: the digest, or the notices. */
    async unsubscribe(userId: number, purpose: UnsubscribePurpose): Promise<void> {
      await queries.setMailPreferences(db, userId, purpose === 'digest' ? { digest_frequency: 'off' } : { notice_mails: false });
    },

    mailNotice,

    /** A notification about the member themself, from another area (a message). */
    async notifyMember(userId: number, event: 'message', kind: string, subjectId: number): Promise<void> {
      await queries.notifyMember(db, { userId, contentEventId: null, event, kind, subjectId });
    },

    baseUrl: config.baseUrl,
  };

  function composeDigest(to: string, userId: number, locale: Locale, frequency: Exclude<DigestFrequency, 'off'>, items: readonly NotificationItem[]) {
    const t = translator(locale);
    // Each item once, in the group of what first brought it; groups in the order they first appear.
    const seen = new Set<string>();
    const groups = new Map<string, { heading: string; lines: string[] }>();
    for (const item of items) {
      const itemKey = refKey(item.subject.kind, item.subject.id);
      if (seen.has(itemKey)) continue;
      seen.add(itemKey);
      const groupKey = item.about && item.about.kind !== item.subject.kind ? `${item.about.kind}:${item.about.key}` : 'followed';
      const heading = groupKey === 'followed' || !item.about ? t('follows.digest.followedItems') : t(`follows.digest.about.${item.about.kind}`, { name: item.about.label });
      const group = groups.get(groupKey) ?? { heading, lines: [] };
      group.lines.push(t(`follows.digest.line.${item.event === 'updated' ? 'updated' : 'published'}`, { title: item.subject.title, link: link(locale, item.subject.path) }));
      groups.set(groupKey, group);
    }
    const unsubscribe = unsubscribeLink(userId, locale, 'digest');
    const body = [
      t(`follows.digest.intro.${frequency}`),
      ...[...groups.values()].map((group) => [group.heading, ...group.lines.map((line) => `- ${line}`)].join('\n')),
      t('follows.digest.footer', { settings: link(locale, '/account/notifications'), unsubscribe }),
    ].join('\n\n');
    return { to, subject: t(`follows.digest.subject.${frequency}`, { count: seen.size }), text: body, headers: unsubscribeHeaders(unsubscribe) };
  }

  return service;
}

export type NotificationsService = ReturnType<typeof notificationsService>;
