import type { ViewContext } from '../../../platform/context.ts';
import { fieldBinder, summaryOf, type FormState } from '../../../platform/forms.ts';
import { Button, ErrorSummary, Radios, Textarea } from '../../../ui/index.ts';
import { PostForm } from '../../../ui/post-form.tsx';
import { FLAG_REASONS, type FlagSubject } from '../page-service.ts';

export interface FlagPageProps {
  ctx: ViewContext;
  practice: { slug: string; title: string; language: string };
  subject: FlagSubject;
  form: FormState;
}

/** One question: why the member reports the practice or a comment, with an optional note. */
export function FlagPage({ ctx, practice, subject, form }: FlagPageProps) {
  const { t } = ctx;
  const field = fieldBinder(ctx, form);
  const practiceHref = ctx.href(`/practices/${encodeURIComponent(practice.slug)}`);
  const back = subject.kind === 'comment' ? `${practiceHref}#comment-${subject.commentId}` : practiceHref;
  return (
    <div class="stack">
      <p>
        <a href={back}>{t('practicePage.flag.back')}</a>
      </p>
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, form.errors)} />
      <h1>{t(subject.kind === 'comment' ? 'practicePage.flag.titleComment' : 'practicePage.flag.titlePractice')}</h1>
      <p class="lede" lang={practice.language} dir="auto">
        {practice.title}
      </p>
      <p>{t('practicePage.flag.intro')}</p>
      <PostForm action={ctx.href(`/practices/${encodeURIComponent(practice.slug)}/flags`)} csrfToken={ctx.csrfToken()}>
        <input type="hidden" name="subject" value={subject.kind} />
        {subject.kind === 'comment' ? <input type="hidden" name="comment" value={String(subject.commentId)} /> : null}
        <Radios
          {...field('reason')}
          label={t('practicePage.flag.reason')}
          checked={form.values.reason}
          items={FLAG_REASONS.map((reason) => ({ value: reason, label: t(`practicePage.flag.reasons.${reason}`) }))}
        />
        <Textarea {...field('note')} label={t('practicePage.flag.note')} rows={4} />
        <Button>{t('practicePage.flag.send')}</Button>
      </PostForm>
    </div>
  );
}
