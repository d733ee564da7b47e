import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ConflictError, ValidationError } from '../../platform/errors.ts';
import { ATTACHMENT_REMOVAL_INVALID, parseRecordIds, type FieldErrors } from '../../platform/forms.ts';
import { requireUser, signedInUser } from '../../platform/guards.ts';
import { parsePage } from '../../platform/pagination.ts';
import { taxonomyService } from '../taxonomies/index.ts';
import { acceptUploads, ATTACHMENT_PARAMS, prepareAttachments, sendAttachment, uploadsOf } from '../../platform/uploads/index.ts';
import { editorialService } from './editorial-service.ts';
import type { ContentLanguage } from './model.ts';
import { isEditor } from './policies.ts';
import {
  emptyPracticeForm,
  fieldsFromInput,
  formErrors,
  inFormOrder,
  parsePracticeForm,
  PRACTICE_FORM_LIST_FIELDS,
  PRACTICE_FORM_TEXT_FIELDS,
  type ParsedPracticeForm,
} from './practice-form.ts';
import { practiceService } from './service.ts';
import { FeedbackPage } from './views/feedback-page.tsx';
import { MinePage } from './views/mine-page.tsx';
import { PracticeFormPage, type FormMode, type FormNotice, type PracticeFormPageProps } from './views/practice-form-page.tsx';

/**
 * The author's side: the practice form (new and edit, with files), submitting for review, the
 * author's own list, and attachment downloads.
 */

const TEXT_MAX = 20_000;
const REVISION_NOTE_MAX = 1_000;
/** Saving a long form takes a while; this is generous for people and tight for scripts. */
const SAVE_LIMIT = { max: 60, timeWindow: 15 * 60 * 1000 } as const;

const practiceFormSchema = {
  type: 'object',
  properties: {
    ...Object.fromEntries(PRACTICE_FORM_TEXT_FIELDS.map((name) => [name, { type: 'string', maxLength: TEXT_MAX }])),
    ...Object.fromEntries([...PRACTICE_FORM_LIST_FIELDS, 'removeAttachment'].map((name) => [name, { type: 'array', maxItems: 300, items: { type: 'string', maxLength: 100 } }])),
    action: { type: 'string', enum: ['save', 'preview', 'submit'] },
    revisionNote: { type: 'string', maxLength: TEXT_MAX },
    version: { type: 'string', pattern: '^[0-9]{1,9}$' },
    pendingVersion: { type: 'string', pattern: '^[0-9]{1,9}$' },
  },
} as const;
const slugParams = { type: 'object', properties: { slug: { type: 'string', maxLength: 200 } }, required: ['slug'] } as const;
const noticeQuery = { type: 'object', properties: { done: { type: 'string', maxLength: 20 }, page: { type: 'string', maxLength: 10 } } } as const;

type Action = 'save' | 'preview' | 'submit';

interface FormPost {
  action: Action;
  version: number;
  pendingVersion: number;
  revisionNote: string;
  removeAttachmentIds: string[];
}

function readPost(body: unknown): FormPost {
  const source = (body ?? {}) as { action?: string; version?: string; pendingVersion?: string; revisionNote?: string; removeAttachment?: string[] };
  const action = source.action === 'preview' || source.action === 'submit' ? source.action : 'save';
  return {
    action,
    version: Number(source.version ?? '0'),
    pendingVersion: Number(source.pendingVersion ?? '0'),
    revisionNote: source.revisionNote ?? '',
    removeAttachmentIds: source.removeAttachment ?? [],
  };
}

function pageLanguage(request: FastifyRequest): ContentLanguage {
  // Every interface language is also a content language; the author corrects it when needed.
  return request.locale;
}

const NOTICES: Record<string, FormNotice> = { saved: 'saved', submitted: 'submitted', pending: 'pending', withdrawn: 'withdrawn' };

