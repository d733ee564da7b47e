import { CONTENT_LANGUAGES } from '../../../lib/languages.ts';
import type { ViewContext } from '../../../platform/context.ts';
import { summaryOf, type FieldErrors } from '../../../platform/forms.ts';
import { FormPageTop } from '../../../ui/form-page-top.tsx';
import { fieldsOf, formText as text } from '../../../ui/field-binding.ts';
import { CountryChoices, languageOptions } from '../../../ui/form-controls.tsx';
import { Button, Checkboxes, ErrorSummary, Radios, Select, SuccessBanner, TextInput, Textarea } from '../../../ui/index.ts';
import { PostForm } from '../../../ui/post-form.tsx';
import { Section } from '../../../ui/section.tsx';
import { AUDIENCES } from '../../myths/index.ts';
import { termLabel, type Term } from '../../taxonomies/index.ts';
import { campaignPath } from '../kind.ts';
import type { CampaignFormValues } from '../model.ts';
import type { CampaignDetail } from '../service.ts';


/** Starting or editing a campaign: what it answers, for whom, where, when, with what and with whom. */
export function CampaignFormPage({ ctx, action, values, errors, topics, version, conflict }: { ctx: ViewContext; action: string; values: CampaignFormValues; errors: FieldErrors; topics: readonly Term[]; version?: number; conflict?: boolean }) {
  const { t } = ctx;
  const field = fieldsOf(ctx, errors);
  const editing = version !== undefined;
  return (
    <div class="stack">
      <FormPageTop ctx={ctx} errors={errors} area="campaigns" editing={editing} conflict={conflict} />
      <p>{t('campaigns.form.intro')}</p>
      <PostForm action={ctx.href(action)} csrfToken={ctx.csrfToken()}>
        {editing ? <input type="hidden" name="version" value={String(version)} /> : null}
        <TextInput {...field('name')} label={t('campaigns.fields.name')} value={values.name} spellcheck />
        <TextInput {...field('hashtag')} label={t('campaigns.fields.hashtag')} hint={t('campaigns.fields.hashtagHint')} value={values.hashtag} width={30} />
        <Select {...field('language')} label={t('campaigns.fields.language')} emptyOption={t('campaigns.fields.chooseLanguage')} options={languageOptions(ctx.locale, CONTENT_LANGUAGES)} value={values.language} />
        <Textarea {...field('problem')} label={t('campaigns.fields.problem')} hint={t('campaigns.fields.problemHint')} value={values.problem} rows={3} spellcheck />
        <Textarea {...field('objectives')} label={t('campaigns.fields.objectives')} hint={t('campaigns.fields.markdownHint')} value={values.objectives} rows={5} spellcheck />
        <Checkboxes {...field('audiences')} label={t('campaigns.fields.audiences')} items={AUDIENCES.map((audience) => ({ value: audience, label: t(`myths.audiences.${audience}`) }))} checked={values.audiences} />
        <Checkboxes {...field('topics')} label={t('campaigns.fields.topics')} items={topics.map((term) => ({ value: term.code, label: termLabel(term, ctx.locale) }))} checked={values.topics} />
        <CountryChoices ctx={ctx} {...field('countries')} legend={t('campaigns.fields.countries')} checked={values.countries} />
        <TextInput {...field('startsOn')} type="date" label={t('campaigns.fields.startsOn')} value={values.startsOn} />
        <TextInput {...field('endsOn')} type="date" label={t('campaigns.fields.endsOn')} hint={t('campaigns.fields.endsOnHint')} value={values.endsOn} />
        <Textarea {...field('organisations')} label={t('campaigns.fields.organisations')} hint={t('campaigns.fields.partnersHint')} value={values.organisations} rows={3} />
        <Textarea {...field('cities')} label={t('campaigns.fields.cities')} hint={t('campaigns.fields.partnersHint')} value={values.cities} rows={3} />
        <TextInput {...field('budget')} label={t('campaigns.fields.budget')} hint={t('campaigns.fields.budgetHint')} value={values.budget} inputmode="decimal" width={10} />
        <TextInput {...field('budgetCurrency')} label={t('campaigns.fields.currency')} value={values.budgetCurrency} width={4} />
        <TextInput {...field('budgetNote')} label={t('campaigns.fields.budgetNote')} value={values.budgetNote} />
        <Textarea {...field('deliverables')} label={t('campaigns.fields.deliverables')} hint={t('campaigns.fields.markdownHint')} value={values.deliverables} rows={4} />
        <Textarea {...field('successFactors')} label={t('campaigns.fields.successFactors')} hint={t('campaigns.fields.markdownHint')} value={values.successFactors} rows={4} />
        <Textarea {...field('results')} label={t('campaigns.fields.results')} hint={t('campaigns.fields.resultsHint')} value={values.results} rows={4} />
        <Textarea {...field('recommendations')} label={t('campaigns.fields.recommendations')} hint={t('campaigns.fields.markdownHint')} value={values.recommendations} rows={4} />
        <Button>{t(editing ? 'campaigns.form.save' : 'campaigns.form.create')}</Button>
      </PostForm>
    </div>
  );
}

