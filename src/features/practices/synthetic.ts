import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { CopyValue } from '../../db/copy.ts';
import { EVIDENCE_LEVELS } from '../../db/schema/practices.ts';
import { regionOf } from '../../lib/regions.ts';
import { STAKEHOLDER_TYPES } from '../../lib/stakeholders.ts';
import { slugify } from '../../lib/text.ts';
import { bulkLoad, type BulkLoadReport } from '../../search/index.ts';
import { PRACTICE_KIND } from './kind.ts';

/**
 * Synthetic published practices for benchmarks: about a kilobyte of text each, written from
 * phrase banks in eight languages so that a corpus of 100,000 has the word frequencies of a real
 * one ("housing", "logement", "emploi" in many records, rarer words in few). Deterministic for
 * a given seed (and moment). They are streamed in by the bulk path of src/search (one transaction,
 * COPY, search rows and indexes built once), which is what lets `demo:load` add a million; the
 * path through the triggers stays to prove that both give the same rows.
 */

type Language = 'en' | 'fr' | 'es' | 'ar' | 'pt' | 'de' | 'it' | 'nl';

interface PhraseBank {
  /** Noun phrases per topic code. */
  topics: Record<string, string>;
  targets: Record<string, string>;
  titles: string[];
  sentences: string[];
  organisations: string[];
}

const TOPIC_CODES = [
  'housing', 'employment', 'education', 'health', 'anti_discrimination', 'community_building',
  'mediation_interpretation', 'entrepreneurship', 'awareness_campaigns', 'youth', 'training',
  'citizenship_regularisation', 'culture_diversity', 'interfaith_work', 'media_diversity',
] as const;
const TARGET_CODES = ['refugees_asylum_seekers', 'women', 'youth', 'children', 'workers', 'families', 'students', 'host_communities'] as const;

