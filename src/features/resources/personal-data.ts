import { eraseAuthoredItems, exportedAttachments } from '../../content/personal-data.ts';
import { isoOrNull, type PersonalDataEntry } from '../../platform/personal-data.ts';
import { RESOURCE_KIND } from './kind.ts';

/** The resources a member shared: all of them exported; on deletion, see content/personal-data.ts. */
export const resourcesPersonalData: PersonalDataEntry = {
  table: 'resources',
  export: {
    section: 'resources',
    async rows(db, subject) {
      const resources = await db
        .selectFrom('resources')
        .select(['id', 'slug', 'status', 'type', 'title', 'summary', 'body', 'url', 'publisher', 'year', 'language', 'countries', 'created_at', 'updated_at', 'submitted_at', 'published_at'])
        .where('author_id', '=', subject.userId)
        .orderBy('id')
        .execute();
      return Promise.all(
        resources.map(async ({ id, created_at, updated_at, submitted_at, published_at, ...resource }) => ({
          ...resource,
          createdAt: isoOrNull(created_at),
          updatedAt: isoOrNull(updated_at),
          submittedAt: isoOrNull(submitted_at),
          publishedAt: isoOrNull(published_at),
          attachments: await exportedAttachments(db, RESOURCE_KIND, id),
        })),
      );
    },
  },
  erase: (step) => eraseAuthoredItems(step, { table: 'resources', kind: RESOURCE_KIND, textColumns: ['title', 'summary', 'body', 'publisher'] }),
};
