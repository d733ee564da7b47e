import { eraseAuthoredItems, exportedAttachments } from '../../content/personal-data.ts';
import { isoOrNull, type PersonalDataEntry } from '../../platform/personal-data.ts';
import { PRACTICE_KIND } from './kind.ts';

/** Every text column a member writes in a practice; their name and address are taken out on deletion. */
const PRACTICE_TEXT_COLUMNS = [
  'title', 'summary', 'background', 'activities', 'participants', 'outcomes', 'evaluation', 'recommendations', 'funding_source',
] as const;

/**
 * The practices a member submitted, all exported with their organisations, links and files. On
 * deletion the unpublished ones go and the published ones stay (content/personal-data.ts); the
 * contact person goes from every one of them, published or not: the member typed those details
 * (often their own), and with the account gone nobody answers for them.
 */
export const practicesPersonalData: PersonalDataEntry = {
  table: 'practices',
  export: {
    section: 'practices',
    async rows(db, subject) {
      const practices = await db
        .selectFrom('practices')
        .select([
          'id', 'slug', 'status', 'title', ...PRACTICE_TEXT_COLUMNS.filter((column) => column !== 'title'), 'people_reached', 'evidence_level',
          'scale', 'countries', 'start_date', 'end_date', 'ongoing', 'budget_amount', 'budget_currency', 'contact_name', 'contact_email',
          'contact_public', 'language', 'created_at', 'updated_at', 'submitted_at', 'published_at',
        ])
        .where('author_id', '=', subject.userId)
        .orderBy('id')
        .execute();
      return Promise.all(
        practices.map(async ({ id, created_at, updated_at, submitted_at, published_at, start_date, end_date, ...practice }) => ({
          ...practice,
          startDate: isoOrNull(start_date),
          endDate: isoOrNull(end_date),
          createdAt: isoOrNull(created_at),
          updatedAt: isoOrNull(updated_at),
          submittedAt: isoOrNull(submitted_at),
          publishedAt: isoOrNull(published_at),
          organisations: await db.selectFrom('practice_organisations').select(['role', 'name', 'stakeholder_type']).where('practice_id', '=', id).orderBy('position').execute(),
          links: await db.selectFrom('practice_links').select(['url', 'label']).where('practice_id', '=', id).orderBy('position').execute(),
          attachments: await exportedAttachments(db, PRACTICE_KIND, id),
        })),
      );
    },
  },
  async erase(step) {
    await eraseAuthoredItems(step, { table: 'practices', kind: PRACTICE_KIND, textColumns: PRACTICE_TEXT_COLUMNS });
    await step.trx
      .updateTable('practices')
      .set({ contact_name: null, contact_email: null, contact_public: false })
      .where('author_id', '=', step.subject.userId)
      .execute();
  },
};

/** Editors' decisions: exported to the editor who wrote them, kept on deletion as the record of the review. */
export const practiceReviewsPersonalData: PersonalDataEntry = {
  table: 'practice_reviews',
  export: {
    section: 'practiceReviews',
    async rows(db, subject) {
      const reviews = await db
        .selectFrom('practice_reviews as r')
        .innerJoin('practices as p', 'p.id', 'r.practice_id')
        .select(['p.slug', 'r.decision', 'r.rubric', 'r.message', 'r.version', 'r.created_at'])
        .where('r.reviewer_id', '=', subject.userId)
        .orderBy('r.id')
        .execute();
      return reviews.map(({ created_at, ...review }) => ({ ...review, createdAt: isoOrNull(created_at) }));
    },
  },
  async erase() {},
};

export const practicePersonalData: readonly PersonalDataEntry[] = [practicesPersonalData, practiceReviewsPersonalData];