const BANKS: Record<Language, PhraseBank> = {
  en: {
    topics: {
      housing: 'affordable housing', employment: 'employment and job placement', education: 'schooling and education',
      health: 'access to health care', anti_discrimination: 'the fight against discrimination', community_building: 'community building',
      mediation_interpretation: 'intercultural mediation and interpretation', entrepreneurship: 'migrant entrepreneurship',
      awareness_campaigns: 'awareness campaigns against myths', youth: 'youth participation', training: 'vocational training',
      citizenship_regularisation: 'citizenship and regularisation', culture_diversity: 'cultural diversity',
      interfaith_work: 'interfaith dialogue', media_diversity: 'diversity in the media',
    },
    targets: {
      refugees_asylum_seekers: 'refugees and asylum seekers', women: 'migrant women', youth: 'young people', children: 'children',
      workers: 'migrant workers', families: 'newcomer families', students: 'international students', host_communities: 'host communities',
    },
    titles: [
      '{topic} for {target} in {city}', 'A one-stop centre for {topic} in {city}', '{city} programme on {topic}',
      'Mentoring {target} towards {topic}', 'Neighbourhood network for {topic}', 'Welcome desks: {topic} for {target}',
    ],
    sentences: [
      'The programme supports {target} in {city} with {topic}.',
      'Volunteers and social workers meet {target} every week to discuss {topic} and local services.',
      'A partnership between the city, employers and civil society improved {topic} for {number} people.',
      'Participants received advice on housing, employment, language courses and their rights.',
      'The team trained {number} staff members in intercultural communication and {topic}.',
      'An evaluation showed better access to {topic} and stronger trust between {target} and {host}.',
      'Local authorities adapted their procedures after listening to {target}.',
      'Workshops on {topic} were held in the town hall, schools and community centres.',
      'The project relies on mediators who speak the languages of {target}.',
      'Lessons learned: start small, involve {target} in the design, and measure results from the first month.',
      'Funding came from the municipality and a national integration fund; the budget covered staff and rent.',
      'Newcomers often struggled to find decent housing and stable employment before the project began.',
    ],
    organisations: ['City of {city}', '{city} Refugee Council', 'Integration Centre {city}', '{city} Chamber of Commerce', 'University of {city}'],
  },
  fr: {
    topics: {
      housing: 'l’accès au logement', employment: 'l’emploi et l’insertion professionnelle', education: 'l’éducation et la scolarité',
      health: 'l’accès aux soins', anti_discrimination: 'la lutte contre les discriminations', community_building: 'la vie de quartier',
      mediation_interpretation: 'la médiation interculturelle et l’interprétariat', entrepreneurship: 'l’entrepreneuriat des personnes migrantes',
      awareness_campaigns: 'la sensibilisation contre les idées reçues', youth: 'la participation des jeunes', training: 'la formation professionnelle',
      citizenship_regularisation: 'la citoyenneté et la régularisation', culture_diversity: 'la diversité culturelle',
      interfaith_work: 'le dialogue interreligieux', media_diversity: 'la diversité dans les médias',
    },
    targets: {
      refugees_asylum_seekers: 'les réfugiés et demandeurs d’asile', women: 'les femmes migrantes', youth: 'les jeunes', children: 'les enfants',
      workers: 'les travailleurs migrants', families: 'les familles nouvellement arrivées', students: 'les étudiants étrangers', host_communities: 'les habitants du quartier',
    },
    titles: [
      '{topic} pour {target} à {city}', 'Un guichet unique pour {topic} à {city}', 'Programme de {city} sur {topic}',
      'Parrainage des {target} vers l’emploi', 'Réseau de quartier pour {topic}', 'Accueil des nouveaux arrivants : {topic}',
    ],
    sentences: [
      'Le programme accompagne {target} à {city} dans {topic}.',
      'Des bénévoles et des travailleurs sociaux rencontrent {target} chaque semaine pour parler de {topic}.',
      'Un partenariat entre la ville, les employeurs et les associations a amélioré {topic} pour {number} personnes.',
      'Les participants ont reçu des conseils sur le logement, l’emploi, les cours de langue et leurs droits.',
      'L’équipe a formé {number} agents à la communication interculturelle et à {topic}.',
      'L’évaluation montre un meilleur accès à {topic} et une confiance accrue entre {target} et {host}.',
      'Les services municipaux ont adapté leurs démarches après avoir écouté {target}.',
      'Des ateliers sur {topic} ont eu lieu à la mairie, dans les écoles et les centres sociaux.',
      'Le projet s’appuie sur des médiateurs qui parlent les langues des {target}.',
      'Leçons apprises : commencer petit, associer {target} à la conception et mesurer les résultats dès le premier mois.',
      'Le financement provient de la commune et d’un fonds national d’intégration ; le budget couvre le personnel et le loyer.',
      'Avant le projet, les nouveaux arrivants peinaient à trouver un logement décent et un emploi stable.',
    ],
    organisations: ['Ville de {city}', 'Association d’accueil de {city}', 'Maison de l’intégration de {city}', 'Chambre de commerce de {city}', 'Université de {city}'],
  },
  es: {
    topics: {
      housing: 'el acceso a la vivienda', employment: 'el empleo y la inserción laboral', education: 'la educación y la escolarización',
      health: 'el acceso a la salud', anti_discrimination: 'la lucha contra la discriminación', community_building: 'la vida comunitaria',
      mediation_interpretation: 'la mediación intercultural y la interpretación', entrepreneurship: 'el emprendimiento migrante',
      awareness_campaigns: 'las campañas de sensibilización contra los mitos', youth: 'la participación juvenil', training: 'la formación profesional',
      citizenship_regularisation: 'la ciudadanía y la regularización', culture_diversity: 'la diversidad cultural',
      interfaith_work: 'el diálogo interreligioso', media_diversity: 'la diversidad en los medios',
    },
    targets: {
      refugees_asylum_seekers: 'las personas refugiadas y solicitantes de asilo', women: 'las mujeres migrantes', youth: 'los jóvenes', children: 'los niños y niñas',
      workers: 'los trabajadores migrantes', families: 'las familias recién llegadas', students: 'los estudiantes extranjeros', host_communities: 'la comunidad de acogida',
    },
    titles: [
      '{topic} para {target} en {city}', 'Una ventanilla única para {topic} en {city}', 'Programa de {city} sobre {topic}',
      'Mentoría para {target} hacia el empleo', 'Red vecinal para {topic}', 'Acogida de recién llegados: {topic}',
    ],
    sentences: [
      'El programa acompaña a {target} en {city} en {topic}.',
      'Voluntarios y trabajadores sociales se reúnen cada semana con {target} para hablar de {topic}.',
      'Una alianza entre el ayuntamiento, las empresas y la sociedad civil mejoró {topic} para {number} personas.',
      'Los participantes recibieron orientación sobre vivienda, empleo, cursos de idiomas y sus derechos.',
      'El equipo formó a {number} profesionales en comunicación intercultural y en {topic}.',
      'La evaluación mostró un mejor acceso a {topic} y más confianza entre {target} y {host}.',
      'Las autoridades locales adaptaron sus procedimientos después de escuchar a {target}.',
      'Se realizaron talleres sobre {topic} en el ayuntamiento, las escuelas y los centros cívicos.',
      'El proyecto cuenta con mediadores que hablan las lenguas de {target}.',
      'Lecciones aprendidas: empezar en pequeño, implicar a {target} en el diseño y medir los resultados desde el primer mes.',
      'La financiación procede del municipio y de un fondo nacional de integración; el presupuesto cubre personal y alquiler.',
      'Antes del proyecto, las personas recién llegadas tenían dificultades para encontrar vivienda digna y empleo estable.',
    ],
    organisations: ['Ayuntamiento de {city}', 'Asociación de acogida de {city}', 'Centro de integración de {city}', 'Cámara de comercio de {city}', 'Universidad de {city}'],
  },
  ar: {
    topics: {
      housing: 'الحصول على السكن', employment: 'التوظيف والإدماج المهني', education: 'التعليم والتمدرس', health: 'الحصول على الرعاية الصحية',
      anti_discrimination: 'مكافحة التمييز', community_building: 'بناء المجتمع المحلي', mediation_interpretation: 'الوساطة الثقافية والترجمة الفورية',
      entrepreneurship: 'ريادة الأعمال لدى المهاجرين', awareness_campaigns: 'حملات التوعية ضد الصور النمطية', youth: 'مشاركة الشباب',
      training: 'التدريب المهني', citizenship_regularisation: 'المواطنة وتسوية الأوضاع', culture_diversity: 'التنوع الثقافي',
      interfaith_work: 'الحوار بين الأديان', media_diversity: 'التنوع في وسائل الإعلام',
    },
    targets: {
      refugees_asylum_seekers: 'اللاجئين وطالبي اللجوء', women: 'النساء المهاجرات', youth: 'الشباب', children: 'الأطفال', workers: 'العمال المهاجرين',
      families: 'الأسر الوافدة حديثا', students: 'الطلاب الأجانب', host_communities: 'المجتمعات المضيفة',
    },
    titles: ['{topic} لفائدة {target} في {city}', 'مركز موحد من أجل {topic} في {city}', 'برنامج {city} حول {topic}', 'شبكة أحياء من أجل {topic}'],
    sentences: [
      'يدعم البرنامج {target} في {city} في مجال {topic}.',
      'يلتقي المتطوعون والعاملون الاجتماعيون مع {target} كل أسبوع لمناقشة {topic}.',
      'حسنت الشراكة بين البلدية وأصحاب العمل والمجتمع المدني {topic} لفائدة {number} شخص.',
      'تلقى المشاركون استشارات حول السكن والعمل ودروس اللغة وحقوقهم.',
      'درب الفريق {number} موظفا على التواصل بين الثقافات وعلى {topic}.',
      'أظهر التقييم تحسنا في {topic} وثقة أكبر بين {target} و{host}.',
      'عقدت ورشات حول {topic} في مقر البلدية والمدارس والمراكز الاجتماعية.',
      'يعتمد المشروع على وسطاء يتحدثون لغات {target}.',
    ],
    organisations: ['بلدية {city}', 'جمعية استقبال المهاجرين في {city}', 'مركز الإدماج في {city}', 'جامعة {city}'],
  },
  pt: {
    topics: {
      housing: 'o acesso à habitação', employment: 'o emprego e a inserção profissional', education: 'a educação', health: 'o acesso à saúde',
      anti_discrimination: 'o combate à discriminação', community_building: 'a vida comunitária', mediation_interpretation: 'a mediação intercultural',
      entrepreneurship: 'o empreendedorismo migrante', awareness_campaigns: 'as campanhas de sensibilização', youth: 'a participação juvenil',
      training: 'a formação profissional', citizenship_regularisation: 'a cidadania e a regularização', culture_diversity: 'a diversidade cultural',
      interfaith_work: 'o diálogo inter-religioso', media_diversity: 'a diversidade nos meios de comunicação',
    },
    targets: {
      refugees_asylum_seekers: 'os refugiados e requerentes de asilo', women: 'as mulheres migrantes', youth: 'os jovens', children: 'as crianças',
      workers: 'os trabalhadores migrantes', families: 'as famílias recém-chegadas', students: 'os estudantes estrangeiros', host_communities: 'a comunidade de acolhimento',
    },
    titles: ['{topic} para {target} em {city}', 'Um balcão único para {topic} em {city}', 'Programa de {city} sobre {topic}'],
    sentences: [
      'O programa apoia {target} em {city} no domínio d{topic}.',
      'Voluntários e técnicos sociais reúnem-se todas as semanas com {target} para falar sobre {topic}.',
      'Uma parceria entre a câmara municipal, empregadores e associações melhorou {topic} para {number} pessoas.',
      'Os participantes receberam informação sobre habitação, emprego, cursos de língua e os seus direitos.',
      'A avaliação mostrou melhor acesso a {topic} e mais confiança entre {target} e {host}.',
      'O projeto conta com mediadores que falam as línguas d{target}.',
    ],
    organisations: ['Câmara Municipal de {city}', 'Centro de Apoio à Integração de {city}', 'Associação de Imigrantes de {city}'],
  },
  de: {
    topics: {
      housing: 'bezahlbaren Wohnraum', employment: 'Beschäftigung und Arbeitsvermittlung', education: 'Bildung und Schule', health: 'Zugang zur Gesundheitsversorgung',
      anti_discrimination: 'Antidiskriminierung', community_building: 'Nachbarschaftsarbeit', mediation_interpretation: 'interkulturelle Vermittlung und Dolmetschen',
      entrepreneurship: 'Unternehmensgründung von Migranten', awareness_campaigns: 'Aufklärungskampagnen gegen Vorurteile', youth: 'Jugendbeteiligung',
      training: 'berufliche Ausbildung', citizenship_regularisation: 'Einbürgerung und Aufenthaltsrecht', culture_diversity: 'kulturelle Vielfalt',
      interfaith_work: 'interreligiösen Dialog', media_diversity: 'Vielfalt in den Medien',
    },
    targets: {
      refugees_asylum_seekers: 'Geflüchtete und Asylsuchende', women: 'Migrantinnen', youth: 'Jugendliche', children: 'Kinder', workers: 'Arbeitsmigranten',
      families: 'neu zugewanderte Familien', students: 'internationale Studierende', host_communities: 'die Aufnahmegesellschaft',
    },
    titles: ['{topic} für {target} in {city}', 'Anlaufstelle für {topic} in {city}', 'Programm der Stadt {city} für {topic}'],
    sentences: [
      'Das Programm unterstützt {target} in {city} beim Thema {topic}.',
      'Ehrenamtliche und Sozialarbeiter treffen {target} jede Woche, um über {topic} zu sprechen.',
      'Eine Partnerschaft zwischen Stadt, Arbeitgebern und Zivilgesellschaft verbesserte {topic} für {number} Menschen.',
      'Die Teilnehmenden erhielten Beratung zu Wohnen, Arbeit, Sprachkursen und ihren Rechten.',
      'Die Evaluation zeigte einen besseren Zugang zu {topic} und mehr Vertrauen zwischen {target} und {host}.',
      'Das Projekt arbeitet mit Sprach- und Kulturmittlern, die die Sprachen der Zielgruppe sprechen.',
    ],
    organisations: ['Stadt {city}', 'Integrationszentrum {city}', 'Flüchtlingsrat {city}'],
  },
  it: {
    topics: {
      housing: 'l’accesso all’alloggio', employment: 'l’occupazione e l’inserimento lavorativo', education: 'l’istruzione', health: 'l’accesso alla salute',
      anti_discrimination: 'la lotta alle discriminazioni', community_building: 'la vita di quartiere', mediation_interpretation: 'la mediazione interculturale',
      entrepreneurship: 'l’imprenditoria migrante', awareness_campaigns: 'le campagne di sensibilizzazione', youth: 'la partecipazione giovanile',
      training: 'la formazione professionale', citizenship_regularisation: 'la cittadinanza e la regolarizzazione', culture_diversity: 'la diversità culturale',
      interfaith_work: 'il dialogo interreligioso', media_diversity: 'la diversità nei media',
    },
    targets: {
      refugees_asylum_seekers: 'i rifugiati e richiedenti asilo', women: 'le donne migranti', youth: 'i giovani', children: 'i bambini',
      workers: 'i lavoratori migranti', families: 'le famiglie appena arrivate', students: 'gli studenti stranieri', host_communities: 'la comunità locale',
    },
    titles: ['{topic} per {target} a {city}', 'Uno sportello unico per {topic} a {city}', 'Programma di {city} su {topic}'],
    sentences: [
      'Il programma sostiene {target} a {city} per quanto riguarda {topic}.',
      'Volontari e operatori sociali incontrano {target} ogni settimana per parlare di {topic}.',
      'Un partenariato tra comune, datori di lavoro e associazioni ha migliorato {topic} per {number} persone.',
      'I partecipanti hanno ricevuto consulenza su alloggio, lavoro, corsi di lingua e diritti.',
      'La valutazione ha mostrato un migliore accesso a {topic} e più fiducia tra {target} e {host}.',
    ],
    organisations: ['Comune di {city}', 'Centro per l’integrazione di {city}', 'Associazione migranti di {city}'],
  },
  nl: {
    topics: {
      housing: 'betaalbare huisvesting', employment: 'werk en arbeidsbemiddeling', education: 'onderwijs', health: 'toegang tot zorg',
      anti_discrimination: 'de strijd tegen discriminatie', community_building: 'buurtwerk', mediation_interpretation: 'interculturele bemiddeling en tolken',
      entrepreneurship: 'ondernemerschap van migranten', awareness_campaigns: 'bewustwordingscampagnes', youth: 'jongerenparticipatie',
      training: 'beroepsopleiding', citizenship_regularisation: 'burgerschap en verblijfsrecht', culture_diversity: 'culturele diversiteit',
      interfaith_work: 'interreligieuze dialoog', media_diversity: 'diversiteit in de media',
    },
    targets: {
      refugees_asylum_seekers: 'vluchtelingen en asielzoekers', women: 'migrantenvrouwen', youth: 'jongeren', children: 'kinderen',
      workers: 'arbeidsmigranten', families: 'nieuwkomersgezinnen', students: 'internationale studenten', host_communities: 'de buurtbewoners',
    },
    titles: ['{topic} voor {target} in {city}', 'Eén loket voor {topic} in {city}', 'Programma van {city} over {topic}'],
    sentences: [
      'Het programma ondersteunt {target} in {city} op het gebied van {topic}.',
      'Vrijwilligers en sociaal werkers ontmoeten {target} elke week om over {topic} te praten.',
      'Een samenwerking tussen gemeente, werkgevers en maatschappelijke organisaties verbeterde {topic} voor {number} mensen.',
      'De deelnemers kregen advies over huisvesting, werk, taalcursussen en hun rechten.',
      'De evaluatie liet betere toegang tot {topic} zien en meer vertrouwen tussen {target} en {host}.',
    ],
    organisations: ['Gemeente {city}', 'Vluchtelingenwerk {city}', 'Integratiecentrum {city}'],
  },
};

