import type { ComponentChildren } from 'preact';
import { EVIDENCE_LEVELS, SCALES, type PracticeStatus } from '../../../db/schema/practices.ts';
import type { Vocabulary } from '../../../db/schema/taxonomies.ts';
import { countryOptions } from '../../../lib/countries.ts';
import { STAKEHOLDER_TYPES } from '../../../lib/stakeholders.ts';
import type { ViewContext } from '../../../platform/context.ts';
import type { FieldErrors } from '../../../platform/forms.ts';
import { Button } from '../../../ui/button.tsx';
import { ErrorSummary } from '../../../ui/error-summary.tsx';
import { Checkboxes, Fieldset, Radios, Select, TextInput, Textarea } from '../../../ui/fields.tsx';
import { NotificationBanner } from '../../../ui/notification.tsx';
import { PostForm } from '../../../ui/post-form.tsx';
import { termLabel, type Term } from '../../taxonomies/index.ts';
import { MAX_FILES_PER_UPLOAD } from '../../../platform/uploads/index.ts';
import { AttachmentFields } from '../../../ui/attachments.tsx';
import { CONTENT_LANGUAGES, PRACTICE_VOCABULARIES, type PracticeInput, type TermField } from '../model.ts';
import {
  errorAnchor,
  linkFieldId,
  LINK_ROWS,
  organisationFieldId,
  ORGANISATION_ROWS,
  type PracticeFormFields,
} from '../practice-form.ts';
import type { TextContext } from '../record-text.ts';
import { MAX_LINKS, MAX_ORGANISATIONS } from '../validation.ts';
import { StatusTag } from './editorial-shared.tsx';
import { PendingChangeNotice, type PendingChange } from '../../../editorial/index.ts';
import { CountryChoices } from '../../../ui/form-controls.tsx';
import { PracticeRecord, type RecordAttachment } from './practice-record.tsx';
import { ReviewFeedback, type ReviewFeedbackProps } from './rubric-views.tsx';
import { displayNames } from '../../../lib/intl.ts';

/**
 * The one practice form, in sections with a list of them at the top, used to submit a new
 * practice and to edit one. It posts as multipart so files travel with the record.
 */

export type FormMode =
  | { kind: 'new' }
  | { kind: 'edit'; slug: string; version: number; status: PracticeStatus; title: string; pendingVersion: number };

/** Banners the page may open with. */
export type FormNotice = 'conflict' | 'saved' | 'submitted' | 'pending' | 'withdrawn';

export interface PracticeFormPageProps {
  ctx: ViewContext;
  mode: FormMode;
  fields: PracticeFormFields;
  errors: FieldErrors;
  taxonomy: ReadonlyMap<Vocabulary, readonly Term[]>;
  /** Editors may also set the date the practice was last confirmed as running. */
  isEditor: boolean;
  attachments: readonly RecordAttachment[];
  removeAttachmentIds: readonly string[];
  revisionNote: string;
  feedback?: ReviewFeedbackProps['review'];
  notice?: FormNotice;
  /** The submitted input shown as it would read, above the form. */
  preview?: PracticeInput;
  /** The author's change to the published practice that waits for the editors, or came back. */
  pending?: PendingChange<unknown>;
}

const FORM_SECTIONS = [
  'basics',
  'context',
  'activities',
  'participants',
  'outcomes',
  'lessons',
  'classification',
  'place',
  'organisations',
  'funding',
  'links',
  'contact',
  'adaptedFrom',
  'confirmation',
  'revision',
  'attachments',
] as const;
type FormSection = (typeof FORM_SECTIONS)[number];


type Bind = (id: string) => { id: string; errorPrefix: string; error: string | undefined };

function binder(ctx: ViewContext, errors: FieldErrors): Bind {
  const errorPrefix = ctx.t('common.errorPrefix');
  return (id) => ({ id, errorPrefix, error: errors[id] ? ctx.t(errors[id] as string) : undefined });
}

