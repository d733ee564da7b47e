import { countryName } from '../../../lib/countries.ts';
import { displayNames } from '../../../lib/intl.ts';
import { CONTENT_LANGUAGES } from '../../../lib/languages.ts';
import type { ViewContext } from '../../../platform/context.ts';
import { summaryOf, type FieldErrors } from '../../../platform/forms.ts';
import { Personal, personalPart } from '../../../platform/personal-parts.tsx';
import { Button, Radios, Select, Textarea, TextInput } from '../../../ui/index.ts';
import { DateText } from '../../../ui/date-text.tsx';
import { ErrorSummary } from '../../../ui/error-summary.tsx';
import { MarkdownText } from '../../../ui/markdown-text.tsx';
import { SuccessBanner } from '../../../ui/notification.tsx';
import { PostForm } from '../../../ui/post-form.tsx';
import { SummaryList } from '../../../ui/summary-list.tsx';
import type { CommentRow, QuestionRow } from '../consultation-queries.ts';
import type { ConsultationView, Identity } from '../consultations.ts';
import type { DialogueView } from '../dialogues.ts';
import { consultationPath, dialoguePath, questionPath } from '../kind.ts';
import type { TimedFormValues } from '../timed-form.ts';
import { BreakdownTable, WindowStatus } from './parts.tsx';

/** Pages of dialogues and consultations, and the form that opens either. */

/** Links only the dialogue's moderators (or the consultation's chair) see. */
export const moderatorLinksPart = personalPart<{ base: string; kind: 'dialogue' | 'consultation'; allowed: boolean }>('discuss-moderator-links', (ctx, data) =>
  data.allowed ? (
    <p class="moderator-links">
      {data.kind === 'dialogue' ? (
        <a href={ctx.href(`${data.base}/summary`)}>{ctx.t('discuss.dialogue.writeSummary')}</a>
      ) : (
        <a href={ctx.href(`${data.base}/chair`)}>{ctx.t('discuss.consultation.chairDesk')}</a>
      )}
    </p>
  ) : null,
);