/** Language shares: roughly the mix of a multilingual practice collection. */
const LANGUAGE_WEIGHTS: [Language, number][] = [
  ['en', 40], ['fr', 20], ['es', 18], ['ar', 6], ['pt', 5], ['de', 5], ['it', 3], ['nl', 3],
];

/** Where practices in each language tend to happen, with one city each. */
const PLACES: Record<Language, [country: string, city: string, lat: number, lon: number][]> = {
  en: [['GB', 'Manchester', 53.48, -2.24], ['US', 'Chicago', 41.88, -87.63], ['CA', 'Toronto', 43.65, -79.38], ['IE', 'Dublin', 53.35, -6.26], ['AU', 'Melbourne', -37.81, 144.96], ['KE', 'Nairobi', -1.29, 36.82], ['ZA', 'Cape Town', -33.92, 18.42], ['IN', 'Kochi', 9.93, 76.27]],
  fr: [['FR', 'Lyon', 45.76, 4.84], ['BE', 'Liège', 50.63, 5.57], ['CH', 'Genève', 46.2, 6.14], ['SN', 'Dakar', 14.69, -17.44], ['MA', 'Rabat', 34.02, -6.84], ['CA', 'Montréal', 45.5, -73.57], ['CI', 'Abidjan', 5.36, -4.01]],
  es: [['ES', 'Sevilla', 37.39, -5.98], ['MX', 'Tijuana', 32.51, -117.04], ['EC', 'Quito', -0.18, -78.47], ['AR', 'Rosario', -32.95, -60.64], ['CO', 'Cúcuta', 7.89, -72.5], ['CL', 'Santiago', -33.45, -70.67], ['PE', 'Lima', -12.05, -77.04]],
  ar: [['MA', 'الدار البيضاء', 33.57, -7.59], ['JO', 'عمّان', 31.95, 35.93], ['LB', 'بيروت', 33.89, 35.5], ['TN', 'تونس', 36.81, 10.18], ['EG', 'القاهرة', 30.04, 31.24]],
  pt: [['PT', 'Lisboa', 38.72, -9.14], ['BR', 'São Paulo', -23.55, -46.63], ['CV', 'Praia', 14.93, -23.51]],
  de: [['DE', 'Leipzig', 51.34, 12.37], ['AT', 'Graz', 47.07, 15.44], ['CH', 'Zürich', 47.38, 8.54]],
  it: [['IT', 'Palermo', 38.12, 13.36], ['IT', 'Torino', 45.07, 7.69], ['CH', 'Lugano', 46.0, 8.95]],
  nl: [['NL', 'Utrecht', 52.09, 5.12], ['BE', 'Gent', 51.05, 3.72], ['NL', 'Rotterdam', 51.92, 4.48]],
};

