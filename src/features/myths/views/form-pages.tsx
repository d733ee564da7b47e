import { DecisionForm, StatusTag } from '../../../editorial/index.ts';
import { displayNames } from '../../../lib/intl.ts';
import { CONTENT_LANGUAGES } from '../../../lib/languages.ts';
import type { ViewContext } from '../../../platform/context.ts';
import { summaryOf, type FieldErrors } from '../../../platform/forms.ts';
import { can } from '../../../platform/permissions.ts';
import { FormPageTop } from '../../../ui/form-page-top.tsx';
import { CountryChoices } from '../../../ui/form-controls.tsx';
import { ErrorMessage } from '../../../ui/fields.tsx';
import { Button, Checkboxes, ErrorSummary, NotificationBanner, Select, SuccessBanner, TextInput, Textarea } from '../../../ui/index.ts';
import { MarkdownText } from '../../../ui/markdown-text.tsx';
import { PostForm } from '../../../ui/post-form.tsx';
import { Section } from '../../../ui/section.tsx';
import { DateText } from '../../../ui/date-text.tsx';
import { termLabel, type Term } from '../../taxonomies/index.ts';
import { mythPath, MYTHS_PATH, mythReviewPath } from '../kind.ts';
import { AUDIENCES, MYTH_LIMITS, SPARE_SOURCE_ROWS, type MythFormValues, type SourceFormRow } from '../model.ts';
import type { MythDetail } from '../service.ts';
import type * as queries from '../queries.ts';
import { SourceList } from './myth-page.tsx';

export interface MythFormPageProps {
  ctx: ViewContext;
  action: string;
  values: MythFormValues;
  errors: FieldErrors;
  topics: readonly Term[];
  version?: number;
  feedback?: string;
  conflict?: boolean;
  editing: boolean;
}

const EMPTY_SOURCE: SourceFormRow = { title: '', publisher: '', year: '', url: '' };

/** One source's four fields; the title carries the row's id, so the error summary links to it. */
function SourceFields({ ctx, row, index, error }: { ctx: ViewContext; row: SourceFormRow; index: number; error?: string }) {
  const { t } = ctx;
  const id = `source-${index + 1}`;
  return (
    <fieldset class={error ? 'fieldset form-group--error' : 'fieldset'}>
      <legend class="fieldset__legend">{t('myths.fields.source.legend', { number: index + 1 })}</legend>
      <ErrorMessage id={`${id}-error`} message={error} prefix={t('common.errorPrefix')} />
      <TextInput id={id} name="sourceTitle" label={t('myths.fields.source.title')} value={row.title} />
      <TextInput id={`${id}-publisher`} name="sourcePublisher" label={t('myths.fields.source.publisher')} value={row.publisher} />
      <TextInput id={`${id}-year`} name="sourceYear" label={t('myths.fields.source.year')} value={row.year} inputmode="numeric" width={4} />
      <TextInput id={`${id}-url`} name="sourceUrl" type="url" label={t('myths.fields.source.url')} value={row.url} inputmode="url" />
    </fieldset>
  );
}

