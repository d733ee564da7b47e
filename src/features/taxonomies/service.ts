import type { Db } from '../../db/client.ts';
import type { TermLabels, Vocabulary } from '../../db/schema/taxonomies.ts';
import type { Locale } from '../../platform/i18n.ts';

export interface Term {
  id: number;
  vocabulary: Vocabulary;
  code: string;
  labels: TermLabels;
}

/** A term's label in the reader's language, falling back to English. */
export function termLabel(term: Pick<Term, 'labels'>, locale: Locale): string {
  return term.labels[locale] ?? term.labels.en;
}

export function taxonomyService({ db }: { db: Db }) {
  return {
    /** The live terms of a vocabulary, in their curated order. */
    async list(vocabulary: Vocabulary): Promise<Term[]> {
      return db
        .selectFrom('taxonomy_terms')
        .select(['id', 'vocabulary', 'code', 'labels'])
        .where('vocabulary', '=', vocabulary)
        .where('retired_at', 'is', null)
        .orderBy('position')
        .orderBy('code')
        .execute();
    },

    /** Every live term, grouped by vocabulary: the form's options and the facets' labels. */
    async all(): Promise<Map<Vocabulary, Term[]>> {
      const rows = await db
        .selectFrom('taxonomy_terms')
        .select(['id', 'vocabulary', 'code', 'labels'])
        .where('retired_at', 'is', null)
        .orderBy('vocabulary')
        .orderBy('position')
        .orderBy('code')
        .execute();
      const grouped = new Map<Vocabulary, Term[]>();
      for (const row of rows) grouped.set(row.vocabulary, [...(grouped.get(row.vocabulary) ?? []), row]);
      return grouped;
    },

    /** Looks terms up by id, e.g. to label a practice's tags. */
    async byIds(ids: readonly number[]): Promise<Term[]> {
      if (ids.length === 0) return [];
      return db
        .selectFrom('taxonomy_terms')
        .select(['id', 'vocabulary', 'code', 'labels'])
        .where('id', 'in', ids)
        .orderBy('vocabulary')
        .orderBy('position')
        .execute();
    },
  };
}

export type TaxonomyService = ReturnType<typeof taxonomyService>;
