import { countryOptions } from '../../../lib/countries.ts';
import { displayNames } from '../../../lib/intl.ts';
import { CONTENT_LANGUAGES, SPOKEN_LANGUAGES } from '../../../lib/languages.ts';
import { timeZones } from '../../../lib/time-zones.ts';
import type { ViewContext } from '../../../platform/context.ts';
import { summaryOf, type FieldErrors } from '../../../platform/forms.ts';
import { MarkdownText } from '../../../ui/markdown-text.tsx';
import { Button, Checkboxes, Radios, Select, SummaryList, Table, Textarea, TextInput } from '../../../ui/index.ts';
import { ErrorSummary } from '../../../ui/error-summary.tsx';
import { NotificationBanner, SuccessBanner } from '../../../ui/notification.tsx';
import { PostForm } from '../../../ui/post-form.tsx';
import { Section } from '../../../ui/section.tsx';
import { StatusTag } from '../../../editorial/index.ts';
import { termLabel, type Term } from '../../taxonomies/index.ts';
import { eventPath } from '../kind.ts';
import { EVENT_FORMATS, type EventFormValues } from '../model.ts';
import type { OccurrenceRow, RegistrationRow, EventRow } from '../queries.ts';
import { EventWhen } from './event-times.tsx';
import { localInputOf } from '../time.ts';

function errorsOf(ctx: ViewContext, errors: FieldErrors) {
  return (field: string) => ({ error: errors[field] ? ctx.t(errors[field]) : undefined, errorPrefix: ctx.t('common.errorPrefix') });
}

export interface EventFormProps {
  ctx: ViewContext;
  action: string;
  values: EventFormValues;
  errors: FieldErrors;
  topics: readonly Term[];
  organisations: readonly { id: number; name: string }[];
  editing: boolean;
  version?: number;
  /** Whether the author may publish at once (editors, and managers of an organisation they pick). */
  canPublish: boolean;
  published: boolean;
  conflict?: boolean;
  feedback?: string;
}

/** Proposing or editing an event: every time is a wall-clock time in the zone chosen with it. */
export function EventFormPage({ ctx, action, values, errors, topics, organisations, editing, version, canPublish, published, conflict, feedback }: EventFormProps) {
  const { t, locale } = ctx;
  const field = errorsOf(ctx, errors);
  const languages = displayNames(locale, 'language');
  return (
    <div class="stack">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, errors)} />
      {conflict ? <NotificationBanner title={t('events.form.conflictTitle')}>{t('events.form.conflict')}</NotificationBanner> : null}
      {feedback ? <NotificationBanner title={t('events.form.feedbackTitle')}><span dir="auto">{feedback}</span></NotificationBanner> : null}
      <h1>{t(editing ? 'events.form.editTitle' : 'events.form.newTitle')}</h1>
      {!editing ? <p class="lede">{t('events.form.intro')}</p> : null}
      <PostForm action={ctx.href(action)} csrfToken={ctx.csrfToken()}>
        {version !== undefined ? <input type="hidden" name="version" value={String(version)} /> : null}
        <TextInput id="title" label={t('events.fields.title')} value={values.title} {...field('title')} />
        <Textarea id="description" label={t('events.fields.description')} hint={t('events.fields.descriptionHint')} rows={8} value={values.description} {...field('description')} />
        <Select id="language" label={t('events.fields.language')} emptyOption={t('events.form.choose')} options={CONTENT_LANGUAGES.map((code) => ({ value: code, label: languages.of(code) ?? code }))} value={values.language} {...field('language')} />
        <Select id="timeZone" label={t('events.fields.timeZone')} hint={t('events.fields.timeZoneHint')} options={timeZones().map((zone) => ({ value: zone, label: zone }))} value={values.timeZone} {...field('timeZone')} />
        <TextInput id="startsAt" type="datetime-local" label={t('events.fields.startsAt')} hint={t('events.fields.timeHint')} value={values.startsAt} {...field('startsAt')} />
        <TextInput id="endsAt" type="datetime-local" label={t('events.fields.endsAt')} value={values.endsAt} {...field('endsAt')} />
        <TextInput id="recurrence" label={t('events.fields.recurrence')} hint={t('events.fields.recurrenceHint')} value={values.recurrence} spellcheck={false} {...field('recurrence')} />
        <Radios id="format" label={t('events.fields.format')} items={EVENT_FORMATS.map((format) => ({ value: format, label: t(`events.formats.${format}`) }))} checked={values.format} {...field('format')} />
        <TextInput id="venue" label={t('events.fields.venue')} hint={t('events.fields.venueHint')} value={values.venue} {...field('venue')} />
        <TextInput id="address" label={t('events.fields.address')} value={values.address} {...field('address')} />
        <TextInput id="city" label={t('events.fields.city')} hint={t('events.fields.cityHint')} value={values.city} width={20} {...field('city')} />
        <Select id="country" label={t('events.fields.country')} hint={t('events.fields.countryHint')} emptyOption={t('events.form.none')} options={countryOptions(locale)} value={values.country} {...field('country')} />
        <TextInput id="joinUrl" type="url" label={t('events.fields.joinUrl')} hint={t('events.fields.joinUrlHint')} value={values.joinUrl} {...field('joinUrl')} />
        <TextInput id="capacity" inputmode="numeric" width={4} label={t('events.fields.capacity')} hint={t('events.fields.capacityHint')} value={values.capacity} {...field('capacity')} />
        <TextInput id="registrationDeadline" type="datetime-local" label={t('events.fields.registrationDeadline')} hint={t('events.fields.deadlineHint')} value={values.registrationDeadline} {...field('registrationDeadline')} />
        <Checkboxes id="languages" label={t('events.fields.languages')} inline items={SPOKEN_LANGUAGES.map((code) => ({ value: code, label: languages.of(code) ?? code }))} checked={values.languages} {...field('languages')} />
        <Checkboxes id="topics" label={t('events.fields.topics')} items={topics.map((term) => ({ value: term.code, label: termLabel(term, locale) }))} checked={values.topics} {...field('topics')} />
        <Textarea id="practices" label={t('events.fields.practices')} hint={t('events.fields.linksHint')} rows={2} value={values.practices} {...field('practices')} />
        <Textarea id="resources" label={t('events.fields.resources')} hint={t('events.fields.linksHint')} rows={2} value={values.resources} {...field('resources')} />
        {organisations.length > 0 || values.organisation ? (
          <Select id="organisation" label={t('events.fields.organisation')} hint={t('events.fields.organisationHint')} emptyOption={t('events.form.asMyself')} options={organisations.map((organisation) => ({ value: String(organisation.id), label: organisation.name }))} value={values.organisation} {...field('organisation')} />
        ) : null}
        <div class="button-group">
          {published ? (
            <Button name="action" value="publish">{t('events.form.save')}</Button>
          ) : (
            <>
              {canPublish ? <Button name="action" value="publish">{t('events.form.publish')}</Button> : <Button name="action" value="submit">{t('events.form.submit')}</Button>}
              <Button name="action" value="draft" variant="secondary">{t('events.form.draft')}</Button>
            </>
          )}
        </div>
      </PostForm>
    </div>
  );
}

