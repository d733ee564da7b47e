import { slugify } from '../../lib/text.ts';
import type { CurrentUser } from '../../platform/context.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { upsertCity } from '../practices/index.ts';
import { EMPTY_EVENT_FORM, type EventFormValues } from './model.ts';
import { insertRegistration } from './queries.ts';
import { registrationCode } from './seats.ts';
import { eventsService } from './service.ts';

/**
 * The events the seeds describe (the IDM workshop in Geneva and its online edition, the
 * roundtable at UN headquarters, the #NoWallsButBridges report launch) and upcoming ones dated
 * from the day the demo is loaded, so that the calendar is never empty.
 */

const CITIES = [
  { name: 'Geneva', country: 'CH', latitude: 46.2044, longitude: 6.1432 },
  { name: 'New York', country: 'US', latitude: 40.7128, longitude: -74.006 },
  { name: 'Paris', country: 'FR', latitude: 48.8566, longitude: 2.3522 },
  { name: 'Toronto', country: 'CA', latitude: 43.6532, longitude: -79.3832 },
  { name: 'Amman', country: 'JO', latitude: 31.9539, longitude: 35.9106 },
  { name: 'Dakar', country: 'SN', latitude: 14.7167, longitude: -17.4677 },
];

const citySlug = (name: string, country: string) => slugify(`${name} ${country}`);

