import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { SPOKEN_LANGUAGES } from '../../lib/languages.ts';
import { STAKEHOLDER_TYPES } from '../../lib/stakeholders.ts';

const FIRST_NAMES = ['Amina', 'João', 'Lucía', 'Omar', 'Camille', 'Priya', 'Mamadou', 'Elena', 'Tariq', 'Sofia', 'Kwame', 'Leila', 'Mateo', 'Hana', 'Ivan', 'Fatou', 'Nour', 'Ana', 'Yusuf', 'Marta'];
const LAST_NAMES = ['Diallo', 'Martins', 'Andrade', 'Haddad', 'Le Roux', 'Raman', 'Ndiaye', 'Duarte', 'Aziz', 'Rossi', 'Mensah', 'Benali', 'García', 'Kim', 'Petrenko', 'Sow', 'Khalil', 'Costa', 'Demir', 'Nowak'];
const ORGANISATIONS = ['City of', 'Red Cross', 'Refugee Council', 'Diaspora Network', 'University of', 'Chamber of Commerce', 'Migrant Women Association', 'Integration Office'];
const COUNTRIES = ['FR', 'ES', 'PT', 'DE', 'IT', 'SN', 'MA', 'EC', 'MX', 'CA', 'JO', 'LB', 'TR', 'GB', 'NL', 'SE', 'BR', 'KE', 'NG', 'PH'];

/**
 * Members with public profiles, listed in the directory, for benchmarks: written in one statement,
 * with what the directory matches and filters on built as the community service builds it.
 */
export async function loadSyntheticMembers(db: Db, options: { count: number; digest?: 'off' | 'daily' | 'weekly' }): Promise<number> {
  const topics = (await db.selectFrom('taxonomy_terms').select(['id', 'code', 'labels']).where('vocabulary', '=', 'topic').where('retired_at', 'is', null).orderBy('id').execute());
  const topicIds = topics.map((topic) => topic.id);
  const topicCodes = topics.map((topic) => topic.code);
  const topicLabels = topics.map((topic) => Object.values(topic.labels).join(' '));
  const result = await sql`
    INSERT INTO users (handle, email, name, role, email_verified_at, organisation, stakeholder_type, job_title, country, expertise_ids,
                       languages_spoken, bio, public_fields, listed, digest_frequency, directory_text, directory_facets)
    SELECT 'synthetic-member-' || n,
           'synthetic-member-' || n || '@example.org',
           first_names[1 + n % 20] || ' ' || last_names[1 + (n / 20) % 20],
           'member', now(),
           organisations[1 + n % 8] || ' ' || countries[1 + (n / 7) % 20],
           stakeholders[1 + n % ${STAKEHOLDER_TYPES.length}],
           'Integration officer',
           countries[1 + (n / 7) % 20],
           ARRAY[topic_ids[1 + n % ${topicIds.length}], topic_ids[1 + (n / 3) % ${topicIds.length}]],
           ARRAY[languages[1 + n % 8], languages[1 + (n / 11) % ${SPOKEN_LANGUAGES.length}]],
           'Working with newcomers since ' || (2000 + n % 25) || '.',
           ARRAY['organisation', 'stakeholderType', 'country', 'expertise', 'languages'],
           true,
           ${options.digest ?? 'off'},
           lower(unaccent(first_names[1 + n % 20] || ' ' || last_names[1 + (n / 20) % 20] || ' ' || organisations[1 + n % 8] || ' ' || countries[1 + (n / 7) % 20]
                 || ' ' || topic_labels[1 + n % ${topicIds.length}] || ' ' || topic_labels[1 + (n / 3) % ${topicIds.length}])),
           ARRAY['stakeholder:' || stakeholders[1 + n % ${STAKEHOLDER_TYPES.length}], 'country:' || countries[1 + (n / 7) % 20],
                 'topic:' || topic_codes[1 + n % ${topicIds.length}], 'topic:' || topic_codes[1 + (n / 3) % ${topicIds.length}],
                 'language:' || languages[1 + n % 8], 'language:' || languages[1 + (n / 11) % ${SPOKEN_LANGUAGES.length}]]
      FROM generate_series(1, ${options.count}) AS n,
           (SELECT ${sql.val(FIRST_NAMES)}::text[] AS first_names, ${sql.val(LAST_NAMES)}::text[] AS last_names,
                   ${sql.val(ORGANISATIONS)}::text[] AS organisations, ${sql.val(COUNTRIES)}::text[] AS countries,
                   ${sql.val([...STAKEHOLDER_TYPES])}::text[] AS stakeholders, ${sql.val([...SPOKEN_LANGUAGES])}::text[] AS languages,
                   ${sql.val(topicIds)}::int[] AS topic_ids, ${sql.val(topicCodes)}::text[] AS topic_codes, ${sql.val(topicLabels)}::text[] AS topic_labels) AS lists`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