/** mulberry32: small, fast and good enough to vary synthetic records reproducibly. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const some = <T>(items: readonly T[], min: number, max: number): T[] => {
    const wanted = min + int(max - min + 1);
    const chosen = new Set<T>();
    while (chosen.size < Math.min(wanted, items.length)) chosen.add(pick(items));
    return [...chosen];
  };
  const weighted = <T>(entries: readonly [T, number][]): T => {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return (entries[entries.length - 1] as [T, number])[0];
  };
  return { next, int, pick, some, weighted };
}
type Random = ReturnType<typeof prng>;

function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => slots[name] ?? match);
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

interface SyntheticRow {
  slug: string;
  title: string;
  summary: string;
  background: string;
  activities: string;
  participants: string;
  outcomes: string;
  evaluation: string;
  recommendations: string;
  people_reached: number;
  evidence_level: string;
  scale: string;
  city_id: number | null;
  countries: string[];
  regions: string[];
  term_ids: number[];
  start_date: string;
  end_date: string | null;
  ongoing: boolean;
  funding_source: string;
  language: Language;
  published_at: string;
  rating_count: number;
  rating_sum: number;
}

interface SyntheticOrganisation {
  slug: string;
  role: 'implementing' | 'partner';
  name: string;
  stakeholder_type: string;
  position: number;
}

interface Vocabulary {
  byCode: Map<string, number>;
  dimensions: number[];
  pillars: number[];
  gcm: number[];
  sdg: number[];
}

async function loadVocabulary(db: Db): Promise<Vocabulary> {
  const terms = await db.selectFrom('taxonomy_terms').select(['id', 'vocabulary', 'code']).where('retired_at', 'is', null).execute();
  const ids = (vocabulary: string) => terms.filter((term) => term.vocabulary === vocabulary).map((term) => term.id);
  return {
    byCode: new Map(terms.map((term) => [`${term.vocabulary}:${term.code}`, term.id])),
    dimensions: ids('dimension'),
    pillars: ids('pillar'),
    gcm: ids('gcm_objective'),
    sdg: ids('sdg_target'),
  };
}

async function ensureCities(db: Db): Promise<Map<string, number>> {
  const cities = Object.values(PLACES).flat();
  const rows = await db
    .insertInto('cities')
    .values(cities.map(([country, name, latitude, longitude]) => ({ slug: slugify(`${name} ${country}`) || `city-${country}-${latitude}`, name, country, latitude, longitude })))
    .onConflict((conflict) => conflict.column('slug').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
    .returning(['id', 'name', 'country'])
    .execute();
  return new Map(rows.map((row) => [`${row.country}|${row.name}`, row.id]));
}

function synthesise(random: Random, index: number, tag: string, vocabulary: Vocabulary, cities: Map<string, number>, now: number) {
  const language = random.weighted(LANGUAGE_WEIGHTS);
  const bank = BANKS[language];
  const [country, city, , ] = random.pick(PLACES[language]);
  const topics = random.some(TOPIC_CODES, 1, 3);
  const targets = random.some(TARGET_CODES, 1, 2);
  const mainTopic = bank.topics[topics[0] as string] ?? '';
  const mainTarget = bank.targets[targets[0] as string] ?? '';
  const slots = () => ({
    topic: bank.topics[random.pick(topics)] ?? mainTopic,
    target: bank.targets[random.pick(targets)] ?? mainTarget,
    host: bank.targets.host_communities ?? '',
    city,
    number: String(20 + random.int(2000)),
  });
  const paragraph = (sentences: number) =>
    Array.from({ length: sentences }, () => fill(random.pick(bank.sentences), slots())).join(' ');
  const title = capitalise(fill(random.pick(bank.titles), { topic: mainTopic, target: mainTarget, city }));
  const countries = random.next() < 0.1 ? [country, random.pick(PLACES[random.weighted(LANGUAGE_WEIGHTS)])[0]] : [country];
  const uniqueCountries = [...new Set(countries)];
  const regions = [...new Set(uniqueCountries.flatMap((code) => {
    const region = regionOf(code);
    return region ? [region.region, region.subregion] : [];
  }))];
  const termIds = [
    ...random.some(vocabulary.dimensions, 1, 2),
    ...random.some(vocabulary.pillars, 0, 2),
    ...topics.map((code) => vocabulary.byCode.get(`topic:${code}`)),
    ...targets.map((code) => vocabulary.byCode.get(`target_group:${code}`)),
    ...random.some(vocabulary.gcm, 0, 3),
    ...random.some(vocabulary.sdg, 0, 1),
  ].filter((id): id is number => id !== undefined);
  const startYear = 2000 + random.int(26);
  const ongoing = random.next() < 0.6;
  const ratingCount = random.next() < 0.3 ? 1 + random.int(40) : 0;
  const row: SyntheticRow = {
    slug: `${slugify(title, 60) || 'practice'}-${tag}${index.toString(36)}`,
    title,
    summary: paragraph(2),
    background: paragraph(2),
    activities: paragraph(3),
    participants: capitalise(`${mainTarget}, ${bank.targets[random.pick(TARGET_CODES)] ?? ''}.`),
    outcomes: paragraph(2),
    evaluation: paragraph(1),
    recommendations: paragraph(1),
    people_reached: 10 + random.int(5000),
    evidence_level: random.pick(EVIDENCE_LEVELS),
    scale: random.pick(['local', 'local', 'regional', 'national', 'transnational']),
    city_id: random.next() < 0.7 ? (cities.get(`${country}|${city}`) ?? null) : null,
    countries: uniqueCountries,
    regions,
    term_ids: [...new Set(termIds)].sort((a, b) => a - b),
    start_date: `${startYear}-${String(1 + random.int(12)).padStart(2, '0')}-01`,
    end_date: ongoing ? null : `${Math.min(2025, startYear + 1 + random.int(4))}-12-31`,
    ongoing,
    funding_source: fill(random.pick(bank.organisations), { city }),
    language,
    published_at: new Date(now - random.int(5 * 365 * 24 * 3600) * 1000).toISOString(),
    rating_count: ratingCount,
    rating_sum: ratingCount === 0 ? 0 : ratingCount * (2 + random.int(4)),
  };
  const organisations: SyntheticOrganisation[] = [
    { slug: row.slug, role: 'implementing', name: fill(random.pick(bank.organisations), { city }), stakeholder_type: random.pick(STAKEHOLDER_TYPES), position: 0 },
  ];
  if (random.next() < 0.5) {
    organisations.push({ slug: row.slug, role: random.next() < 0.5 ? 'implementing' : 'partner', name: fill(random.pick(bank.organisations), { city }), stakeholder_type: random.pick(STAKEHOLDER_TYPES), position: 1 });
  }
  return { row, organisations };
}

export interface SyntheticLoadOptions {
  count: number;
  /**
   * `bulk` (the default): one transaction, rows streamed in with COPY, search rows and indexes
   * built once at the end (`bulkLoad` in src/search). `triggers`: batches of `batchSize` written as
   * drafts and published, so that the triggers build the search rows as for any edit (what the
   * bulk path must give).
   */
  through?: 'bulk' | 'triggers';
  batchSize?: number;
  seed?: number;
  /** The moment publication dates count back from (now unless given). */
  now?: number;
  onProgress?: (done: number) => void;
}

