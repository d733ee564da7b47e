import {
  DECISIONS,
  fieldChanges,
  PENDING_NOTICES,
  PendingChangeReview,
  PendingNoticeBanner,
  PendingTag,
  SmallCorrectionsSwitch,
  StatusTag,
  type PendingChange,
  type PendingNotice,
  type PendingReviewState,
  type PendingState,
} from '../../../editorial/index.ts';
import type { ResourceInput } from '../model.ts';
import { HISTORY_FIELDS } from './history-page.tsx';
import type { ViewContext } from '../../../platform/context.ts';
import { summaryOf, type FieldErrors } from '../../../platform/forms.ts';
import { paginationLabels, type Page } from '../../../platform/pagination.ts';
import { Button, ErrorSummary, Pagination, Radios, Table, Textarea } from '../../../ui/index.ts';
import { DateText } from '../../../ui/date-text.tsx';
import { PostForm } from '../../../ui/post-form.tsx';
import type { ResourceDetail } from '../service.ts';

const resourcePath = (slug: string) => `/resources/${encodeURIComponent(slug)}`;

export interface ReviewPageProps {
  ctx: ViewContext;
  detail: ResourceDetail;
  values: { decision: string; message: string };
  errors: FieldErrors;
  decided?: string;
  /** The author's change to the published resource, if one waits or came back. */
  pending: PendingChange<ResourceInput> | undefined;
  pendingState: PendingReviewState;
  smallCorrections: boolean;
}

/** The editors' page of one resource: what was submitted, and the decision with a message to the author. */
export function ResourceReviewPage({ ctx, detail, values, errors, decided, pending, pendingState, smallCorrections }: ReviewPageProps) {
  const { t } = ctx;
  const { row } = detail;
  const errorPrefix = t('common.errorPrefix');
  const open = row.status === 'submitted' || row.status === 'in_review';
  const reviewPath = `/review/resources/${encodeURIComponent(row.slug)}`;
  const pendingNotice = PENDING_NOTICES.find((notice) => notice === decided);
  return (
    <div class="stack">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, { ...errors, ...(pendingState.errors ?? {}) })} />
      <p>
        <a href={ctx.href('/review')}>{t('editorial.queue.queueTitle')}</a>
      </p>
      <PendingNoticeBanner ctx={ctx} notice={pendingNotice as PendingNotice | undefined} />
      {decided && !pendingNotice ? <p role="status">{t(`resources.review.decided.${decided}`)}</p> : null}
      <h1>
        {t('resources.review.title')} <span lang={row.language} dir="auto">{row.title}</span>
      </h1>
      <p>
        <StatusTag ctx={ctx} status={row.status} /> {row.author_name ? t('resources.review.by', { name: row.author_name }) : null}
      </p>
      <p>
        <a href={ctx.href(resourcePath(row.slug))}>{t('resources.review.read')}</a> · <a href={ctx.href(`${resourcePath(row.slug)}/edit`)}>{t('resources.page.edit')}</a>
      </p>
      {pending ? (
        <PendingChangeReview
          ctx={ctx}
          change={pending}
          changes={fieldChanges(HISTORY_FIELDS, detail.input, pending.record)}
          fieldLabel={(field) => t(`resources.fields.${field}.label`)}
          reviewPath={reviewPath}
          editorNote={pendingState.editorNote ?? ''}
          errors={pendingState.errors ?? {}}
          conflict={pendingState.conflict}
        />
      ) : null}
      {row.status === 'published' ? <SmallCorrectionsSwitch ctx={ctx} allowed={smallCorrections} reviewPath={reviewPath} /> : null}
      {open ? (
        <PostForm action={ctx.href(`/review/resources/${encodeURIComponent(row.slug)}/decision`)} csrfToken={ctx.csrfToken()}>
          <input type="hidden" name="version" value={String(row.version)} />
          <Radios
            id="decision"
            errorPrefix={errorPrefix}
            error={errors.decision ? t(errors.decision) : undefined}
            label={t('resources.review.decision')}
            items={DECISIONS.map((decision) => ({ value: decision, label: t(`resources.review.decisions.${decision}`) }))}
            checked={values.decision}
          />
          <Textarea
            id="message"
            errorPrefix={errorPrefix}
            error={errors.message ? t(errors.message) : undefined}
            label={t('resources.review.message')}
            hint={t('resources.review.messageHint')}
            value={values.message}
            rows={5}
          />
          <Button>{t('resources.review.save')}</Button>
        </PostForm>
      ) : pending ? null : (
        <p>{t('resources.review.notOpen')}</p>
      )}
    </div>
  );
}

export interface MineRow {
  slug: string;
  title: string;
  status: ResourceDetail['row']['status'];
  language: string;
  updated_at: Date;
  /** Whether a change to the published resource waits for the editors, or came back from them. */
  pending_state: PendingState | null;
}

/** A member's own resources, with where each stands. */
export function MyResourcesPage({ ctx, list }: { ctx: ViewContext; list: Page<MineRow> }) {
  const { t } = ctx;
  return (
    <div class="stack">
      <h1>{t('resources.mine.title')}</h1>
      <p>
        <a href={ctx.href('/resources/new')}>{t('resources.list.submit')}</a>
      </p>
      {list.total === 0 ? (
        <p>{t('resources.mine.empty')}</p>
      ) : (
        <>
          <Table
            caption={t('resources.mine.caption', { count: list.total })}
            head={[t('editorial.queue.title'), t('editorial.queue.status'), t('resources.mine.updated')]}
            rows={list.items.map((row) => [
              <a href={ctx.href(resourcePath(row.slug))} lang={row.language} dir="auto">
                {row.title}
              </a>,
              <>
                <StatusTag ctx={ctx} status={row.status} /> <PendingTag ctx={ctx} state={row.pending_state} />
              </>,
              <DateText ctx={ctx} date={row.updated_at} />,
            ])}
          />
          <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(page) => ctx.href(`/resources/mine?page=${page}`)} labels={paginationLabels(t)} />
        </>
      )}
    </div>
  );
}

export interface BrokenLinkRow {
  slug: string;
  title: string;
  language: string;
  url: string | null;
  link_status: number | null;
  link_error: string | null;
  link_checked_at: Date | null;
}

/** Editors' list of published resources whose link failed its last check. */
export function BrokenLinksPage({ ctx, list }: { ctx: ViewContext; list: Page<BrokenLinkRow> }) {
  const { t } = ctx;
  return (
    <div class="stack">
      <h1>{t('resources.links.title')}</h1>
      <p>{t('resources.links.intro')}</p>
      {list.total === 0 ? (
        <p>{t('resources.links.empty')}</p>
      ) : (
        <>
          <Table
            caption={t('resources.links.caption', { count: list.total })}
            head={[t('editorial.queue.title'), t('resources.links.link'), t('resources.links.result'), t('resources.links.checked')]}
            rows={list.items.map((row) => [
              <a href={ctx.href(`${resourcePath(row.slug)}/edit`)} lang={row.language} dir="auto">
                {row.title}
              </a>,
              <span class="break-all">{row.url ?? ''}</span>,
              row.link_status !== null ? String(row.link_status) : t(`resources.links.errors.${row.link_error ?? 'network'}`),
              row.link_checked_at ? <DateText ctx={ctx} date={row.link_checked_at} withTime /> : '',
            ])}
          />
          <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(page) => ctx.href(`/resources/links?page=${page}`)} labels={paginationLabels(t)} />
        </>
      )}
    </div>
  );
}
