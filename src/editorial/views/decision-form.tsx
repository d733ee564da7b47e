import type { ViewContext } from '../../platform/context.ts';
import type { FieldErrors } from '../../platform/forms.ts';
import { Button, Radios, Textarea } from '../../ui/index.ts';
import { PostForm } from '../../ui/post-form.tsx';
import { DECISIONS } from '../workflow.ts';

/**
 * An editor's decision on a submission: publish, ask for changes or decline, with a message to
 * the author (required unless publishing, see `readDecision`). `version` guards against a
 * decision on an item that changed since the page was read.
 */
export function DecisionForm({ ctx, action, version, values, errors }: { ctx: ViewContext; action: string; version: number; values: { decision: string; message: string }; errors: FieldErrors }) {
  const { t } = ctx;
  const errorPrefix = t('common.errorPrefix');
  const field = (id: 'decision' | 'message') => ({ id, errorPrefix, error: errors[id] ? t(errors[id]) : undefined });
  return (
    <PostForm action={ctx.href(action)} csrfToken={ctx.csrfToken()}>
      <input type="hidden" name="version" value={String(version)} />
      <Radios {...field('decision')} label={t('editorial.decision.label')} items={DECISIONS.map((decision) => ({ value: decision, label: t(`editorial.decision.options.${decision}`) }))} checked={values.decision} />
      <Textarea {...field('message')} label={t('editorial.decision.message')} hint={t('editorial.decision.messageHint')} rows={4} value={values.message} />
      <Button>{t('editorial.decision.send')}</Button>
    </PostForm>
  );
}
