import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireCapability, signedInUser } from '../../platform/guards.ts';
import { pageCountOf, pageHref, parsePage } from '../../platform/pagination.ts';
import type { ModerationService, Settlement } from './service.ts';
import { MODERATION_NOTICES, MODERATION_PATH, ModerationPage, type ModerationNotice } from './view.tsx';

/** The moderators' queue (`/{l}/review/flags`) for every kind and the two ways to settle a report. */

const moderatorsOnly = requireCapability('content.moderate');
const queueQuery = {
  type: 'object',
  properties: { page: { type: 'string', maxLength: 10 }, done: { type: 'string', enum: MODERATION_NOTICES } },
} as const;
const flagParams = { type: 'object', properties: { id: { type: 'string', pattern: '^[0-9]{1,9}$' } }, required: ['id'] } as const;
const settleBody = { type: 'object', properties: { page: { type: 'string', maxLength: 10 } } } as const;

export function moderationRoutes(moderation: ModerationService) {
  return async function moderationRoutesPlugin(app: FastifyInstance) {
  app.get(MODERATION_PATH, { preHandler: moderatorsOnly, schema: { querystring: queueQuery } }, async (request, reply) => {
    const query = request.query as { page?: string; done?: ModerationNotice };
    const list = await moderation.queue(signedInUser(request), parsePage(query.page));
    return reply.page(request.t('moderation.queue.title'), (ctx) => <ModerationPage ctx={ctx} list={list} notice={query.done} />);
  });

  /**
   * A settling button: act, then back to the page the editor was on, or the last page left
   * when settling emptied theirs. A report someone had already settled is not an error.
   */
  function settleRoute(action: string, notice: ModerationNotice, settle: (request: FastifyRequest, flagId: number) => Promise<Settlement>) {
    app.post(`${MODERATION_PATH}/:id/${action}`, { preHandler: moderatorsOnly, schema: { params: flagParams, body: settleBody } }, async (request, reply) => {
      const { id } = request.params as { id: string };
      const { resolved } = await settle(request, Number(id));
      const wanted = parsePage((request.body as { page?: string } | undefined)?.page);
      const page = Math.min(wanted, pageCountOf(await moderation.openCount()));
      return reply.seeOther(pageHref(MODERATION_PATH, { done: resolved ? notice : 'alreadyResolved' }, page));
    });
  }

  settleRoute('dismiss', 'dismissed', (request, flagId) => moderation.dismiss(signedInUser(request), flagId));
  settleRoute('remove-comment', 'removed', (request, flagId) => moderation.removeComment(signedInUser(request), flagId));
}
}
