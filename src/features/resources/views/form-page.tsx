import type { Vocabulary } from '../../../db/schema/taxonomies.ts';
import { displayNames } from '../../../lib/intl.ts';
import { CONTENT_LANGUAGES } from '../../../lib/languages.ts';
import type { ViewContext } from '../../../platform/context.ts';
import type { FieldErrors } from '../../../platform/forms.ts';
import { can } from '../../../platform/permissions.ts';
import { FormPageTop } from '../../../ui/form-page-top.tsx';
import { Button, Checkboxes, NotificationBanner, Radios, Select, TextInput, Textarea } from '../../../ui/index.ts';
import { CountryChoices } from '../../../ui/form-controls.tsx';
import { AttachmentFields, type ListedAttachment } from '../../../ui/attachments.tsx';
import { MAX_FILES_PER_UPLOAD } from '../../../platform/uploads/index.ts';
import { PostForm } from '../../../ui/post-form.tsx';
import { PendingChangeNotice, type PendingChange } from '../../../editorial/index.ts';
import { termLabel, type Term } from '../../taxonomies/index.ts';
import { RESOURCE_TYPES, type ResourceFormValues } from '../model.ts';

export interface ResourceFormPageProps {
  ctx: ViewContext;
  /** Posting to: `/resources` for a new one, `/resources/{slug}` for an edit. */
  action: string;
  values: ResourceFormValues;
  errors: FieldErrors;
  taxonomy: ReadonlyMap<Vocabulary, Term[]>;
  /** The version being edited, sent back so a concurrent change is noticed. */
  version?: number;
  /** Editors' message with their last decision, shown to the author when they asked for changes. */
  feedback?: string;
  conflict?: boolean;
  editing: boolean;
  /** Files already attached (when editing), and those the member ticked to remove. */
  attachments: readonly ListedAttachment[];
  removeIds: readonly number[];
  /** Editing a published resource as its author: the edit goes to the editors unless it is a correction they allowed. */
  published?: boolean;
  pending?: PendingChange<unknown>;
  pendingVersion?: number;
}

/** One form for a resource, in the GOV.UK pattern: errors summarised at the top and beside each field. */
export function ResourceFormPage({ ctx, action, values, errors, taxonomy, version, feedback, conflict, editing, attachments, removeIds, published, pending, pendingVersion }: ResourceFormPageProps) {
  const { t } = ctx;
  const errorPrefix = t('common.errorPrefix');
  const field = (id: keyof ResourceFormValues | 'attachments' | 'removeAttachment') => ({ id, errorPrefix, error: errors[id] ? t(errors[id]) : undefined });
  const languages = displayNames(ctx.locale, 'language');
  const termItems = (vocabulary: Vocabulary) => (taxonomy.get(vocabulary) ?? []).map((term) => ({ value: term.code, label: termLabel(term, ctx.locale) }));
  return (
    <div class="stack">
      <FormPageTop ctx={ctx} errors={errors} area="resources" editing={editing} conflict={conflict} />
      <p>{t('resources.form.intro')}</p>
      {published ? <p>{t('editorial.pending.author.howItWorks')}</p> : null}
      {pending ? <PendingChangeNotice ctx={ctx} change={pending} itemPath={action} /> : null}
      {feedback ? (
        <NotificationBanner title={t('resources.form.feedbackTitle')} variant="info">
          <p dir="auto">{feedback}</p>
        </NotificationBanner>
      ) : null}
      <PostForm action={ctx.href(action)} csrfToken={ctx.csrfToken()} enctype="multipart/form-data">
        {version !== undefined ? <input type="hidden" name="version" value={String(version)} /> : null}
        {published ? <input type="hidden" name="pendingVersion" value={String(pendingVersion ?? 0)} /> : null}
        <Radios
          {...field('type')}
          label={t('resources.fields.type.label')}
          items={RESOURCE_TYPES.map((type) => ({ value: type, label: t(`resources.types.${type}`) }))}
          checked={values.type}
        />
        <TextInput {...field('title')} label={t('resources.fields.title.label')} value={values.title} spellcheck />
        <Textarea {...field('summary')} label={t('resources.fields.summary.label')} hint={t('resources.fields.summary.hint')} value={values.summary} rows={4} spellcheck />
        <TextInput {...field('url')} type="url" label={t('resources.fields.url.label')} hint={t('resources.fields.url.hint')} value={values.url} inputmode="url" />
        <AttachmentFields
          ctx={ctx}
          attached={attachments}
          removeIds={removeIds.map(String)}
          remove={{ ...field('removeAttachment'), label: t('resources.fields.removeAttachment.label'), hint: t('resources.fields.removeAttachment.hint') }}
          add={{ ...field('attachments'), label: t('resources.fields.attachments.label'), hint: t('resources.fields.attachments.hint', { files: MAX_FILES_PER_UPLOAD }) }}
        />
        <Textarea {...field('body')} label={t('resources.fields.body.label')} hint={t('resources.fields.body.hint')} value={values.body} rows={10} spellcheck />
        <TextInput {...field('publisher')} label={t('resources.fields.publisher.label')} hint={t('resources.fields.publisher.hint')} value={values.publisher} />
        <TextInput {...field('year')} label={t('resources.fields.year.label')} value={values.year} inputmode="numeric" width={4} />
        <Select
          {...field('language')}
          label={t('resources.fields.language.label')}
          emptyOption={t('resources.fields.language.choose')}
          options={CONTENT_LANGUAGES.map((code) => ({ value: code, label: languages.of(code) ?? code }))}
          value={values.language}
        />
        <CountryChoices ctx={ctx} {...field('countries')} legend={t('resources.fields.countries.label')} hint={t('resources.fields.countries.hint')} checked={values.countries} />
        <Checkboxes {...field('topics')} label={t('resources.fields.topics.label')} items={termItems('topic')} checked={values.topics} />
        <Checkboxes {...field('targetGroups')} label={t('resources.fields.targetGroups.label')} items={termItems('target_group')} checked={values.targetGroups} />
        <Textarea
          {...field('relatedPractices')}
          label={t('resources.fields.relatedPractices.label')}
          hint={t('resources.fields.relatedPractices.hint')}
          value={values.relatedPractices}
          rows={3}
        />
        <div class="button-group">
          {published ? (
            <Button name="action" value="submit">
              {t('resources.form.saveChanges')}
            </Button>
          ) : (
            <>
              <Button name="action" value="submit">
                {t('resources.form.submit')}
              </Button>
              <Button name="action" value="draft" variant="secondary">
                {t('resources.form.saveDraft')}
              </Button>
            </>
          )}
          {can(ctx.user, 'content.review') ? (
            <Button name="action" value="publish" variant="secondary">
              {t('resources.form.publish')}
            </Button>
          ) : null}
        </div>
      </PostForm>
    </div>
  );
}
