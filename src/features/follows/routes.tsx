import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isCountryCode } from '../../lib/countries.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { FieldErrors } from '../../platform/forms.ts';
import { requireUser, safeNextPath, signedInUser } from '../../platform/guards.ts';
import { parsePage } from '../../platform/pagination.ts';
import { POSTING_LIMIT } from '../../platform/rate-limit.ts';
import { taxonomyService } from '../taxonomies/index.ts';
import { isFollowKind, type NotificationsService } from './service.ts';
import { readUnsubscribeToken } from './unsubscribe.ts';
import { FollowsPage, MailSettingsPage, NotificationsPage, UnsubscribePage } from './views/pages.tsx';
import type { FollowKind } from '../../db/schema/follows.ts';

const text = { type: 'string', maxLength: 2_000 } as const;
const followBody = {
  type: 'object',
  properties: { kind: text, key: text, topicKey: text, countryKey: text, cityKey: text, action: text, back: text },
} as const;
const settingsBody = { type: 'object', properties: { digest: text, notices: text } } as const;
const pageQuery = { type: 'object', properties: { page: { type: 'string', maxLength: 12 }, done: { type: 'string', maxLength: 10 } } } as const;
const tokenParams = { type: 'object', properties: { token: { type: 'string', minLength: 1, maxLength: 200 } }, required: ['token'] } as const;

