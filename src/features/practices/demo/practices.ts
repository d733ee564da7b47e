import type { PracticeInput } from '../model.ts';

/**
 * A demo practice: the record as an author would enter it, plus what the demo loader needs to
 * place it in the workflow.
 *
 * - `authorEmail` is one of the demo members in `features/demo/content.ts` (never the editor).
 * - `publishedAt` is an ISO instant. For a published record it is the publication time; for a
 *   submitted record, the time it was submitted; for a draft, the time it was last saved.
 */
export type DemoPractice = PracticeInput & {
  slug: string;
  authorEmail: string;
  status: 'published' | 'submitted' | 'draft';
  publishedAt: string;
};

/**
 * Integration practices drawn from the seed documents: the UNAOC/IOM online community, the
 * Migrant Integration Lab and its #NoWallsButBridges campaign, and the practices shared in the
 * GFMD roundtables. Organisations and places are real; contact persons are fictional, and
 * figures are plausible orders of magnitude written for the demo, not official statistics.
 */
export const DEMO_PRACTICES: readonly DemoPractice[] = [
  {
    slug: 'migrant-integration-lab',
    authorEmail: 'lab@bridges.example',
    status: 'published',
    publishedAt: '2024-01-18T09:30:00Z',
    language: 'en',
    title: 'Migrant Integration Lab: four-pillar labs for newcomers',
    summary:
      'The Migrant Integration Lab takes small cohorts of newcomers through labs that work on four pillars at the same time: language and communication, economic integration, civism and citizenship, and intercultural dialogue. Each lab ends with a personal project, such as a job, a training path or a business plan. The method has been run in seven countries.',
    background:
      'The lab was designed by B1-AKT, a Paris-based collective of practitioners, after seeing newcomers pass from one service to the next without a single plan that joined language, work and civic life. Its founders argue that integration stalls when these steps are taken one after the other: someone who waits to be fluent before meeting employers loses years. The lab treats the four pillars together, and it treats the receiving community as a participant rather than a backdrop.',
    activities:
      'A cohort of 12 to 20 participants meets three half-days a week for twelve weeks. Language sessions use the vocabulary of the participants’ own projects; economic sessions cover skills mapping, recognition of diplomas, job shadowing and entrepreneurship coaching; civic sessions deal with rights, duties, local institutions and secularism. Intercultural sessions bring in residents, employers and students for structured dialogue, and every participant leaves with a written project and a named contact in a local organisation.',
    participants:
      'Refugees, asylum seekers with the right to work and other newcomers, mostly aged 20 to 45, referred by social workers and reception centres. Volunteers from the host community, business mentors, teachers of the host language and local officials take part in the sessions. Facilitators are trained and certified by the lab team.',
    peopleReached: 1350,
    outcomes:
      'Around 1,350 people have completed a lab since 2016 in the seven countries where it has run. Six months after the end of a cohort, about six in ten participants in the French labs were in work, in training or running an activity of their own, against about a third at entry. Participants name the civic and intercultural sessions as the ones that most changed how they deal with institutions and neighbours.',
    evaluation:
      'The team follows up every participant at the end of the lab and again after six months, with a questionnaire and a short interview. Results are compiled in an internal annual report. There has been no external evaluation yet, and the only comparison is with the participants’ own situation at entry.',
    evidenceLevel: 'internal',
    recommendations:
      'Work on the four pillars at once rather than in sequence, and let each participant’s project drive the language content. Recruit mentors and employers before the cohort starts, not during it. Train local facilitators so that the lab can run without the founding team, and agree from the start on the follow-up indicators every site will collect.',
    dimensions: ['socio_economic', 'legal_political', 'cultural'],
    pillars: ['language_communication', 'economic_integration', 'civism_citizenship', 'intercultural_dialogue'],
    topics: ['training', 'employment', 'entrepreneurship', 'empowerment', 'intercultural_outreach', 'community_building', 'education'],
    targetGroups: ['refugees_asylum_seekers', 'workers', 'youth', 'women'],
    gcmObjectives: ['gcm16', 'gcm18', 'gcm19'],
    sdgTargets: ['sdg_10_7', 'sdg_8_8'],
    organisations: [
      { name: 'B1-AKT // Migrant Integration Lab', stakeholderType: 'civil_society', role: 'implementing' },
      { name: 'Reception centres and social services of partner cities', stakeholderType: 'local_government', role: 'partner' },
      { name: 'Local employers and business mentors', stakeholderType: 'private_sector', role: 'partner' },
    ],
    countries: ['FR'],
    city: { name: 'Paris', country: 'FR', latitude: 48.8566, longitude: 2.3522 },
    scale: 'transnational',
    startDate: '2016-01-04',
    endDate: null,
    ongoing: true,
    fundingSource: 'Foundation grants, contracts with municipalities and in-kind support from partner schools (annual budget)',
    budgetAmount: 240000,
    budgetCurrency: 'EUR',
    links: [{ url: 'https://b1-akt.com', label: 'B1-AKT' }],
    contact: { name: 'Amélie Rousseau', email: 'amelie.rousseau@example.org', public: true },
    adaptedFromSlug: null,
    lastConfirmedAt: '2026-09-15',
  },
  {
    slug: 'centros-nacionais-apoio-integracao-migrantes',
    authorEmail: 'lisboa@bridges.example',
    status: 'published',
    publishedAt: '2024-02-05T10:00:00Z',
    language: 'pt',
    title: 'Centros Nacionais de Apoio à Integração de Migrantes: vários serviços do Estado num só balcão',
    summary:
      'Os centros nacionais de apoio de Lisboa, do Porto e de Faro reúnem no mesmo espaço serviços que o imigrante antes procurava em vários edifícios: autorização de residência, segurança social, saúde, emprego, educação, reconhecimento de qualificações e apoio jurídico. O atendimento é feito com mediadores interculturais, muitos deles também imigrantes, que falam as línguas de quem procura o serviço.',
    background:
      'No início dos anos 2000, Portugal recebia cada vez mais imigrantes, que tinham de percorrer vários serviços públicos, com horários e exigências diferentes, para regularizar a sua situação e aceder aos seus direitos. Em 2004, o Alto Comissariado abriu os primeiros centros em Lisboa e no Porto, assentes na cooperação entre ministérios. O modelo foi depois descrito num manual internacional sobre balcões únicos para a integração de imigrantes.',
    activities:
      'Cada centro acolhe balcões de vários organismos públicos e gabinetes especializados de apoio jurídico, ao emprego, ao reagrupamento familiar, à habitação e à educação. Uma triagem à entrada encaminha cada pessoa para o balcão certo e marca os atendimentos. Os mediadores interculturais, recrutados junto das associações de imigrantes, acompanham o atendimento na língua da pessoa e ajudam a preencher formulários.',
    participants:
      'Imigrantes de todas as nacionalidades, incluindo pessoas em situação irregular que procuram informação sobre as vias de regularização, requerentes e beneficiários de proteção internacional e famílias em reagrupamento. Nos centros trabalham funcionários de vários ministérios e mediadores interculturais vindos das associações de imigrantes.',
    peopleReached: 420000,
    outcomes:
      'Os centros realizam várias centenas de milhares de atendimentos por ano; em 2024 foram cerca de 420 mil. Diminuíram o tempo e o número de deslocações necessários para tratar de um processo, e a presença de mediadores aumentou a confiança dos imigrantes nos serviços públicos. O modelo foi estudado e adaptado por outros países europeus.',
    evaluation:
      'Os centros foram objeto de avaliações externas da satisfação dos utentes e da qualidade do serviço, que registaram níveis de satisfação elevados, e de um estudo internacional sobre balcões únicos. Os dados de atendimento são recolhidos de forma sistemática, mas a medição do efeito a longo prazo na integração continua limitada.',
    evidenceLevel: 'external',
    recommendations:
      'Começar pelos serviços mais procurados e formalizar acordos entre os ministérios que partilham o espaço. Recrutar mediadores nas próprias comunidades imigrantes e dar-lhes formação e estatuto profissional. Ligar os centros a uma linha telefónica e a uma rede local de pontos de informação, para chegar a quem vive longe das grandes cidades.',
    dimensions: ['socio_economic', 'legal_political'],
    pillars: ['language_communication', 'economic_integration', 'civism_citizenship'],
    topics: [
      'citizenship_regularisation',
      'equal_access',
      'employment',
      'health',
      'housing',
      'mediation_interpretation',
      'migration_integration_policy',
      'governance',
    ],
    targetGroups: ['workers', 'refugees_asylum_seekers', 'families', 'undocumented_migrants'],
    gcmObjectives: ['gcm15', 'gcm16', 'gcm03', 'gcm04'],
    sdgTargets: ['sdg_10_7'],
    organisations: [
      { name: 'Agência para a Integração, Migrações e Asilo (AIMA)', stakeholderType: 'national_government', role: 'implementing' },
      { name: 'Alto Comissariado para as Migrações (até 2023)', stakeholderType: 'national_government', role: 'implementing' },
      { name: 'Associações de imigrantes', stakeholderType: 'migrant_diaspora_organisation', role: 'partner' },
    ],
    countries: ['PT'],
    city: { name: 'Lisboa', country: 'PT', latitude: 38.7223, longitude: -9.1393 },
    scale: 'national',
    startDate: '2004-03-01',
    endDate: null,
    ongoing: true,
    fundingSource: 'Orçamento do Estado e fundos europeus para o asilo, a migração e a integração (orçamento anual)',
    budgetAmount: 6500000,
    budgetCurrency: 'EUR',
    links: [
      { url: 'https://aima.gov.pt', label: 'Agência para a Integração, Migrações e Asilo' },
      { url: 'https://www.acm.gov.pt', label: 'Alto Comissariado para as Migrações' },
    ],
    contact: { name: 'Rita Fonseca', email: 'rita.fonseca@example.org', public: true },
    adaptedFromSlug: null,
    lastConfirmedAt: '2026-06-10',
  },
  {
    slug: 'migrant-routes-programme',
    authorEmail: 'chair@bridges.example',
    status: 'published',
    publishedAt: '2024-03-12T09:00:00Z',
    language: 'en',
    title: 'Migrant Routes: workshops on newcomers’ journeys and anti-racist, inclusive spaces',
    summary:
      'Migrant Routes is a workshop programme in Canada for residents, employees, teachers and students. Participants examine the barriers newcomers meet in workplaces, schools and public institutions, learn how racism and discrimination operate through policies and daily practice, and leave with concrete changes to make their own spaces more inclusive. Young participants also produce short media pieces that retrace migrants’ journeys.',
    background:
      'Newcomers to Canada often meet barriers that long-settled residents do not see: unrecognised credentials, unwritten workplace rules and discrimination built into ordinary procedures. Diversity training tended to stay abstract and rarely led to change. The programme was designed so that participants follow the real routes newcomers take and look at their own role in opening or closing doors. It was a featured practice of the UNAOC and IOM online community on migration and integration.',
    activities:
      'Interactive workshops lasting from half a day to two days use case studies, role play and first-hand accounts from migrants to examine the social, economic and political conditions newcomers face. Participants map the barriers in their own organisation and draft an action plan. In the youth strand, secondary and college students interview newcomers and produce podcasts, photo essays and short videos that are screened in their schools and shared online.',
    participants:
      'Employees and managers of public and private employers, teachers and school staff, community volunteers, and secondary and post-secondary students. Newcomers take part as speakers and co-facilitators and are paid for their time.',
    peopleReached: 2400,
    outcomes:
      'About 2,400 people have attended workshops, and more than 60 organisations have drafted inclusion plans. Students have produced over 150 media pieces, several of them broadcast by community radio. Follow-up calls showed that most organisations had made at least one change, such as revised hiring procedures or a welcome guide for new staff.',
    evaluation:
      'Participants answer a questionnaire before and after each workshop on their awareness of barriers and their intention to act, and organisations are called again three months later. The programme team analyses the results itself; there has been no external evaluation.',
    evidenceLevel: 'self_assessment',
    recommendations:
      'Involve newcomers as paid co-facilitators, never as illustrations. End each workshop with a concrete plan and follow it up. Give young people the tools to tell migrants’ stories themselves: their work reaches audiences that adult-led training does not.',
    dimensions: ['socio_economic', 'cultural'],
    pillars: ['intercultural_dialogue', 'civism_citizenship'],
    topics: ['anti_discrimination', 'education', 'training', 'equal_access', 'work', 'youth', 'media_diversity'],
    targetGroups: ['students', 'workers', 'youth', 'host_communities'],
    gcmObjectives: ['gcm17', 'gcm16'],
    sdgTargets: ['sdg_10_7'],
    organisations: [
      { name: 'Migrant Routes', stakeholderType: 'civil_society', role: 'implementing' },
      { name: 'Participating schools and colleges', stakeholderType: 'academia', role: 'partner' },
      {
        name: 'UNAOC and IOM online community “Integration: Building Inclusive Societies”',
        stakeholderType: 'international_organisation',
        role: 'partner',
      },
    ],
    countries: ['CA'],
    city: { name: 'Toronto', country: 'CA', latitude: 43.6532, longitude: -79.3832 },
    scale: 'national',
    startDate: '2008-09-01',
    endDate: null,
    ongoing: true,
    fundingSource: 'Provincial anti-racism grants and fees paid by employers',
    budgetAmount: 85000,
    budgetCurrency: 'CAD',
    links: [
      { url: 'https://www.unaoc.org', label: 'United Nations Alliance of Civilizations' },
      { url: 'https://www.iom.int', label: 'International Organization for Migration' },
    ],
    contact: { name: 'Sarah Kowalski', email: 'sarah.kowalski@example.org', public: true },
    adaptedFromSlug: null,
    lastConfirmedAt: '2025-10-01',
  },
  {
    slug: 'no-walls-but-bridges',
    authorEmail: 'lab@bridges.example',
    status: 'published',
    publishedAt: '2024-04-02T14:00:00Z',
    language: 'fr',
    title: '#NoWallsButBridges : une campagne citoyenne de sensibilisation à budget zéro',
    summary:
      'Campagne internationale menée sur les réseaux sociaux par le Migrant Integration Lab (B1-AKT) et les étudiants du MBA à temps plein de l’École des Ponts Business School. Conçue comme un projet à impact social, elle visait à construire un récit positif et fondé sur les faits autour de l’intégration des personnes migrantes, sans aucun budget : ni achat d’espace, ni prestataire, ni frais.',
    background:
      'Face à la montée des discours populistes et à une opinion souvent hostile aux migrations, les partenaires ont voulu montrer qu’un dialogue ouvert entre citoyens, nouveaux arrivants et institutions pouvait faire évoluer les perceptions. Le nom de la campagne joue sur celui de l’École des Ponts : bâtir des ponts plutôt que des murs. Le budget fixé à zéro était une contrainte choisie, appliquée à tous les livrables et aux critères d’évaluation, pour obliger l’équipe à innover.',
    activities:
      'Les équipes d’étudiants ont produit des portraits, de courtes vidéos et des infographies sur les apports sociaux, culturels et économiques des migrations, diffusés sous le mot-dièse #NoWallsButBridges. Elles ont animé des échanges en ligne avec des décideurs publics, des organisations internationales, des universitaires, des journalistes et des personnes réfugiées. La campagne s’est conclue par un livre blanc, présenté en mai 2019, qui formule treize recommandations pour une intégration durable.',
    participants:
      'Une promotion d’étudiants du MBA, de nombreuses nationalités, encadrée par l’équipe de B1-AKT. Des personnes migrantes, réfugiées et demandeuses d’asile passées par les labs ont témoigné et coécrit des contenus. Des élus, des fonctionnaires, des entrepreneurs sociaux et des membres de la société civile ont relayé la campagne dans leurs réseaux.',
    peopleReached: 85000,
    outcomes:
      'Les contenus ont touché environ 85 000 personnes sur les réseaux sociaux, dans une vingtaine de pays, pour un coût nul. La campagne a tissé un réseau durable entre l’école, le lab, des institutions et des associations, qui a servi de socle à d’autres projets. Le livre blanc a été remis à des décideurs publics en France et dans les pays où le lab intervient.',
    evaluation:
      'L’équipe a mesuré la portée et l’engagement grâce aux statistiques des plateformes, et a rassemblé les retours qualitatifs des participants dans le livre blanc. Il s’agit d’une auto-évaluation : aucun sondage d’opinion n’a été réalisé avant et après, si bien que l’effet sur les perceptions n’est pas démontré.',
    evidenceLevel: 'self_assessment',
    recommendations:
      'Un budget nul est tenable si la campagne s’appuie sur des partenaires qui apportent leurs compétences et leurs réseaux. Associer dès le départ des personnes migrantes à l’écriture des messages, et appuyer chaque message sur des données vérifiables. Prévoir une mesure des perceptions avant et après pour pouvoir démontrer l’effet de la campagne.',
    dimensions: ['cultural', 'legal_political'],
    pillars: ['intercultural_dialogue', 'civism_citizenship'],
    topics: ['awareness_campaigns', 'public_perceptions', 'prevention_of_polarisation', 'media_diversity', 'community_building', 'entrepreneurship'],
    targetGroups: ['host_communities', 'refugees_asylum_seekers', 'students'],
    gcmObjectives: ['gcm17', 'gcm16'],
    sdgTargets: ['sdg_10_7'],
    organisations: [
      { name: 'B1-AKT // Migrant Integration Lab', stakeholderType: 'civil_society', role: 'implementing' },
      { name: 'École des Ponts Business School – MBA à temps plein', stakeholderType: 'academia', role: 'implementing' },
    ],
    countries: ['FR'],
    city: { name: 'Paris', country: 'FR', latitude: 48.8566, longitude: 2.3522 },
    scale: 'transnational',
    startDate: '2018-11-05',
    endDate: '2019-05-23',
    ongoing: false,
    fundingSource: 'Aucun financement : temps bénévole et compétences apportés par les partenaires',
    budgetAmount: 0,
    budgetCurrency: 'EUR',
    links: [
      { url: 'https://b1-akt.com', label: 'B1-AKT // Migrant Integration Lab' },
      { url: 'https://www.pontsbschool.com', label: 'École des Ponts Business School' },
    ],
    contact: { name: 'Bastien Morel', email: 'bastien.morel@example.org', public: true },
    adaptedFromSlug: null,
    lastConfirmedAt: null,
  },
  {
    slug: 'talking-faiths-migration-stories',
    authorEmail: 'diaspora@bridges.example',
    status: 'published',
    publishedAt: '2024-05-20T12:00:00Z',
    language: 'en',
    title: 'Talking Faiths: migration stories as bridges between faith communities',
    summary:
      'Talking Faiths brings people of different religions together around their own and their families’ stories of migration. Starting from objects, photographs and recorded testimonies gathered with a museum, participants discover how much their journeys have in common, which opens conversations about belief that would otherwise be hard to begin.',
    background:
      'Melbourne is home to people of almost every faith, many of whom arrived as migrants or refugees, and tension between communities can rise quickly after events abroad. Interfaith dialogue often starts with doctrine and stays among religious leaders. The idea here was to start from a shared human experience, migration, and to involve ordinary members of congregations, especially young people.',
    activities:
      'Small mixed groups from mosques, churches, synagogues, temples and gurdwaras meet over several sessions at the museum and in each other’s places of worship. Each participant brings an object or a story linked to their family’s arrival; facilitators help the group find common threads before moving on to questions of faith and identity. The stories are recorded and photographed, then shown in a travelling exhibition and online.',
    participants:
      'Members of faith communities of many backgrounds, with a focus on young people and recent arrivals, alongside long-settled residents. A museum team, a media production company and trained facilitators from interfaith networks run the sessions.',
    peopleReached: 2600,
    outcomes:
      'Around 2,600 people have taken part in sessions or visited the exhibition. Several pairs of congregations kept visiting each other after the project, and schools used the recorded stories in religious-education classes. The testimonies joined the museum’s public collection.',
    evaluation:
      'Participants filled in a short questionnaire before and after the sessions on their knowledge of other faiths and their trust in other communities, and the museum collected visitors’ comments on the exhibition. The results were reported internally and have not been independently reviewed.',
    evidenceLevel: 'internal',
    recommendations:
      'Start from personal stories rather than doctrine, and let participants choose what they share. Work with an institution that no faith community sees as partisan, such as a museum or a library. Keep groups small and plan return visits so that contact does not end with the project.',
    dimensions: ['cultural'],
    pillars: ['intercultural_dialogue'],
    topics: ['interfaith_work', 'religion', 'culture_diversity', 'community_building', 'visual_arts', 'youth'],
    targetGroups: ['host_communities', 'youth', 'refugees_asylum_seekers'],
    gcmObjectives: ['gcm16', 'gcm17'],
    sdgTargets: ['sdg_10_7'],
    organisations: [
      { name: 'Museums Victoria – Immigration Museum', stakeholderType: null, role: 'implementing' },
      { name: 'Singing Bowl Media', stakeholderType: 'media', role: 'partner' },
      { name: 'Interfaith networks of Melbourne', stakeholderType: 'faith_based', role: 'partner' },
    ],
    countries: ['AU'],
    city: { name: 'Melbourne', country: 'AU', latitude: -37.8136, longitude: 144.9631 },
    scale: 'local',
    startDate: '2009-03-02',
    endDate: null,
    ongoing: true,
    fundingSource: 'State multicultural affairs grant and museum funds',
    budgetAmount: 140000,
    budgetCurrency: 'AUD',
    links: [{ url: 'https://museumsvictoria.com.au', label: 'Museums Victoria' }],
    contact: { name: 'Priya Natarajan', email: 'priya.natarajan@example.org', public: true },
    adaptedFromSlug: null,
    lastConfirmedAt: '2022-06-30',
  },
  {
    slug: 'sos-immigrant-helpline-and-telephone-interpreting',
    authorEmail: 'lisboa@bridges.example',
    status: 'published',
    publishedAt: '2024-06-18T11:20:00Z',
    language: 'en',
    title: 'A national helpline and telephone interpreting in the caller’s own language',
    summary:
      'Portugal’s SOS Immigrant line answers questions on residence, work, health, schooling and nationality in several languages, and a telephone interpreting service puts a public servant, a migrant and an interpreter on the same call in dozens of languages. Together they carry the one-stop centres’ information to people who cannot travel to them or do not yet speak Portuguese.',
    background:
      'The one-stop centres in Lisbon and Porto were soon overloaded, and many migrants lived far from them or worked hours that made a visit impossible. Staff in hospitals, schools and local offices also struggled to talk with people who spoke no Portuguese, and often relied on children to translate. A national phone line and an on-demand interpreting service were set up to close both gaps at low cost.',
    activities:
      'Operators, many of them migrants themselves, answer calls in Portuguese, English, French, Spanish, Russian and other languages, give information and book appointments at the centres. When a public service needs an interpreter, it calls the interpreting service, which connects an interpreter within minutes for a three-way conversation. The most frequent questions are passed back to the centres to update leaflets and web pages.',
    participants:
      'Migrants anywhere in the country, including people in an irregular situation who want confidential information. Health centres, schools, social security offices and police stations use the interpreting service. A pool of interpreters covering around sixty languages is kept up with immigrant associations.',
    peopleReached: 95000,
    outcomes:
      'The helpline handles tens of thousands of calls a year, about 95,000 in the latest full year, and most questions are settled without a visit. Public services report fewer postponed appointments and less reliance on children as interpreters. The line has also become an early warning of new problems, such as delays in renewing residence permits.',
    evaluation:
      'Call volumes, languages, topics and waiting times are recorded and reviewed every quarter by the agency, and callers are surveyed once a year. The interpreting service has not been evaluated independently.',
    evidenceLevel: 'internal',
    recommendations:
      'Recruit operators from migrant communities and train them in the law and the services they explain. Keep the call free or at the price of a local call, and print the number on residence documents and official letters. Make interpreting a service that public bodies can book themselves rather than something each office improvises.',
    dimensions: ['socio_economic', 'legal_political'],
    pillars: ['language_communication'],
    topics: ['mediation_interpretation', 'equal_access', 'citizenship_regularisation', 'health', 'governance'],
    targetGroups: ['workers', 'families', 'older_people', 'undocumented_migrants'],
    gcmObjectives: ['gcm03', 'gcm15'],
    sdgTargets: ['sdg_10_7'],
    organisations: [
      { name: 'Agência para a Integração, Migrações e Asilo (AIMA)', stakeholderType: 'national_government', role: 'implementing' },
      { name: 'Immigrant associations providing interpreters', stakeholderType: 'migrant_diaspora_organisation', role: 'partner' },
    ],
    countries: ['PT'],
    city: { name: 'Lisboa', country: 'PT', latitude: 38.7223, longitude: -9.1393 },
    scale: 'national',
    startDate: '2003-05-01',
    endDate: null,
    ongoing: true,
    fundingSource: 'State budget with European co-funding (annual budget)',
    budgetAmount: 450000,
    budgetCurrency: 'EUR',
    links: [{ url: 'https://aima.gov.pt', label: 'Agency for Integration, Migration and Asylum (AIMA)' }],
    contact: { name: 'Tiago Ramos', email: 'tiago.ramos@example.org', public: false },
    adaptedFromSlug: null,
    lastConfirmedAt: '2026-05-02',
  },
  {
    slug: 'new-home-switzerland-video-collection',
    authorEmail: 'chair@bridges.example',
    status: 'published',
    publishedAt: '2024-08-27T10:30:00Z',
    language: 'en',
    title: 'New Home: Switzerland – a public-television collection of integration stories',
    summary:
      'The online knowledge platform of Swiss public television gathered its reports on migration and integration into a collection called “Neue Heimat Schweiz” (New Home: Switzerland). The films follow people who built a life in the country, among them a former refugee from Kosovo who won prizes as a cheesemonger, an army lieutenant born in Bosnia, a Tamil refugee active in local politics and a Chinese refugee running a fashion label in Zurich.',
    background:
      'Swiss public debate on migration is intense, with repeated popular votes on immigration and on the rights of foreigners. News coverage of migrants tended to dwell on problems, while everyday stories of settling in went untold. Bringing existing reports together in one place was a simple way to make those stories visible and usable by teachers and the public.',
    activities:
      'Editors selected reports from news, documentary and magazine programmes and grouped them by theme: work, family, religion, politics and youth. Each film comes with a short introduction and links to related programmes. The collection was promoted to schools and integration services as a teaching resource.',
    participants:
      'Viewers across Switzerland, teachers and integration professionals, and the people portrayed, who include refugees and labour migrants from the Balkans, Sri Lanka, China and elsewhere. The public broadcaster’s online knowledge team did the editorial work.',
    peopleReached: 250000,
    outcomes:
      'The collection drew an estimated 250,000 views and was used in classrooms and integration courses. It offered counter-examples to common stereotypes, in particular about young people from the Balkans. Because the films are in Swiss German only, their reach among newcomers and in the other language regions stayed limited.',
    evaluation:
      'Only viewing figures were collected; nobody studied how viewers’ perceptions changed. The collection has not been updated for several years, and whether it is still online should be checked.',
    evidenceLevel: 'none',
    recommendations:
      'Reuse what public broadcasters already produce before commissioning new material. Subtitle the films in the national languages and in the main languages of newcomers. Pair them with teaching guides so that schools can build discussions around them.',
    dimensions: ['cultural'],
    pillars: ['intercultural_dialogue'],
    topics: ['media_diversity', 'public_perceptions', 'visual_arts', 'empowerment', 'employment', 'youth', 'citizenship_regularisation'],
    targetGroups: ['host_communities', 'refugees_asylum_seekers', 'youth', 'students'],
    gcmObjectives: ['gcm17'],
    sdgTargets: ['sdg_10_7'],
    organisations: [{ name: 'Schweizer Radio und Fernsehen (SRF), formerly Schweizer Fernsehen (SF)', stakeholderType: 'media', role: 'implementing' }],
    countries: ['CH'],
    city: { name: 'Zürich', country: 'CH', latitude: 47.3769, longitude: 8.5417 },
    scale: 'national',
    startDate: '2008-01-15',
    endDate: null,
    ongoing: true,
    fundingSource: 'Public broadcasting licence fee',
    budgetAmount: null,
    budgetCurrency: null,
    links: [{ url: 'https://www.srf.ch', label: 'Schweizer Radio und Fernsehen' }],
    contact: { name: 'Reto Baumann', email: 'reto.baumann@example.org', public: false },
    adaptedFromSlug: null,
    lastConfirmedAt: '2021-09-30',
  },
  {
    slug: 'mediadores-interculturais-servicos-publicos',
    authorEmail: 'lisboa@bridges.example',
    status: 'published',
    publishedAt: '2024-09-03T08:45:00Z',
    language: 'pt',
    title: 'Mediadores interculturais nos serviços públicos e nos bairros',
    summary:
      'Municípios portugueses contratam mediadores interculturais, vindos das comunidades imigrantes e ciganas, para trabalhar em escolas, centros de saúde, serviços sociais e bairros. O mediador facilita a comunicação entre os serviços e os residentes, previne conflitos e ajuda as famílias a exercer os seus direitos.',
    background:
      'Nos bairros com muitos residentes imigrantes, os serviços públicos enfrentavam faltas às consultas, abandono escolar e desconfiança mútua. Os problemas raramente eram só de língua: resultavam também de regras mal compreendidas e de experiências de discriminação. O Estado e os municípios decidiram profissionalizar a figura do mediador, que já existia de forma informal nas associações.',
    activities:
      'Os mediadores recebem formação inicial em mediação, direitos e funcionamento dos serviços, e integram equipas municipais. Acompanham as famílias nas matrículas e nas consultas, explicam documentos, organizam sessões de informação e intervêm em conflitos de vizinhança. Reúnem-se todos os meses com os técnicos municipais para identificar problemas recorrentes e propor mudanças nos serviços.',
    participants:
      'Famílias imigrantes e ciganas, crianças e jovens em idade escolar, e os profissionais dos serviços públicos locais. Os mediadores são recrutados nas próprias comunidades, muitas vezes através das associações, e trabalham em dupla com técnicos municipais.',
    peopleReached: 18000,
    outcomes:
      'Cerca de 18 mil pessoas foram acompanhadas pelos mediadores nos municípios participantes. As escolas registaram mais matrículas dentro do prazo e menos faltas, e os centros de saúde menos consultas perdidas. Vários municípios integraram os mediadores nos seus quadros permanentes.',
    evaluation:
      'Uma avaliação externa encomendada pelo organismo nacional comparou indicadores escolares e de saúde antes e depois da chegada dos mediadores, e ouviu profissionais e famílias. Os resultados foram positivos, mas variam muito com o apoio que cada município dá ao seu mediador.',
    evidenceLevel: 'external',
    recommendations:
      'Dar ao mediador um contrato estável e um lugar claro na equipa, e não apenas um projeto anual. Recrutar pessoas reconhecidas pelas comunidades e investir na sua formação contínua. Definir desde o início indicadores simples, como matrículas e consultas, para mostrar resultados aos decisores.',
    dimensions: ['cultural', 'socio_economic'],
    pillars: ['language_communication', 'intercultural_dialogue'],
    topics: [
      'mediation_interpretation',
      'intercultural_outreach',
      'cities_local_government',
      'education',
      'health',
      'equal_access',
      'ethnic_relations',
    ],
    targetGroups: ['families', 'children', 'host_communities'],
    gcmObjectives: ['gcm16', 'gcm15'],
    sdgTargets: ['sdg_10_7'],
    organisations: [
      { name: 'Alto Comissariado para as Migrações (até 2023), depois AIMA', stakeholderType: 'national_government', role: 'implementing' },
      { name: 'Câmara Municipal da Amadora', stakeholderType: 'local_government', role: 'partner' },
      { name: 'Associações de imigrantes e associações ciganas', stakeholderType: 'civil_society', role: 'partner' },
    ],
    countries: ['PT'],
    city: { name: 'Amadora', country: 'PT', latitude: 38.7538, longitude: -9.2308 },
    scale: 'national',
    startDate: '2009-01-05',
    endDate: null,
    ongoing: true,
    fundingSource: 'Fundos europeus para a integração, com cofinanciamento municipal',
    budgetAmount: 1200000,
    budgetCurrency: 'EUR',
    links: [{ url: 'https://www.acm.gov.pt', label: 'Alto Comissariado para as Migrações' }],
    contact: { name: 'Helena Cardoso', email: 'helena.cardoso@example.org', public: false },
    adaptedFromSlug: null,
    lastConfirmedAt: '2026-03-20',
  },
  {
    slug: 'festivales-interculturales-pichincha',
    authorEmail: 'quito@bridges.example',
    status: 'published',
    publishedAt: '2024-11-08T15:10:00Z',
    language: 'es',
    title: 'Festivales interculturales de Pichincha para la convivencia con la población en movilidad humana',
    summary:
      'El Gobierno Provincial de Pichincha organiza festivales interculturales en Quito y en los cantones de la provincia, donde personas migrantes, refugiadas y comunidades locales comparten música, gastronomía, artesanía y relatos. Los festivales forman parte de una política provincial de movilidad humana que combina atención a las personas, participación y lucha contra la xenofobia.',
    background:
      'Ecuador es a la vez país de origen, de tránsito y de destino: Pichincha acoge a miles de personas llegadas de Colombia y, desde 2017, de Venezuela, además de familias ecuatorianas retornadas. La llegada rápida de población generó tensiones y estereotipos en barrios y mercados. El gobierno provincial, con el apoyo de la Iniciativa Conjunta de Migración y Desarrollo de las Naciones Unidas, decidió trabajar la convivencia además de la asistencia.',
    activities:
      'Cada año se celebran varios festivales en espacios públicos, preparados durante meses con asociaciones de migrantes, colectivos culturales, escuelas y juntas parroquiales. El programa incluye escenarios musicales, ferias de emprendimientos de personas migrantes, talleres para niñas y niños y un punto de información sobre derechos y servicios. Los equipos provinciales aprovechan los festivales para recoger necesidades y derivar casos a los servicios de atención.',
    participants:
      'Personas migrantes y refugiadas, familias retornadas y vecinas y vecinos de Quito y de los cantones rurales. Participan asociaciones de migrantes, artistas, emprendedores, escuelas, juntas parroquiales y organismos internacionales.',
    peopleReached: 45000,
    outcomes:
      'Unas 45.000 personas han asistido a los festivales desde su inicio, y más de 300 emprendimientos de personas migrantes han vendido sus productos en las ferias. Las asociaciones de migrantes se han consolidado como interlocutoras del gobierno provincial. La experiencia se ha presentado como buena práctica en foros internacionales sobre ciudades y migración.',
    evaluation:
      'El gobierno provincial registra la asistencia y aplica encuestas breves a participantes y emprendedores en cada edición, y comparte un informe anual con el comité provincial de movilidad humana. Todavía no existe una medición independiente del efecto sobre las actitudes de la población local.',
    evidenceLevel: 'internal',
    recommendations:
      'Preparar los festivales con las asociaciones de migrantes y no solo para ellas, de modo que sean protagonistas del programa. Vincular cada festival a servicios concretos de información y derivación. Conectar la experiencia con otras ciudades y provincias a través de las redes de gobiernos locales, para aprender unas de otras.',
    dimensions: ['cultural', 'socio_economic'],
    pillars: ['intercultural_dialogue'],
    topics: [
      'culture_diversity',
      'intercultural_outreach',
      'community_building',
      'anti_discrimination',
      'cities_local_government',
      'entrepreneurship',
      'public_perceptions',
    ],
    targetGroups: ['refugees_asylum_seekers', 'host_communities', 'families', 'returnees'],
    gcmObjectives: ['gcm16', 'gcm17'],
    sdgTargets: ['sdg_10_7'],
    organisations: [
      { name: 'Gobierno Autónomo Descentralizado de la Provincia de Pichincha', stakeholderType: 'local_government', role: 'implementing' },
      {
        name: 'Iniciativa Conjunta de Migración y Desarrollo de las Naciones Unidas (JMDI)',
        stakeholderType: 'international_organisation',
        role: 'partner',
      },
      { name: 'Asociaciones de personas migrantes y refugiadas de Pichincha', stakeholderType: 'migrant_diaspora_organisation', role: 'partner' },
    ],
    countries: ['EC'],
    city: { name: 'Quito', country: 'EC', latitude: -0.1807, longitude: -78.4678 },
    scale: 'regional',
    startDate: '2015-06-01',
    endDate: null,
    ongoing: true,
    fundingSource: 'Presupuesto provincial con apoyo de la cooperación internacional (presupuesto anual)',
    budgetAmount: 120000,
    budgetCurrency: 'USD',
    links: [
      { url: 'https://www.pichincha.gob.ec', label: 'Gobierno de Pichincha' },
      { url: 'https://www.migration4development.org', label: 'Iniciativa Conjunta de Migración y Desarrollo' },
    ],
    contact: { name: 'Mariana Quishpe', email: 'mariana.quishpe@example.org', public: true },
    adaptedFromSlug: null,
    lastConfirmedAt: '2026-02-10',
  },
  {
    slug: 'sanctuary-cities-firewall',
    authorEmail: 'chair@bridges.example',
    status: 'published',
    publishedAt: '2025-01-22T13:00:00Z',
    language: 'en',
    title: 'Sanctuary cities: a firewall between local services and immigration enforcement',
    summary:
      'Across the United States and Canada, cities have adopted policies that keep their police, schools, clinics and other services out of federal immigration enforcement. The aim is a strict firewall: every resident can report a crime, take a child to school or see a doctor without fearing that doing so will lead to detention or deportation.',
    background:
      'Cities are where migrants live, work and use services, whatever their legal status. When local officers and staff ask about status or pass information to immigration authorities, undocumented residents stop reporting crimes, avoid clinics and keep children out of school, which harms safety and health for everyone. San Francisco adopted its City of Refuge ordinance in 1989, and many cities followed, among them Toronto with its policy of access to city services without fear.',
    activities:
      'Sanctuary ordinances forbid city staff to ask about immigration status unless the law requires it, and to use city resources to enforce federal immigration law. They restrict when local jails hold people at the request of immigration authorities. Cities train their staff, publish the policy in several languages and often fund legal aid and know-your-rights sessions run by community organisations.',
    participants:
      'Undocumented residents and mixed-status families, and the city employees who serve them: police officers, school staff, health workers and clerks. Community organisations, legal aid providers and faith groups inform residents and watch that the policy is respected.',
    peopleReached: null,
    outcomes:
      'Studies in several US cities found that crime was not higher in sanctuary jurisdictions and that immigrants were more willing to report crimes and to act as witnesses. The policies have become a reference in international debates on separating service provision from enforcement. They remain politically contested and are repeatedly challenged by national authorities.',
    evaluation:
      'Academic researchers have compared crime, economic and public-health indicators between sanctuary and other counties, with results generally favourable to the policies. Cities themselves seldom publish systematic data on how the firewall is applied, which makes compliance hard to check.',
    evidenceLevel: 'external',
    recommendations:
      'Write the firewall into an ordinance rather than relying on administrative practice, so that it survives changes of leadership. Train every frontline employee and give residents a way to complain when it is breached. Pair the policy with legal aid and information, because a firewall only helps people who know it exists.',
    dimensions: ['legal_political'],
    pillars: ['civism_citizenship'],
    topics: ['cities_local_government', 'human_rights_law', 'equal_access', 'governance', 'migration_integration_policy'],
    targetGroups: ['undocumented_migrants', 'families', 'children'],
    gcmObjectives: ['gcm15', 'gcm07', 'gcm16'],
    sdgTargets: ['sdg_10_7'],
    organisations: [
      { name: 'City and County of San Francisco', stakeholderType: 'local_government', role: 'implementing' },
      { name: 'City of Toronto', stakeholderType: 'local_government', role: 'implementing' },
      { name: 'Community legal aid organisations', stakeholderType: 'civil_society', role: 'partner' },
    ],
    countries: ['US', 'CA'],
    city: { name: 'San Francisco', country: 'US', latitude: 37.7749, longitude: -122.4194 },
    scale: 'transnational',
    startDate: '1989-01-01',
    endDate: null,
    ongoing: true,
    fundingSource: 'Regular budgets of the participating cities; no dedicated funding',
    budgetAmount: null,
    budgetCurrency: null,
    links: [
      { url: 'https://www.sf.gov', label: 'City and County of San Francisco' },
      { url: 'https://www.toronto.ca', label: 'City of Toronto' },
    ],
    contact: { name: 'Daniel Reyes', email: 'daniel.reyes@example.org', public: false },
    adaptedFromSlug: null,
    lastConfirmedAt: '2025-12-01',
  },
  {
    slug: 'safe-reporting-irregular-migrants-netherlands',
    authorEmail: 'diaspora@bridges.example',
    status: 'published',
    publishedAt: '2025-03-05T09:00:00Z',
    language: 'en',
    title: '“Free in, free out”: safe reporting to the police for migrants without papers',
    summary:
      'In the Netherlands, migrants in an irregular situation who go to the police as victims or witnesses of a crime are not arrested or detained because of their status. This safe-reporting rule, known as “free in, free out”, lets people without papers report violence, exploitation and theft, and stops offenders from using their victims’ status as a shield.',
    background:
      'Migrants without a residence permit were among the least likely to report crimes, for fear of being detained at the police station. Exploitative employers, landlords and abusive partners knew this and took advantage of it. Civil society organisations and police officers argued that public safety required a firewall; after a trial in the Amsterdam area, the rule was extended to the whole country.',
    activities:
      'When a person without papers comes to report a crime, officers take the report and neither check nor act on their immigration status. Police instructions and training explain the rule, and victim-support and migrant organisations accompany people who want to report. Information about the rule circulates in several languages through community networks as well as official channels.',
    participants:
      'Undocumented migrants who are victims of or witnesses to crime, in particular women facing domestic violence and workers facing labour exploitation. Police officers, victim-support services and migrant organisations put the rule into practice.',
    peopleReached: null,
    outcomes:
      'More undocumented victims have come forward, notably in cases of domestic violence and labour exploitation, and organisations say that accompanied reporting has become routine. The rule is cited internationally as one of the few national examples of a firewall in policing. Awareness of it among migrants and officers still varies from region to region.',
    evaluation:
      'A study commissioned by the authorities and reports by civil society looked at how the rule is applied and how migrants perceive it. They found that it is generally respected, but that many migrants still do not know about it and that some reports still led to status checks.',
    evidenceLevel: 'external',
    recommendations:
      'Make the rule explicit in police instructions and train every officer who takes reports. Work with trusted organisations that can accompany victims and inform communities. Record how often the rule is used and any breaches of it, and publish the figures.',
    dimensions: ['legal_political'],
    pillars: ['civism_citizenship'],
    topics: ['human_rights_law', 'equal_access', 'governance', 'gender', 'work'],
    targetGroups: ['undocumented_migrants', 'women', 'workers'],
    gcmObjectives: ['gcm07', 'gcm15', 'gcm10'],
    sdgTargets: ['sdg_5_2', 'sdg_8_7', 'sdg_10_7'],
    organisations: [
      { name: 'Politie – Netherlands Police', stakeholderType: 'national_government', role: 'implementing' },
      { name: 'PICUM – Platform for International Cooperation on Undocumented Migrants', stakeholderType: 'civil_society', role: 'partner' },
      { name: 'Victim-support services and migrant organisations', stakeholderType: 'civil_society', role: 'partner' },
    ],
    countries: ['NL'],
    city: { name: 'Amsterdam', country: 'NL', latitude: 52.3676, longitude: 4.9041 },
    scale: 'national',
    startDate: '2015-01-01',
    endDate: null,
    ongoing: true,
    fundingSource: 'Regular police budget; no dedicated funding',
    budgetAmount: null,
    budgetCurrency: null,
    links: [
      { url: 'https://www.politie.nl', label: 'Politie' },
      { url: 'https://picum.org', label: 'PICUM' },
    ],
    contact: { name: 'Femke de Vries', email: 'femke.devries@example.org', public: false },
    adaptedFromSlug: null,
    lastConfirmedAt: '2026-01-20',
  },
  {
    slug: 'amman-community-mediators',
    authorEmail: 'amman@bridges.example',
    status: 'published',
    publishedAt: '2025-04-14T07:30:00Z',
    language: 'ar',
    title: 'وسطاء مجتمعيون بين اللاجئين والمجتمع المضيف في شرق عمّان',
    summary:
      'شبكة من الوسطاء المجتمعيين، من اللاجئين ومن سكان الأحياء المضيفة، يعملون في المدارس والمراكز الصحية وأحياء شرق عمّان لتيسير التواصل مع الخدمات العامة ومنع النزاعات بين الجيران. استلهمت المبادرة نموذج الوسطاء بين الثقافات في البلديات البرتغالية وكيّفته مع سياق اللجوء في الأردن.',
    background:
      'تستضيف عمّان أعداداً كبيرة من اللاجئين السوريين والعراقيين واليمنيين والسودانيين، يعيش معظمهم خارج المخيمات في أحياء مكتظة إلى جانب أسر أردنية محدودة الدخل. وقد أدى الضغط على المدارس والمراكز الصحية وسوق الإيجارات إلى توترات وشائعات متبادلة. وبعد اطلاع الشبكة على تجربة الوسطاء في البرتغال، قررت تدريب وسطاء من الطرفين بدلاً من وسطاء من جهة واحدة.',
    activities:
      'يتلقى الوسطاء تدريباً مدته ستة أسابيع على الإصغاء والوساطة وحقوق اللاجئين وطريقة عمل الخدمات العامة، ثم يعملون في ثنائيات تضم لاجئاً وأردنياً. يرافقون الأسر في تسجيل الأطفال في المدارس وفي مواعيد المراكز الصحية، ويعقدون جلسات حوار شهرية في الأحياء، ويتدخلون في الخلافات حول الإيجار والمياه والضجيج قبل أن تتفاقم. كما يرفعون إلى الشركاء تقارير شهرية عن العوائق المتكررة.',
    participants:
      'أسر لاجئة وأسر أردنية في أحياء شرق عمّان، مع اهتمام خاص بالنساء والشباب. يعمل في الشبكة أربعة وعشرون وسيطاً ووسيطة، نصفهم من اللاجئين، بالتعاون مع مدارس حكومية ومراكز صحية ولجان أحياء.',
    peopleReached: 3200,
    outcomes:
      'رافق الوسطاء نحو 3200 شخص خلال العامين الأولين، وسُوّي أكثر من 180 نزاعاً بين الجيران أو بين المستأجرين والمالكين دون اللجوء إلى الشرطة. وأفادت المدارس الشريكة بتراجع حالات التسرب بين الأطفال اللاجئين، وباتت لجان الأحياء تدعو الوسطاء إلى اجتماعاتها بانتظام.',
    evaluation:
      'تعتمد الشبكة على سجلات الحالات واستبيان قصير تملؤه الأسر بعد كل مرافقة، إضافة إلى جلسات مراجعة فصلية مع الوسطاء. ولم يُجرَ حتى الآن تقييم خارجي، ولا تتوفر مقارنة مع أحياء لا يعمل فيها وسطاء.',
    evidenceLevel: 'self_assessment',
    recommendations:
      'يبني العمل بثنائيات مختلطة من اللاجئين والسكان المضيفين الثقة لدى الطرفين، ويحمي الوسطاء من تهمة الانحياز. ينبغي الاتفاق كتابةً مع المدارس والمراكز الصحية على دور الوسيط منذ البداية. ويُستحسن منح الوسطاء مكافأة منتظمة بدلاً من الاعتماد على العمل التطوعي وحده.',
    dimensions: ['cultural', 'socio_economic'],
    pillars: ['intercultural_dialogue', 'language_communication'],
    topics: [
      'mediation_interpretation',
      'community_building',
      'crisis_conflict_management',
      'prevention_of_polarisation',
      'equal_access',
      'education',
    ],
    targetGroups: ['refugees_asylum_seekers', 'host_communities', 'women', 'youth'],
    gcmObjectives: ['gcm16', 'gcm15', 'gcm07'],
    sdgTargets: ['sdg_10_7'],
    organisations: [
      { name: 'شبكة الوساطة المجتمعية', stakeholderType: 'civil_society', role: 'implementing' },
      { name: 'مدارس حكومية ومراكز صحية في شرق عمّان', stakeholderType: 'national_government', role: 'partner' },
      { name: 'لجان الأحياء', stakeholderType: 'civil_society', role: 'partner' },
    ],
    countries: ['JO'],
    city: { name: 'Amman', country: 'JO', latitude: 31.9539, longitude: 35.9106 },
    scale: 'local',
    startDate: '2023-02-01',
    endDate: null,
    ongoing: true,
    fundingSource: 'منح من مؤسسات خاصة ومساهمات عينية من الشركاء',
    budgetAmount: 60000,
    budgetCurrency: 'JOD',
    links: [],
    contact: { name: 'سلمى العمري', email: 'salma.alomari@example.org', public: true },
    adaptedFromSlug: 'mediadores-interculturais-servicos-publicos',
    lastConfirmedAt: '2026-08-01',
  },
  {
    slug: 'campana-somos-carecen',
    authorEmail: 'quito@bridges.example',
    status: 'published',
    publishedAt: '2025-06-30T16:40:00Z',
    language: 'es',
    title: 'Campaña SOMOS: voces migrantes y juveniles ante las autoridades municipales',
    summary:
      'SOMOS es una campaña del Central American Resource Center (CARECEN) que une arte, relatos personales e incidencia política para que las voces de las personas migrantes, y en especial de sus hijas e hijos, pesen en las decisiones de la ciudad. Se presentó como ejemplo en una mesa redonda del Foro Mundial sobre Migración y Desarrollo dedicada a las campañas contra la xenofobia.',
    background:
      'Las familias centroamericanas de la ciudad vivían en un clima de miedo y de discursos hostiles, y sus preocupaciones apenas llegaban a los responsables municipales. Las campañas de sensibilización habituales hablaban de las personas migrantes sin darles la palabra. CARECEN buscó una campaña que no solo cambiara percepciones, sino que obtuviera políticas municipales concretas.',
    activities:
      'Jóvenes hijos de migrantes y jóvenes de otros barrios participaron en talleres de narración, fotografía, muralismo y vídeo, y crearon obras sobre sus familias y su ciudad. Las obras se expusieron en espacios públicos y se difundieron en redes sociales. Al mismo tiempo, las familias prepararon testimonios y propuestas que presentaron en audiencias ante el concejo municipal y las oficinas de la ciudad.',
    participants:
      'Familias migrantes centroamericanas, muchas de ellas de estatus mixto, y jóvenes de la ciudad, tanto hijos de migrantes como de familias establecidas. Colaboraron artistas locales, escuelas, organizaciones comunitarias y personal de la administración municipal.',
    peopleReached: 12000,
    outcomes:
      'Unas 12.000 personas vieron las exposiciones y actividades, y decenas de jóvenes hablaron por primera vez ante autoridades municipales. La campaña contribuyó a que la ciudad ampliara la financiación de servicios jurídicos y de información para familias inmigrantes. Varios de los jóvenes participantes siguen activos en organizaciones comunitarias.',
    evaluation:
      'CARECEN siguió la participación, la cobertura en medios y las decisiones municipales relacionadas con las propuestas de la campaña. Se trata de una autoevaluación: el cambio de actitudes del público no se midió de forma sistemática.',
    evidenceLevel: 'self_assessment',
    recommendations:
      'Unir la sensibilización a objetivos de política local claros y medibles. Dar protagonismo a la juventud y al arte, que abren espacios a los que los discursos oficiales no llegan. Preparar a las familias antes de las audiencias públicas y protegerlas de una exposición mediática que no deseen.',
    dimensions: ['cultural', 'legal_political'],
    pillars: ['civism_citizenship', 'intercultural_dialogue'],
    topics: ['awareness_campaigns', 'public_perceptions', 'youth', 'visual_arts', 'anti_discrimination', 'cities_local_government', 'empowerment'],
    targetGroups: ['youth', 'families', 'undocumented_migrants'],
    gcmObjectives: ['gcm17', 'gcm16'],
    sdgTargets: ['sdg_10_7'],
    organisations: [
      { name: 'Central American Resource Center (CARECEN)', stakeholderType: 'migrant_diaspora_organisation', role: 'implementing' },
      { name: 'Artistas y colectivos culturales locales', stakeholderType: 'civil_society', role: 'partner' },
    ],
    countries: ['US'],
    city: { name: 'San Francisco', country: 'US', latitude: 37.7749, longitude: -122.4194 },
    scale: 'local',
    startDate: '2016-09-01',
    endDate: '2018-12-31',
    ongoing: false,
    fundingSource: 'Fundaciones privadas y donaciones de la comunidad',
    budgetAmount: 75000,
    budgetCurrency: 'USD',
    links: [{ url: 'https://www.gfmd.org', label: 'Foro Mundial sobre Migración y Desarrollo' }],
    contact: { name: 'Gabriela Menjívar', email: 'gabriela.menjivar@example.org', public: true },
    adaptedFromSlug: null,
    lastConfirmedAt: null,
  },
  {
    slug: 'forim-dix-idees-recues-migrations',
    authorEmail: 'diaspora@bridges.example',
    status: 'published',
    publishedAt: '2025-09-15T09:15:00Z',
    language: 'fr',
    title: 'Dix idées reçues sur les migrations : une campagne pour les pays d’accueil et d’origine',
    summary:
      'Le Forum des organisations de solidarité internationale issues des migrations (FORIM) a conçu une campagne d’information qui répond, chiffres à l’appui, à dix idées reçues sur les migrations. Sa particularité : elle s’adresse à la fois au public et aux autorités en France et aux habitants des pays d’origine, où circulent aussi des représentations fausses de la vie des migrants.',
    background:
      'Les organisations de la diaspora constataient que les préjugés sur les migrations ne s’arrêtent pas aux pays d’accueil : dans les pays d’origine aussi, l’émigration est entourée de mythes, de réussite facile ou d’échec honteux. Les messages de la campagne sont nés d’un travail commun avec les organisations de la société civile réunies aux journées de la société civile du Forum mondial sur la migration et le développement. Une large alliance de partenaires, dont le réseau des collectivités françaises engagées à l’international, s’est associée à la diffusion.',
    activities:
      'La campagne présente dix idées reçues et, pour chacune, des chiffres et des sources vérifiables, sous forme de fiches, d’affiches, de vidéos courtes et de kits d’animation. Les associations membres du FORIM organisent des débats en France, et leurs partenaires dans les pays d’origine adaptent les messages en langues locales, à la radio et lors de réunions de village. Des villes partenaires relaient la campagne dans leurs équipements et leurs publications.',
    participants:
      'Des centaines d’associations de migrants membres du FORIM, regroupées en plateformes, et leurs partenaires dans les pays d’origine, notamment au Sénégal et au Mali. Des collectivités locales françaises, des organisations de la société civile et des médias communautaires ont participé à la diffusion.',
    peopleReached: 220000,
    outcomes:
      'La campagne a touché environ 220 000 personnes par les réseaux sociaux, les débats et les radios communautaires. Elle a donné aux associations et aux élus locaux un argumentaire commun fondé sur les faits. Présentée lors d’une table ronde du Forum mondial, son approche à double public a retenu l’attention des gouvernements comme de la société civile.',
    evaluation:
      'Le FORIM a suivi la diffusion (vues, partages, nombre de débats) et recueilli les retours des associations relais. Il s’agit d’une auto-évaluation : l’effet sur les opinions n’a pas été mesuré par enquête.',
    evidenceLevel: 'self_assessment',
    recommendations:
      'Adresser des messages adaptés à chaque public, y compris dans les pays d’origine, à toutes les étapes du parcours migratoire. Appuyer chaque message sur des données vérifiables et citer les sources. Chercher à convaincre au-delà des convaincus, en allant là où les discours discriminatoires trouvent un écho, avec les villes comme relais de proximité.',
    dimensions: ['cultural'],
    pillars: ['intercultural_dialogue', 'civism_citizenship'],
    topics: ['awareness_campaigns', 'public_perceptions', 'anti_discrimination', 'media_diversity', 'migration_integration_policy'],
    targetGroups: ['host_communities', 'diaspora', 'returnees'],
    gcmObjectives: ['gcm17', 'gcm03', 'gcm19'],
    sdgTargets: ['sdg_10_7'],
    organisations: [
      {
        name: 'Forum des organisations de solidarité internationale issues des migrations (FORIM)',
        stakeholderType: 'migrant_diaspora_organisation',
        role: 'implementing',
      },
      { name: 'Cités Unies France', stakeholderType: 'local_government', role: 'partner' },
      {
        name: 'Organisations des journées de la société civile du Forum mondial sur la migration et le développement',
        stakeholderType: 'civil_society',
        role: 'partner',
      },
    ],
    countries: ['FR', 'SN', 'ML'],
    city: { name: 'Paris', country: 'FR', latitude: 48.8566, longitude: 2.3522 },
    scale: 'transnational',
    startDate: '2017-06-01',
    endDate: '2019-12-31',
    ongoing: false,
    fundingSource: 'Subventions publiques et fondations',
    budgetAmount: 95000,
    budgetCurrency: 'EUR',
    links: [
      { url: 'https://www.forim.net', label: 'FORIM' },
      { url: 'https://cites-unies-france.org', label: 'Cités Unies France' },
    ],
    contact: { name: 'Aminata Diallo', email: 'aminata.diallo@example.org', public: true },
    adaptedFromSlug: null,
    lastConfirmedAt: null,
  },
  {
    slug: 'nyc-immigrant-heritage-week',
    authorEmail: 'chair@bridges.example',
    status: 'published',
    publishedAt: '2026-04-21T14:30:00Z',
    language: 'en',
    title: 'Immigrant Heritage Week in New York City',
    summary:
      'Every April, New York City celebrates its immigrant communities with a week of free events across the five boroughs, organised by the Mayor’s Office of Immigrant Affairs with cultural institutions, libraries and community groups. The week is timed to the anniversary of the busiest day in the history of Ellis Island.',
    background:
      'More than a third of New Yorkers were born abroad, yet their histories were largely absent from the city’s official celebrations, and hostility towards immigrants rises and falls with national politics. The city created the week in 2004 to recognise immigrants as part of its identity, and to connect them with city services at the same time.',
    activities:
      'Museums, libraries, schools and community organisations host concerts, film screenings, storytelling evenings, walking tours and citizenship information sessions, all listed in one calendar. City agencies use the week to promote services such as free legal screenings, language access and the municipal identity card. Residents are invited to share their family’s migration story online and at events.',
    participants:
      'Immigrant New Yorkers of every origin and their neighbours, students and families. Dozens of cultural institutions, public libraries, consulates, community organisations and city agencies co-organise events.',
    peopleReached: 50000,
    outcomes:
      'The week now brings together well over a hundred events and tens of thousands of participants each year, about 50,000 in the latest edition. Libraries and community organisations report more questions about citizenship and legal services in the following weeks. Other US cities hold similar weeks, and a national immigrant heritage month is now celebrated each June.',
    evaluation:
      'The Mayor’s Office counts events and participants and surveys partner organisations after each edition. There is no independent evaluation of the effect on attitudes or on the use of services.',
    evidenceLevel: 'internal',
    recommendations:
      'Let community organisations shape the programme, and keep events free and spread across neighbourhoods. Use the visibility of the week to connect people with concrete services. Invite long-established residents as well as immigrants, so that the celebration reaches beyond the already convinced.',
    dimensions: ['cultural'],
    pillars: ['intercultural_dialogue', 'civism_citizenship'],
    topics: ['culture_diversity', 'public_perceptions', 'community_building', 'cities_local_government', 'intercultural_outreach', 'awareness_campaigns'],
    targetGroups: ['host_communities', 'families', 'diaspora'],
    gcmObjectives: ['gcm16', 'gcm17'],
    sdgTargets: ['sdg_10_7'],
    organisations: [
      { name: 'New York City Mayor’s Office of Immigrant Affairs', stakeholderType: 'local_government', role: 'implementing' },
      { name: 'Public libraries and cultural institutions of New York', stakeholderType: 'civil_society', role: 'partner' },
    ],
    countries: ['US'],
    city: { name: 'New York', country: 'US', latitude: 40.7128, longitude: -74.006 },
    scale: 'local',
    startDate: '2004-04-17',
    endDate: null,
    ongoing: true,
    fundingSource: 'City budget and in-kind contributions from partners (annual budget)',
    budgetAmount: 150000,
    budgetCurrency: 'USD',
    links: [{ url: 'https://www.nyc.gov', label: 'City of New York' }],
    contact: { name: 'Grace Liang', email: 'grace.liang@example.org', public: false },
    adaptedFromSlug: null,
    lastConfirmedAt: '2026-04-30',
  },
  {
    slug: 'talleres-periodistas-migraciones-andalucia',
    authorEmail: 'quito@bridges.example',
    status: 'submitted',
    publishedAt: '2026-10-28T10:00:00Z',
    language: 'es',
    title: 'Talleres para periodistas sobre el tratamiento informativo de las migraciones en Andalucía',
    summary:
      'Andalucía Acoge y varias universidades andaluzas organizan talleres para periodistas en activo y estudiantes de comunicación sobre cómo informar de las migraciones con rigor. Los talleres tratan la mención innecesaria del origen en noticias negativas, el lenguaje, las fuentes y la manera de encontrar historias relevantes protagonizadas por personas migrantes.',
    background:
      'Los análisis de prensa mostraban que el origen de las personas se mencionaba sobre todo en noticias de sucesos, mientras que en las noticias positivas se las presentaba simplemente como nuevos ciudadanos. Al mismo tiempo, responsables de informativos afirmaban que publicarían historias positivas si las organizaciones supieran ofrecérselas. Los talleres responden a ambas cosas: forman a periodistas y enseñan a las ONG a trabajar con los medios.',
    activities:
      'Cada taller dura dos jornadas y combina el análisis de noticias reales, recomendaciones de estilo y encuentros con personas migrantes que cuentan su experiencia con los medios. Una parte se dirige a asociaciones y ONG, que aprenden a preparar notas de prensa, proponer temas y facilitar portavoces. Los talleres se completan con asignaturas optativas sobre comunicación y migraciones en las universidades de Málaga y Cádiz.',
    participants:
      'Periodistas de prensa, radio y televisión locales y regionales, estudiantes de periodismo y comunicación, y personal de asociaciones de inmigrantes y ONG. Intervienen profesorado universitario y personas migrantes con experiencia como fuentes o como profesionales de los medios.',
    peopleReached: 640,
    outcomes:
      'Unas 640 personas han pasado por los talleres, entre ellas más de 200 periodistas en activo. Varias redacciones locales han adoptado recomendaciones de estilo sobre la mención del origen. Las asociaciones participantes consiguen publicar más reportajes propuestos por ellas mismas.',
    evaluation:
      'Al final de cada taller se pasa un cuestionario de satisfacción y de conocimientos, y se sigue de manera informal lo que publican quienes participaron. Todavía no hay un análisis sistemático de la cobertura antes y después.',
    evidenceLevel: 'self_assessment',
    recommendations:
      'Invitar a jefes de redacción y no solo a redactores, porque son quienes deciden qué se publica. Formar también a las ONG para que ofrezcan historias atractivas y portavoces preparados. Acordar con las universidades un análisis periódico de la cobertura para medir los cambios.',
    dimensions: ['cultural'],
    pillars: ['language_communication', 'intercultural_dialogue'],
    topics: ['media_diversity', 'public_perceptions', 'training', 'anti_discrimination', 'prevention_of_polarisation'],
    targetGroups: ['host_communities', 'students'],
    gcmObjectives: ['gcm17'],
    sdgTargets: ['sdg_10_7'],
    organisations: [
      { name: 'Andalucía Acoge', stakeholderType: 'civil_society', role: 'implementing' },
      { name: 'Universidad de Málaga', stakeholderType: 'academia', role: 'partner' },
      { name: 'Universidad de Cádiz', stakeholderType: 'academia', role: 'partner' },
    ],
    countries: ['ES'],
    city: { name: 'Sevilla', country: 'ES', latitude: 37.3891, longitude: -5.9845 },
    scale: 'regional',
    startDate: '2006-02-01',
    endDate: null,
    ongoing: true,
    fundingSource: 'Subvenciones autonómicas y aportaciones de las universidades (presupuesto anual)',
    budgetAmount: 18000,
    budgetCurrency: 'EUR',
    links: [
      { url: 'https://acoge.org', label: 'Andalucía Acoge' },
      { url: 'https://www.uma.es', label: 'Universidad de Málaga' },
    ],
    contact: { name: 'Javier Ortega', email: 'javier.ortega@example.org', public: false },
    adaptedFromSlug: null,
    lastConfirmedAt: '2026-10-01',
  },
  {
    slug: 'acolhimento-criancas-migrantes-escolas',
    authorEmail: 'lisboa@bridges.example',
    status: 'draft',
    publishedAt: '2026-11-02T17:20:00Z',
    language: 'pt',
    title: 'Acolhimento de crianças migrantes nas escolas: português língua não materna e tutoria entre colegas',
    summary:
      'Escolas de Lisboa e da Amadora acolhem os alunos recém-chegados com um plano individual que combina aulas de português língua não materna, tutoria por colegas e ligação regular às famílias através de mediadores. O objetivo é que a criança acompanhe a turma desde o primeiro dia, em vez de ficar meses à espera de dominar a língua.',
    background:
      'O número de alunos estrangeiros nas escolas públicas portuguesas cresceu muito na última década, com crianças vindas do Brasil, dos países africanos de língua portuguesa, do Sul da Ásia e da Ucrânia. Muitos chegam a meio do ano letivo, sem documentos escolares e sem falar português, e a resposta variava de escola para escola. Uma rede de agrupamentos decidiu documentar e harmonizar as suas práticas de acolhimento.',
    activities:
      'À chegada, cada aluno faz uma avaliação de competências na sua língua e em português e recebe um plano de acolhimento. Frequenta aulas de português língua não materna num grupo do seu nível, mantendo-se na turma nas outras disciplinas, e é acompanhado por um colega tutor. Mediadores interculturais fazem a ponte com as famílias, convidadas para sessões sobre o funcionamento da escola.',
    participants:
      'Crianças e jovens recém-chegados, dos 6 aos 18 anos, e as suas famílias. Do lado da escola participam professores de português língua não materna, diretores de turma e colegas tutores, com o apoio dos mediadores interculturais dos municípios.',
    peopleReached: 1500,
    outcomes:
      'Em três anos letivos, cerca de 1500 alunos foram acolhidos com um plano individual nas escolas da rede. A maioria atinge ao fim de um ano um nível de português que lhe permite acompanhar as aulas. Este registo ainda é um rascunho: faltam os dados de sucesso escolar do último ano.',
    evaluation:
      'As escolas registam o nível de português à entrada e no fim de cada período, bem como as taxas de transição de ano. Está prevista uma análise conjunta com uma universidade para comparar estes alunos com os acolhidos antes da criação da rede.',
    evidenceLevel: 'internal',
    recommendations:
      'Manter o aluno na turma desde o início e dar o apoio linguístico em paralelo. Avaliar as competências também na língua de origem, e não apenas em português. Envolver as famílias logo na primeira semana, com intérprete ou mediador.',
    dimensions: ['socio_economic', 'cultural'],
    pillars: ['language_communication', 'intercultural_dialogue'],
    topics: ['education', 'youth', 'mediation_interpretation', 'equal_access'],
    targetGroups: ['children', 'unaccompanied_minors', 'families', 'students'],
    gcmObjectives: ['gcm15', 'gcm16'],
    sdgTargets: ['sdg_10_7'],
    organisations: [
      { name: 'Rede de agrupamentos de escolas de Lisboa e da Amadora', stakeholderType: 'national_government', role: 'implementing' },
      { name: 'Direção-Geral da Educação', stakeholderType: 'national_government', role: 'partner' },
    ],
    countries: ['PT'],
    city: { name: 'Lisboa', country: 'PT', latitude: 38.7223, longitude: -9.1393 },
    scale: 'regional',
    startDate: '2023-09-01',
    endDate: null,
    ongoing: true,
    fundingSource: 'Orçamentos das escolas e fundos europeus',
    budgetAmount: 210000,
    budgetCurrency: 'EUR',
    links: [{ url: 'https://www.dge.mec.pt', label: 'Direção-Geral da Educação' }],
    contact: { name: 'Inês Barbosa', email: 'ines.barbosa@example.org', public: false },
    adaptedFromSlug: null,
    lastConfirmedAt: '2026-10-15',
  },
  {
    slug: 'australia-social-cohesion-grants',
    authorEmail: 'amman@bridges.example',
    status: 'submitted',
    publishedAt: '2026-11-12T08:00:00Z',
    language: 'en',
    title: 'Targeted grants for social cohesion in communities at risk',
    summary:
      'Australia funds local projects in communities where tension, isolation or discrimination puts social cohesion at risk. The grants are one part of an approach that joins anti-discrimination law, settlement services and a clear statement of shared rights and responsibilities, and they go to community organisations for mentoring, sport, dialogue and leadership programmes.',
    background:
      'Close to a third of Australians were born overseas, and the country credits its multicultural model with much of its prosperity. Yet some neighbourhoods and groups, often young people from recently arrived communities, face discrimination and exclusion that can feed conflict. The government chose to complement its laws and services with funding for trusted local organisations that can reach these groups.',
    activities:
      'Community organisations apply for grants of one to three years to run projects such as youth mentoring, mixed sports leagues, women’s leadership programmes, interfaith dialogue and responses to local incidents. Projects are selected against published criteria and must involve both newer and long-established residents. Grantees receive training and join a network to exchange methods.',
    participants:
      'Young people, women and families from recently arrived communities, including refugees, together with long-established residents of the same areas. Community, sporting and faith-based organisations run the projects with local councils.',
    peopleReached: 60000,
    outcomes:
      'Funded projects have reached around 60,000 people, and many organisations have built lasting partnerships with councils and police. Projects working through sport and mentoring reported the clearest gains in young participants’ sense of belonging. Some projects stopped when funding ended, which shows the limits of short grants.',
    evaluation:
      'An independent evaluation of the grant programme reviewed project reports, participant surveys and interviews with grantees and councils. It found positive short-term effects on belonging and trust, but little evidence of lasting effects once funding ended.',
    evidenceLevel: 'external',
    recommendations:
      'Fund organisations that communities already trust rather than creating new ones. Give multi-year grants and plan with councils how successful projects will continue. Enforce equal-opportunity and anti-discrimination law firmly alongside the grants, so that cohesion does not rest on projects alone.',
    dimensions: ['cultural', 'socio_economic'],
    pillars: ['intercultural_dialogue', 'civism_citizenship'],
    topics: ['community_building', 'prevention_of_polarisation', 'anti_discrimination', 'governance', 'youth', 'migration_integration_policy'],
    targetGroups: ['youth', 'women', 'refugees_asylum_seekers', 'host_communities'],
    gcmObjectives: ['gcm16', 'gcm17'],
    sdgTargets: ['sdg_10_7'],
    organisations: [
      { name: 'Australian Government – Department of Home Affairs', stakeholderType: 'national_government', role: 'implementing' },
      { name: 'Community, sporting and faith-based organisations', stakeholderType: 'civil_society', role: 'partner' },
      { name: 'Local councils', stakeholderType: 'local_government', role: 'partner' },
    ],
    countries: ['AU'],
    city: { name: 'Canberra', country: 'AU', latitude: -35.2809, longitude: 149.13 },
    scale: 'national',
    startDate: '2017-07-01',
    endDate: null,
    ongoing: true,
    fundingSource: 'Federal budget (four-year allocation)',
    budgetAmount: 14000000,
    budgetCurrency: 'AUD',
    links: [{ url: 'https://www.homeaffairs.gov.au', label: 'Department of Home Affairs' }],
    contact: { name: 'Liam Carter', email: 'liam.carter@example.org', public: false },
    adaptedFromSlug: null,
    lastConfirmedAt: '2026-07-01',
  },
];
