import type { ViewContext } from '../../platform/context.ts';
import type { FieldErrors } from '../../platform/forms.ts';
import { Button } from '../../ui/button.tsx';
import { DateText } from '../../ui/date-text.tsx';
import { Textarea } from '../../ui/fields.tsx';
import { NotificationBanner } from '../../ui/notification.tsx';
import { PostForm } from '../../ui/post-form.tsx';
import { Tag } from '../../ui/tag.tsx';
import { SMALL_CORRECTION_MAX_CHANGED_CHARACTERS, type PendingChange, type PendingState } from '../pending.ts';
import type { FieldChange } from '../revisions.ts';
import { DiffText } from './history.tsx';

/** The pages of the edits-go-through-review workflow, the same for every reviewed kind. */

/** Where the steps on an item's pending change are posted, without the locale prefix. */
export const pendingPaths = {
  approve: (reviewPath: string) => `${reviewPath}/changes/approve`,
  giveBack: (reviewPath: string) => `${reviewPath}/changes/return`,
  smallCorrections: (reviewPath: string) => `${reviewPath}/small-corrections`,
  withdraw: (itemPath: string) => `${itemPath}/changes/withdraw`,
};

/** What just happened to a pending change, said at the top of the editor's page after a redirect. */
export const PENDING_NOTICES = ['changeApproved', 'changeReturned', 'correctionsAllowed', 'correctionsStopped'] as const;
export type PendingNotice = (typeof PENDING_NOTICES)[number];

export function PendingNoticeBanner({ ctx, notice }: { ctx: ViewContext; notice: PendingNotice | undefined }) {
  if (!notice) return null;
  return (
    <NotificationBanner title={ctx.t('common.success')} variant="success" titleId="pending-notice-title">
      <p>{ctx.t(`editorial.pending.notices.${notice}`)}</p>
    </NotificationBanner>
  );
}

/** "Changes pending" or "Changes returned" beside an item in its author's list. */
export function PendingTag({ ctx, state }: { ctx: ViewContext; state: PendingState | null }) {
  if (!state) return null;
  return <Tag variant="warning">{ctx.t(`editorial.pending.tag.${state}`)}</Tag>;
}

