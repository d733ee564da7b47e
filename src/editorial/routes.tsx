import type { FastifyInstance } from 'fastify';
import { requireCapability, signedInUser } from '../platform/guards.ts';
import { parsePage } from '../platform/pagination.ts';
import { QUEUE_STATES, type QueueState, type ReviewQueue } from './queue.ts';
import { REVIEW_QUEUE_PATH, ReviewQueuePage } from './views/queue-page.tsx';

export interface ReviewQueueRoutesOptions {
  queue: ReviewQueue;
  /** Languages content may be written in, for the filter. */
  languages: readonly string[];
  /** Counts and links that other shared queues add above this one (reports waiting, criteria). */
  links(request: import('fastify').FastifyRequest): Promise<{ href: string; label: string }[]>;
}

/** `/{l}/review`: every reviewed kind's submissions in one queue, for editors. */
export function reviewQueueRoutes({ queue, languages, links }: ReviewQueueRoutesOptions) {
  return async function reviewQueueRoutesPlugin(app: FastifyInstance) {
    const querystring = {
      type: 'object',
      properties: {
        state: { type: 'string', enum: ['', ...QUEUE_STATES] },
        kind: { type: 'string', enum: ['', ...queue.kindNames()] },
        language: { type: 'string', enum: ['', ...languages] },
        page: { type: 'string', maxLength: 10 },
      },
    } as const;

    app.get(REVIEW_QUEUE_PATH, { preHandler: requireCapability('content.review'), schema: { querystring } }, async (request, reply) => {
      const query = request.query as { state?: string; kind?: string; language?: string; page?: string };
      const filter = { state: (query.state || null) as QueueState | null, kind: query.kind || null, language: query.language || null };
      const [counts, list, shownLinks] = await Promise.all([
        queue.counts(filter),
        queue.page(signedInUser(request), filter, parsePage(query.page)),
        links(request),
      ]);
      return reply.page(request.t('editorial.queue.queueTitle'), (ctx) => (
        <ReviewQueuePage ctx={ctx} counts={counts} filter={filter} kinds={queue.kindNames()} languages={languages} list={list} links={shownLinks} />
      ));
    });
  };
}