export interface SyntheticLoadResult {
  added: number;
  /** The bulk load's figures; absent through the triggers. */
  report?: BulkLoadReport;
}

const PRACTICE_COLUMNS = [
  'id', 'slug', 'status', 'title', 'summary', 'background', 'activities', 'participants', 'people_reached',
  'outcomes', 'evaluation', 'evidence_level', 'recommendations', 'scale', 'city_id', 'countries', 'regions', 'term_ids',
  'start_date', 'end_date', 'ongoing', 'funding_source', 'language', 'published_at', 'submitted_at',
] as const;
const ORGANISATION_COLUMNS = ['practice_id', 'role', 'name', 'stakeholder_type', 'position'] as const;
const RATING_TOTAL_COLUMNS = ['kind', 'subject_id', 'count', 'sum'] as const;
/** Practices per COPY: their organisations and ratings wait in memory for the next two. */
const BULK_CHUNK = 10_000;

interface SyntheticSource {
  next(index: number): { row: SyntheticRow; organisations: SyntheticOrganisation[] };
}

async function syntheticSource(db: Db, seed: number, now: number): Promise<SyntheticSource> {
  const vocabulary = await loadVocabulary(db);
  if (vocabulary.dimensions.length === 0) throw new Error('The taxonomy terms are missing: run the migrations first.');
  const cities = await ensureCities(db);
  const random = prng(seed);
  // Distinguishes the slugs of this run from those of earlier ones.
  const tag = `${randomBytes(3).toString('hex')}-`;
  return { next: (index) => synthesise(random, index, tag, vocabulary, cities, now) };
}