/** What changed against the published version, field by field. */
function ChangeList<F extends string>({ ctx, changes, fieldLabel }: { ctx: ViewContext; changes: readonly FieldChange<F>[]; fieldLabel(field: F): string }) {
  if (changes.length === 0) return <p>{ctx.t('editorial.pending.noChanges')}</p>;
  return (
    <dl class="summary-list">
      {changes.map((change) => (
        <div class="summary-list__row" key={change.field}>
          <dt class="summary-list__key">{fieldLabel(change.field)}</dt>
          <dd class="summary-list__value">
            <DiffText ctx={ctx} segments={change.segments} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

export interface PendingChangeReviewProps<F extends string> {
  ctx: ViewContext;
  change: PendingChange<unknown>;
  changes: readonly FieldChange<F>[];
  fieldLabel(field: F): string;
  /** The editors' page of the item, without the locale prefix. */
  reviewPath: string;
  editorNote: string;
  errors: FieldErrors;
  /** The last step was refused: the change moved on, or the published version did. */
  conflict?: 'moved' | 'outdated';
}

/** The editors' view of a change to a published item: the diff, then approve or return with a note. */
export function PendingChangeReview<F extends string>({ ctx, change, changes, fieldLabel, reviewPath, editorNote, errors, conflict }: PendingChangeReviewProps<F>) {
  const { t } = ctx;
  const author = change.authorName ?? t('editorial.queue.unknownAuthor');
  const waiting = change.state === 'pending';
  return (
    <section aria-labelledby="pending-change-title" class="stack">
      <h2 id="pending-change-title">{t(waiting ? 'editorial.pending.review.title' : 'editorial.pending.review.returnedTitle')}</h2>
      {conflict ? (
        <NotificationBanner title={t('editorial.pending.review.conflictTitle')} titleId="pending-conflict-title">
          <p>{t(`editorial.pending.review.conflict.${conflict}`)}</p>
        </NotificationBanner>
      ) : null}
      <p>
        {t('editorial.pending.review.proposedBy', { name: author })} <DateText ctx={ctx} date={change.updatedAt} withTime />
      </p>
      <p>{t('editorial.pending.review.intro')}</p>
      {change.note ? <p dir="auto">{t('editorial.pending.review.note', { note: change.note })}</p> : null}
      <ChangeList ctx={ctx} changes={changes} fieldLabel={fieldLabel} />
      {waiting ? (
        <>
          <PostForm action={ctx.href(pendingPaths.approve(reviewPath))} csrfToken={ctx.csrfToken()}>
            <input type="hidden" name="pendingVersion" value={String(change.version)} />
            <Button>{t('editorial.pending.review.approve')}</Button>
          </PostForm>
          <PostForm action={ctx.href(pendingPaths.giveBack(reviewPath))} csrfToken={ctx.csrfToken()}>
            <input type="hidden" name="pendingVersion" value={String(change.version)} />
            <Textarea
              id="editorNote"
              label={t('editorial.pending.review.noteLabel')}
              hint={t('editorial.pending.review.noteHint')}
              error={errors.editorNote ? t(errors.editorNote) : undefined}
              errorPrefix={t('common.errorPrefix')}
              value={editorNote}
              rows={4}
            />
            <Button variant="secondary">{t('editorial.pending.review.giveBack')}</Button>
          </PostForm>
        </>
      ) : (
        <p dir="auto">{t('editorial.pending.review.returnedWith', { note: change.editorNote })}</p>
      )}
    </section>
  );
}

/** The editor's switch letting an item's authors publish small corrections without review. */
export function SmallCorrectionsSwitch({ ctx, allowed, reviewPath }: { ctx: ViewContext; allowed: boolean; reviewPath: string }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="small-corrections-title">
      <h2 id="small-corrections-title">{t('editorial.pending.corrections.title')}</h2>
      <p>{t('editorial.pending.corrections.rule', { limit: SMALL_CORRECTION_MAX_CHANGED_CHARACTERS })}</p>
      <p>{t(allowed ? 'editorial.pending.corrections.allowed' : 'editorial.pending.corrections.notAllowed')}</p>
      <PostForm action={ctx.href(pendingPaths.smallCorrections(reviewPath))} csrfToken={ctx.csrfToken()}>
        <input type="hidden" name="allow" value={allowed ? 'no' : 'yes'} />
        <Button variant="secondary">{t(allowed ? 'editorial.pending.corrections.stop' : 'editorial.pending.corrections.allow')}</Button>
      </PostForm>
    </section>
  );
}

/**
 * The author's view of their change to a published item, above its edit form: it waits for an
 * editor (or came back with a note), the published version stays until then, and it can be withdrawn.
 */
export function PendingChangeNotice({ ctx, change, itemPath }: { ctx: ViewContext; change: PendingChange<unknown>; itemPath: string }) {
  const { t } = ctx;
  const waiting = change.state === 'pending';
  return (
    <NotificationBanner title={t(waiting ? 'editorial.pending.author.waitingTitle' : 'editorial.pending.author.returnedTitle')} titleId="pending-change-title">
      <p>{t(waiting ? 'editorial.pending.author.waiting' : 'editorial.pending.author.returned')}</p>
      {!waiting && change.editorNote ? <p dir="auto">{t('editorial.pending.author.editorNote', { note: change.editorNote })}</p> : null}
      <p>{t('editorial.pending.author.editAgain')}</p>
      <PostForm action={ctx.href(pendingPaths.withdraw(itemPath))} csrfToken={ctx.csrfToken()}>
        <input type="hidden" name="pendingVersion" value={String(change.version)} />
        <Button variant="secondary">{t('editorial.pending.author.withdraw')}</Button>
      </PostForm>
    </NotificationBanner>
  );
}
