import { countryOptions } from '../../../lib/countries.ts';
import { dayText } from '../../../lib/intl.ts';
import { SPOKEN_LANGUAGES } from '../../../lib/languages.ts';
import { timeZones } from '../../../lib/time-zones.ts';
import type { ViewContext } from '../../../platform/context.ts';
import { summaryOf, type FieldErrors } from '../../../platform/forms.ts';
import { FormPageTop } from '../../../ui/form-page-top.tsx';
import { fieldsOf, formList, formText } from '../../../ui/field-binding.ts';
import { languageOptions } from '../../../ui/form-controls.tsx';
import { Button, Checkboxes, ErrorSummary, Radios, Select, SuccessBanner, Table, TextInput, Textarea } from '../../../ui/index.ts';
import { PostForm } from '../../../ui/post-form.tsx';
import { Section } from '../../../ui/section.tsx';
import { termLabel, type Term } from '../../taxonomies/index.ts';
import { LAB_STATUSES, SERVICE_CATEGORIES, SESSION_FORMATS, TEAM_ROLES, type LabFormValues } from '../model.ts';
import type { SessionRow, TrainingRow } from '../queries.ts';
import type { LabDetail } from '../service.ts';
import { labPath, LABS_PATH, sessionWhen } from './parts.tsx';

/** The lab's workspace for those who run it: the lab's form, its team, programmes, sessions, training and services. */

/** The languages a session, a service or a participant may have, by name. */
export const spokenLanguageOptions = (ctx: ViewContext) => languageOptions(ctx.locale, SPOKEN_LANGUAGES, 'alphabetical');

/** Opening or editing a lab. */
export function LabFormPage({ ctx, action, values, errors, pillars, version, conflict }: { ctx: ViewContext; action: string; values: LabFormValues; errors: FieldErrors; pillars: readonly Term[]; version?: number; conflict?: boolean }) {
  const { t } = ctx;
  const field = fieldsOf(ctx, errors);
  const editing = version !== undefined;
  return (
    <div class="stack">
      <FormPageTop ctx={ctx} errors={errors} area="labs" editing={editing} conflict={conflict} />
      <PostForm action={ctx.href(action)} csrfToken={ctx.csrfToken()}>
        {editing ? <input type="hidden" name="version" value={String(version)} /> : null}
        <TextInput {...field('name')} label={t('labs.fields.name')} value={values.name} />
        <Select {...field('country')} label={t('labs.fields.country')} emptyOption={t('labs.fields.chooseCountry')} options={countryOptions(ctx.locale)} value={values.country} />
        <TextInput {...field('city')} label={t('labs.fields.city')} hint={t('labs.fields.cityHint')} value={values.city} />
        <TextInput {...field('organisation')} label={t('labs.fields.organisation')} hint={t('labs.fields.organisationHint')} value={values.organisation} />
        <Checkboxes {...field('pillars')} label={t('labs.fields.pillars')} items={pillars.map((term) => ({ value: term.code, label: termLabel(term, ctx.locale) }))} checked={values.pillars} />
        <Textarea {...field('description')} label={t('labs.fields.description')} value={values.description} rows={5} />
        <TextInput {...field('contact')} label={t('labs.fields.contact')} hint={t('labs.fields.contactHint')} value={values.contact} />
        <Radios {...field('status')} label={t('labs.fields.status')} items={LAB_STATUSES.map((status) => ({ value: status, label: t(`labs.statuses.${status}`) }))} checked={values.status} />
        <Select {...field('timeZone')} label={t('labs.fields.timeZone')} options={timeZones().map((zone) => ({ value: zone, label: zone }))} value={values.timeZone} />
        <TextInput {...field('retentionMonths')} label={t('labs.fields.retentionMonths')} hint={t('labs.fields.retentionHint')} value={values.retentionMonths} inputmode="numeric" width={4} />
        <Button>{t(editing ? 'labs.form.save' : 'labs.form.create')}</Button>
      </PostForm>
    </div>
  );
}

export type WorkspaceFormName = 'team' | 'programme' | 'session' | 'training' | 'service';

export interface WorkspaceForms {
  form?: WorkspaceFormName;
  /** The programme a session form belongs to. */
  programmeId?: number;
  values: Record<string, string | string[]>;
  errors: FieldErrors;
}

export interface ManagePageProps {
  ctx: ViewContext;
  detail: LabDetail;
  sessions: readonly SessionRow[];
  trainings: readonly TrainingRow[];
  forms: WorkspaceForms;
  done?: string;
  mayRunParticipants: boolean;
}