/** A visitor's registration: a name and an address, confirmed by the link mailed there. */
export function VisitorRegistrationPage({ ctx, row, values, errors, sent }: { ctx: ViewContext; row: EventRow; values: { name: string; email: string }; errors: FieldErrors; sent: boolean }) {
  const { t } = ctx;
  const field = errorsOf(ctx, errors);
  return (
    <div class="stack">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, errors)} />
      <SuccessBanner title={t('common.success')} message={sent ? t('events.register.checkMail') : undefined} />
      <h1>{t('events.register.visitorTitle', { title: row.title })}</h1>
      <p>
        <EventWhen ctx={ctx} startsAt={row.starts_at} endsAt={row.ends_at} timeZone={row.time_zone} />
      </p>
      <p>{t('events.register.visitorIntro')}</p>
      <PostForm action={ctx.href(`${eventPath(row.slug)}/register`)} csrfToken={ctx.csrfToken()}>
        <TextInput id="name" label={t('events.register.name')} autocomplete="name" value={values.name} {...field('name')} />
        <TextInput id="email" type="email" label={t('events.register.email')} autocomplete="email" spellcheck={false} value={values.email} {...field('email')} />
        <Button>{t('events.register.sendLink')}</Button>
      </PostForm>
      <p>
        <a href={ctx.href(eventPath(row.slug))}>{t('events.page.backToEvent')}</a>
      </p>
    </div>
  );
}

/** The page a mailed link opens: one button, so that a mail scanner following links changes nothing. */
export function TokenActionPage({ ctx, row, token, kind, error }: { ctx: ViewContext; row: EventRow; token: string; kind: 'confirm' | 'cancel'; error?: string }) {
  const { t } = ctx;
  return (
    <div class="stack">
      {error ? <NotificationBanner title={t('events.register.refusedTitle')}>{t(error)}</NotificationBanner> : null}
      <h1>{t(`events.token.${kind}Title`, { title: row.title })}</h1>
      <p>
        <EventWhen ctx={ctx} startsAt={row.starts_at} endsAt={row.ends_at} timeZone={row.time_zone} />
      </p>
      <PostForm action={ctx.href(`${eventPath(row.slug)}/registration/${kind}`)} csrfToken={ctx.csrfToken()}>
        <input type="hidden" name="token" value={token} />
        <Button variant={kind === 'cancel' ? 'warning' : 'primary'}>{t(`events.token.${kind}Button`)}</Button>
      </PostForm>
    </div>
  );
}