/** The myth form: the claim, the fact, the explanation, where and to whom it circulates, and the evidence. */
export function MythFormPage({ ctx, action, values, errors, topics, version, feedback, conflict, editing }: MythFormPageProps) {
  const { t } = ctx;
  const errorPrefix = t('common.errorPrefix');
  const field = (id: string) => ({ id, errorPrefix, error: errors[id] ? t(errors[id]) : undefined });
  const languages = displayNames(ctx.locale, 'language');
  const rows = [...values.sources, ...Array.from({ length: SPARE_SOURCE_ROWS }, () => EMPTY_SOURCE)].slice(0, MYTH_LIMITS.sources);
  return (
    <div class="stack">
      <FormPageTop ctx={ctx} errors={errors} area="myths" editing={editing} conflict={conflict} />
      <p>{t('myths.form.intro')}</p>
      {feedback ? (
        <NotificationBanner title={t('myths.form.feedbackTitle')} variant="info">
          <p dir="auto">{feedback}</p>
        </NotificationBanner>
      ) : null}
      <PostForm action={ctx.href(action)} csrfToken={ctx.csrfToken()}>
        {version !== undefined ? <input type="hidden" name="version" value={String(version)} /> : null}
        <Textarea {...field('title')} label={t('myths.fields.title.label')} hint={t('myths.fields.title.hint')} value={values.title} rows={2} spellcheck />
        <Textarea {...field('fact')} label={t('myths.fields.fact.label')} hint={t('myths.fields.fact.hint')} value={values.fact} rows={3} spellcheck />
        <Textarea {...field('explanation')} label={t('myths.fields.explanation.label')} hint={t('myths.fields.explanation.hint')} value={values.explanation} rows={8} spellcheck />
        <Select
          {...field('language')}
          label={t('myths.fields.language.label')}
          emptyOption={t('myths.fields.language.choose')}
          options={CONTENT_LANGUAGES.map((code) => ({ value: code, label: languages.of(code) ?? code }))}
          value={values.language}
        />
        <TextInput {...field('translationOf')} label={t('myths.fields.translationOf.label')} hint={t('myths.fields.translationOf.hint')} value={values.translationOf} />
        <Checkboxes {...field('audiences')} label={t('myths.fields.audiences.label')} items={AUDIENCES.map((audience) => ({ value: audience, label: t(`myths.audiences.${audience}`) }))} checked={values.audiences} />
        <Checkboxes {...field('topics')} label={t('myths.fields.topics.label')} items={topics.map((term) => ({ value: term.code, label: termLabel(term, ctx.locale) }))} checked={values.topics} />
        <CountryChoices ctx={ctx} {...field('countries')} legend={t('myths.fields.countries.label')} hint={t('myths.fields.countries.hint')} checked={values.countries} />
        <h2>{t('myths.fields.source.heading')}</h2>
        <p>{t('myths.fields.source.hint')}</p>
        {rows.map((row, index) => (
          <SourceFields key={index} ctx={ctx} row={row} index={index} error={errors[`source-${index + 1}`] ? t(errors[`source-${index + 1}`] ?? '') : undefined} />
        ))}
        <div class="button-group">
          <Button name="action" value="submit">
            {t('myths.form.submit')}
          </Button>
          <Button name="action" value="draft" variant="secondary">
            {t('myths.form.saveDraft')}
          </Button>
          {can(ctx.user, 'content.review') ? (
            <Button name="action" value="publish" variant="secondary">
              {t('myths.form.publish')}
            </Button>
          ) : null}
        </div>
      </PostForm>
    </div>
  );
}

/** The editors' page of one proposed myth: what it says, its evidence, and the decision form. */
export function MythReviewPage({ ctx, detail, values, errors, decided }: { ctx: ViewContext; detail: MythDetail; values: { decision: string; message: string }; errors: FieldErrors; decided?: string }) {
  const { t } = ctx;
  const { row } = detail;
  return (
    <div class="stack">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, errors)} />
      <SuccessBanner title={t('common.success')} message={decided ? t(`myths.review.done.${decided}`) : undefined} />
      <p>
        <a href={ctx.href('/review')}>{t('myths.review.back')}</a>
      </p>
      <h1>
        {t('myths.review.title')} <span dir="auto">{row.title}</span>
      </h1>
      <p>
        <StatusTag ctx={ctx} status={row.status} />
      </p>
      <p>
        <a href={ctx.href(mythPath(row.slug))}>{t('myths.review.preview')}</a>
      </p>
      <Section id="fact" title={t('myths.page.factLabel')}>
        <p dir="auto">{row.fact}</p>
        {row.explanation ? <MarkdownText source={row.explanation} /> : null}
      </Section>
      <Section id="evidence" title={t('myths.page.evidence')}>
        <SourceList ctx={ctx} sources={detail.sources} />
      </Section>
      {row.status === 'submitted' || row.status === 'in_review' ? (
        <DecisionForm ctx={ctx} action={`${mythReviewPath(row.slug)}/decision`} version={row.version} values={values} errors={errors} />
      ) : null}
    </div>
  );
}

/** `/{l}/myths/mine`: what the member proposed, in every state. */
export function MyMythsPage({ ctx, myths }: { ctx: ViewContext; myths: Awaited<ReturnType<typeof queries.myMyths>> }) {
  const { t } = ctx;
  return (
    <div class="stack">
      <h1>{t('myths.mine.title')}</h1>
      <p>
        <a href={ctx.href(`${MYTHS_PATH}/new`)}>{t('myths.list.propose')}</a>
      </p>
      {myths.length === 0 ? (
        <p>{t('myths.mine.empty')}</p>
      ) : (
        <ul class="stack">
          {myths.map((myth) => (
            <li key={myth.slug}>
              <a href={ctx.href(mythPath(myth.slug))} lang={myth.language} dir="auto">
                {myth.title}
              </a>{' '}
              <StatusTag ctx={ctx} status={myth.status} /> <DateText ctx={ctx} date={myth.updated_at} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
