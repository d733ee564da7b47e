import type { FastifyInstance } from 'fastify';
import { keepPrivate, sharedPage } from '../../platform/page-cache.ts';
import { PRACTICE_KIND, practiceService } from '../practices/index.ts';
import { HomePage } from './views/home-page.tsx';

const homeQuery = { querystring: { type: 'object', properties: { account: { type: 'string', maxLength: 20 } } } } as const;

export async function home(app: FastifyInstance) {
  const practices = practiceService(app.deps);
  app.get('/', { schema: homeQuery, config: sharedPage([PRACTICE_KIND]) }, async (request, reply) => {
    const { account } = request.query as { account?: string };
    // Deleting an account signs the member out and lands here: confirm it went through.
    const notice = account === 'deleted' ? request.t('accountPage.delete.done') : undefined;
    if (notice) keepPrivate(reply);
    const featured = await practices.featured();
    return reply.page(request.t('home.title'), (ctx) => HomePage({ ctx, notice, featured }));
  });
}
