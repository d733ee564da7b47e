import type { CurrentUser } from '../../platform/context.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { upsertCity } from '../practices/index.ts';
import { AGE_BANDS, CEFR_LEVELS, CONSENT_VERSION, EMPTY_LAB_FORM, type ServiceInput } from './model.ts';
import { newParticipantCode } from './participants.ts';
import * as queries from './queries.ts';
import { labsService } from './service.ts';

/**
 * The demo's Migrant Integration Labs, in four of the countries where the lab runs: programmes on
 * the four pillars, weekly sessions (past ones with attendance), facilitators' training, local
 * services, and synthetic participants with outcomes, so that the dashboards and the network's
 * indicators show something (and show suppression at work on the smallest lab). Everything is
 * drawn from a seeded generator: each load makes the same demo. No participant is a real person.
 */

interface DemoLab {
  name: string;
  country: string;
  city: { slug: string; name: string; latitude: number; longitude: number };
  timeZone: string;
  organisation: string;
  facilitator: string;
  description: string;
  contact: string;
  participants: number;
  languages: string[];
  origins: string[];
  programmes: { pillar: string; title: string; description: string; modules: string[]; language: string; format: string; place: string }[];
  services: ServiceInput[];
}

const COORDINATOR = 'lab@bridges.example';

const DEMO_LABS: readonly DemoLab[] = [
  {
    name: 'Migrant Integration Lab Paris',
    country: 'FR',
    city: { slug: 'paris', name: 'Paris', latitude: 48.8566, longitude: 2.3522 },
    timeZone: 'Europe/Paris',
    organisation: 'Migrant Integration Lab Paris',
    facilitator: 'diaspora@bridges.example',
    description: 'The first lab of the network: newcomers work on the four pillars at once, with dialogic teaching, tailored support and trained integration facilitators.',
    contact: 'lab-paris@bridges.example · +33 1 00 00 00 00',
    participants: 42,
    languages: ['ar', 'fr', 'en', 'ps', 'ti', 'fa'],
    origins: ['AF', 'SY', 'ER', 'SD', 'CI', 'GN'],
    programmes: [
      { pillar: 'language_communication', title: 'French for everyday life and work', description: 'Dialogic French classes built on what participants need to say this week.', modules: ['Introducing yourself', 'At the doctor', 'At the job centre', 'Writing a CV in French'], language: 'fr', format: 'class', place: 'Maison des associations, 11e' },
      { pillar: 'economic_integration', title: 'From skills to work', description: 'Skills recognition, job search and entrepreneurship basics.', modules: ['Mapping your skills', 'Recognition of diplomas', 'Meeting employers', 'Starting a small business'], language: 'fr', format: 'workshop', place: 'Maison des associations, 11e' },
      { pillar: 'civism_citizenship', title: 'Living in the Republic', description: 'Rights, duties and public services, explained and discussed.', modules: ['Institutions', 'Rights and duties', 'Public services', 'Local democracy'], language: 'fr', format: 'class', place: 'Mairie du 11e' },
      { pillar: 'intercultural_dialogue', title: 'Dialogue circles', description: 'Newcomers and neighbours talk about living together.', modules: ['Where we come from', 'What we share', 'Building together'], language: 'fr', format: 'dialogue_circle', place: 'Centre social Belleville' },
    ],
    services: [
      { category: 'basic_needs', name: 'Restos du Cœur – Belleville', address: '12 rue de Belleville, 75020 Paris', hours: 'Mon–Fri 10:00–14:00', languages: ['fr', 'en', 'ar'], cost: 'Free' },
      { category: 'housing', name: 'Emergency housing line 115', address: 'By phone: 115', hours: '24/7', languages: ['fr', 'en'], cost: 'Free' },
      { category: 'health', name: 'PASS – Hôpital Saint-Louis', address: '1 avenue Claude-Vellefaux, 75010 Paris', hours: 'Mon–Fri 9:00–16:30', languages: ['fr', 'en', 'ar'], cost: 'Free without insurance' },
      { category: 'legal_aid', name: 'Permanence juridique des droits des étrangers', address: 'Mairie du 11e, place Léon-Blum', hours: 'Wed 14:00–17:00', languages: ['fr', 'en'], cost: 'Free' },
      { category: 'language_courses', name: 'Cours municipaux d’adultes', address: 'Various schools, Paris', hours: 'Evenings', languages: ['fr'], cost: 'Low cost' },
      { category: 'employment', name: 'France Travail – Paris 11', address: '30 rue de la Folie-Regnault, 75011 Paris', hours: 'Mon–Fri 8:30–16:30', languages: ['fr', 'en'], cost: 'Free' },
    ],
  },
  {
    name: 'Migrant Integration Lab Lisboa',
    country: 'PT',
    city: { slug: 'lisboa', name: 'Lisboa', latitude: 38.7223, longitude: -9.1393 },
    timeZone: 'Europe/Lisbon',
    organisation: 'Centro Nacional de Apoio ao Imigrante',
    facilitator: 'lisboa@bridges.example',
    description: 'Run with the national support centre for immigrants: Portuguese, work and citizenship in one path.',
    contact: 'lab-lisboa@bridges.example',
    participants: 24,
    languages: ['pt', 'en', 'hi', 'bn', 'uk'],
    origins: ['BR', 'IN', 'BD', 'UA', 'NP'],
    programmes: [
      { pillar: 'language_communication', title: 'Português para todos', description: 'Portuguese from the first week.', modules: ['Primeiros passos', 'No trabalho', 'Serviços públicos'], language: 'pt', format: 'class', place: 'CNAI, Rua Álvaro Coutinho 14' },
      { pillar: 'economic_integration', title: 'Work and rights', description: 'Contracts, social security and job search.', modules: ['Contracts', 'Social security', 'Job search'], language: 'pt', format: 'workshop', place: 'CNAI, Rua Álvaro Coutinho 14' },
    ],
    services: [
      { category: 'legal_aid', name: 'CNAI – legal support', address: 'Rua Álvaro Coutinho 14, Lisboa', hours: 'Mon–Fri 8:30–16:30', languages: ['pt', 'en', 'uk'], cost: 'Free' },
      { category: 'health', name: 'Centro de Saúde de Arroios', address: 'Rua Pascoal de Melo, Lisboa', hours: 'Mon–Fri 8:00–20:00', languages: ['pt', 'en'], cost: 'Free for registered users' },
      { category: 'language_courses', name: 'Português Língua de Acolhimento', address: 'Escolas de Lisboa', hours: 'Evenings', languages: ['pt'], cost: 'Free' },
    ],
  },
  {
    name: 'Migrant Integration Lab Amman',
    country: 'JO',
    city: { slug: 'amman', name: 'Amman', latitude: 31.9539, longitude: 35.9106 },
    timeZone: 'Asia/Amman',
    organisation: 'Community Mediation Network',
    facilitator: 'amman@bridges.example',
    description: 'مختبر يعمل مع شبكة الوساطة المجتمعية: اللغة والعمل والحوار بين اللاجئين والمجتمع المضيف.',
    contact: 'lab-amman@bridges.example',
    participants: 16,
    languages: ['ar', 'en', 'ku'],
    origins: ['SY', 'IQ', 'SD', 'YE'],
    programmes: [
      { pillar: 'economic_integration', title: 'مهارات العمل', description: 'التدريب المهني والبحث عن عمل.', modules: ['خريطة المهارات', 'السيرة الذاتية', 'مقابلة العمل'], language: 'ar', format: 'workshop', place: 'جبل الحسين، عمّان' },
      { pillar: 'intercultural_dialogue', title: 'حلقات الحوار', description: 'لقاءات بين اللاجئين وسكان الحي.', modules: ['من أين أتينا', 'ما الذي يجمعنا'], language: 'ar', format: 'dialogue_circle', place: 'جبل الحسين، عمّان' },
    ],
    services: [
      { category: 'basic_needs', name: 'مركز توزيع المساعدات', address: 'جبل الحسين، عمّان', hours: 'الأحد–الخميس 9:00–15:00', languages: ['ar', 'en'], cost: 'مجاني' },
      { category: 'health', name: 'عيادة المجتمع', address: 'شارع الملك حسين، عمّان', hours: 'يومياً 8:00–14:00', languages: ['ar'], cost: 'رسوم رمزية' },
      { category: 'legal_aid', name: 'العيادة القانونية', address: 'اللويبدة، عمّان', hours: 'الثلاثاء 10:00–13:00', languages: ['ar', 'en'], cost: 'مجاني' },
    ],
  },
  {
    name: 'Migrant Integration Lab Dakar',
    country: 'SN',
    city: { slug: 'dakar', name: 'Dakar', latitude: 14.7167, longitude: -17.4677 },
    timeZone: 'Africa/Dakar',
    organisation: '',
    facilitator: 'dakar@bridges.example',
    description: 'A new lab for returnees and for people settling in Dakar from the region, with the university.',
    contact: 'lab-dakar@bridges.example',
    participants: 7,
    languages: ['fr', 'wo', 'en'],
    origins: ['GN', 'ML', 'GM'],
    programmes: [
      { pillar: 'economic_integration', title: 'Entreprendre au retour', description: 'Starting a business after return.', modules: ['Idée', 'Plan', 'Financement'], language: 'fr', format: 'workshop', place: 'Université Cheikh Anta Diop' },
      { pillar: 'civism_citizenship', title: 'Citoyenneté et vie locale', description: 'Local institutions and participation.', modules: ['La commune', 'Participer'], language: 'fr', format: 'class', place: 'Mairie de Fann-Point E-Amitié' },
    ],
    services: [{ category: 'employment', name: 'Agence nationale pour la promotion de l’emploi des jeunes', address: 'Dakar Plateau', hours: 'Lun–Ven 8:00–17:00', languages: ['fr', 'wo'], cost: 'Gratuit' }],
  },
];