export async function submissionRoutes(app: FastifyInstance) {
  const uploadRoute = await acceptUploads(app);
  const practices = practiceService(app.deps);
  const editorial = editorialService(app.deps);
  const taxonomy = taxonomyService(app.deps);
  const formRoute = { ...uploadRoute, config: { rateLimit: SAVE_LIMIT } };

  type PageInput = Omit<PracticeFormPageProps, 'ctx' | 'taxonomy' | 'isEditor'>;

  async function renderForm(request: FastifyRequest, reply: FastifyReply, input: PageInput, status = 200) {
    const terms = await taxonomy.all();
    const editor = isEditor(request.currentUser);
    const title = input.mode.kind === 'new' ? request.t('practices.form.newTitle') : request.t('practices.form.editTitle', { title: input.mode.title });
    return reply.page(title, (ctx) => <PracticeFormPage ctx={ctx} {...input} taxonomy={terms} isEditor={editor} />, status);
  }

  /**
   * The checks shared by new and edit: the record (complete if it is being submitted), the files,
   * and the revision note. Returns the files ready to store, or the errors to show.
   */
  async function checkPost(request: FastifyRequest, parsed: ParsedPracticeForm, post: FormPost) {
    const errors: Record<string, string> = { ...formErrors(parsed, await taxonomy.all(), { forSubmission: post.action === 'submit' }) };
    const uploads = uploadsOf(request);
    const prepared = await prepareAttachments(uploads.files);
    const fileProblem = uploads.problem ?? prepared.error;
    if (fileProblem) errors.attachments = fileProblem;
    if (post.revisionNote.length > REVISION_NOTE_MAX) errors.revisionNote = 'practices.errors.revisionNoteTooLong';
    const removeAttachmentIds = parseRecordIds(post.removeAttachmentIds);
    if (removeAttachmentIds === undefined) errors.removeAttachment = ATTACHMENT_REMOVAL_INVALID;
    return { errors: inFormOrder(errors) as FieldErrors, attachments: prepared.attachments, removeAttachmentIds: removeAttachmentIds ?? [] };
  }

  app.get('/practices/new', { preHandler: requireUser }, async (request, reply) =>
    renderForm(request, reply, {
      mode: { kind: 'new' },
      fields: emptyPracticeForm(),
      errors: {},
      attachments: [],
      removeAttachmentIds: [],
      revisionNote: '',
    }),
  );

  app.post('/practices/new', { ...formRoute, schema: { body: practiceFormSchema } }, async (request, reply) => {
    const actor = signedInUser(request);
    const parsed = parsePracticeForm(request.body, pageLanguage(request));
    const post = readPost(request.body);
    const page: PageInput = { mode: { kind: 'new' }, fields: parsed.fields, errors: {}, attachments: [], removeAttachmentIds: [], revisionNote: '' };
    const { errors, attachments } = await checkPost(request, parsed, post);
    if (Object.keys(errors).length > 0) return renderForm(request, reply, { ...page, errors }, 422);
    if (post.action === 'preview') return renderForm(request, reply, { ...page, preview: parsed.input });
    let slug: string;
    try {
      slug = await practices.create(parsed.input, { authorId: actor.id, status: post.action === 'submit' ? 'submitted' : 'draft', attachments });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderForm(request, reply, { ...page, errors: inFormOrder(error.errors) }, 422);
    }
    if (post.action === 'submit') await editorial.announceSubmission(actor, slug);
    return post.action === 'submit' ? reply.seeOther('/practices/mine?done=submitted') : reply.seeOther(`/practices/${slug}/edit?done=saved`);
  });

  /** The edit page's fixed parts for the practice as it is now: mode, files, the editors' word. */
  async function editPage(request: FastifyRequest, slug: string) {
    const { detail, record, latestReview, pending } = await editorial.forEditing(signedInUser(request), slug);
    const mode: FormMode = { kind: 'edit', slug, version: detail.row.version, status: detail.row.status, title: detail.row.title, pendingVersion: pending?.version ?? 0 };
    return { mode, record, attachments: detail.attachments, feedback: latestReview, pending };
  }

  app.get('/practices/:slug/edit', { preHandler: requireUser, schema: { params: slugParams, querystring: noticeQuery } }, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const { done } = request.query as { done?: string };
    const { record, ...page } = await editPage(request, slug);
    return renderForm(request, reply, {
      ...page,
      fields: fieldsFromInput(record),
      errors: {},
      removeAttachmentIds: [],
      revisionNote: '',
      notice: done ? NOTICES[done] : undefined,
    });
  });

  app.post('/practices/:slug/edit', { ...formRoute, schema: { params: slugParams, body: practiceFormSchema } }, async (request, reply) => {
    const actor = signedInUser(request);
    const { slug } = request.params as { slug: string };
    // Permission first: someone who may not edit learns nothing from a validation message.
    const { record: _stored, mode, ...current } = await editPage(request, slug);
    const parsed = parsePracticeForm(request.body, pageLanguage(request));
    const post = readPost(request.body);
    const seen: FormMode = mode.kind === 'edit' ? { ...mode, version: post.version, pendingVersion: post.pendingVersion } : mode;
    const page: PageInput = { ...current, mode: seen, fields: parsed.fields, errors: {}, removeAttachmentIds: post.removeAttachmentIds, revisionNote: post.revisionNote };
    const { errors, attachments, removeAttachmentIds } = await checkPost(request, parsed, post);
    if (Object.keys(errors).length > 0) return renderForm(request, reply, { ...page, errors }, 422);
    if (post.action === 'preview') return renderForm(request, reply, { ...page, preview: parsed.input });
    let saved: { submitted: boolean; pending: boolean };
    try {
      saved = await practices.update(actor, slug, post.version, parsed.input, {
        submit: post.action === 'submit',
        note: post.revisionNote,
        pendingVersion: post.pendingVersion,
        attachments,
        removeAttachmentIds,
      });
    } catch (error) {
      if (error instanceof ValidationError) return renderForm(request, reply, { ...page, errors: inFormOrder(error.errors) }, 422);
      // Someone else saved first. Their version stays; this person's input comes back with the
      // current version, so saving again is a deliberate choice made after reading the banner.
      if (error instanceof ConflictError) return renderForm(request, reply, { ...page, mode, notice: 'conflict' }, 409);
      throw error;
    }
    if (saved.submitted) await editorial.announceSubmission(actor, slug);
    if (saved.pending) return reply.seeOther(`/practices/${slug}/edit?done=pending`);
    return post.action === 'submit' ? reply.seeOther('/practices/mine?done=submitted') : reply.seeOther(`/practices/${slug}/edit?done=saved`);
  });

  app.post('/practices/:slug/submit', { preHandler: requireUser, schema: { params: slugParams } }, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    try {
      await editorial.submit(signedInUser(request), slug);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      // What is missing is shown on the form itself, where it can be filled in.
      const { record, ...page } = await editPage(request, slug);
      return renderForm(request, reply, { ...page, fields: fieldsFromInput(record), errors: inFormOrder(error.errors), removeAttachmentIds: [], revisionNote: '' }, 422);
    }
    return reply.seeOther('/practices/mine?done=submitted');
  });

  app.get('/practices/:slug/feedback', { preHandler: requireUser, schema: { params: slugParams } }, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const { detail, reviews, editable } = await editorial.feedback(signedInUser(request), slug);
    return reply.page(`${request.t('practices.feedbackPage.title')} ${detail.row.title}`, (ctx) => (
      <FeedbackPage ctx={ctx} detail={detail} reviews={reviews} editable={editable} />
    ));
  });

  app.get('/practices/mine', { preHandler: requireUser, schema: { querystring: noticeQuery } }, async (request, reply) => {
    const { page, done } = request.query as { page?: string; done?: string };
    const list = await editorial.mine(signedInUser(request), parsePage(page));
    const notice = done === 'submitted' ? request.t('practices.form.submitted') : undefined;
    return reply.page(request.t('practices.mine.title'), (ctx) => <MinePage ctx={ctx} list={list} notice={notice} />);
  });

  app.get('/practices/:slug/attachments/:id', { schema: { params: ATTACHMENT_PARAMS } }, async (request, reply) => {
    const { slug, id } = request.params as { slug: string; id: string };
    const file = await editorial.attachment(request.currentUser, slug, Number(id));
    return sendAttachment(reply, file, file.isPublic);
  });
}