export interface ManageForms {
  /** Which small form the errors and values belong to. */
  form?: 'message' | 'indicator' | 'value' | 'milestone' | 'update' | 'manager';
  values: Record<string, string | string[]>;
  errors: FieldErrors;
}


/** `/{l}/campaigns/{slug}/manage`: the managers' forms, each posting on its own. */
export function ManagePage({ ctx, detail, myths, forms, done }: { ctx: ViewContext; detail: CampaignDetail; myths: readonly { slug: string; title: string; language: string }[]; forms: ManageForms; done?: string }) {
  const { t } = ctx;
  const { row } = detail;
  const base = campaignPath(row.slug);
  const errorsOf = (form: ManageForms['form']) => (forms.form === form ? forms.errors : {});
  const valuesOf = (form: ManageForms['form']) => (forms.form === form ? forms.values : {});
  const messageValues = valuesOf('message');
  const chosenMyths = Array.isArray(messageValues.myths) ? messageValues.myths : typeof messageValues.myths === 'string' ? [messageValues.myths] : [];
  return (
    <div class="stack">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, Object.fromEntries(Object.entries(forms.errors).map(([name, key]) => [`${forms.form ?? ''}-${name}`, key])))} />
      <SuccessBanner title={t('common.success')} message={done ? t(`campaigns.manage.done.${done}`) : undefined} />
      <p>
        <a href={ctx.href(base)}>{t('campaigns.manage.back')}</a> · <a href={ctx.href(`${base}/edit`)}>{t('campaigns.manage.edit')}</a>
      </p>
      <h1>
        {t('campaigns.manage.title')} <span dir="auto">{row.name}</span>
      </h1>
      <Section id="add-message" title={t('campaigns.manage.message')}>
        <PostForm action={ctx.href(`${base}/messages`)} csrfToken={ctx.csrfToken()}>
          <Select {...fieldsOf(ctx, errorsOf('message'), 'message')('audience')} label={t('campaigns.fields.audience')} emptyOption={t('campaigns.fields.chooseAudience')} options={AUDIENCES.map((audience) => ({ value: audience, label: t(`myths.audiences.${audience}`) }))} value={text(messageValues, 'audience')} />
          <Select {...fieldsOf(ctx, errorsOf('message'), 'message')('language')} label={t('campaigns.fields.messageLanguage')} emptyOption={t('campaigns.fields.chooseLanguage')} options={languageOptions(ctx.locale, CONTENT_LANGUAGES)} value={text(messageValues, 'language')} />
          <Textarea {...fieldsOf(ctx, errorsOf('message'), 'message')('body')} label={t('campaigns.fields.messageBody')} hint={t('campaigns.fields.messageBodyHint')} value={text(messageValues, 'body')} rows={3} spellcheck />
          <Checkboxes {...fieldsOf(ctx, errorsOf('message'), 'message')('myths')} label={t('campaigns.fields.myths')} hint={t('campaigns.fields.mythsHint')} items={myths.map((myth) => ({ value: myth.slug, label: myth.title }))} checked={chosenMyths} />
          <Button>{t('campaigns.manage.addMessage')}</Button>
        </PostForm>
        {detail.messages.length > 0 ? (
          <ul>
            {detail.messages.map((message) => (
              <li key={message.id}>
                <span lang={message.language} dir="auto">
                  {message.body}
                </span>{' '}
                <PostForm action={ctx.href(`${base}/messages/${message.id}/delete`)} csrfToken={ctx.csrfToken()}>
                  <Button variant="secondary">{t('campaigns.manage.removeMessage')}</Button>
                </PostForm>
              </li>
            ))}
          </ul>
        ) : null}
      </Section>
      <Section id="add-indicator" title={t('campaigns.manage.indicator')}>
        <PostForm action={ctx.href(`${base}/indicators`)} csrfToken={ctx.csrfToken()}>
          <TextInput {...fieldsOf(ctx, errorsOf('indicator'), 'indicator')('name')} label={t('campaigns.fields.indicatorName')} value={text(valuesOf('indicator'), 'name')} />
          <TextInput {...fieldsOf(ctx, errorsOf('indicator'), 'indicator')('unit')} label={t('campaigns.fields.unit')} hint={t('campaigns.fields.unitHint')} value={text(valuesOf('indicator'), 'unit')} width={10} />
          <TextInput {...fieldsOf(ctx, errorsOf('indicator'), 'indicator')('baseline')} label={t('campaigns.fields.baseline')} value={text(valuesOf('indicator'), 'baseline')} inputmode="decimal" width={10} />
          <TextInput {...fieldsOf(ctx, errorsOf('indicator'), 'indicator')('target')} label={t('campaigns.fields.target')} value={text(valuesOf('indicator'), 'target')} inputmode="decimal" width={10} />
          <Button>{t('campaigns.manage.addIndicator')}</Button>
        </PostForm>
      </Section>
      {detail.indicators.length > 0 ? (
        <Section id="record-value" title={t('campaigns.manage.value')}>
          <PostForm action={ctx.href(`${base}/values`)} csrfToken={ctx.csrfToken()}>
            <Radios {...fieldsOf(ctx, errorsOf('value'), 'value')('indicator')} label={t('campaigns.fields.indicator')} items={detail.indicators.map((indicator) => ({ value: String(indicator.id), label: indicator.name }))} checked={text(valuesOf('value'), 'indicator')} />
            <TextInput {...fieldsOf(ctx, errorsOf('value'), 'value')('on')} type="date" label={t('campaigns.fields.recordedOn')} value={text(valuesOf('value'), 'on')} />
            <TextInput {...fieldsOf(ctx, errorsOf('value'), 'value')('value')} label={t('campaigns.fields.value')} value={text(valuesOf('value'), 'value')} inputmode="decimal" width={10} />
            <Button>{t('campaigns.manage.recordValue')}</Button>
          </PostForm>
        </Section>
      ) : null}
      <Section id="add-milestone" title={t('campaigns.manage.milestone')}>
        <PostForm action={ctx.href(`${base}/milestones`)} csrfToken={ctx.csrfToken()}>
          <TextInput {...fieldsOf(ctx, errorsOf('milestone'), 'milestone')('title')} label={t('campaigns.fields.milestoneTitle')} value={text(valuesOf('milestone'), 'title')} />
          <TextInput {...fieldsOf(ctx, errorsOf('milestone'), 'milestone')('dueOn')} type="date" label={t('campaigns.fields.dueOn')} value={text(valuesOf('milestone'), 'dueOn')} />
          <Checkboxes {...fieldsOf(ctx, errorsOf('milestone'), 'milestone')('done')} label={t('campaigns.fields.milestoneState')} items={[{ value: 'yes', label: t('campaigns.fields.milestoneDone') }]} checked={text(valuesOf('milestone'), 'done') ? ['yes'] : []} />
          <Button>{t('campaigns.manage.addMilestone')}</Button>
        </PostForm>
      </Section>
      <Section id="write-update" title={t('campaigns.manage.update')}>
        <p>{t('campaigns.manage.updateHint')}</p>
        <PostForm action={ctx.href(`${base}/updates`)} csrfToken={ctx.csrfToken()}>
          <TextInput {...fieldsOf(ctx, errorsOf('update'), 'update')('title')} label={t('campaigns.fields.updateTitle')} value={text(valuesOf('update'), 'title')} />
          <Textarea {...fieldsOf(ctx, errorsOf('update'), 'update')('body')} label={t('campaigns.fields.updateBody')} hint={t('campaigns.fields.markdownHint')} value={text(valuesOf('update'), 'body')} rows={5} />
          <Button>{t('campaigns.manage.postUpdate')}</Button>
        </PostForm>
      </Section>
      <Section id="managers" title={t('campaigns.manage.managers')}>
        <ul>
          {detail.managers.map((manager) => (
            <li key={manager.id}>
              <a href={ctx.href(`/members/${encodeURIComponent(manager.handle)}`)}>{manager.name}</a>
            </li>
          ))}
        </ul>
        <PostForm action={ctx.href(`${base}/managers`)} csrfToken={ctx.csrfToken()}>
          <TextInput {...fieldsOf(ctx, errorsOf('manager'), 'manager')('handle')} label={t('campaigns.fields.handle')} hint={t('campaigns.fields.handleHint')} value={text(valuesOf('manager'), 'handle')} width={20} />
          <Button>{t('campaigns.manage.invite')}</Button>
        </PostForm>
      </Section>
    </div>
  );
}

/** The page a mailed link opens: one button, so a mail scanner that follows links changes nothing. */
export function TokenActionPage({ ctx, action, token, title, body, button }: { ctx: ViewContext; action: string; token: string; title: string; body: string; button: string }) {
  return (
    <div class="stack">
      <h1>{title}</h1>
      <p>{body}</p>
      <PostForm action={ctx.href(action)} csrfToken={ctx.csrfToken()}>
        <input type="hidden" name="token" value={token} />
        <Button>{button}</Button>
      </PostForm>
    </div>
  );
}
