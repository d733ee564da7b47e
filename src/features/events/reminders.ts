import type { AppDeps } from '../../platform/deps.ts';
import { isLocale, translator } from '../../platform/i18n.ts';
import { eventTimeText } from './event-time.ts';
import { eventPath } from './kind.ts';
import * as queries from './queries.ts';

/**
 * Reminders a day before every event and an hour before online ones, to everyone with a seat.
 * A run claims what is due by inserting it into `event_reminders` (unique per registration,
 * occurrence and kind) and writes the mails in the same transaction: two processes, or a run
 * after a crash, find nothing left to claim, and a claim never exists without its mail.
 */

export const EVENT_REMINDERS_JOB = 'event-reminders';
/** Every five minutes: the hour-before reminder goes out between 55 and 60 minutes ahead. */
export const EVENT_REMINDERS_CRON = '*/5 * * * *';
const BATCH = 500;

export async function sendDueReminders({ db, mailer, config }: Pick<AppDeps, 'db' | 'mailer' | 'config'>, now = new Date()): Promise<number> {
  let sent = 0;
  for (;;) {
    const claimed = await db.transaction().execute(async (trx) => {
      const due = await queries.claimDueReminders(trx, now, BATCH);
      for (const reminder of due) {
        const [registration, occurrence] = await Promise.all([queries.registrationById(trx, reminder.registration_id), queries.occurrenceById(trx, reminder.occurrence_id)]);
        const row = registration ? await queries.findById(trx, registration.event_id) : undefined;
        if (!registration?.address || !occurrence || !row) continue;
        const locale = isLocale(registration.locale) ? registration.locale : 'en';
        const t = translator(locale);
        await mailer.sendWithin(trx, {
          to: registration.address,
          subject: t(`events.mail.reminder.${reminder.kind}.subject`, { title: row.title }),
          text: t('events.mail.reminder.body', {
            name: registration.display_name,
            title: row.title,
            when: eventTimeText(locale, occurrence.starts_at, occurrence.ends_at, row.time_zone, registration.reader_time_zone ?? row.time_zone),
            where: [row.venue, row.address, row.city_name].filter(Boolean).join(', ') || t('events.formats.online'),
            join: row.join_url ? t('events.mail.joinLine', { url: row.join_url }) : '',
            code: registration.code,
            link: new URL(`/${locale}${eventPath(row.slug)}`, config.baseUrl).href,
          }),
        });
      }
      return due.length;
    });
    sent += claimed;
    if (claimed < BATCH) break;
  }
  if (sent > 0) mailer.wake();
  return sent;
}