/** A small seeded generator (mulberry32): the same demo on every load. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * 86_400_000);

export async function loadDemoLabs(deps: AppDeps, members: ReadonlyMap<string, CurrentUser>): Promise<void> {
  const coordinator = members.get(COORDINATOR);
  if (!coordinator) return;
  const { db } = deps;
  const service = labsService(deps);
  const pillars = await service.pillars();
  const random = seeded(2019);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const now = new Date();
  const programmeStart = addDays(now, -120);
  const programmeEnd = addDays(now, 60);
  // An outcome is never dated after today.
  const pastDay = (date: Date): string => isoDay(date > now ? now : date);

  for (const demo of DEMO_LABS) {
    await upsertCity(db, demo.city.slug, { name: demo.city.name, country: demo.country, latitude: demo.city.latitude, longitude: demo.city.longitude });
    const slug = await service.create(coordinator, {
      ...EMPTY_LAB_FORM,
      name: demo.name,
      country: demo.country,
      city: demo.city.slug,
      organisation: demo.organisation,
      pillars: [...new Set(demo.programmes.map((programme) => programme.pillar))],
      description: demo.description,
      contact: demo.contact,
      timeZone: demo.timeZone,
      retentionMonths: '24',
    });
    const facilitator = members.get(demo.facilitator);
    if (facilitator) {
      await service.addToTeam(coordinator, slug, { handle: facilitator.handle, role: 'facilitator' });
      await service.addTraining(coordinator, slug, { facilitator: String(facilitator.id), module: 'Dialogic teaching', completedOn: isoDay(addDays(now, -200)) });
      await service.addTraining(coordinator, slug, { facilitator: String(facilitator.id), module: 'Trauma-informed facilitation', completedOn: isoDay(addDays(now, -150)) });
    }
    await service.addTraining(coordinator, slug, { facilitator: String(coordinator.id), module: 'Dialogic teaching', completedOn: isoDay(addDays(now, -220)) });
    for (const { languages, ...item } of demo.services) await service.addService(coordinator, slug, item, languages);

    const { lab } = await service.run(coordinator, slug);
    const programmeIds: number[] = [];
    const sessionsByProgramme = new Map<number, { id: number; startsAt: Date }[]>();
    for (const programme of demo.programmes) {
      const pillar = pillars.find((term) => term.code === programme.pillar);
      if (!pillar) continue;
      const programmeId = await queries.insertProgramme(db, lab.id, pillar.id, { pillarCode: pillar.code, title: programme.title, description: programme.description, modules: programme.modules, startsOn: isoDay(programmeStart), endsOn: isoDay(programmeEnd) });
      programmeIds.push(programmeId);
      const sessions: { id: number; startsAt: Date }[] = [];
      // Weekly, from the programme's start until a few weeks ahead.
      for (let week = 0; week < 20; week += 1) {
        const startsAt = addDays(programmeStart, 7 * week + 1);
        startsAt.setUTCHours(15, 0, 0, 0);
        const sessionId = await queries.insertSession(db, programmeId, {
          module: programme.modules[week % programme.modules.length] ?? '',
          startsAt,
          durationMinutes: 120,
          place: programme.place,
          online: false,
          facilitatorId: facilitator?.id ?? coordinator.id,
          capacity: 15,
          language: programme.language,
          format: programme.format,
        });
        sessions.push({ id: sessionId, startsAt });
      }
      sessionsByProgramme.set(programmeId, sessions);
    }

    for (let index = 0; index < demo.participants; index += 1) {
      const enrolledOn = addDays(programmeStart, Math.floor(random() * 100));
      const mine = programmeIds.filter((_, position) => position === index % programmeIds.length || random() < 0.35);
      const participantId = await queries.insertParticipant(
        db,
        lab.id,
        newParticipantCode(),
        {
          ageBand: pick(AGE_BANDS.slice(1, 5)),
          arrivalYear: now.getUTCFullYear() - Math.floor(random() * 4),
          languages: [...new Set([pick(demo.languages), pick(demo.languages)])],
          originCountry: random() < 0.8 ? pick(demo.origins) : null,
          consentLanguage: pick(['en', 'fr', 'es', 'ar'] as const),
          programmeIds: mine,
        },
        CONSENT_VERSION,
        coordinator.id,
      );
      await queries.insertLabAudit(db, { labId: lab.id, actorId: coordinator.id, action: 'participant.enrolled', participantId, details: { demo: true } });
      for (const programmeId of mine) {
        await queries.enrol(db, programmeId, participantId);
        for (const session of sessionsByProgramme.get(programmeId) ?? []) {
          if (session.startsAt < enrolledOn || session.startsAt > now) continue;
          await queries.recordAttendance(db, session.id, [participantId], random() < 0.78 ? new Set([participantId]) : new Set());
        }
        if (random() < 0.3) await queries.insertOutcome(db, lab.id, participantId, { kind: 'training_completed', cefrLevel: null, achievedOn: pastDay(addDays(enrolledOn, 30 + Math.floor(random() * 20))), programmeId });
      }
      await queries.backdateParticipant(db, participantId, isoDay(enrolledOn));
      if (random() < 0.5) await queries.insertOutcome(db, lab.id, participantId, { kind: 'language_level', cefrLevel: pick(CEFR_LEVELS.slice(0, 3)), achievedOn: pastDay(addDays(enrolledOn, 40)), programmeId: null });
      if (random() < 0.25) await queries.insertOutcome(db, lab.id, participantId, { kind: 'job_found', cefrLevel: null, achievedOn: pastDay(addDays(enrolledOn, 60)), programmeId: mine.find((programmeId) => programmeId === programmeIds[1]) ?? null });
      if (random() < 0.08) await queries.insertOutcome(db, lab.id, participantId, { kind: 'business_started', cefrLevel: null, achievedOn: pastDay(addDays(enrolledOn, 70)), programmeId: null });
      if (random() < 0.2) await queries.insertOutcome(db, lab.id, participantId, { kind: 'civic_engagement', cefrLevel: null, achievedOn: pastDay(addDays(enrolledOn, 50)), programmeId: null });
    }
  }
}
