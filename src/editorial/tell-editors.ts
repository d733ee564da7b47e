import type { Executor } from '../content/kinds.ts';
import type { CurrentUser } from '../platform/context.ts';
import type { AppDeps } from '../platform/deps.ts';
import { isLocale, translator } from '../platform/i18n.ts';
import { rolesWith } from '../platform/permissions.ts';

/** Active reviewers with an address, but `exceptUserId`: who hears of new submissions. */
function reviewersToTell(db: Executor, exceptUserId: number) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale'])
    .where('role', 'in', rolesWith('content.review'))
    .where('deleted_at', 'is', null)
    .where('email', 'is not', null)
    .where('id', '<>', exceptUserId)
    .orderBy('id')
    .execute();
}

/**
 * Tells every reviewer, each in their own language, that an item of any kind waits in the review
 * queue. The one who submitted is left out: they know, and an editor submitting for a member would
 * otherwise mail themselves. Mails go out side by side, and one that fails stops neither the
 * others nor the submission: the item is in the queue, where editors find it anyway.
 */
export async function tellReviewers(
  { db, mailer, config }: Pick<AppDeps, 'db' | 'mailer' | 'config'>,
  submission: { submitter: CurrentUser; title: string; reviewPath: string; subjectKey: string; bodyKey: string },
): Promise<void> {
  const reviewers = await reviewersToTell(db, submission.submitter.id);
  await Promise.allSettled(
    reviewers.map((reviewer) => {
      const locale = reviewer.locale && isLocale(reviewer.locale) ? reviewer.locale : 'en';
      const t = translator(locale);
      const link = new URL(`/${locale}${submission.reviewPath}`, config.baseUrl).toString();
      return mailer.send({
        to: reviewer.email ?? '',
        subject: t(submission.subjectKey, { title: submission.title }),
        text: t(submission.bodyKey, { name: reviewer.name ?? '', submitter: submission.submitter.name, title: submission.title, link }),
      });
    }),
  );
}
