import type { Locale } from '../../platform/i18n.ts';
import type { StakeholderType } from '../../lib/stakeholders.ts';
import type { Role } from '../../db/schema/accounts.ts';

export const DEMO_ADMIN_EMAIL = 'admin@bridges.example';

/** What a demo member shows on their public profile (see features/community). */
export interface DemoProfile {
  jobTitle: string;
  /** A city of the demo practices, by name. */
  city?: string;
  expertise: readonly string[];
  languages: readonly string[];
  bio: string;
  website?: string;
  timeZone: string;
}

interface DemoMember {
  profile?: DemoProfile;
  email: string;
  name: string;
  organisation: string;
  stakeholderType: StakeholderType;
  country: string;
  role: Role;
  locale: Locale;
}

/** Organisation pages of the demo: managed by the first member named, joined by the others. */
export const DEMO_ORGANISATIONS: readonly { name: string; description: string; stakeholderType: StakeholderType; countries: readonly string[]; website: string; members: readonly string[] }[] = [
  {
    name: 'FORIM – Forum des organisations de solidarité internationale issues des migrations',
    description: 'A national platform of diaspora organisations in France, working for development in countries of origin and for integration here. It ran a campaign debunking ten myths about migration with a network of cities.',
    stakeholderType: 'migrant_diaspora_organisation',
    countries: ['FR', 'SN', 'ML', 'MA'],
    website: 'https://www.forim.net/',
    members: ['diaspora@bridges.example', 'dakar@bridges.example'],
  },
  {
    name: 'Centro Nacional de Apoio ao Imigrante',
    description: 'One-stop shops that bring residence, work, health, education and legal advice under one roof for newcomers.',
    stakeholderType: 'national_government',
    countries: ['PT'],
    website: 'https://www.acm.gov.pt/',
    members: ['lisboa@bridges.example', 'editor@bridges.example'],
  },
  {
    name: 'Community Mediation Network',
    description: 'Mediators who build trust between refugees and host communities through dialogue.',
    stakeholderType: 'civil_society',
    countries: ['JO', 'LB'],
    website: '',
    members: ['amman@bridges.example'],
  },
  {
    name: 'Migrant Integration Lab Paris',
    description: 'A lab running the four pillars of integration: language and communication, economic integration, civism and citizenship, intercultural dialogue.',
    stakeholderType: 'academia',
    countries: ['FR'],
    website: '',
    members: ['lab@bridges.example', 'diaspora@bridges.example'],
  },
  {
    name: 'Toronto Newcomer Office',
    description: 'The city office that coordinates services for newcomers across Toronto.',
    stakeholderType: 'local_government',
    countries: ['CA'],
    website: 'https://www.toronto.ca/',
    members: ['toronto@bridges.example'],
  },
];

/** Offers and requests of the demo, by the email of their author. */
export const DEMO_PARTNERSHIPS: readonly { author: string; kind: 'offer' | 'request'; title: string; description: string; countries: readonly string[]; topics: readonly string[] }[] = [
  {
    author: 'lisboa@bridges.example',
    kind: 'offer',
    title: 'We share how to set up a one-stop shop for newcomers',
    description: 'Our national centres bring residence, work, health and legal advice under one roof. We offer study visits and our training materials to cities that want to open their own.',
    countries: ['PT'],
    topics: ['equal_access', 'cities_local_government'],
  },
  {
    author: 'quito@bridges.example',
    kind: 'request',
    title: 'We look for a university partner to evaluate our human mobility policy',
    description: 'The province wants an external evaluation of its reception services, with the people who use them. We look for a research team with experience in participatory evaluation.',
    countries: ['EC'],
    topics: ['governance', 'human_rights_law'],
  },
  {
    author: 'diaspora@bridges.example',
    kind: 'request',
    title: 'Cities wanted to carry a campaign against ten myths about migration',
    description: 'Our network of diaspora organisations has fact sheets on ten common myths. We look for cities that want to carry the campaign in their own language, on a budget of zero.',
    countries: ['FR', 'SN', 'MA'],
    topics: ['awareness_campaigns', 'anti_discrimination'],
  },
  {
    author: 'amman@bridges.example',
    kind: 'offer',
    title: 'Training for community mediators between refugees and host communities',
    description: 'We run a five-day training for mediators, in Arabic and English, and can adapt it for other cities.',
    countries: ['JO', 'LB'],
    topics: ['community_building', 'crisis_conflict_management'],
  },
];