export function DialoguePage({ ctx, view }: { ctx: ViewContext; view: DialogueView }) {
  const { t } = ctx;
  const { dialogue } = view;
  const base = dialoguePath(dialogue.slug);
  return (
    <div class="stack">
      <p>
        <a href={ctx.href('/discuss')}>{t('discuss.index.title')}</a>
      </p>
      <h1 dir="auto">{dialogue.title}</h1>
      <WindowStatus ctx={ctx} state={view.state} opensAt={dialogue.opens_at} closesAt={dialogue.closes_at} />
      <Personal ctx={ctx} part={moderatorLinksPart} data={{ base, kind: 'dialogue' as const, allowed: false }} />
      <div lang={dialogue.language}>
        <MarkdownText source={dialogue.introduction} />
      </div>
      <SummaryList
        rows={[
          ...(view.moderators.length > 0 ? [{ key: t('discuss.dialogue.moderators'), value: view.moderators.map((moderator) => moderator.name ?? moderator.handle).join(', ') }] : []),
          ...(dialogue.event_slug ? [{ key: t('discuss.dialogue.event'), value: <a href={ctx.href(`/events/${encodeURIComponent(dialogue.event_slug)}`)}>{dialogue.event_title}</a> }] : []),
        ]}
      />
      {dialogue.summary_published_at ? (
        <section aria-labelledby="summary-heading">
          <h2 id="summary-heading">{t('discuss.dialogue.summary')}</h2>
          <MarkdownText source={dialogue.summary} />
        </section>
      ) : null}
      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading">{t('discuss.dialogue.questions')}</h2>
        <ol class="topic-list">
          {view.questions.map((question) => (
            <li key={question.id}>
              <h3 class="topic-list__title">
                <a href={ctx.href(questionPath(dialogue.slug, question.slug))} dir="auto">
                  {question.title}
                </a>
              </h3>
              <p class="meta">{t('discuss.dialogue.replies', { count: question.post_count })}</p>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="participants-heading">
        <h2 id="participants-heading">{t('discuss.dialogue.participants', { count: view.byStakeholder.total })}</h2>
        <BreakdownTable ctx={ctx} caption={t('discuss.breakdown.byStakeholder')} dimension="stakeholder" breakdown={view.byStakeholder} />
        <BreakdownTable ctx={ctx} caption={t('discuss.breakdown.byCountry')} dimension="country" breakdown={view.byCountry} />
      </section>
      <p>
        {t('discuss.dialogue.download')} <a href={ctx.href(`${base}/download.html`)}>HTML</a> · <a href={ctx.href(`${base}/download.json`)}>JSON</a>
      </p>
    </div>
  );
}

export function SummaryFormPage({ ctx, title, action, field, value, errors, published, citable = [] }: { ctx: ViewContext; title: string; action: string; field: 'summary' | 'synthesis'; value: string; errors: FieldErrors; published: boolean; citable?: readonly CommentRow[] }) {
  const { t } = ctx;
  return (
    <div class="stack">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, errors)} />
      <h1>{title}</h1>
      {published ? <p>{t('discuss.summaryForm.published')}</p> : <p>{t('discuss.summaryForm.hint')}</p>}
      {citable.length > 0 ? (
        <details>
          <summary>{t('discuss.summaryForm.citable')}</summary>
          <ul>
            {citable.map((comment) => (
              <li key={comment.id}>
                <code>{`[…](#comment-${comment.id})`}</code> {comment.author_name}: <span dir="auto">{comment.body.slice(0, 120)}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <PostForm action={action} csrfToken={ctx.csrfToken()}>
        <Textarea id={field} label={t(`discuss.summaryForm.${field}`)} hint={t('discuss.thread.markdownHint')} rows={14} value={value} error={errors[field] ? t(errors[field]) : undefined} errorPrefix={t('common.errorPrefix')} />
        <Button variant="secondary" name="action" value="save">
          {t('discuss.summaryForm.save')}
        </Button>{' '}
        <Button name="action" value="publish">
          {t('discuss.summaryForm.publish')}
        </Button>
      </PostForm>
    </div>
  );
}

export function TimedFormPage({ ctx, kind, values, errors }: { ctx: ViewContext; kind: 'dialogue' | 'consultation'; values: TimedFormValues; errors: FieldErrors }) {
  const { t } = ctx;
  const errorPrefix = t('common.errorPrefix');
  const errorOf = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  const zone = ctx.user?.timeZone ?? 'UTC';
  return (
    <div class="stack">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, errors)} />
      <h1>{t(`discuss.${kind}.newTitle`)}</h1>
      <PostForm action={ctx.href(kind === 'dialogue' ? '/dialogues' : '/consultations')} csrfToken={ctx.csrfToken()}>
        <TextInput id="title" label={t('discuss.timedForm.title')} value={values.title} error={errorOf('title')} errorPrefix={errorPrefix} />
        <Textarea id="introduction" label={t(`discuss.timedForm.introduction.${kind}`)} hint={t('discuss.thread.markdownHint')} rows={6} value={values.introduction} error={errorOf('introduction')} errorPrefix={errorPrefix} />
        <Textarea id="questions" label={t('discuss.timedForm.questions')} hint={t('discuss.timedForm.questionsHint')} rows={5} value={values.questions} error={errorOf('questions')} errorPrefix={errorPrefix} />
        <TextInput id="opensAt" type="datetime-local" step="1" label={t('discuss.timedForm.opensAt')} hint={t('discuss.timedForm.zoneHint', { zone })} value={values.opensAt} error={errorOf('opensAt')} errorPrefix={errorPrefix} />
        <TextInput id="closesAt" type="datetime-local" step="1" label={t('discuss.timedForm.closesAt')} value={values.closesAt} error={errorOf('closesAt')} errorPrefix={errorPrefix} />
        <Select id="language" label={t('discuss.timedForm.language')} options={CONTENT_LANGUAGES.map((code) => ({ value: code, label: displayNames(ctx.locale, 'language').of(code) ?? code }))} value={values.language} />
        <TextInput id="people" label={t(`discuss.timedForm.people.${kind}`)} hint={t(`discuss.timedForm.peopleHint.${kind}`)} value={values.people} error={errorOf('people')} errorPrefix={errorPrefix} />
        {kind === 'dialogue' ? <TextInput id="event" label={t('discuss.timedForm.event')} hint={t('discuss.timedForm.eventHint')} value={values.event} error={errorOf('event')} errorPrefix={errorPrefix} /> : null}
        <Button>{t(`discuss.${kind}.create`)}</Button>
      </PostForm>
    </div>
  );
}

function identityText(ctx: ViewContext, comment: Pick<CommentRow, 'author_name' | 'organisation' | 'stakeholder_type' | 'country'>): string {
  return [comment.author_name, comment.organisation, comment.stakeholder_type ? ctx.t(`common.stakeholders.${comment.stakeholder_type}`) : '', comment.country ? countryName(comment.country, ctx.locale) : '']
    .filter(Boolean)
    .join(' · ');
}

export interface CommentBox {
  slug: string;
  open: boolean;
  questions: readonly QuestionRow[];
  /** Null for visitors and until personalised. */
  identity: Identity | null;
  mine: readonly CommentRow[];
  values: { question: string; body: string };
  errors: FieldErrors;
}

/** The comment form with how the member will be identified, and their own comments' states. */
export const commentBoxPart = personalPart<CommentBox>('discuss-consultation-comment', (ctx, box) => {
  const { t } = ctx;
  const errorPrefix = t('common.errorPrefix');
  return (
    <section id="comment" aria-labelledby="comment-heading">
      <h2 id="comment-heading">{t('discuss.consultation.commentHeading')}</h2>
      {box.mine.length > 0 ? (
        <>
          <h3>{t('discuss.consultation.yourComments')}</h3>
          <ul>
            {box.mine.map((comment) => (
              <li key={comment.id}>
                <strong>{t(`discuss.consultation.status.${comment.status}`)}</strong>: <span dir="auto">{comment.body.slice(0, 200)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {!box.open ? null : !ctx.user ? (
        <p>
          <a href={ctx.href(`/login?next=${encodeURIComponent(ctx.href(consultationPath(box.slug)))}`)}>{t('discuss.consultation.signIn')}</a>
        </p>
      ) : !box.identity ? null : !box.identity.verified ? (
        <p>{t('discuss.consultation.errors.unverified')}</p>
      ) : box.identity.name === '' || box.identity.stakeholderType === '' || box.identity.country === '' ? (
        <p>
          {t('discuss.consultation.errors.unidentified')} <a href={ctx.href('/account/profile')}>{t('discuss.consultation.profileLink')}</a>
        </p>
      ) : (
        <>
          <p>{t('discuss.consultation.identifiedAs')}</p>
          <p class="identity">
            <strong>{identityText(ctx, { author_name: box.identity.name, organisation: box.identity.organisation, stakeholder_type: box.identity.stakeholderType, country: box.identity.country })}</strong>
          </p>
          <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, box.errors)} />
          <PostForm action={ctx.href(`${consultationPath(box.slug)}/comments`)} csrfToken={ctx.csrfToken()}>
            <Radios id="question" label={t('discuss.consultation.question')} items={box.questions.map((question) => ({ value: String(question.id), label: question.text }))} checked={box.values.question} error={box.errors.question ? t(box.errors.question) : undefined} errorPrefix={errorPrefix} />
            <Textarea id="body" label={t('discuss.consultation.yourComment')} rows={6} value={box.values.body} error={box.errors.body ? t(box.errors.body) : undefined} errorPrefix={errorPrefix} />
            <Button>{t('discuss.consultation.send')}</Button>
          </PostForm>
        </>
      )}
    </section>
  );
});

export function ConsultationPage({ ctx, view, notice, box }: { ctx: ViewContext; view: ConsultationView; notice: string | undefined; box: CommentBox }) {
  const { t } = ctx;
  const { consultation } = view;
  const base = consultationPath(consultation.slug);
  return (
    <div class="stack">
      <SuccessBanner title={t('common.success')} message={notice ? t(`discuss.notice.${notice}`) : undefined} />
      <p>
        <a href={ctx.href('/discuss')}>{t('discuss.index.title')}</a>
      </p>
      <h1 dir="auto">{consultation.title}</h1>
      <WindowStatus ctx={ctx} state={view.state} opensAt={consultation.opens_at} closesAt={consultation.closes_at} />
      <Personal ctx={ctx} part={moderatorLinksPart} data={{ base, kind: 'consultation' as const, allowed: false }} />
      <div class="notice" role="note">
        <p>
          <strong>{t('discuss.consultation.ruleTitle')}</strong> {t('discuss.consultation.rule')}
        </p>
        <p>{t('discuss.consultation.waiting', { count: view.waiting })}</p>
      </div>
      {consultation.chair_name ? <p>{t('discuss.consultation.chair', { name: consultation.chair_name })}</p> : null}
      <div lang={consultation.language}>
        <MarkdownText source={consultation.context} />
      </div>
      {consultation.synthesis_published_at ? (
        <section aria-labelledby="synthesis-heading">
          <h2 id="synthesis-heading">{t('discuss.consultation.synthesis')}</h2>
          <MarkdownText source={consultation.synthesis} />
        </section>
      ) : null}
      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading">{t('discuss.consultation.questions')}</h2>
        <ol class="stack">
          {view.questions.map((question) => {
            const comments = view.comments.filter((comment) => comment.question_id === question.id);
            return (
              <li key={question.id}>
                <h3 dir="auto">{question.text}</h3>
                {comments.length === 0 ? <p>{t('discuss.consultation.noComments')}</p> : (
                  <ul class="post-list">
                    {comments.map((comment) => (
                      <li key={comment.id}>
                        <article class="post" id={`comment-${comment.id}`} aria-label={identityText(ctx, comment)}>
                          <p class="post__author">{identityText(ctx, comment)}</p>
                          <p class="post__meta">
                            <a href={`#comment-${comment.id}`}>
                              <DateText ctx={ctx} date={comment.created_at} withTime />
                            </a>
                          </p>
                          <p dir="auto" class="preserve-lines">{comment.body}</p>
                        </article>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      </section>
      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading">{t('discuss.consultation.counts', { received: view.received, published: view.published })}</h2>
        <BreakdownTable ctx={ctx} caption={t('discuss.consultation.receivedByStakeholder')} dimension="stakeholder" breakdown={view.receivedBy.stakeholder} />
        <BreakdownTable ctx={ctx} caption={t('discuss.consultation.receivedByCountry')} dimension="country" breakdown={view.receivedBy.country} />
        <BreakdownTable ctx={ctx} caption={t('discuss.consultation.publishedByStakeholder')} dimension="stakeholder" breakdown={view.publishedBy.stakeholder} />
        <BreakdownTable ctx={ctx} caption={t('discuss.consultation.publishedByCountry')} dimension="country" breakdown={view.publishedBy.country} />
      </section>
      <Personal ctx={ctx} part={commentBoxPart} data={box} />
    </div>
  );
}

export function ChairDeskPage({ ctx, title, slug, comments, questions, notice, errors }: { ctx: ViewContext; title: string; slug: string; comments: readonly CommentRow[]; questions: readonly QuestionRow[]; notice: string | undefined; errors: FieldErrors }) {
  const { t } = ctx;
  const base = consultationPath(slug);
  const questionText = new Map(questions.map((question) => [question.id, question.text]));
  return (
    <div class="stack">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, errors)} />
      <SuccessBanner title={t('common.success')} message={notice ? t(`discuss.notice.${notice}`) : undefined} />
      <h1>{t('discuss.consultation.deskTitle', { title })}</h1>
      <p>
        <a href={ctx.href(base)}>{t('discuss.consultation.backToPage')}</a> · <a href={ctx.href(`${base}/decisions.csv`)}>{t('discuss.consultation.decisionsCsv')}</a> ·{' '}
        <a href={ctx.href(`${base}/synthesis`)}>{t('discuss.consultation.writeSynthesis')}</a>
      </p>
      {comments.length === 0 ? <p>{t('discuss.consultation.noComments')}</p> : (
        <ol class="stack">
          {comments.map((comment) => (
            <li key={comment.id}>
              <article class="post" aria-labelledby={`c-${comment.id}`}>
                <h2 id={`c-${comment.id}`} class="post__author">
                  {identityText(ctx, comment)} · {t(`discuss.consultation.status.${comment.status}`)}
                </h2>
                <p class="meta">
                  {questionText.get(comment.question_id)} · <DateText ctx={ctx} date={comment.created_at} withTime />
                </p>
                <p dir="auto" class="preserve-lines">{comment.body}</p>
                {comment.status === 'pending' ? (
                  <PostForm action={ctx.href(`${base}/comments/${comment.id}/decision`)} csrfToken={ctx.csrfToken()}>
                    <Textarea id={`reason-${comment.id}`} label={t('discuss.consultation.reason')} hint={t('discuss.consultation.reasonHint')} rows={2} value="" error={errors[`reason-${comment.id}`] ? t(errors[`reason-${comment.id}`] ?? '') : undefined} />
                    <Button name="decision" value="published">
                      {t('discuss.consultation.publish')}
                    </Button>{' '}
                    <Button variant="warning" name="decision" value="declined">
                      {t('discuss.consultation.decline')}
                    </Button>
                  </PostForm>
                ) : null}
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
