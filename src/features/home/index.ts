import type { FastifyInstance } from 'fastify';
import { HomePage } from './views/home-page.tsx';

export async function home(app: FastifyInstance) {
  app.get('/', async (request, reply) => reply.page(request.t('home.title'), (ctx) => HomePage({ ctx })));
}
