import type { ViewContext } from '../../../platform/context.ts';
import type { FieldErrors } from '../../../platform/forms.ts';
import { Button } from '../../../ui/button.tsx';
import { ErrorSummary } from '../../../ui/error-summary.tsx';
import { Radios, Textarea } from '../../../ui/fields.tsx';
import { NotificationBanner } from '../../../ui/notification.tsx';
import { PostForm } from '../../../ui/post-form.tsx';
import type { Review } from '../editorial-service.ts';
import type { PracticeInput } from '../model.ts';
import type { TextContext } from '../record-text.ts';
import type { RubricForm } from '../rubric.ts';
import type { PracticeDetail } from '../service.ts';
import { canStep, DECISIONS } from '../../../editorial/workflow.ts';
import {
  PENDING_NOTICES,
  PendingChangeReview,
  PendingNoticeBanner,
  SmallCorrectionsSwitch,
  type PendingChange,
  type PendingNotice,
  type PendingReviewState,
} from '../../../editorial/index.ts';
import { recordChanges } from '../record-text.ts';
import { DateText, StatusTag } from './editorial-shared.tsx';
import { PracticeRecord } from './practice-record.tsx';
import { DecisionList, PublicationRule, RubricFields } from './rubric-views.tsx';

/** What just happened, said at the top of the review page after a redirect. */
export const REVIEW_NOTICES = ['taken', 'decided', 'decidedNoMail', 'featured', 'archived', ...PENDING_NOTICES] as const;
export type ReviewNotice = (typeof REVIEW_NOTICES)[number];

export interface ReviewPageProps {
  ctx: ViewContext;
  detail: PracticeDetail;
  record: PracticeInput;
  text: TextContext;
  reviews: readonly Review[];
  form: RubricForm;
  errors: FieldErrors;
  /** The version the editor is looking at; after a conflict, the current one. */
  version: number;
  notice?: ReviewNotice;
  conflict?: boolean;
  /** The author's change to the published practice, if one waits or came back. */
  pending: PendingChange<PracticeInput> | undefined;
  pendingState: PendingReviewState;
  smallCorrections: boolean;
}

function ActionButton({ ctx, action, version, label, variant }: { ctx: ViewContext; action: string; version?: number; label: string; variant?: 'secondary' | 'warning' }) {
  return (
    <PostForm action={ctx.href(action)} csrfToken={ctx.csrfToken()} class="inline-form">
      {version !== undefined ? <input type="hidden" name="version" value={String(version)} /> : null}
      <Button variant={variant ?? 'secondary'}>{label}</Button>
    </PostForm>
  );
}

function ReviewActions({ ctx, detail, version }: Pick<ReviewPageProps, 'ctx' | 'detail' | 'version'>) {
  const { t } = ctx;
  const { slug, status, featured_at } = detail.row;
  return (
    <div class="button-group">
      {canStep(status, 'take') ? <ActionButton ctx={ctx} action={`/review/${slug}/take`} version={version} label={t('practices.review.take')} /> : null}
      {status === 'published' && !featured_at ? <ActionButton ctx={ctx} action={`/practices/${slug}/feature`} label={t('practices.review.feature')} /> : null}
      {canStep(status, 'archive') ? (
        <ActionButton
          ctx={ctx}
          action={`/review/${slug}/archive`}
          version={version}
          label={t(status === 'published' ? 'practices.review.unpublish' : 'practices.review.archive')}
          variant="warning"
        />
      ) : null}
    </div>
  );
}

function PastDecisions({ ctx, reviews }: { ctx: ViewContext; reviews: readonly Review[] }) {
  if (reviews.length === 0) return null;
  return (
    <section aria-labelledby="past-decisions-title">
      <h2 id="past-decisions-title">{ctx.t('practices.review.pastTitle')}</h2>
      <DecisionList ctx={ctx} reviews={reviews} />
    </section>
  );
}

