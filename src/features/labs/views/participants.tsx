import { countryName, countryOptions } from '../../../lib/countries.ts';
import { dayText, dateTimeFormat } from '../../../lib/intl.ts';
import type { ViewContext } from '../../../platform/context.ts';
import { summaryOf, type FieldErrors } from '../../../platform/forms.ts';
import { LOCALES } from '../../../platform/i18n.ts';
import { paginationLabels } from '../../../platform/pagination.ts';
import { fieldsOf, formList, formText } from '../../../ui/field-binding.ts';
import { Button, Checkboxes, ErrorSummary, Pagination, Radios, Select, SuccessBanner, SummaryList, Table, TextInput } from '../../../ui/index.ts';
import { PostForm } from '../../../ui/post-form.tsx';
import { Section } from '../../../ui/section.tsx';
import { AGE_BANDS, CEFR_LEVELS, OUTCOME_KINDS } from '../model.ts';
import type { ParticipantRecord } from '../participants.ts';
import type { AuditRow, LabRow, ParticipantRow, ProgrammeRow, SessionListRow, SessionRow } from '../queries.ts';
import { labPath, languageName, sessionWhen } from './parts.tsx';
import { spokenLanguageOptions } from './workspace.tsx';

/**
 * The coordinators' pages about people. Participants are named by their code only, and their
 * records live at addresses made of numbers (never the code), behind sign-in and `noindex`.
 */

type FormValues = Record<string, string | string[]>;

const localeName = (ctx: ViewContext, locale: string) => languageName(ctx, locale);

function Back({ ctx, lab }: { ctx: ViewContext; lab: Pick<LabRow, 'slug' | 'name'> }) {
  return (
    <p>
      <a href={ctx.href(labPath(lab.slug, '/manage'))}>{ctx.t('labs.participants.backToLab', { lab: lab.name })}</a>
    </p>
  );
}

export interface ParticipantsPageProps {
  ctx: ViewContext;
  lab: LabRow;
  programmes: readonly ProgrammeRow[];
  participants: readonly ParticipantRow[];
  total: number;
  page: number;
  pageCount: number;
  values: FormValues;
  errors: FieldErrors;
  done?: string;
}

/** `/{l}/labs/{slug}/participants`: the coordinators' list and the enrolment form with consent. */
export function ParticipantsPage({ ctx, lab, programmes, participants, total, page, pageCount, values, errors, done }: ParticipantsPageProps) {
  const { t } = ctx;
  const field = fieldsOf(ctx, errors);
  const base = labPath(lab.slug);
  return (
    <div class="stack">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, errors)} />
      <SuccessBanner title={t('common.success')} message={done ? t(`labs.notices.${done}`) : undefined} />
      <Back ctx={ctx} lab={lab} />
      <h1>
        {t('labs.participants.title')} <span dir="auto">{lab.name}</span>
      </h1>
      <p>{t('labs.participants.privacy')}</p>
      <h2>{t('labs.participants.count', { count: total })}</h2>
      {participants.length === 0 ? (
        <p>{t('labs.participants.empty')}</p>
      ) : (
        <Table
          caption={t('labs.participants.title')}
          captionHidden
          head={[t('labs.participants.code'), t('labs.fields.ageBand'), t('labs.fields.arrivalYear'), t('labs.participants.enrolledOn')]}
          rows={participants.map((participant) => [
            <a href={ctx.href(`${base}/participants/${participant.id}`)}>
              <code>{participant.code}</code>
            </a>,
            t(`labs.ageBands.${participant.age_band}`),
            String(participant.arrival_year),
            dayText(ctx.locale, participant.enrolled_on),
          ])}
        />
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(next) => ctx.href(`${base}/participants${next > 1 ? `?page=${next}` : ''}`)} labels={paginationLabels(t)} />
      <Section id="enrol" title={t('labs.participants.enrolTitle')}>
        <p>{t('labs.participants.enrolIntro')}</p>
        <p>
          {t('labs.participants.consentNotices')}{' '}
          {LOCALES.map((locale, index) => (
            <span key={locale}>
              {index > 0 ? ' · ' : ''}
              <a href={`/${locale}${labPath(lab.slug, '/consent')}`} hreflang={locale} lang={locale}>
                {localeName(ctx, locale)}
              </a>
            </span>
          ))}
        </p>
        {programmes.length === 0 ? (
          <p>{t('labs.participants.noProgrammes')}</p>
        ) : (
          <PostForm action={ctx.href(`${base}/participants`)} csrfToken={ctx.csrfToken()}>
            <Select {...field('consentLanguage')} label={t('labs.fields.consentLanguage')} emptyOption={t('labs.fields.chooseLanguage')} options={LOCALES.map((locale) => ({ value: locale, label: localeName(ctx, locale) }))} value={formText(values, 'consentLanguage')} />
            <Checkboxes {...field('consent')} label={t('labs.fields.consentLegend')} items={[{ value: 'yes', label: t('labs.fields.consentGiven') }]} checked={formList(values, 'consent')} />
            <Radios {...field('ageBand')} label={t('labs.fields.ageBand')} items={AGE_BANDS.map((band) => ({ value: band, label: t(`labs.ageBands.${band}`) }))} checked={formText(values, 'ageBand')} />
            <TextInput {...field('arrivalYear')} label={t('labs.fields.arrivalYear')} value={formText(values, 'arrivalYear')} inputmode="numeric" width={4} />
            <Checkboxes {...field('languages')} label={t('labs.fields.participantLanguages')} items={spokenLanguageOptions(ctx)} checked={formList(values, 'languages')} />
            <Select {...field('originCountry')} label={t('labs.fields.originCountry')} hint={t('labs.fields.originHint')} emptyOption={t('labs.fields.notGiven')} options={countryOptions(ctx.locale)} value={formText(values, 'originCountry')} />
            <Checkboxes {...field('programmes')} label={t('labs.fields.programmes')} items={programmes.map((programme) => ({ value: String(programme.id), label: programme.title }))} checked={formList(values, 'programmes')} />
            <Button>{t('labs.participants.enrolButton')}</Button>
          </PostForm>
        )}
      </Section>
    </div>
  );
}