/** Adds `count` published synthetic practices. */
export async function loadSyntheticPractices(db: Db, options: SyntheticLoadOptions): Promise<SyntheticLoadResult> {
  const { count, seed = 20_240_601, now = Date.now() } = options;
  const source = await syntheticSource(db, seed, now);
  if (options.through === 'triggers') return { added: await loadThroughTriggers(db, source, options) };
  const report = await bulkLoad(db, { kind: PRACTICE_KIND, table: 'practices', expected: count }, async (writer) => {
    const firstId = await writer.allocateIds(count);
    for (let done = 0; done < count; done += BULK_CHUNK) {
      const size = Math.min(BULK_CHUNK, count - done);
      const organisations: CopyValue[][] = [];
      const ratings: CopyValue[][] = [];
      // Made as COPY reads them: only this chunk's organisations and ratings are held.
      const practices = function* (): Generator<CopyValue[]> {
        for (let i = 0; i < size; i += 1) {
          const id = firstId + done + i;
          const { row, organisations: named } = source.next(done + i);
          for (const organisation of named) {
            organisations.push([id, organisation.role, organisation.name, organisation.stakeholder_type, organisation.position]);
          }
          if (row.rating_count > 0) ratings.push([PRACTICE_KIND, id, row.rating_count, row.rating_sum]);
          yield [
            id, row.slug, 'published', row.title, row.summary, row.background, row.activities, row.participants, row.people_reached,
            row.outcomes, row.evaluation, row.evidence_level, row.recommendations, row.scale, row.city_id, row.countries, row.regions,
            row.term_ids, row.start_date, row.end_date, row.ongoing, row.funding_source, row.language, row.published_at, row.published_at,
          ];
        }
      };
      await writer.copy('practices', PRACTICE_COLUMNS, practices());
      await writer.copy('practice_organisations', ORGANISATION_COLUMNS, organisations);
      await writer.copy('rating_totals', RATING_TOTAL_COLUMNS, ratings);
      options.onProgress?.(done + size);
    }
  });
  return { added: count, report };
}