/** `/{l}/labs/{slug}/manage`: every small form posts on its own and comes back here. */
export function ManagePage({ ctx, detail, sessions, trainings, forms, done, mayRunParticipants }: ManagePageProps) {
  const { t } = ctx;
  const { lab } = detail;
  const base = labPath(lab.slug);
  const errorsOf = (form: WorkspaceFormName, programmeId?: number) => (forms.form === form && forms.programmeId === programmeId ? forms.errors : {});
  const valuesOf = (form: WorkspaceFormName, programmeId?: number) => (forms.form === form && forms.programmeId === programmeId ? forms.values : {});
  const summaryPrefix = forms.form === 'session' ? `session-${forms.programmeId ?? ''}` : (forms.form ?? '');
  const facilitatorOptions = detail.team.map((member) => ({ value: String(member.user_id), label: member.name }));
  return (
    <div class="stack">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, Object.fromEntries(Object.entries(forms.errors).map(([name, key]) => [`${summaryPrefix}-${name}`, key])))} />
      <SuccessBanner title={t('common.success')} message={done ? t(`labs.notices.${done}`) : undefined} />
      <p>
        <a href={ctx.href(base)}>{t('labs.manage.back')}</a> · <a href={ctx.href(`${base}/edit`)}>{t('labs.manage.edit')}</a>
        {mayRunParticipants ? (
          <>
            {' · '}
            <a href={ctx.href(`${base}/participants`)}>{t('labs.nav.participants')}</a> · <a href={ctx.href(`${base}/dashboard`)}>{t('labs.nav.dashboard')}</a> ·{' '}
            <a href={ctx.href(`${base}/audit`)}>{t('labs.nav.audit')}</a>
          </>
        ) : null}
      </p>
      <h1>
        {t('labs.manage.title')} <span dir="auto">{lab.name}</span>
      </h1>

      <Section id="team" title={t('labs.manage.team')}>
        <Table
          caption={t('labs.manage.team')}
          captionHidden
          head={[t('labs.manage.member'), t('labs.manage.role'), t('labs.manage.actions')]}
          rows={detail.team.map((member) => [
            member.name,
            t(`labs.roles.${member.role}`),
            <PostForm action={ctx.href(`${base}/team/remove`)} csrfToken={ctx.csrfToken()}>
              <input type="hidden" name="user" value={String(member.user_id)} />
              <Button variant="secondary">{t('labs.manage.removeMember', { name: member.name })}</Button>
            </PostForm>,
          ])}
        />
        <PostForm action={ctx.href(`${base}/team`)} csrfToken={ctx.csrfToken()}>
          <TextInput {...fieldsOf(ctx, errorsOf('team'), 'team')('handle')} label={t('labs.fields.handle')} hint={t('labs.fields.handleHint')} value={formText(valuesOf('team'), 'handle')} width={20} />
          <Radios {...fieldsOf(ctx, errorsOf('team'), 'team')('role')} label={t('labs.fields.role')} items={TEAM_ROLES.map((role) => ({ value: role, label: t(`labs.roles.${role}`) }))} checked={formText(valuesOf('team'), 'role')} />
          <Button>{t('labs.manage.addMember')}</Button>
        </PostForm>
      </Section>

      <Section id="programmes" title={t('labs.manage.programmes')}>
        {detail.programmes.map((programme) => {
          const field = fieldsOf(ctx, errorsOf('session', programme.id), `session-${programme.id}`);
          const values = valuesOf('session', programme.id);
          const programmeSessions = sessions.filter((session) => session.programme_id === programme.id);
          return (
            <article key={programme.id} class="stack">
              <h3 dir="auto">{programme.title}</h3>
              <p class="muted">{t('labs.page.fromTo', { from: dayText(ctx.locale, programme.starts_on), to: dayText(ctx.locale, programme.ends_on) })}</p>
              {programmeSessions.length > 0 ? (
                <ul>
                  {programmeSessions.map((session) => (
                    <li key={session.id}>
                      <a href={ctx.href(`${base}/sessions/${session.id}`)}>{sessionWhen(ctx, session, lab.time_zone)}</a> · <span dir="auto">{session.module}</span> · {session.facilitator_name ?? ''}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t('labs.manage.noSessions')}</p>
              )}
              <details open={forms.form === 'session' && forms.programmeId === programme.id}>
                <summary>{t('labs.manage.addSession')}</summary>
                <PostForm action={ctx.href(`${base}/programmes/${programme.id}/sessions`)} csrfToken={ctx.csrfToken()}>
                  <Select {...field('module')} label={t('labs.fields.module')} emptyOption={t('labs.fields.chooseModule')} options={programme.modules.map((module) => ({ value: module, label: module }))} value={formText(values, 'module')} />
                  <TextInput {...field('date')} type="date" label={t('labs.fields.sessionDate')} hint={t('labs.fields.sessionDateHint', { zone: lab.time_zone })} value={formText(values, 'date')} />
                  <TextInput {...field('time')} type="time" label={t('labs.fields.sessionTime')} value={formText(values, 'time')} />
                  <TextInput {...field('durationMinutes')} label={t('labs.fields.duration')} value={formText(values, 'durationMinutes') || '90'} inputmode="numeric" width={4} />
                  <Checkboxes {...field('online')} label={t('labs.fields.where')} items={[{ value: 'yes', label: t('labs.fields.online') }]} checked={formList(values, 'online')} />
                  <TextInput {...field('place')} label={t('labs.fields.place')} hint={t('labs.fields.placeHint')} value={formText(values, 'place')} />
                  <Select {...field('facilitator')} label={t('labs.fields.facilitator')} emptyOption={t('labs.fields.chooseFacilitator')} options={facilitatorOptions} value={formText(values, 'facilitator')} />
                  <TextInput {...field('capacity')} label={t('labs.fields.capacity')} value={formText(values, 'capacity') || '12'} inputmode="numeric" width={4} />
                  <Select {...field('language')} label={t('labs.fields.sessionLanguage')} emptyOption={t('labs.fields.chooseLanguage')} options={spokenLanguageOptions(ctx)} value={formText(values, 'language')} />
                  <Select {...field('format')} label={t('labs.fields.format')} emptyOption={t('labs.fields.chooseFormat')} options={SESSION_FORMATS.map((format) => ({ value: format, label: t(`labs.formats.${format}`) }))} value={formText(values, 'format')} />
                  <Button>{t('labs.manage.addSessionButton')}</Button>
                </PostForm>
              </details>
              <PostForm action={ctx.href(`${base}/programmes/${programme.id}/practice`)} csrfToken={ctx.csrfToken()}>
                <Button variant="secondary">{t('labs.manage.asPractice', { title: programme.title })}</Button>
              </PostForm>
            </article>
          );
        })}
        <h3>{t('labs.manage.addProgramme')}</h3>
        <PostForm action={ctx.href(`${base}/programmes`)} csrfToken={ctx.csrfToken()}>
          <Radios {...fieldsOf(ctx, errorsOf('programme'), 'programme')('pillar')} label={t('labs.fields.pillar')} items={detail.pillars.map((term) => ({ value: term.code, label: termLabel(term, ctx.locale) }))} checked={formText(valuesOf('programme'), 'pillar')} />
          <TextInput {...fieldsOf(ctx, errorsOf('programme'), 'programme')('title')} label={t('labs.fields.programmeTitle')} value={formText(valuesOf('programme'), 'title')} />
          <Textarea {...fieldsOf(ctx, errorsOf('programme'), 'programme')('description')} label={t('labs.fields.programmeDescription')} value={formText(valuesOf('programme'), 'description')} rows={3} />
          <Textarea {...fieldsOf(ctx, errorsOf('programme'), 'programme')('modules')} label={t('labs.fields.modules')} hint={t('labs.fields.modulesHint')} value={formText(valuesOf('programme'), 'modules')} rows={4} />
          <TextInput {...fieldsOf(ctx, errorsOf('programme'), 'programme')('startsOn')} type="date" label={t('labs.fields.startsOn')} value={formText(valuesOf('programme'), 'startsOn')} />
          <TextInput {...fieldsOf(ctx, errorsOf('programme'), 'programme')('endsOn')} type="date" label={t('labs.fields.endsOn')} value={formText(valuesOf('programme'), 'endsOn')} />
          <Button>{t('labs.manage.addProgrammeButton')}</Button>
        </PostForm>
      </Section>

      <Section id="training" title={t('labs.manage.training')}>
        {trainings.length === 0 ? (
          <p>{t('labs.manage.noTraining')}</p>
        ) : (
          <Table
            caption={t('labs.manage.training')}
            captionHidden
            head={[t('labs.manage.member'), t('labs.fields.trainingModule'), t('labs.fields.completedOn')]}
            rows={trainings.map((training) => [training.name, training.module, dayText(ctx.locale, training.completed_on)])}
          />
        )}
        <PostForm action={ctx.href(`${base}/trainings`)} csrfToken={ctx.csrfToken()}>
          <Select {...fieldsOf(ctx, errorsOf('training'), 'training')('facilitator')} label={t('labs.fields.facilitator')} emptyOption={t('labs.fields.chooseFacilitator')} options={facilitatorOptions} value={formText(valuesOf('training'), 'facilitator')} />
          <TextInput {...fieldsOf(ctx, errorsOf('training'), 'training')('module')} label={t('labs.fields.trainingModule')} value={formText(valuesOf('training'), 'module')} />
          <TextInput {...fieldsOf(ctx, errorsOf('training'), 'training')('completedOn')} type="date" label={t('labs.fields.completedOn')} value={formText(valuesOf('training'), 'completedOn')} />
          <Button>{t('labs.manage.recordTraining')}</Button>
        </PostForm>
      </Section>

      <Section id="services" title={t('labs.manage.services')}>
        {detail.services.length > 0 ? (
          <ul>
            {detail.services.map((service) => (
              <li key={service.id}>
                <span dir="auto">{service.name}</span> ({t(`labs.services.categories.${service.category}`)}){' '}
                <PostForm action={ctx.href(`${base}/services/${service.id}/delete`)} csrfToken={ctx.csrfToken()}>
                  <Button variant="secondary">{t('labs.manage.removeService', { name: service.name })}</Button>
                </PostForm>
              </li>
            ))}
          </ul>
        ) : null}
        <PostForm action={ctx.href(`${base}/services`)} csrfToken={ctx.csrfToken()}>
          <Select {...fieldsOf(ctx, errorsOf('service'), 'service')('category')} label={t('labs.fields.category')} emptyOption={t('labs.fields.chooseCategory')} options={SERVICE_CATEGORIES.map((category) => ({ value: category, label: t(`labs.services.categories.${category}`) }))} value={formText(valuesOf('service'), 'category')} />
          <TextInput {...fieldsOf(ctx, errorsOf('service'), 'service')('name')} label={t('labs.fields.serviceName')} value={formText(valuesOf('service'), 'name')} />
          <TextInput {...fieldsOf(ctx, errorsOf('service'), 'service')('address')} label={t('labs.fields.address')} value={formText(valuesOf('service'), 'address')} />
          <TextInput {...fieldsOf(ctx, errorsOf('service'), 'service')('hours')} label={t('labs.fields.hours')} value={formText(valuesOf('service'), 'hours')} />
          <Checkboxes {...fieldsOf(ctx, errorsOf('service'), 'service')('languages')} label={t('labs.fields.serviceLanguages')} items={spokenLanguageOptions(ctx)} checked={formList(valuesOf('service'), 'languages')} />
          <TextInput {...fieldsOf(ctx, errorsOf('service'), 'service')('cost')} label={t('labs.fields.cost')} hint={t('labs.fields.costHint')} value={formText(valuesOf('service'), 'cost')} />
          <Button>{t('labs.manage.addService')}</Button>
        </PostForm>
      </Section>
    </div>
  );
}

/** `/{l}/labs/{slug}/sessions`: the sessions a team member gives (all of them, for coordinators). */
export function SessionsPage({ ctx, slug, labName, timeZone, sessions }: { ctx: ViewContext; slug: string; labName: string; timeZone: string; sessions: readonly SessionRow[] }) {
  const { t } = ctx;
  return (
    <div class="stack">
      <p>
        <a href={ctx.href(labPath(slug))}>{t('labs.manage.back')}</a>
      </p>
      <h1>
        {t('labs.sessions.title')} <span dir="auto">{labName}</span>
      </h1>
      {sessions.length === 0 ? (
        <p>{t('labs.sessions.none')}</p>
      ) : (
        <ul>
          {sessions.map((session) => (
            <li key={session.id}>
              <a href={ctx.href(labPath(slug, `/sessions/${session.id}`))}>{sessionWhen(ctx, session, timeZone)}</a> · <span dir="auto">{session.programme_title}</span> · <span dir="auto">{session.module}</span>
            </li>
          ))}
        </ul>
      )}
      <p class="muted">
        <a href={ctx.href(LABS_PATH)}>{t('labs.list.title')}</a>
      </p>
    </div>
  );
}