/** Midnight UTC `days` from today, at `hour`:`minute` wall-clock time in `zone`, as a form writes it. */
function daysAhead(days: number, hour: number, minute = 0): string {
  const day = new Date(Date.now() + days * 86_400_000);
  return `${day.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

interface DemoEvent {
  organiser: string;
  organisation?: string;
  form: Partial<EventFormValues>;
  registrants?: readonly string[];
}

function demoEvents(): DemoEvent[] {
  return [
    {
      organiser: 'editor@bridges.example',
      form: {
        title: 'Societies and Identities: The Multifaceted Impact of Migration (IDM workshop)',
        description: 'The International Dialogue on Migration workshop on the transformations societies experience as a result of migration: identity, belonging, diversity and social cohesion.\n\nIts virtual edition ran on the Online Community on Migration and Integration from 15 to 22 July.',
        language: 'en', languages: ['en', 'fr', 'es'], topics: ['culture_diversity', 'public_perceptions'], startsAt: '2010-07-19T09:00', endsAt: '2010-07-20T18:00', timeZone: 'Europe/Zurich',
        format: 'in_person', venue: 'Palais des Nations', address: 'Avenue de la Paix 8–14', city: citySlug('Geneva', 'CH'),
      },
    },
    {
      organiser: 'editor@bridges.example',
      form: {
        title: 'Societies and Identities: the online edition of the dialogue',
        description: 'A virtual edition of the IDM workshop, open for one week, so that experts and practitioners from around the world could discuss the transformations experienced by their societies as a result of migration, around questions such as “Deconstructing perceptions”.',
        language: 'en', languages: ['en', 'fr', 'es'], topics: ['culture_diversity', 'public_perceptions'], startsAt: '2010-07-15T00:00', endsAt: '2010-07-22T23:59', timeZone: 'Europe/Zurich',
        format: 'online', joinUrl: 'https://dialogue.bridges.example/societies-and-identities',
      },
    },
    {
      organiser: 'chair@bridges.example',
      form: {
        title: 'Roundtable: The Inter-Ethnic City, management and policies for a better integration of migrants',
        description: 'A roundtable at United Nations headquarters on how cities manage diversity and design policies for the integration of migrants.',
        language: 'en', languages: ['en'], topics: ['cities_local_government'], startsAt: '2009-09-28T10:00', endsAt: '2009-09-28T13:00', timeZone: 'America/New_York',
        format: 'in_person', venue: 'United Nations Headquarters', address: '405 East 42nd Street', city: citySlug('New York', 'US'),
      },
    },
    {
      organiser: 'lab@bridges.example',
      form: {
        title: '#NoWallsButBridges: launch of the white paper on sustainable migrant integration',
        description: 'The launch of the #NoWallsButBridges white paper report: the campaign’s objectives, what it achieved on a budget of zero, and its recommendations.',
        language: 'en', languages: ['en', 'fr'], topics: ['public_perceptions', 'awareness_campaigns'], startsAt: '2019-05-21T18:00', endsAt: '2019-05-21T20:00', timeZone: 'Europe/Paris',
        format: 'hybrid', venue: 'Maison des associations', address: '206 quai de Valmy', city: citySlug('Paris', 'FR'), joinUrl: 'https://meet.bridges.example/nowallsbutbridges-launch',
      },
    },
    {
      organiser: 'toronto@bridges.example',
      organisation: 'Toronto Newcomer Office',
      form: {
        title: 'Newcomer services fair: housing, work and language classes',
        description: 'City services and community agencies in one room: housing help, employment counselling, language classes and legal clinics. Interpreters on site.',
        language: 'en', languages: ['en', 'fr', 'ar', 'es'], topics: ['housing'], startsAt: daysAhead(9, 10), endsAt: daysAhead(9, 16), timeZone: 'America/Toronto',
        format: 'in_person', venue: 'Toronto City Hall, Rotunda', address: '100 Queen Street West', city: citySlug('Toronto', 'CA'), capacity: '120',
      },
      registrants: ['quito@bridges.example', 'lisboa@bridges.example'],
    },
    {
      organiser: 'diaspora@bridges.example',
      form: {
        title: 'Cercle de dialogue interculturel',
        description: 'Chaque mardi soir, un cercle de dialogue entre nouveaux arrivants et habitants du quartier, animé par des médiatrices formées.',
        language: 'fr', languages: ['fr', 'ar'], topics: ['community_building', 'intercultural_outreach'], startsAt: daysAhead(3, 18, 30), endsAt: daysAhead(3, 20), timeZone: 'Europe/Paris',
        recurrence: 'FREQ=WEEKLY;COUNT=10', format: 'in_person', venue: 'Centre social Belleville', address: '12 rue de Belleville', city: citySlug('Paris', 'FR'), capacity: '20',
      },
      registrants: ['dakar@bridges.example'],
    },
    {
      organiser: 'editor@bridges.example',
      form: {
        title: 'Monthly webinar: cities welcoming newcomers',
        description: 'Every month, one city presents how it welcomes newcomers, followed by questions from practitioners.',
        language: 'en', languages: ['en'], topics: ['cities_local_government'], startsAt: daysAhead(12, 14), endsAt: daysAhead(12, 15), timeZone: 'UTC',
        recurrence: 'FREQ=MONTHLY;COUNT=6', format: 'online', joinUrl: 'https://meet.bridges.example/cities-welcoming-newcomers', capacity: '300',
      },
      registrants: ['amman@bridges.example', 'toronto@bridges.example', 'quito@bridges.example'],
    },
    {
      organiser: 'amman@bridges.example',
      form: {
        title: 'ورشة الوساطة المجتمعية: بناء الثقة بين اللاجئين والمجتمع المضيف',
        description: 'ورشة عمل ليوم واحد حول أدوات الوساطة المجتمعية في الأحياء التي تستقبل اللاجئين.',
        language: 'ar', languages: ['ar', 'en'], topics: ['mediation_interpretation'], startsAt: daysAhead(20, 9), endsAt: daysAhead(20, 15), timeZone: 'Asia/Amman',
        format: 'in_person', venue: 'مركز المجتمع', address: 'جبل اللويبدة', city: citySlug('Amman', 'JO'), capacity: '40',
      },
    },
    {
      organiser: 'dakar@bridges.example',
      form: {
        title: 'Table ronde : migrations de retour et réintégration',
        description: 'Chercheurs, collectivités et associations de la diaspora échangent sur l’accompagnement des retours.',
        language: 'fr', languages: ['fr', 'wo'], topics: ['migration_integration_policy'], startsAt: daysAhead(30, 15), endsAt: daysAhead(30, 18), timeZone: 'Africa/Dakar',
        format: 'hybrid', venue: 'Université Cheikh Anta Diop', address: 'Avenue Cheikh Anta Diop', city: citySlug('Dakar', 'SN'), joinUrl: 'https://meet.bridges.example/retours',
      },
    },
  ];
}

export async function loadDemoEvents(deps: AppDeps, members: ReadonlyMap<string, CurrentUser>, editor: CurrentUser): Promise<void> {
  for (const city of CITIES) await upsertCity(deps.db, citySlug(city.name, city.country), city);
  const service = eventsService(deps);
  const topics = new Set((await deps.db.selectFrom('taxonomy_terms').select('code').where('vocabulary', '=', 'topic').execute()).map((row) => row.code));
  for (const event of demoEvents()) {
    const organiser = members.get(event.organiser) ?? editor;
    const organisation = event.organisation ? await deps.db.selectFrom('organisations').select('id').where('name', '=', event.organisation).executeTakeFirst() : undefined;
    const form: EventFormValues = { ...EMPTY_EVENT_FORM, ...event.form, topics: (event.form.topics ?? []).filter((code) => topics.has(code)), organisation: organisation ? String(organisation.id) : '' };
    const publishedAt = new Date(Math.min(Date.now(), Date.parse(`${form.startsAt}:00Z`) - 30 * 86_400_000));
    const slug = await service.create(editor, form, 'publish', { authorId: organiser.id, publishedAt });
    // Seats taken without mail: the demo loads before the job queue that delivers mail starts.
    const row = await deps.db.selectFrom('events').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    for (const email of event.registrants ?? []) {
      const member = members.get(email);
      if (!member) continue;
      await deps.db.transaction().execute((trx) => insertRegistration(trx, { event_id: row.id, user_id: member.id, email: null, name: '', locale: 'en', status: 'confirmed', code: registrationCode(), queued: true }));
    }
  }
}