async function loadThroughTriggers(db: Db, source: SyntheticSource, options: SyntheticLoadOptions): Promise<number> {
  const { count, batchSize = 1000, onProgress } = options;
  let done = 0;
  while (done < count) {
    const size = Math.min(batchSize, count - done);
    const rows: SyntheticRow[] = [];
    const organisations: SyntheticOrganisation[] = [];
    for (let i = 0; i < size; i += 1) {
      const made = source.next(done + i);
      rows.push(made.row);
      organisations.push(...made.organisations);
    }
    await db.transaction().execute(async (trx) => {
      // Drafts first: the search trigger skips them, so each vector is built once, below.
      const inserted = await sql<{ id: number }>`
        INSERT INTO practices (slug, status, title, summary, background, activities, participants, people_reached,
          outcomes, evaluation, evidence_level, recommendations, scale, city_id, countries, regions, term_ids,
          start_date, end_date, ongoing, funding_source, language, published_at, submitted_at)
        SELECT slug, 'draft', title, summary, background, activities, participants, people_reached,
          outcomes, evaluation, evidence_level, recommendations, scale, city_id, countries, regions, term_ids,
          start_date, end_date, ongoing, funding_source, language, published_at, published_at
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(slug text, title text, summary text,
          background text, activities text, participants text, people_reached integer, outcomes text, evaluation text,
          evidence_level text, recommendations text, scale text, city_id integer, countries char(2)[], regions text[],
          term_ids integer[], start_date date, end_date date, ongoing boolean, funding_source text, language text,
          published_at timestamptz)
        RETURNING id`.execute(trx);
      // Rating totals before publication, so that each search row is written once with them.
      const rated = rows.filter((row) => row.rating_count > 0).map(({ slug, rating_count, rating_sum }) => ({ slug, rating_count, rating_sum }));
      await sql`
        INSERT INTO rating_totals (kind, subject_id, count, sum)
        SELECT ${PRACTICE_KIND}::text, p.id, x.rating_count, x.rating_sum
        FROM jsonb_to_recordset(${JSON.stringify(rated)}::jsonb) AS x(slug text, rating_count integer, rating_sum integer)
        JOIN practices p ON p.slug = x.slug`.execute(trx);
      await sql`
        INSERT INTO practice_organisations (practice_id, role, name, stakeholder_type, position)
        SELECT p.id, x.role, x.name, x.stakeholder_type, x.position
        FROM jsonb_array_elements(${JSON.stringify(organisations)}::jsonb) WITH ORDINALITY AS e(organisation, made)
        CROSS JOIN LATERAL jsonb_to_record(e.organisation)
          AS x(slug text, role text, name text, stakeholder_type text, position integer)
        JOIN practices p ON p.slug = x.slug
        -- In the order they were made, as the bulk path writes them: a practice's search row
        -- lists its organisations' names in the order they are stored.
        ORDER BY e.made`.execute(trx);
      const ids = inserted.rows.map((row) => row.id);
      await sql`UPDATE practices SET status = 'published' WHERE id = ANY (${ids}::integer[])`.execute(trx);
    });
    done += size;
    onProgress?.(done);
  }
  await sql`VACUUM ANALYZE search_documents`.execute(db);
  await sql`ANALYZE practices`.execute(db);
  return done;
}
