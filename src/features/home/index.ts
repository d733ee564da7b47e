import type { FastifyInstance } from 'fastify';
import { HomePage } from './views/home-page.tsx';

const homeQuery = { querystring: { type: 'object', properties: { account: { type: 'string', maxLength: 20 } } } } as const;

export async function home(app: FastifyInstance) {
  app.get('/', { schema: homeQuery }, async (request, reply) => {
    const { account } = request.query as { account?: string };
    // Deleting an account signs the member out and lands here: confirm it went through.
    const notice = account === 'deleted' ? request.t('accountPage.delete.done') : undefined;
    return reply.page(request.t('home.title'), (ctx) => HomePage({ ctx, notice }));
  });
}