/** What happened after a mailed link: a seat, a waiting place, a cancellation. */
export function OutcomePage({ ctx, row, outcome }: { ctx: ViewContext; row: EventRow; outcome: 'confirmed' | 'waiting' | 'already' | 'cancelled' | 'notCancelled' }) {
  const { t } = ctx;
  return (
    <div class="stack">
      <h1>{t(`events.outcome.${outcome}.title`)}</h1>
      <p>{t(`events.outcome.${outcome}.body`, { title: row.title })}</p>
      <p>
        <a href={ctx.href(eventPath(row.slug))}>{t('events.page.backToEvent')}</a>
      </p>
    </div>
  );
}

export function CancelEventPage({ ctx, row, errors, reason }: { ctx: ViewContext; row: EventRow; errors: FieldErrors; reason: string }) {
  const { t } = ctx;
  const field = errorsOf(ctx, errors);
  return (
    <div class="stack">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, errors)} />
      <h1>{t('events.cancel.title', { title: row.title })}</h1>
      <p>{t('events.cancel.body', { count: row.seats_taken + row.waiting })}</p>
      <PostForm action={ctx.href(`${eventPath(row.slug)}/cancel`)} csrfToken={ctx.csrfToken()}>
        <Textarea id="reason" label={t('events.cancel.reason')} rows={3} value={reason} {...field('reason')} />
        <Button variant="warning">{t('events.cancel.button')}</Button>
      </PostForm>
      <p>
        <a href={ctx.href(eventPath(row.slug))}>{t('events.cancel.keep')}</a>
      </p>
    </div>
  );
}

export interface RegistrationsPageProps {
  ctx: ViewContext;
  row: EventRow;
  confirmed: readonly RegistrationRow[];
  waiting: readonly RegistrationRow[];
  occurrences: readonly OccurrenceRow[];
  notice?: string;
  checkIn?: { result: 'checked_in' | 'already' | 'unknown'; name?: string };
  errors: FieldErrors;
  message: { subject: string; message: string };
}