function DecisionForm({ ctx, detail, form, errors, version }: Pick<ReviewPageProps, 'ctx' | 'detail' | 'form' | 'errors' | 'version'>) {
  const { t } = ctx;
  const errorPrefix = t('common.errorPrefix');
  const error = (id: string) => (errors[id] ? t(errors[id] as string) : undefined);
  return (
    <section aria-labelledby="decision-title">
      <h2 id="decision-title">{t('practices.review.rubricTitle')}</h2>
      <PublicationRule ctx={ctx} />
      <PostForm action={ctx.href(`/review/${detail.row.slug}/decision`)} csrfToken={ctx.csrfToken()}>
        <input type="hidden" name="version" value={String(version)} />
        <RubricFields ctx={ctx} form={form} errors={errors} />
        <Radios
          id="decision"
          label={t('practices.review.decisionLabel')}
          error={error('decision')}
          errorPrefix={errorPrefix}
          items={DECISIONS.map((decision) => ({ value: decision, label: t(`practices.review.decisions.${decision}`) }))}
          checked={form.decision}
        />
        <Textarea id="message" label={t('practices.review.messageLabel')} hint={t('practices.review.messageHint')} error={error('message')} errorPrefix={errorPrefix} value={form.message} rows={5} />
        <Button>{t('practices.review.saveDecision')}</Button>
      </PostForm>
    </section>
  );
}

function ReviewNoticeBanner({ ctx, notice, conflict }: { ctx: ViewContext; notice?: ReviewNotice; conflict?: boolean }) {
  if (conflict) {
    return (
      <NotificationBanner title={ctx.t('practices.review.conflictTitle')} titleId="conflict-title">
        <p>{ctx.t('practices.review.conflictBody')}</p>
      </NotificationBanner>
    );
  }
  if (!notice) return null;
  if ((PENDING_NOTICES as readonly string[]).includes(notice)) return <PendingNoticeBanner ctx={ctx} notice={notice as PendingNotice} />;
  return (
    <NotificationBanner title={ctx.t('common.success')} variant="success">
      <p>{ctx.t(`practices.review.notices.${notice}`)}</p>
    </NotificationBanner>
  );
}

export function ReviewPage(props: ReviewPageProps) {
  const { ctx, detail, record, text, reviews, errors, version } = props;
  const { t } = ctx;
  const { row } = detail;
  const deciding = canStep(row.status, 'publish');
  const summary = Object.entries({ ...errors, ...(props.pendingState.errors ?? {}) }).map(([field, key]) => ({ field, message: t(key) }));
  return (
    <>
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summary} />
      <ReviewNoticeBanner ctx={ctx} notice={props.notice} conflict={props.conflict} />
      <p>
        <a href={ctx.href('/review')}>{t('practices.review.backToQueue')}</a>
      </p>
      <h1>
        {t('practices.review.pageTitle')} <span lang={row.language}>{row.title}</span>
      </h1>
      <p>
        <StatusTag ctx={ctx} status={row.status} />{' '}
        {t('practices.review.by', { name: row.author_name ?? t('practices.review.unknownAuthor') })}
        {row.submitted_at ? (
          <>
            {' – '}
            {t('practices.review.submittedOn')} <DateText ctx={ctx} date={row.submitted_at} />
          </>
        ) : null}
      </p>
      <ReviewActions ctx={ctx} detail={detail} version={version} />
      {props.pending ? (
        <PendingChangeReview
          ctx={ctx}
          change={props.pending}
          changes={recordChanges(record, props.pending.record, text)}
          fieldLabel={(field) => t(`practices.fields.${field}.label`)}
          reviewPath={`/review/${row.slug}`}
          editorNote={props.pendingState.editorNote ?? ''}
          errors={props.pendingState.errors ?? {}}
          conflict={props.pendingState.conflict}
        />
      ) : null}
      {row.status === 'published' ? <SmallCorrectionsSwitch ctx={ctx} allowed={props.smallCorrections} reviewPath={`/review/${row.slug}`} /> : null}
      <section aria-labelledby="submission-title">
        <h2 id="submission-title">{t('practices.review.submissionTitle')}</h2>
        <PracticeRecord
          ctx={ctx}
          record={record}
          text={text}
          showContact
          headingLevel={3}
          attachments={{ items: detail.attachments, hrefFor: (id) => ctx.href(`/practices/${row.slug}/attachments/${id}`) }}
        />
      </section>
      <PastDecisions ctx={ctx} reviews={reviews} />
      {deciding ? <DecisionForm ctx={ctx} detail={detail} form={props.form} errors={errors} version={version} /> : null}
    </>
  );
}
