import type { FastifyInstance } from 'fastify';
import { formBodySchema, readForm } from '../../platform/forms.ts';
import { parsePage } from '../../platform/pagination.ts';
import { SENSITIVE_FORM_LIMIT } from '../../platform/rate-limit.ts';
import { confirmationService } from './confirmation-service.ts';
import { editorialService } from './editorial-service.ts';
import { ConfirmedPage, ConfirmLinkDeadPage, ConfirmRunningPage } from './views/confirm-pages.tsx';
import { CriteriaPage } from './views/criteria-page.tsx';
import { HistoryPage } from './views/history-page.tsx';

/** Public pages around the record: the publication criteria, a practice's history, "still running?". */

const slugParams = { type: 'object', properties: { slug: { type: 'string', maxLength: 200 } }, required: ['slug'] } as const;
const pageQuery = { type: 'object', properties: { page: { type: 'string', maxLength: 10 } } } as const;
const tokenQuery = { type: 'object', properties: { token: { type: 'string', maxLength: 200 } } } as const;

export async function recordRoutes(app: FastifyInstance) {
  const editorial = editorialService(app.deps);
  const confirmations = confirmationService(app.deps);

  app.get('/practices/criteria', async (request, reply) =>
    reply.page(request.t('practices.criteria.title'), (ctx) => <CriteriaPage ctx={ctx} />),
  );

  app.get('/practices/:slug/history', { schema: { params: slugParams, querystring: pageQuery } }, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const { page } = request.query as { page?: string };
    const { detail, revisions, taxonomy, showContact } = await editorial.history(request.currentUser, slug, parsePage(page));
    const { title, language } = detail.row;
    return reply.page(`${request.t('practices.history.title')} ${title}`, (ctx) => (
      <HistoryPage
        ctx={ctx}
        slug={slug}
        title={title}
        language={language}
        revisions={revisions}
        text={{ locale: ctx.locale, t: ctx.t, taxonomy }}
        showContact={showContact}
      />
    ));
  });

  app.get('/practices/:slug/confirm', { schema: { params: slugParams, querystring: tokenQuery } }, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const { token = '' } = request.query as { token?: string };
    // The token is in the address: keep it out of Referer headers sent onwards.
    reply.header('referrer-policy', 'no-referrer');
    const practice = await confirmations.check(slug, token);
    if (!practice) return reply.page(request.t('practices.confirm.deadTitle'), (ctx) => <ConfirmLinkDeadPage ctx={ctx} />, 410);
    return reply.page(request.t('practices.confirm.title'), (ctx) => <ConfirmRunningPage ctx={ctx} practice={practice} token={token} />);
  });

  app.post(
    '/practices/:slug/confirm',
    { config: { rateLimit: SENSITIVE_FORM_LIMIT }, schema: { params: slugParams, body: formBodySchema(['token']) } },
    async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const { token } = readForm(request.body, ['token']);
      if (!(await confirmations.confirm(slug, token))) {
        return reply.page(request.t('practices.confirm.deadTitle'), (ctx) => <ConfirmLinkDeadPage ctx={ctx} />, 410);
      }
      return reply.page(request.t('practices.confirm.doneTitle'), (ctx) => <ConfirmedPage ctx={ctx} slug={slug} />);
    },
  );
}