function visibleSections(props: PracticeFormPageProps): FormSection[] {
  return FORM_SECTIONS.filter((section) => {
    if (section === 'confirmation') return props.isEditor;
    if (section === 'revision') return props.mode.kind === 'edit' && props.mode.status === 'published';
    return true;
  });
}

function FormSectionBlock({ ctx, id, children }: { ctx: ViewContext; id: FormSection; children: ComponentChildren }) {
  return (
    // A heading, not a landmark: sixteen regions would drown the page's real landmarks.
    <section id={`section-${id}`} class="form-section">
      <h2 id={`section-${id}-title`}>{ctx.t(`practices.sections.${id}`)}</h2>
      {children}
    </section>
  );
}

function Contents({ ctx, sections }: { ctx: ViewContext; sections: readonly FormSection[] }) {
  return (
    <nav aria-labelledby="form-contents-title" class="contents-list">
      <h2 id="form-contents-title">{ctx.t('practices.form.contents')}</h2>
      <ol>
        {sections.map((section) => (
          <li key={section}>
            <a href={`#section-${section}`}>{ctx.t(`practices.sections.${section}`)}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function termItems(taxonomy: PracticeFormPageProps['taxonomy'], vocabulary: Vocabulary, ctx: ViewContext) {
  return (taxonomy.get(vocabulary) ?? []).map((term) => ({ value: term.code, label: termLabel(term, ctx.locale) }));
}

function TermChoices({ props, field, bind }: { props: PracticeFormPageProps; field: TermField; bind: Bind }) {
  const { ctx, taxonomy, fields } = props;
  return (
    <Checkboxes
      {...bind(field)}
      label={ctx.t(`practices.fields.${field}.label`)}
      hint={ctx.t(`practices.fields.${field}.hint`)}
      items={termItems(taxonomy, PRACTICE_VOCABULARIES[field], ctx)}
      checked={fields[field]}
    />
  );
}

function BasicsSection({ props, bind }: { props: PracticeFormPageProps; bind: Bind }) {
  const { ctx, fields } = props;
  const { t } = ctx;
  const languages = displayNames(ctx.locale, 'language');
  return (
    <FormSectionBlock ctx={ctx} id="basics">
      <TextInput {...bind('title')} label={t('practices.fields.title.label')} hint={t('practices.fields.title.hint')} value={fields.title} />
      <Textarea {...bind('summary')} label={t('practices.fields.summary.label')} hint={t('practices.fields.summary.hint')} value={fields.summary} rows={3} />
      <Select
        {...bind('language')}
        label={t('practices.fields.language.label')}
        hint={t('practices.fields.language.hint')}
        emptyOption={t('practices.fields.language.detect')}
        options={CONTENT_LANGUAGES.map((code) => ({ value: code, label: languages.of(code) ?? code }))}
        value={fields.language}
      />
    </FormSectionBlock>
  );
}

/** A section holding one long text field. */
function TextSection({ props, bind, section, field }: { props: PracticeFormPageProps; bind: Bind; section: FormSection; field: 'background' | 'activities' | 'recommendations' }) {
  const { ctx, fields } = props;
  return (
    <FormSectionBlock ctx={ctx} id={section}>
      <Textarea {...bind(field)} label={ctx.t(`practices.fields.${field}.label`)} hint={ctx.t(`practices.fields.${field}.hint`)} value={fields[field]} rows={8} />
    </FormSectionBlock>
  );
}

function ParticipantsSection({ props, bind }: { props: PracticeFormPageProps; bind: Bind }) {
  const { ctx, fields } = props;
  const { t } = ctx;
  return (
    <FormSectionBlock ctx={ctx} id="participants">
      <Textarea {...bind('participants')} label={t('practices.fields.participants.label')} hint={t('practices.fields.participants.hint')} value={fields.participants} />
      <TextInput
        {...bind('peopleReached')}
        label={t('practices.fields.peopleReached.label')}
        hint={t('practices.fields.peopleReached.hint')}
        value={fields.peopleReached}
        inputmode="numeric"
        width={10}
      />
      <TermChoices props={props} field="targetGroups" bind={bind} />
    </FormSectionBlock>
  );
}

function OutcomesSection({ props, bind }: { props: PracticeFormPageProps; bind: Bind }) {
  const { ctx, fields } = props;
  const { t } = ctx;
  return (
    <FormSectionBlock ctx={ctx} id="outcomes">
      <Textarea {...bind('outcomes')} label={t('practices.fields.outcomes.label')} hint={t('practices.fields.outcomes.hint')} value={fields.outcomes} rows={6} />
      <Textarea {...bind('evaluation')} label={t('practices.fields.evaluation.label')} hint={t('practices.fields.evaluation.hint')} value={fields.evaluation} />
      <Radios
        {...bind('evidenceLevel')}
        label={t('practices.fields.evidenceLevel.label')}
        hint={t('practices.fields.evidenceLevel.hint')}
        items={EVIDENCE_LEVELS.map((level) => ({ value: level, label: t(`practices.fields.evidenceLevel.${level}`) }))}
        checked={fields.evidenceLevel}
      />
    </FormSectionBlock>
  );
}

function ClassificationSection({ props, bind }: { props: PracticeFormPageProps; bind: Bind }) {
  return (
    <FormSectionBlock ctx={props.ctx} id="classification">
      {(['dimensions', 'pillars', 'topics', 'gcmObjectives', 'sdgTargets'] as const).map((field) => (
        <TermChoices key={field} props={props} field={field} bind={bind} />
      ))}
    </FormSectionBlock>
  );
}

function PlaceSection({ props, bind }: { props: PracticeFormPageProps; bind: Bind }) {
  const { ctx, fields } = props;
  const { t } = ctx;
  const countries = bind('countries');
  return (
    <FormSectionBlock ctx={ctx} id="place">
      <CountryChoices ctx={ctx} {...countries} legend={t('practices.fields.countries.label')} hint={t('practices.fields.countries.hint')} checked={fields.countries} />
      <Fieldset legend={t('practices.fields.city.label')} hint={t('practices.fields.city.hint')}>
        <TextInput {...bind('cityName')} label={t('practices.fields.cityName.label')} value={fields.cityName} />
        <Select
          {...bind('cityCountry')}
          label={t('practices.fields.cityCountry.label')}
          hint={t('practices.fields.cityCountry.hint')}
          emptyOption={t('practices.fields.cityCountry.choose')}
          options={countryOptions(ctx.locale)}
          value={fields.cityCountry}
        />
        <TextInput {...bind('cityLatitude')} label={t('practices.fields.cityLatitude.label')} hint={t('practices.fields.cityLatitude.hint')} value={fields.cityLatitude} inputmode="decimal" width={10} />
        <TextInput {...bind('cityLongitude')} label={t('practices.fields.cityLongitude.label')} hint={t('practices.fields.cityLongitude.hint')} value={fields.cityLongitude} inputmode="decimal" width={10} />
      </Fieldset>
      <Select
        {...bind('scale')}
        label={t('practices.fields.scale.label')}
        emptyOption={t('practices.fields.scale.choose')}
        options={SCALES.map((scale) => ({ value: scale, label: t(`practices.fields.scale.${scale}`) }))}
        value={fields.scale}
      />
      <TextInput {...bind('startDate')} type="date" label={t('practices.fields.startDate.label')} hint={t('practices.fields.startDate.hint')} value={fields.startDate} />
      <TextInput {...bind('endDate')} type="date" label={t('practices.fields.endDate.label')} hint={t('practices.fields.endDate.hint')} value={fields.endDate} />
      <Checkboxes
        {...bind('ongoing')}
        label={t('practices.fields.ongoing.label')}
        items={[{ value: 'yes', label: t('practices.fields.ongoing.yes') }]}
        checked={fields.ongoing ? ['yes'] : []}
      />
    </FormSectionBlock>
  );
}

/** Enough rows for what is there plus one, at least the usual number, at most the limit. */
function rowCount(filled: number, usual: number, limit: number): number {
  return Math.min(limit, Math.max(usual, filled + 1));
}

function OrganisationsSection({ props, bind }: { props: PracticeFormPageProps; bind: Bind }) {
  const { ctx, fields } = props;
  const { t } = ctx;
  const group = bind('organisations');
  const typeOptions = STAKEHOLDER_TYPES.map((type) => ({ value: type, label: t(`common.stakeholders.${type}`) }));
  const roleOptions = (['implementing', 'partner'] as const).map((role) => ({ value: role, label: t(`practices.fields.organisationRole.${role}`) }));
  const rows = rowCount(fields.organisations.length, ORGANISATION_ROWS, MAX_ORGANISATIONS);
  return (
    <FormSectionBlock ctx={ctx} id="organisations">
      <Fieldset legend={t('practices.fields.organisations.label')} hint={t('practices.fields.organisations.hint')} idPrefix="organisations" error={group.error} errorPrefix={group.errorPrefix}>
        {Array.from({ length: rows }, (_, index) => {
          const row = fields.organisations[index] ?? { name: '', type: '', role: 'implementing' };
          const n = index + 1;
          return (
            <Fieldset key={n} legend={t('practices.fields.organisations.row', { number: n })}>
              <TextInput id={organisationFieldId(n, 'Name')} label={t('practices.fields.organisationName.label')} value={row.name} />
              <Select id={organisationFieldId(n, 'Type')} label={t('practices.fields.organisationType.label')} emptyOption={t('practices.fields.organisationType.choose')} options={typeOptions} value={row.type} />
              <Select id={organisationFieldId(n, 'Role')} label={t('practices.fields.organisationRole.label')} options={roleOptions} value={row.role || 'implementing'} />
            </Fieldset>
          );
        })}
      </Fieldset>
    </FormSectionBlock>
  );
}

function FundingSection({ props, bind }: { props: PracticeFormPageProps; bind: Bind }) {
  const { ctx, fields } = props;
  const { t } = ctx;
  return (
    <FormSectionBlock ctx={ctx} id="funding">
      <TextInput {...bind('fundingSource')} label={t('practices.fields.fundingSource.label')} hint={t('practices.fields.fundingSource.hint')} value={fields.fundingSource} />
      <TextInput {...bind('budgetAmount')} label={t('practices.fields.budgetAmount.label')} hint={t('practices.fields.budgetAmount.hint')} value={fields.budgetAmount} inputmode="decimal" width={10} />
      <TextInput {...bind('budgetCurrency')} label={t('practices.fields.budgetCurrency.label')} hint={t('practices.fields.budgetCurrency.hint')} value={fields.budgetCurrency} width={4} spellcheck={false} />
    </FormSectionBlock>
  );
}

function LinksSection({ props, bind }: { props: PracticeFormPageProps; bind: Bind }) {
  const { ctx, fields } = props;
  const { t } = ctx;
  const group = bind('links');
  const rows = rowCount(fields.links.length, LINK_ROWS, MAX_LINKS);
  return (
    <FormSectionBlock ctx={ctx} id="links">
      <Fieldset legend={t('practices.fields.links.label')} hint={t('practices.fields.links.hint')} idPrefix="links" error={group.error} errorPrefix={group.errorPrefix}>
        {Array.from({ length: rows }, (_, index) => {
          const row = fields.links[index] ?? { url: '', label: '' };
          const n = index + 1;
          return (
            <Fieldset key={n} legend={t('practices.fields.links.row', { number: n })}>
              <TextInput id={linkFieldId(n, 'Url')} type="url" label={t('practices.fields.linkUrl.label')} value={row.url} spellcheck={false} />
              <TextInput id={linkFieldId(n, 'Label')} label={t('practices.fields.linkLabel.label')} value={row.label} />
            </Fieldset>
          );
        })}
      </Fieldset>
    </FormSectionBlock>
  );
}

function ContactSection({ props, bind }: { props: PracticeFormPageProps; bind: Bind }) {
  const { ctx, fields } = props;
  const { t } = ctx;
  return (
    <FormSectionBlock ctx={ctx} id="contact">
      <p class="hint">{t('practices.fields.contact.hint')}</p>
      <TextInput {...bind('contactName')} label={t('practices.fields.contactName.label')} value={fields.contactName} autocomplete="off" />
      <TextInput {...bind('contactEmail')} type="email" label={t('practices.fields.contactEmail.label')} value={fields.contactEmail} spellcheck={false} autocomplete="off" />
      <Checkboxes
        {...bind('contactPublic')}
        label={t('practices.fields.contactPublic.label')}
        items={[{ value: 'yes', label: t('practices.fields.contactPublic.yes'), hint: t('practices.fields.contactPublic.hint') }]}
        checked={fields.contactPublic ? ['yes'] : []}
      />
    </FormSectionBlock>
  );
}

function AttachmentsSection({ props, bind }: { props: PracticeFormPageProps; bind: Bind }) {
  const { ctx, attachments, removeAttachmentIds } = props;
  const { t } = ctx;
  return (
    <FormSectionBlock ctx={ctx} id="attachments">
      <AttachmentFields
        ctx={ctx}
        attached={attachments}
        removeIds={removeAttachmentIds}
        remove={{ ...bind('removeAttachment'), label: t('practices.fields.removeAttachment.label'), hint: t('practices.fields.removeAttachment.hint') }}
        add={{ ...bind('attachments'), label: t('practices.fields.attachments.label'), hint: t('practices.fields.attachments.hint', { files: MAX_FILES_PER_UPLOAD }) }}
      />
    </FormSectionBlock>
  );
}

function Buttons({ props }: { props: PracticeFormPageProps }) {
  const { ctx, mode } = props;
  const { t } = ctx;
  const submittable = mode.kind === 'new' || mode.status === 'draft' || mode.status === 'changes_requested';
  // "Save" comes first: pressing Enter in a text field uses the first button, and must not submit.
  return (
    <div class="button-group">
      <Button name="action" value="save">{submittable ? t('practices.form.saveDraft') : t('practices.form.saveChanges')}</Button>
      <Button name="action" value="preview" variant="secondary">{t('practices.form.preview')}</Button>
      {submittable ? <Button name="action" value="submit" variant="secondary">{t('practices.form.submit')}</Button> : null}
    </div>
  );
}

function Notice({ ctx, notice }: { ctx: ViewContext; notice: FormNotice | undefined }) {
  if (!notice) return null;
  if (notice === 'conflict') {
    return (
      <NotificationBanner title={ctx.t('practices.form.conflictTitle')} titleId="conflict-title">
        <p>{ctx.t('practices.form.conflictBody')}</p>
      </NotificationBanner>
    );
  }
  return (
    <NotificationBanner title={ctx.t('common.success')} variant="success">
      <p>{ctx.t(`practices.form.${notice}`)}</p>
    </NotificationBanner>
  );
}

function Preview({ ctx, record, taxonomy }: { ctx: ViewContext; record: PracticeInput; taxonomy: PracticeFormPageProps['taxonomy'] }) {
  const text: TextContext = { locale: ctx.locale, t: ctx.t, taxonomy };
  return (
    <section aria-labelledby="preview-title" class="preview">
      <h2 id="preview-title">{ctx.t('practices.form.previewTitle')}</h2>
      <p>{ctx.t('practices.form.previewIntro')}</p>
      <PracticeRecord ctx={ctx} record={record} text={text} showContact headingLevel={3} />
    </section>
  );
}

function Heading({ props }: { props: PracticeFormPageProps }) {
  const { ctx, mode } = props;
  if (mode.kind === 'new') {
    return (
      <>
        <h1>{ctx.t('practices.form.newTitle')}</h1>
        <p>{ctx.t('practices.form.intro')}</p>
        <p>
          <a href={ctx.href('/practices/criteria')}>{ctx.t('practices.form.criteriaLink')}</a>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{ctx.t('practices.form.editTitle', { title: mode.title })}</h1>
      <p>
        {ctx.t('practices.form.statusLabel')} <StatusTag ctx={ctx} status={mode.status} />
      </p>
      {mode.status === 'published' && !props.isEditor ? <p>{ctx.t('editorial.pending.author.howItWorks')}</p> : null}
      {props.pending ? <PendingChangeNotice ctx={ctx} change={props.pending} itemPath={`/practices/${mode.slug}`} /> : null}
    </>
  );
}

export function PracticeFormPage(props: PracticeFormPageProps) {
  const { ctx, mode, errors, fields } = props;
  const { t } = ctx;
  const bind = binder(ctx, errors);
  const sections = visibleSections(props);
  const action = mode.kind === 'new' ? ctx.href('/practices/new') : ctx.href(`/practices/${mode.slug}/edit`);
  const summary = Object.entries(errors).map(([field, key]) => ({ field: errorAnchor(field, fields), message: t(key) }));
  const has = (section: FormSection) => sections.includes(section);
  return (
    <>
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summary} />
      <Notice ctx={ctx} notice={props.notice} />
      <Heading props={props} />
      {props.feedback ? <ReviewFeedback ctx={ctx} review={props.feedback} /> : null}
      {props.preview ? <Preview ctx={ctx} record={props.preview} taxonomy={props.taxonomy} /> : null}
      <Contents ctx={ctx} sections={sections} />
      <PostForm action={action} csrfToken={ctx.csrfToken()} enctype="multipart/form-data">
        {mode.kind === 'edit' ? (
          <>
            <input type="hidden" name="version" value={String(mode.version)} />
            <input type="hidden" name="pendingVersion" value={String(mode.pendingVersion)} />
          </>
        ) : null}
        <BasicsSection props={props} bind={bind} />
        <TextSection props={props} bind={bind} section="context" field="background" />
        <TextSection props={props} bind={bind} section="activities" field="activities" />
        <ParticipantsSection props={props} bind={bind} />
        <OutcomesSection props={props} bind={bind} />
        <TextSection props={props} bind={bind} section="lessons" field="recommendations" />
        <ClassificationSection props={props} bind={bind} />
        <PlaceSection props={props} bind={bind} />
        <OrganisationsSection props={props} bind={bind} />
        <FundingSection props={props} bind={bind} />
        <LinksSection props={props} bind={bind} />
        <ContactSection props={props} bind={bind} />
        <FormSectionBlock ctx={ctx} id="adaptedFrom">
          <TextInput {...bind('adaptedFrom')} label={t('practices.fields.adaptedFrom.label')} hint={t('practices.fields.adaptedFrom.hint')} value={fields.adaptedFrom} spellcheck={false} />
        </FormSectionBlock>
        {has('confirmation') ? (
          <FormSectionBlock ctx={ctx} id="confirmation">
            <TextInput {...bind('lastConfirmedAt')} type="date" label={t('practices.fields.lastConfirmedAt.label')} hint={t('practices.fields.lastConfirmedAt.hint')} value={fields.lastConfirmedAt} />
          </FormSectionBlock>
        ) : null}
        {has('revision') ? (
          <FormSectionBlock ctx={ctx} id="revision">
            <Textarea {...bind('revisionNote')} label={t('practices.fields.revisionNote.label')} hint={t('practices.fields.revisionNote.hint')} value={props.revisionNote} rows={2} />
          </FormSectionBlock>
        ) : null}
        {/* Last, so that the fields above are all read even if an upload breaks a limit. */}
        <AttachmentsSection props={props} bind={bind} />
        <Buttons props={props} />
      </PostForm>
      {mode.kind === 'edit' ? (
        <p>
          <a href={ctx.href('/practices/mine')}>{t('practices.mine.backLink')}</a>
        </p>
      ) : null}
    </>
  );
}