/** Fictional practitioners from the kinds of organisations the seed documents describe. */
export const DEMO_MEMBERS: readonly DemoMember[] = [
  {
    email: 'editor@bridges.example', name: 'Elena Duarte', organisation: 'Bridges editorial team', stakeholderType: 'international_organisation', country: 'PT', role: 'editor', locale: 'en',
    profile: { jobTitle: 'Managing editor', city: 'Lisboa', expertise: ['governance', 'cities_local_government'], languages: ['pt', 'en', 'es'], bio: 'I look after the review of practices and resources, and I am glad to help you write yours up.', timeZone: 'Europe/Lisbon' },
  },
  { email: 'chair@bridges.example', name: 'Neville Okafor', organisation: 'Global Forum working group', stakeholderType: 'international_organisation', country: 'CH', role: 'chair', locale: 'en' },
  {
    email: 'lab@bridges.example', name: 'Camille Le Roux', organisation: 'Migrant Integration Lab Paris', stakeholderType: 'academia', country: 'FR', role: 'lab_coordinator', locale: 'fr',
    profile: { jobTitle: 'Coordinatrice du laboratoire', city: 'Paris', expertise: ['education', 'intercultural_outreach'], languages: ['fr', 'en', 'ar'], bio: 'Le laboratoire accompagne les nouveaux arrivants sur quatre piliers : langue, emploi, citoyenneté et dialogue interculturel.', timeZone: 'Europe/Paris' },
  },
  {
    email: 'quito@bridges.example', name: 'Lucía Andrade', organisation: 'Gobierno Provincial de Pichincha', stakeholderType: 'local_government', country: 'EC', role: 'member', locale: 'es',
    profile: { jobTitle: 'Responsable de movilidad humana', city: 'Quito', expertise: ['cities_local_government', 'human_rights_law', 'equal_access'], languages: ['es', 'en'], bio: 'Trabajamos por una provincia donde la movilidad humana sea un derecho y la acogida una política pública.', website: 'https://www.pichincha.gob.ec/', timeZone: 'America/Guayaquil' },
  },
  {
    email: 'lisboa@bridges.example', name: 'João Martins', organisation: 'Centro Nacional de Apoio ao Imigrante', stakeholderType: 'national_government', country: 'PT', role: 'member', locale: 'en',
    profile: { jobTitle: 'One-stop shop coordinator', city: 'Lisboa', expertise: ['equal_access', 'employment', 'housing'], languages: ['pt', 'en', 'fr'], bio: 'Several services under one roof: residence, work, health, education and legal advice for newcomers.', timeZone: 'Europe/Lisbon' },
  },
  {
    email: 'diaspora@bridges.example', name: 'Khadija Benali', organisation: 'Forum des organisations de solidarité internationale issues des migrations', stakeholderType: 'migrant_diaspora_organisation', country: 'FR', role: 'member', locale: 'fr',
    profile: { jobTitle: 'Chargée de plaidoyer', city: 'Paris', expertise: ['awareness_campaigns', 'anti_discrimination', 'empowerment'], languages: ['fr', 'ar', 'en'], bio: 'Nous portons la voix des diasporas, ici et dans les pays d’origine, contre les idées reçues sur les migrations.', timeZone: 'Europe/Paris' },
  },
  {
    email: 'amman@bridges.example', name: 'Omar Haddad', organisation: 'Community Mediation Network', stakeholderType: 'civil_society', country: 'JO', role: 'member', locale: 'ar',
    profile: { jobTitle: 'وسيط مجتمعي', city: 'Amman', expertise: ['community_building', 'crisis_conflict_management'], languages: ['ar', 'en'], bio: 'نعمل على بناء الثقة بين اللاجئين والمجتمعات المضيفة من خلال الوساطة والحوار.', timeZone: 'Asia/Amman' },
  },
  {
    email: 'toronto@bridges.example', name: 'Priya Raman', organisation: 'Toronto Newcomer Office', stakeholderType: 'local_government', country: 'CA', role: 'member', locale: 'en',
    profile: { jobTitle: 'Settlement policy lead', city: 'Toronto', expertise: ['cities_local_government', 'employment', 'health'], languages: ['en', 'ta', 'fr'], bio: 'Cities are the front line of integration: we coordinate services for newcomers across the city.', timeZone: 'America/Toronto' },
  },
  {
    email: 'dakar@bridges.example', name: 'Mamadou Ndiaye', organisation: 'Université Cheikh Anta Diop', stakeholderType: 'academia', country: 'SN', role: 'member', locale: 'fr',
    profile: { jobTitle: 'Chercheur en migrations', expertise: ['education', 'citizenship_regularisation'], languages: ['fr', 'wo', 'en'], bio: 'Je travaille sur les retours et la réintégration, et sur ce que les villes d’origine apprennent des diasporas.', timeZone: 'Africa/Dakar' },
  },
];
