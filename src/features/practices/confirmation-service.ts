import type { AppDeps } from '../../platform/deps.ts';
import { isLocale, translator } from '../../platform/i18n.ts';
import { consumeLink, issueLink, liveLinkSubject } from '../../platform/single-use-links.ts';
import { PRACTICE_KIND } from './kind.ts';
import * as queries from './queries.ts';
import { CONFIRMATION_INTERVAL_MONTHS, isoDay } from './running.ts';

/**
 * "Is this practice still running?": once a year the contact of each published practice gets a
 * single-use link; following it and confirming sets the date it was last known to run.
 */

const ASK_AGAIN_AFTER_DAYS = 30;
const LINK_VALID_DAYS = 60;
const BATCH_SIZE = 200;
const DAY_MS = 24 * 60 * 60 * 1000;

function monthsBefore(day: Date, months: number): string {
  const date = new Date(day.getFullYear(), day.getMonth() - months, day.getDate());
  return isoDay(date) ?? '';
}

export function confirmationService({ db, mailer, config }: AppDeps) {
  /** The practice a live link is for, to show before anything is changed. */
  async function livePractice(slug: string, token: string): Promise<{ slug: string; title: string } | undefined> {
    const practiceId = await liveLinkSubject(db, queries.CONFIRM_RUNNING, PRACTICE_KIND, token);
    const practice = practiceId === undefined ? undefined : await queries.practiceTitleById(db, practiceId);
    // A link is for one practice: under another practice's address it confirms nothing.
    return practice?.slug === slug ? practice : undefined;
  }

  return {
    /**
     * Mails every contact whose practice is due: not confirmed for a year, not asked in the
     * last 30 days, not ended. Works through the practices in batches so memory stays flat.
     * Returns how many were asked.
     */
    async askDue(now: Date = new Date()): Promise<number> {
      const criteria = {
        confirmedBefore: monthsBefore(now, CONFIRMATION_INTERVAL_MONTHS),
        askedBefore: new Date(now.getTime() - ASK_AGAIN_AFTER_DAYS * DAY_MS),
        today: isoDay(now) ?? '',
      };
      let asked = 0;
      for (let afterId = 0; ; ) {
        const due = await queries.practicesDueForConfirmation(db, { ...criteria, afterId, limit: BATCH_SIZE });
        for (const practice of due) {
          if (!practice.contact_email) continue;
          // The request is recorded before the mail goes, so a crash cannot make us ask twice a day.
          const token = await issueLink(db, {
            purpose: queries.CONFIRM_RUNNING,
            subject: { kind: PRACTICE_KIND, id: practice.id },
            recipient: practice.contact_email,
            ttlMs: LINK_VALID_DAYS * DAY_MS,
            now,
          });
          const locale = isLocale(practice.language) ? practice.language : 'en';
          const t = translator(locale);
          const url = new URL(`/${locale}/practices/${practice.slug}/confirm?token=${token}`, config.baseUrl).toString();
          await mailer.send({
            to: practice.contact_email,
            subject: t('practices.mail.confirm.subject', { title: practice.title }),
            text: t('practices.mail.confirm.body', { name: practice.contact_name ?? '', title: practice.title, link: url, days: LINK_VALID_DAYS }),
          });
          asked += 1;
        }
        const last = due[due.length - 1];
        if (!last || due.length < BATCH_SIZE) return asked;
        afterId = last.id;
      }
    },

    check: livePractice,

    /** Confirms the practice runs as of `today`; false when the link is dead or was used. */
    async confirm(slug: string, token: string, today: Date = new Date()): Promise<boolean> {
      if (!(await livePractice(slug, token))) return false;
      return db.transaction().execute(async (trx) => {
        const practiceId = await consumeLink(trx, queries.CONFIRM_RUNNING, PRACTICE_KIND, token);
        if (practiceId === undefined) return false;
        await queries.setLastConfirmed(trx, practiceId, isoDay(today) ?? '');
        return true;
      });
    },
  };
}