export interface ParticipantPageProps {
  ctx: ViewContext;
  lab: LabRow;
  record: ParticipantRecord;
  programmes: readonly ProgrammeRow[];
  form?: 'outcome' | 'enrolment' | 'certificate' | 'erase';
  values: FormValues;
  errors: FieldErrors;
  done?: string;
}

/** `/{l}/labs/{slug}/participants/{id}`: one record, its outcomes, and the participant's rights. */
export function ParticipantPage({ ctx, lab, record, programmes, form, values, errors, done }: ParticipantPageProps) {
  const { t } = ctx;
  const { participant } = record;
  const base = labPath(lab.slug, `/participants/${participant.id}`);
  const errorsOf = (name: ParticipantPageProps['form']) => (form === name ? errors : {});
  const valuesOf = (name: ParticipantPageProps['form']) => (form === name ? values : {});
  const enrolledIds = new Set(record.enrolments.map((enrolment) => enrolment.programme_id));
  const time = dateTimeFormat(ctx.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: lab.time_zone });
  return (
    <div class="stack">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, Object.fromEntries(Object.entries(errors).map(([name, key]) => [`${form ?? ''}-${name}`, key])))} />
      <SuccessBanner title={t('common.success')} message={done ? t(`labs.notices.${done}`) : undefined} />
      <p>
        <a href={ctx.href(labPath(lab.slug, '/participants'))}>{t('labs.participants.backToList')}</a>
      </p>
      <h1>
        {t('labs.participants.recordTitle')} <code>{participant.code}</code>
      </h1>
      <SummaryList
        rows={[
          { key: t('labs.fields.ageBand'), value: t(`labs.ageBands.${participant.age_band}`) },
          { key: t('labs.fields.arrivalYear'), value: String(participant.arrival_year) },
          { key: t('labs.fields.participantLanguages'), value: participant.languages.map((code) => languageName(ctx, code)).join(', ') },
          { key: t('labs.fields.originCountry'), value: participant.origin_country ? countryName(participant.origin_country, ctx.locale) : t('labs.fields.notGiven') },
          {
            key: t('labs.participants.consent'),
            value: (
              <>
                {t('labs.participants.consentRecorded', { language: localeName(ctx, participant.consent_language), date: time.format(participant.consent_recorded_at) })}{' '}
                <a href={`/${participant.consent_language}${labPath(lab.slug, '/consent')}`} hreflang={participant.consent_language}>
                  {t('labs.participants.consentPrint')}
                </a>
              </>
            ),
          },
          { key: t('labs.participants.keptUntil'), value: t('labs.participants.keptFor', { count: lab.retention_months, date: dayText(ctx.locale, participant.last_activity_on) }) },
        ]}
      />
      <Section id="programmes" title={t('labs.participants.programmes')}>
        <ul>
          {record.enrolments.map((enrolment) => (
            <li key={enrolment.programme_id} dir="auto">
              {enrolment.title} ({dayText(ctx.locale, enrolment.enrolled_on)})
            </li>
          ))}
        </ul>
        {programmes.some((programme) => !enrolledIds.has(programme.id)) ? (
          <PostForm action={ctx.href(`${base}/enrolments`)} csrfToken={ctx.csrfToken()}>
            <Select {...fieldsOf(ctx, errorsOf('enrolment'), 'enrolment')('programme')} label={t('labs.fields.programme')} emptyOption={t('labs.fields.chooseProgramme')} options={programmes.filter((programme) => !enrolledIds.has(programme.id)).map((programme) => ({ value: String(programme.id), label: programme.title }))} value={formText(valuesOf('enrolment'), 'programme')} />
            <Button variant="secondary">{t('labs.participants.enrolInProgramme')}</Button>
          </PostForm>
        ) : null}
      </Section>
      <Section id="attendance" title={t('labs.participants.attendance')}>
        {record.attendance.length === 0 ? (
          <p>{t('labs.participants.noAttendance')}</p>
        ) : (
          <Table
            caption={t('labs.participants.attendance')}
            captionHidden
            head={[t('labs.sessions.session'), t('labs.fields.programme'), t('labs.sessions.presence')]}
            rows={record.attendance.map((row) => [time.format(row.starts_at), row.programme_title, t(row.present ? 'labs.sessions.present' : 'labs.sessions.absent')])}
          />
        )}
      </Section>
      <Section id="outcomes" title={t('labs.participants.outcomes')}>
        {record.outcomes.length === 0 ? (
          <p>{t('labs.participants.noOutcomes')}</p>
        ) : (
          <Table
            caption={t('labs.participants.outcomes')}
            captionHidden
            head={[t('labs.fields.achievedOn'), t('labs.fields.outcomeKind'), t('labs.fields.programme')]}
            rows={record.outcomes.map((row) => [dayText(ctx.locale, row.achieved_on), row.cefr_level ? `${t(`labs.outcomes.${row.kind}`)}: ${row.cefr_level}` : t(`labs.outcomes.${row.kind}`), row.programme_title ?? ''])}
          />
        )}
        <PostForm action={ctx.href(`${base}/outcomes`)} csrfToken={ctx.csrfToken()}>
          <Select {...fieldsOf(ctx, errorsOf('outcome'), 'outcome')('kind')} label={t('labs.fields.outcomeKind')} emptyOption={t('labs.fields.chooseOutcome')} options={OUTCOME_KINDS.map((kind) => ({ value: kind, label: t(`labs.outcomes.${kind}`) }))} value={formText(valuesOf('outcome'), 'kind')} />
          <Select {...fieldsOf(ctx, errorsOf('outcome'), 'outcome')('cefrLevel')} label={t('labs.fields.cefrLevel')} hint={t('labs.fields.cefrHint')} emptyOption={t('labs.fields.notGiven')} options={CEFR_LEVELS.map((level) => ({ value: level, label: level }))} value={formText(valuesOf('outcome'), 'cefrLevel')} />
          <TextInput {...fieldsOf(ctx, errorsOf('outcome'), 'outcome')('achievedOn')} type="date" label={t('labs.fields.achievedOn')} value={formText(valuesOf('outcome'), 'achievedOn')} />
          <Select {...fieldsOf(ctx, errorsOf('outcome'), 'outcome')('programme')} label={t('labs.fields.programme')} hint={t('labs.fields.outcomeProgrammeHint')} emptyOption={t('labs.fields.notGiven')} options={record.enrolments.map((enrolment) => ({ value: String(enrolment.programme_id), label: enrolment.title }))} value={formText(valuesOf('outcome'), 'programme')} />
          <Button>{t('labs.participants.recordOutcome')}</Button>
        </PostForm>
      </Section>
      <Section id="rights" title={t('labs.participants.rights')}>
        <h3>{t('labs.participants.certificate')}</h3>
        <p>{t('labs.participants.certificateHint')}</p>
        <PostForm action={ctx.href(`${base}/certificate`)} csrfToken={ctx.csrfToken()}>
          <TextInput {...fieldsOf(ctx, errorsOf('certificate'), 'certificate')('name')} label={t('labs.fields.nameOnCertificate')} hint={t('labs.fields.nameOnCertificateHint')} value="" autocomplete="off" />
          <Select {...fieldsOf(ctx, errorsOf('certificate'), 'certificate')('language')} label={t('labs.fields.certificateLanguage')} options={LOCALES.map((locale) => ({ value: locale, label: localeName(ctx, locale) }))} value={formText(valuesOf('certificate'), 'language') || participant.consent_language} />
          <Button variant="secondary">{t('labs.participants.certificateButton')}</Button>
        </PostForm>
        <h3>{t('labs.participants.export')}</h3>
        <p>
          <a href={ctx.href(`${base}/export`)} download>
            {t('labs.participants.exportLink')}
          </a>
        </p>
        <h3>{t('labs.participants.erase')}</h3>
        <p>{t('labs.participants.eraseHint')}</p>
        <PostForm action={ctx.href(`${base}/erase`)} csrfToken={ctx.csrfToken()}>
          <Checkboxes {...fieldsOf(ctx, errorsOf('erase'), 'erase')('confirm')} label={t('labs.fields.confirmEraseLegend')} items={[{ value: 'yes', label: t('labs.fields.confirmErase', { code: participant.code }) }]} checked={[]} />
          <Button variant="warning">{t('labs.participants.eraseButton')}</Button>
        </PostForm>
      </Section>
    </div>
  );
}