/** Follows, notifications, mail settings, and the unsubscribe links of mails. */
export function followRoutes(service: NotificationsService) {
  return async function followRoutesPlugin(app: FastifyInstance) {
    const { db } = app.deps;
    const taxonomy = taxonomyService(app.deps);

    /** Whether what the form names exists and may be followed; the field to blame otherwise. */
    async function followable(kind: FollowKind, key: string): Promise<boolean> {
      switch (kind) {
        case 'topic':
          return (await taxonomy.list('topic')).some((term) => term.code === key);
        case 'country':
          return isCountryCode(key);
        case 'city':
          return (await db.selectFrom('cities').select('id').where('slug', '=', key).executeTakeFirst()) !== undefined;
        case 'member':
          return /^[1-9][0-9]{0,9}$/.test(key) && (await db.selectFrom('users').select('id').where('id', '=', Number(key)).where('deleted_at', 'is', null).executeTakeFirst()) !== undefined;
        default: {
          const kindOfContent = app.contentKinds.get(kind);
          if (!kindOfContent || !/^[1-9][0-9]{0,9}$/.test(key)) return false;
          const [item] = await kindOfContent.findByIds(db, [Number(key)]);
          return item?.status === 'published';
        }
      }
    }

    async function renderFollows(request: FastifyRequest, reply: FastifyReply, errors: FieldErrors = {}, done = false) {
      const member = signedInUser(request);
      const [followed, topics, cities] = await Promise.all([
        service.followed(member.id, request.locale),
        taxonomy.list('topic'),
        db.selectFrom('cities').select(['slug', 'name']).orderBy('name').execute(),
      ]);
      const title = request.t('follows.follows.title');
      return reply.page(Object.keys(errors).length > 0 ? `${request.t('common.errorPrefix')} ${title}` : title, (ctx) => (
        <FollowsPage ctx={ctx} followed={followed} topics={topics} cities={cities} errors={errors} done={done} />
      ), Object.keys(errors).length > 0 ? 422 : 200);
    }

    app.post('/follows', { preHandler: requireUser, schema: { body: followBody }, config: { rateLimit: POSTING_LIMIT } }, async (request, reply) => {
      const body = request.body as Partial<Record<'kind' | 'key' | 'topicKey' | 'countryKey' | 'cityKey' | 'action' | 'back', string>>;
      const kind = body.kind ?? '';
      const key = (body.key ?? (kind === 'topic' ? body.topicKey : kind === 'country' ? body.countryKey : kind === 'city' ? body.cityKey : undefined) ?? '').trim();
      const field = kind === 'topic' || kind === 'country' || kind === 'city' ? `${kind}Key` : 'key';
      const member = signedInUser(request);
      if (!isFollowKind(kind)) return renderFollows(request, reply, { key: 'follows.errors.target' });
      if (body.action === 'unfollow') {
        await service.unfollow(member.id, kind, key);
      } else {
        if (!(await followable(kind, key))) return renderFollows(request, reply, { [field]: 'follows.errors.target' });
        await service.follow(member.id, kind, key);
      }
      return reply.redirect(safeNextPath(body.back, request.locale) ?? `/${request.locale}/account/follows?done=1`, 303);
    });

    app.get('/account/follows', { preHandler: requireUser, schema: { querystring: pageQuery } }, async (request, reply) =>
      renderFollows(request, reply, {}, (request.query as { done?: string }).done === '1'),
    );

    app.get('/notifications', { preHandler: requireUser, schema: { querystring: pageQuery } }, async (request, reply) => {
      const member = signedInUser(request);
      const page = await service.notifications(member.id, request.locale, parsePage((request.query as { page?: string }).page));
      // Seen now: the next visit marks only what is new since this one.
      await service.markAllRead(member.id);
      return reply.page(request.t('follows.notifications.title'), (ctx) => <NotificationsPage ctx={ctx} page={page} unread={page.items.filter((item) => item.unread).length} />);
    });

    async function renderSettings(request: FastifyRequest, reply: FastifyReply, failed?: { values: { digest: string; notices: string }; errors: FieldErrors }, saved = false) {
      const preferences = await service.mailPreferences(signedInUser(request).id);
      const values = failed?.values ?? { digest: preferences.digest_frequency, notices: preferences.notice_mails ? 'yes' : '' };
      const title = request.t('follows.settings.title');
      return reply.page(failed ? `${request.t('common.errorPrefix')} ${title}` : title, (ctx) => (
        <MailSettingsPage ctx={ctx} values={values} errors={failed?.errors ?? {}} saved={saved} />
      ), failed ? 422 : 200);
    }

    app.get('/account/notifications', { preHandler: requireUser, schema: { querystring: pageQuery } }, async (request, reply) =>
      renderSettings(request, reply, undefined, (request.query as { done?: string }).done === '1'),
    );

    app.post('/account/notifications', { preHandler: requireUser, schema: { body: settingsBody } }, async (request, reply) => {
      const body = request.body as { digest?: string; notices?: string };
      const values = { digest: body.digest ?? '', notices: body.notices ?? '' };
      try {
        await service.setMailPreferences(signedInUser(request).id, values);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderSettings(request, reply, { values, errors: error.errors });
      }
      return reply.seeOther('/account/notifications?done=1');
    });

    // The link of a mail: a page with one button (mail scanners that follow links change nothing).
    app.get('/unsubscribe/:token', { schema: { params: tokenParams } }, async (request, reply) => {
      const { token } = request.params as { token: string };
      const found = readUnsubscribeToken(app.deps.config.sessionSecret, token);
      if (!found) return reply.page(request.t('follows.unsubscribe.unknown'), (ctx) => <p>{ctx.t('follows.unsubscribe.unknownBody')}</p>, 404);
      return reply.page(request.t('follows.unsubscribe.title'), (ctx) => <UnsubscribePage ctx={ctx} action={ctx.href(`/unsubscribe/${encodeURIComponent(token)}`)} purpose={found.purpose} done={false} />);
    });

    // RFC 8058: the mail client posts `List-Unsubscribe=One-Click` here, without cookies or a form token.
    app.post('/unsubscribe/:token', { schema: { params: tokenParams }, config: { withoutCsrf: true } }, async (request, reply) => {
      const { token } = request.params as { token: string };
      const found = readUnsubscribeToken(app.deps.config.sessionSecret, token);
      if (!found) return reply.page(request.t('follows.unsubscribe.unknown'), (ctx) => <p>{ctx.t('follows.unsubscribe.unknownBody')}</p>, 404);
      await service.unsubscribe(found.userId, found.purpose);
      return reply.page(request.t('follows.unsubscribe.doneTitle'), (ctx) => <UnsubscribePage ctx={ctx} action="" purpose={found.purpose} done />);
    });
  };
}
