import type { PracticeStatus } from '../../../db/schema/practices.ts';
import type { ViewContext } from '../../../platform/context.ts';
import { pageHref, paginationLabels, type Page } from '../../../platform/pagination.ts';
import { ButtonLink } from '../../../ui/button.tsx';
import { SuccessBanner } from '../../../ui/notification.tsx';
import { Pagination } from '../../../ui/pagination.tsx';
import { PostForm } from '../../../ui/post-form.tsx';
import { Table } from '../../../ui/table.tsx';
import type { Decision } from '../../../editorial/workflow.ts';
import { PendingTag, type PendingState } from '../../../editorial/index.ts';
import { DateText, StatusTag } from './editorial-shared.tsx';

export interface MyPractice {
  slug: string;
  title: string;
  status: PracticeStatus;
  updated_at: Date;
  decision: Decision | null;
  message: string | null;
  decided_at: Date | null;
  /** Whether a change to the published practice waits for the editors, or came back from them. */
  pending_state: PendingState | null;
}

const AUTHOR_EDITABLE: ReadonlySet<PracticeStatus> = new Set(['draft', 'changes_requested', 'published']);
const SUBMITTABLE: ReadonlySet<PracticeStatus> = new Set(['draft', 'changes_requested']);
/** Enough of the editor's message to know what it is about; the rest is on the practice. */
const EXCERPT_LENGTH = 160;

function excerpt(text: string): string {
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH).trimEnd()}…` : text;
}

function Feedback({ ctx, practice }: { ctx: ViewContext; practice: MyPractice }) {
  if (!practice.decision || !practice.decided_at) return <span class="muted">{ctx.t('practices.mine.noFeedback')}</span>;
  return (
    <>
      <p>
        {ctx.t(`practices.review.decisionMade.${practice.decision}`)} <DateText ctx={ctx} date={practice.decided_at} />
      </p>
      {practice.message ? <p>{excerpt(practice.message)}</p> : null}
      <a href={ctx.href(`/practices/${practice.slug}/feedback`)}>
        {ctx.t('practices.mine.readFeedback')}
        <span class="visually-hidden">{` ${practice.title}`}</span>
      </a>
    </>
  );
}

function Actions({ ctx, practice }: { ctx: ViewContext; practice: MyPractice }) {
  return (
    <>
      {AUTHOR_EDITABLE.has(practice.status) ? (
        <p>
          <a href={ctx.href(`/practices/${practice.slug}/edit`)}>
            {ctx.t('practices.mine.edit')}
            <span class="visually-hidden">{` ${practice.title}`}</span>
          </a>
        </p>
      ) : null}
      {SUBMITTABLE.has(practice.status) ? (
        <PostForm action={ctx.href(`/practices/${practice.slug}/submit`)} csrfToken={ctx.csrfToken()} class="inline-form">
          <button type="submit" class="link-button">
            {ctx.t('practices.form.submit')}
            <span class="visually-hidden">{` ${practice.title}`}</span>
          </button>
        </PostForm>
      ) : null}
    </>
  );
}

export function MinePage({ ctx, list, notice }: { ctx: ViewContext; list: Page<MyPractice>; notice?: string }) {
  const { t } = ctx;
  return (
    <>
      <SuccessBanner title={t('common.success')} message={notice} />
      <h1>{t('practices.mine.title')}</h1>
      <p>
        <ButtonLink href={ctx.href('/practices/new')}>{t('practices.mine.new')}</ButtonLink>
      </p>
      {list.items.length === 0 ? (
        <p>{t('practices.mine.empty')}</p>
      ) : (
        <>
          <Table
            caption={t('practices.mine.caption')}
            captionHidden
            head={[t('practices.mine.practice'), t('practices.mine.status'), t('practices.mine.updated'), t('practices.mine.feedback'), t('practices.mine.actions')]}
            rows={list.items.map((practice) => [
              <a href={ctx.href(`/practices/${practice.slug}`)}>{practice.title}</a>,
              <>
                <StatusTag ctx={ctx} status={practice.status} /> <PendingTag ctx={ctx} state={practice.pending_state} />
              </>,
              <DateText ctx={ctx} date={practice.updated_at} />,
              <Feedback ctx={ctx} practice={practice} />,
              <Actions ctx={ctx} practice={practice} />,
            ])}
          />
          <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(page) => ctx.href(pageHref('/practices/mine', {}, page))} labels={paginationLabels(t)} />
        </>
      )}
    </>
  );
}
