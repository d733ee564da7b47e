import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ConflictError, ValidationError } from '../platform/errors.ts';
import type { FieldErrors } from '../platform/forms.ts';
import { requireCapability, requireUser, signedInUser } from '../platform/guards.ts';
import { EDITOR_NOTE_MAX, OutdatedChangeError, type PendingChanges } from './pending.ts';
import { pendingPaths, type PendingNotice } from './views/pending.tsx';

/** What the editor's page of an item shows of its pending change after a refused step. */
export interface PendingReviewState {
  editorNote?: string;
  errors?: FieldErrors;
  conflict?: 'moved' | 'outdated';
}

export interface PendingChangeRoutesOptions<R extends object> {
  pending: PendingChanges<R>;
  /** Route patterns with `:slug`: the editors' page of an item and the item's page. */
  reviewRoute: string;
  itemRoute: string;
  reviewPath(slug: string): string;
  /** Where the author lands once their change is withdrawn. */
  afterWithdraw(slug: string): string;
  /** The kind's review page of the item, with the pending change's state after a refused step. */
  renderReview(request: FastifyRequest, reply: FastifyReply, slug: string, state: PendingReviewState, statusCode: number): Promise<FastifyReply>;
}

const slugParams = { type: 'object', properties: { slug: { type: 'string', minLength: 1, maxLength: 200 } }, required: ['slug'] } as const;
const pendingVersion = { type: 'string', pattern: '^[0-9]{1,9}$' } as const;
const versionBody = { type: 'object', properties: { pendingVersion }, required: ['pendingVersion'] } as const;
const returnBody = { type: 'object', properties: { pendingVersion, editorNote: { type: 'string', maxLength: EDITOR_NOTE_MAX * 4 } }, required: ['pendingVersion'] } as const;
const switchBody = { type: 'object', properties: { allow: { type: 'string', enum: ['yes', 'no'] } }, required: ['allow'] } as const;

/**
 * The steps on a pending change, the same for every reviewed kind: editors approve it, return it
 * with a note, and switch small corrections on or off; whoever may edit the item withdraws it.
 */
export function pendingChangeRoutes<R extends object>(options: PendingChangeRoutesOptions<R>) {
  const { pending, reviewPath } = options;
  const editorsOnly = requireCapability('content.review');
  const versionOf = (request: FastifyRequest) => Number((request.body as { pendingVersion: string }).pendingVersion);
  const done = (reply: FastifyReply, slug: string, notice: PendingNotice) => reply.seeOther(`${reviewPath(slug)}?done=${notice}`);

  return async function pendingChangeRoutesPlugin(app: FastifyInstance) {
    app.post(pendingPaths.approve(options.reviewRoute), { preHandler: editorsOnly, schema: { params: slugParams, body: versionBody } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      try {
        await pending.approve(signedInUser(request), slug, versionOf(request));
      } catch (error) {
        if (error instanceof OutdatedChangeError) return options.renderReview(request, reply, slug, { conflict: 'outdated' }, 409);
        if (error instanceof ConflictError) return options.renderReview(request, reply, slug, { conflict: 'moved' }, 409);
        // What was valid when proposed may not be now (a theme retired since): the editor returns it.
        if (error instanceof ValidationError) return options.renderReview(request, reply, slug, { errors: { editorNote: 'editorial.pending.errors.noLongerValid' } }, 422);
        throw error;
      }
      return done(reply, slug, 'changeApproved');
    });

    app.post(pendingPaths.giveBack(options.reviewRoute), { preHandler: editorsOnly, schema: { params: slugParams, body: returnBody } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const editorNote = (request.body as { editorNote?: string }).editorNote ?? '';
      try {
        await pending.returnToAuthor(signedInUser(request), slug, versionOf(request), editorNote);
      } catch (error) {
        if (error instanceof ValidationError) return options.renderReview(request, reply, slug, { editorNote, errors: error.errors }, 422);
        if (error instanceof ConflictError) return options.renderReview(request, reply, slug, { editorNote, conflict: 'moved' }, 409);
        throw error;
      }
      return done(reply, slug, 'changeReturned');
    });

    app.post(pendingPaths.smallCorrections(options.reviewRoute), { preHandler: editorsOnly, schema: { params: slugParams, body: switchBody } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const allowed = (request.body as { allow: 'yes' | 'no' }).allow === 'yes';
      await pending.allowSmallCorrections(signedInUser(request), slug, allowed);
      return done(reply, slug, allowed ? 'correctionsAllowed' : 'correctionsStopped');
    });

    app.post(pendingPaths.withdraw(options.itemRoute), { preHandler: requireUser, schema: { params: slugParams, body: versionBody } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      await pending.withdraw(signedInUser(request), slug, versionOf(request));
      return reply.seeOther(options.afterWithdraw(slug));
    });
  };
}
