import type { ContentRef } from '../../content/kinds.ts';
import type { ViewContext } from '../../platform/context.ts';
import { fieldBinder, summaryOf, type FormState } from '../../platform/forms.ts';
import { Button, ErrorSummary, Radios, Textarea } from '../../ui/index.ts';
import { PostForm } from '../../ui/post-form.tsx';
import { FLAG_REASONS, type FlagSubject } from '../service.ts';

export interface FlagPageProps {
  ctx: ViewContext;
  item: ContentRef;
  subject: FlagSubject;
  form: FormState;
}

/** The report page's title: about the item itself, or a comment on it. */
export function flagPageTitle(ctx: Pick<ViewContext, 't'>, item: Pick<ContentRef, 'kind'>, subject: FlagSubject): string {
  return subject.kind === 'comment' ? ctx.t('engagement.flag.titleComment') : ctx.t(`engagement.kinds.${item.kind}.reportTitle`);
}

/** One question: why the member reports the item or a comment on it, with an optional note. */
export function FlagPage({ ctx, item, subject, form }: FlagPageProps) {
  const { t } = ctx;
  const field = fieldBinder(ctx, form);
  const itemHref = ctx.href(item.path);
  const back = subject.kind === 'comment' ? `${itemHref}#comment-${subject.commentId}` : itemHref;
  return (
    <div class="stack">
      <p>
        <a href={back}>{t(`engagement.kinds.${item.kind}.back`)}</a>
      </p>
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, form.errors)} />
      <h1>{flagPageTitle(ctx, item, subject)}</h1>
      <p class="lede" lang={item.language} dir="auto">
        {item.title}
      </p>
      <p>{t('engagement.flag.intro')}</p>
      <PostForm action={ctx.href(`${item.path}/flags`)} csrfToken={ctx.csrfToken()}>
        <input type="hidden" name="subject" value={subject.kind === 'comment' ? 'comment' : 'item'} />
        {subject.kind === 'comment' ? <input type="hidden" name="comment" value={String(subject.commentId)} /> : null}
        <Radios
          {...field('reason')}
          label={t('engagement.flag.reason')}
          checked={form.values.reason}
          items={FLAG_REASONS.map((reason) => ({ value: reason, label: t(`engagement.flag.reasons.${reason}`) }))}
        />
        <Textarea {...field('note')} label={t('engagement.flag.note')} rows={4} />
        <Button>{t('engagement.flag.send')}</Button>
      </PostForm>
    </div>
  );
}