/** The organisers' page: who registered, the door check-in, a message to everyone, the dates of a series. */
export function RegistrationsPage({ ctx, row, confirmed, waiting, occurrences, notice, checkIn, errors, message }: RegistrationsPageProps) {
  const { t } = ctx;
  const field = errorsOf(ctx, errors);
  const base = eventPath(row.slug);
  const person = (registration: RegistrationRow) => <span dir="auto">{registration.display_name || registration.address}</span>;
  const now = Date.now();
  return (
    <div class="stack">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, errors)} />
      <SuccessBanner title={t('common.success')} message={notice ? t(`events.done.${notice}`) : undefined} />
      {checkIn ? (
        <NotificationBanner title={t('events.checkIn.resultTitle')}>
          {checkIn.result === 'unknown' ? t('events.checkIn.unknown') : t(`events.checkIn.${checkIn.result}`, { name: checkIn.name ?? '' })}
        </NotificationBanner>
      ) : null}
      <p>
        <a href={ctx.href(base)}>{t('events.page.backToEvent')}</a>
      </p>
      <h1>{t('events.registrations.title', { title: row.title })}</h1>
      <SummaryList
        rows={[
          { key: t('events.registrations.seats'), value: row.capacity === null ? String(confirmed.length) : `${confirmed.length} / ${row.capacity}` },
          { key: t('events.registrations.waiting'), value: String(waiting.length) },
          { key: t('events.registrations.checkedIn'), value: String(confirmed.filter((registration) => registration.checked_in_at).length) },
        ]}
      />
      <Section id="check-in" title={t('events.checkIn.heading')}>
        <PostForm action={ctx.href(`${base}/check-in`)} csrfToken={ctx.csrfToken()}>
          <TextInput id="code" label={t('events.checkIn.code')} hint={t('events.checkIn.hint')} width={10} autocomplete="off" spellcheck={false} {...field('code')} />
          <Button>{t('events.checkIn.button')}</Button>
        </PostForm>
      </Section>
      <Section id="registered" title={t('events.registrations.registered')}>
        <p>
          <a href={ctx.href(`${base}/registrations.csv`)} download>{t('events.registrations.csv')}</a>
        </p>
        {confirmed.length === 0 ? (
          <p>{t('events.registrations.none')}</p>
        ) : (
          <Table
            caption={t('events.registrations.registered')}
            captionHidden
            head={[t('events.registrations.name'), t('events.registrations.code'), t('events.registrations.checkedIn')]}
            rows={confirmed.map((registration) => [person(registration), registration.code, registration.checked_in_at ? t('events.registrations.yes') : t('events.registrations.no')])}
          />
        )}
      </Section>
      <Section id="waiting" title={t('events.registrations.waitingList')}>
        {waiting.length === 0 ? (
          <p>{t('events.registrations.noneWaiting')}</p>
        ) : (
          <ol>
            {waiting.map((registration) => (
              <li key={registration.id}>{person(registration)}</li>
            ))}
          </ol>
        )}
      </Section>
      <Section id="message" title={t('events.message.heading')}>
        <PostForm action={ctx.href(`${base}/message`)} csrfToken={ctx.csrfToken()}>
          <TextInput id="subject" label={t('events.message.subject')} value={message.subject} {...field('subject')} />
          <Textarea id="message" label={t('events.message.body')} rows={5} value={message.message} {...field('message')} />
          <Button>{t('events.message.send', { count: confirmed.length + waiting.length })}</Button>
        </PostForm>
      </Section>
      <Section id="dates" title={t('events.page.dates')}>
        <ul class="stack">
          {occurrences.filter((occurrence) => occurrence.ends_at.getTime() >= now).slice(0, 52).map((occurrence) => (
            <li key={occurrence.id}>
              <p>
                <EventWhen ctx={ctx} startsAt={occurrence.starts_at} endsAt={occurrence.ends_at} timeZone={row.time_zone} />
                {occurrence.cancelled ? ` (${t('events.page.cancelledTag')})` : occurrence.moved ? ` (${t('events.page.movedTag')})` : ''}
              </p>
              {occurrence.cancelled ? null : (
                <div class="button-group">
                  <PostForm action={ctx.href(`${base}/occurrences/${occurrence.id}/move`)} csrfToken={ctx.csrfToken()} class="inline-form">
                    <TextInput id={`startsAt-${occurrence.id}`} type="datetime-local" label={t('events.occurrence.moveTo', { zone: row.time_zone })} value={localInputOf(occurrence.starts_at, row.time_zone)} />
                    <Button variant="secondary">{t('events.occurrence.move')}</Button>
                  </PostForm>
                  <PostForm action={ctx.href(`${base}/occurrences/${occurrence.id}/cancel`)} csrfToken={ctx.csrfToken()} class="inline-form">
                    <Button variant="warning">{t('events.occurrence.cancel')}</Button>
                  </PostForm>
                </div>
              )}
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}

/** The editors' page of a proposed event, with the decision form. */
export function EventReviewPage({ ctx, row, values, errors, decided }: { ctx: ViewContext; row: EventRow; values: { decision: string; message: string }; errors: FieldErrors; decided?: string }) {
  const { t } = ctx;
  const field = errorsOf(ctx, errors);
  return (
    <div class="stack">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, errors)} />
      <SuccessBanner title={t('common.success')} message={decided ? t(`events.review.done.${decided}`) : undefined} />
      <p>
        <a href={ctx.href('/review')}>{t('events.review.back')}</a>
      </p>
      <h1>
        {t('events.review.title')} <span dir="auto">{row.title}</span>
      </h1>
      <p>
        <StatusTag ctx={ctx} status={row.status} />
      </p>
      <p>
        <EventWhen ctx={ctx} startsAt={row.starts_at} endsAt={row.ends_at} timeZone={row.time_zone} />
      </p>
      <p>
        <a href={ctx.href(eventPath(row.slug))}>{t('events.review.preview')}</a>
      </p>
      {row.description ? <MarkdownText source={row.description} /> : null}
      {row.status === 'submitted' || row.status === 'in_review' ? (
        <PostForm action={ctx.href(`/review/events/${encodeURIComponent(row.slug)}/decision`)} csrfToken={ctx.csrfToken()}>
          <input type="hidden" name="version" value={String(row.version)} />
          <Radios id="decision" label={t('events.review.decision')} items={['publish', 'request_changes', 'decline'].map((decision) => ({ value: decision, label: t(`events.review.decisions.${decision}`) }))} checked={values.decision} {...field('decision')} />
          <Textarea id="message" label={t('events.review.message')} hint={t('events.review.messageHint')} rows={4} value={values.message} {...field('message')} />
          <Button>{t('events.review.send')}</Button>
        </PostForm>
      ) : null}
    </div>
  );
}