/** `/{l}/labs/{slug}/sessions/{id}`: the session's list (codes) and its attendance form. */
export function SessionPage({ ctx, lab, session, list, errors, done }: { ctx: ViewContext; lab: LabRow; session: SessionRow; list: readonly SessionListRow[]; errors: FieldErrors; done?: string }) {
  const { t } = ctx;
  return (
    <div class="stack">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, errors)} />
      <SuccessBanner title={t('common.success')} message={done ? t(`labs.notices.${done}`) : undefined} />
      <p>
        <a href={ctx.href(labPath(lab.slug, '/sessions'))}>{t('labs.sessions.back')}</a>
      </p>
      <h1 dir="auto">
        {t('labs.sessions.sessionTitle', { programme: session.programme_title })}
      </h1>
      <SummaryList
        rows={[
          { key: t('labs.sessions.session'), value: sessionWhen(ctx, session, lab.time_zone) },
          { key: t('labs.fields.module'), value: <span dir="auto">{session.module}</span> },
          { key: t('labs.fields.where'), value: session.online ? t('labs.sessions.online') : <span dir="auto">{session.place}</span> },
          { key: t('labs.fields.facilitator'), value: session.facilitator_name ?? '' },
          { key: t('labs.fields.sessionLanguage'), value: languageName(ctx, session.language) },
          { key: t('labs.fields.format'), value: t(`labs.formats.${session.format}`) },
          { key: t('labs.fields.capacity'), value: String(session.capacity) },
        ]}
      />
      <h2>{t('labs.sessions.list', { count: list.length })}</h2>
      {list.length === 0 ? (
        <p>{t('labs.sessions.nobodyEnrolled')}</p>
      ) : (
        <PostForm action={ctx.href(labPath(lab.slug, `/sessions/${session.id}/attendance`))} csrfToken={ctx.csrfToken()}>
          {list.map((row) => (
            <input key={row.participant_id} type="hidden" name="listed" value={String(row.participant_id)} />
          ))}
          <Checkboxes id="present" name="present" errorPrefix={t('common.errorPrefix')} error={errors.present ? t(errors.present) : undefined} label={t('labs.sessions.whoCame')} items={list.map((row) => ({ value: String(row.participant_id), label: row.code }))} checked={list.filter((row) => row.present).map((row) => String(row.participant_id))} />
          <Button>{t('labs.sessions.saveAttendance')}</Button>
        </PostForm>
      )}
    </div>
  );
}

/** `/{l}/labs/{slug}/audit`: who read or changed which participant record, and who was refused. */
export function AuditPage({ ctx, lab, rows, page, pageCount }: { ctx: ViewContext; lab: LabRow; rows: readonly AuditRow[]; page: number; pageCount: number }) {
  const { t } = ctx;
  const time = dateTimeFormat(ctx.locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: lab.time_zone });
  return (
    <div class="stack">
      <Back ctx={ctx} lab={lab} />
      <h1>
        {t('labs.audit.title')} <span dir="auto">{lab.name}</span>
      </h1>
      <p>{t('labs.audit.intro')}</p>
      {rows.length === 0 ? (
        <p>{t('labs.audit.empty')}</p>
      ) : (
        <Table
          caption={t('labs.audit.title')}
          captionHidden
          head={[t('labs.audit.when'), t('labs.audit.who'), t('labs.audit.what'), t('labs.audit.record')]}
          rows={rows.map((row) => [time.format(row.created_at), row.actor_name ?? t('labs.audit.system'), t(`labs.audit.actions.${row.action}`), row.participant_id === null ? '' : t('labs.audit.recordNumber', { id: row.participant_id })])}
        />
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(next) => ctx.href(labPath(lab.slug, `/audit${next > 1 ? `?page=${next}` : ''}`))} labels={paginationLabels(t)} />
    </div>
  );
}
