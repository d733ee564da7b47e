import type { ResourceType } from '../model.ts';

/** A demo resource as a member would have submitted it, plus where the demo loader places it. */
export interface DemoResource {
  slug: string; // lowercase-hyphenated, unique, at most 80 characters
  authorEmail: string; // a demo member in features/demo/content.ts (never the admin or an editor)
  type: ResourceType;
  title: string; // the title as listed by the online community
  summary: string; // 2-3 sentences, at most 600 characters
  body: string; // Markdown, 1-3 short paragraphs, may use a list; no HTML
  url: string | null; // home page of the publisher, when it is a well-known one
  publisher: string; // publisher or author organisation
  year: number;
  language: string; // ISO 639-1
  countries: string[]; // ISO 3166-1 alpha-2 codes it is about ([] if global)
  topics: string[]; // 1-4 codes of the 'topic' vocabulary
  targetGroups: string[]; // 0-3 codes of the 'target_group' vocabulary
  relatedPractices: string[]; // 0-2 slugs of demo practices in features/practices/demo/practices.ts
  status: 'published' | 'submitted';
  publishedAt: string; // ISO instant: publication time, or submission time for a submitted entry
}

/**
 * The Resources library ("news, research, tools and guidelines") of the UNAOC/IOM online community
 * on migration and integration, one entry for each item in its Resources list. Titles are those of
 * the list; publishers and years are what the items point to. Summaries and bodies are written for
 * the demo: they describe what each publication covers and quote no official figures. Each entry
 * is written in the language it would have been published in.
 */
export const DEMO_RESOURCES: readonly DemoResource[] = [
  {
    slug: 'eu-arab-mediterranean-unemployment-migration',
    authorEmail: 'amman@bridges.example',
    type: 'report',
    title: 'EU: Arab Mediterranean Challenges – Unemployment & Migration',
    summary:
      'A study of labour markets in the Arab Mediterranean partner countries of the European Union and of how joblessness, above all among young and educated people, feeds emigration towards Europe and the Gulf. It looks at what drives departures, what remittances and returns change at home, and where cooperation between the two shores of the Mediterranean could help.',
    body:
      'The publication brings together country chapters and a regional overview. It describes fast-growing working-age populations, large informal sectors, low participation of women in paid work and long waits for a first job, and it reads emigration as one of the ways households cope with these pressures.\n\n' +
      'For integration practitioners in Europe it is useful background on who arrives from the southern shore and why: many newcomers are young, a good share are qualified, and many end up working below their skills. The authors discuss temporary and circular schemes, recognition of qualifications and the role of diasporas, while noting that migration alone cannot close the region’s employment gap.',
    url: 'https://ec.europa.eu/',
    publisher: 'European Commission, Directorate-General for Economic and Financial Affairs',
    year: 2010,
    language: 'en',
    countries: ['DZ', 'EG', 'JO', 'LB', 'MA', 'SY', 'TN'],
    topics: ['employment', 'migration_integration_policy', 'youth'],
    targetGroups: ['workers', 'youth'],
    relatedPractices: [],
    status: 'published',
    publishedAt: '2024-01-09T10:15:00Z',
  },
  {
    slug: 'singapore-un-special-rapporteur-racism-xenophobia',
    authorEmail: 'chair@bridges.example',
    type: 'report',
    title: 'Singapore: UN Special Report on racism & xenophobia',
    summary:
      'The findings of the UN Special Rapporteur on contemporary forms of racism, racial discrimination, xenophobia and related intolerance after an official visit to Singapore. The report acknowledges the policies that keep peace between the country’s ethnic and religious communities, then turns to the situation of low-wage foreign workers and migrant domestic workers.',
    body:
      'The Special Rapporteur met ministries, community bodies, civil society and migrants. His account describes a society with strong institutions for inter-ethnic harmony, and asks whether the same attention reaches the large temporary workforce on which construction, shipyards and households depend.\n\n' +
      'The recommendations concern:\n\n' +
      '- labour protection for domestic workers, including rest days and recourse against abusive employers;\n' +
      '- the safeguards around work permits that tie a worker to a single employer;\n' +
      '- public attitudes towards foreign workers and new immigrants, and the part that schools and media play in shaping them.\n\n' +
      'It is a good example of how the UN human-rights system examines a country often cited as a success in managing diversity.',
    url: 'https://www.ohchr.org/',
    publisher: 'Office of the United Nations High Commissioner for Human Rights (OHCHR)',
    year: 2010,
    language: 'en',
    countries: ['SG'],
    topics: ['anti_discrimination', 'human_rights_law', 'ethnic_relations', 'work'],
    targetGroups: ['workers', 'women'],
    relatedPractices: [],
    status: 'published',
    publishedAt: '2024-02-06T14:30:00Z',
  },
  {
    slug: 'turkey-lobbies-rights-migrants-europe',
    authorEmail: 'amman@bridges.example',
    type: 'news',
    title: 'Turkey lobbies for rights of migrants in Europe',
    summary:
      'تقرير إخباري عن تحرّك الحكومة التركية لدى العواصم الأوروبية دفاعاً عن حقوق المهاجرين الأتراك وذوي الأصول التركية في أوروبا. يتناول التقرير الدعوة إلى الاندماج دون الذوبان، وتعلّم لغة البلد المضيف مع الحفاظ على اللغة الأم، وشروط التأشيرات، والتمييز في العمل والسكن.',
    body:
      'يرصد التقرير خطابات ولقاءات لمسؤولين أتراك مع الجاليات التركية في ألمانيا ودول أوروبية أخرى، يدعون فيها إلى المشاركة الكاملة في الحياة العامة والسياسية وتعلّم لغة البلد المضيف، مع رفض ما يعتبرونه ضغوطاً نحو الذوبان الثقافي.\n\n' +
      'كما يعرض مواقف الحكومات الأوروبية المتباينة من هذا التحرّك: فبعضها يراه دعماً للاندماج، وبعضها يخشى أن يُبقي الجاليات مشدودة إلى سياسة بلد الأصل. ويفيد التقرير العاملين في مجال الاندماج في فهم الدور المتزايد لبلدان المنشأ في حياة جالياتها في الخارج.',
    url: 'https://www.aljazeera.net/',
    publisher: 'الجزيرة نت',
    year: 2010,
    language: 'ar',
    countries: ['TR', 'DE'],
    topics: ['migration_integration_policy', 'citizenship_regularisation', 'anti_discrimination'],
    targetGroups: ['diaspora', 'workers'],
    relatedPractices: [],
    status: 'published',
    publishedAt: '2024-03-04T08:45:00Z',
  },
  {
    slug: 'five-myths-about-immigration',
    authorEmail: 'diaspora@bridges.example',
    type: 'news',
    title: '5 Myths about immigration',
    summary:
      'An opinion piece in the newspaper’s “Five myths” series that takes common beliefs about immigration in the United States and sets each against what research shows. It deals with questions such as jobs and wages, public finances, crime, language learning and the idea that today’s newcomers integrate more slowly than earlier waves.',
    body:
      'The format is short and direct: each myth is stated in the words people use, then answered with evidence from economists, demographers and historians. The piece does not deny that immigration has costs for some groups; it argues that the public debate exaggerates them and overlooks the gains.\n\n' +
      'Practitioners who run myth-busting campaigns will find it a compact example of the genre, and a reminder of its limits: facts move the undecided more than those who have already made up their minds. It pairs well with campaigns that speak to audiences in both destination and origin countries.',
    url: 'https://www.washingtonpost.com/',
    publisher: 'The Washington Post',
    year: 2010,
    language: 'en',
    countries: ['US'],
    topics: ['public_perceptions', 'awareness_campaigns', 'media_diversity'],
    targetGroups: ['host_communities'],
    relatedPractices: ['forim-dix-idees-recues-migrations'],
    status: 'published',
    publishedAt: '2024-03-27T16:20:00Z',
  },
  {
    slug: 'iom-report-labour-violations-italy',
    authorEmail: 'diaspora@bridges.example',
    type: 'news',
    title: 'IOM report highlights labor violation laws in Italy',
    summary:
      'IOM news on the situation of African seasonal farm workers in southern Italy after the violence in Rosarno, Calabria, in January 2010. It describes pay far below legal minimums, very long working days and makeshift housing, and the legal counselling through which IOM helped some of the workers obtain residence permits as victims of exploitation.',
    body:
      'The piece draws on interviews that IOM legal staff held with migrants moved to reception and detention centres after the clashes. Their testimonies describe informal recruitment through gang-masters, wages paid by the crate, and the fear of expulsion that keeps undocumented workers from reporting abuse.\n\n' +
      'IOM points to a tool already present in Italian law: a residence permit for social protection, open to victims of serious exploitation. It argues for using it more widely, together with labour inspections and cooperation with anti-trafficking NGOs, so that enforcement targets exploitative employers rather than the workers they exploit.',
    url: 'https://www.iom.int/',
    publisher: 'International Organization for Migration (IOM)',
    year: 2010,
    language: 'en',
    countries: ['IT'],
    topics: ['work', 'human_rights_law', 'citizenship_regularisation'],
    targetGroups: ['workers', 'undocumented_migrants'],
    relatedPractices: ['safe-reporting-irregular-migrants-netherlands'],
    status: 'published',
    publishedAt: '2024-04-22T09:05:00Z',
  },
  {
    slug: 'migrants-right-to-health-south-africa',
    authorEmail: 'amman@bridges.example',
    type: 'research',
    title: 'Migrants Right to Health in South Africa',
    summary:
      'A research brief on the right of migrants, refugees and asylum seekers in South Africa to use public health services, and on the gap between that right and what happens at clinic and hospital counters. It looks at demands for documents, fees, language barriers and hostile treatment, with particular attention to HIV and tuberculosis care.',
    body:
      'South Africa’s Constitution gives everyone a right of access to health care, and national policy allows refugees and asylum seekers to use public services on the same terms as citizens. The brief shows how this is undermined in practice: patients turned away for lacking a particular identity document, charged as foreigners, or met with hostility by staff.\n\n' +
      'The authors argue that excluding migrants is bad public health as well as a rights violation, since interrupted treatment for chronic and infectious diseases affects whole communities. They recommend clear instructions to facility managers, training for front-line staff, interpreters in areas with many migrants, and attention to migration in provincial health planning.',
    url: null,
    publisher: 'Forced Migration Studies Programme, University of the Witwatersrand',
    year: 2010,
    language: 'en',
    countries: ['ZA'],
    topics: ['health', 'equal_access', 'human_rights_law'],
    targetGroups: ['refugees_asylum_seekers', 'undocumented_migrants'],
    relatedPractices: [],
    status: 'published',
    publishedAt: '2024-05-20T11:40:00Z',
  },
  {
    slug: 'doing-business-multicultural-world',
    authorEmail: 'lab@bridges.example',
    type: 'guideline',
    title: 'Doing Business in a Multicultural World: Challenges and Opportunities',
    summary:
      'A publication for companies on how cultural and religious diversity affects the way they hire, manage, market and invest, and on what they can do to support understanding between communities. It sets out the business case for managing diversity well and draws on examples from firms of different sizes and regions.',
    body:
      'The guide speaks to managers rather than specialists. It explains how diverse workforces and customers bring risks, such as misunderstanding, discrimination claims and damage to reputation in tense times, as well as opportunities: new markets, better decisions and access to talent from everywhere.\n\n' +
      'Its practical chapters deal with:\n\n' +
      '- inclusive recruitment and promotion, including of migrant and minority workers;\n' +
      '- accommodating religious practice in the workplace;\n' +
      '- responsible marketing and media content;\n' +
      '- partnerships with communities and civil society on intercultural projects.\n\n' +
      'For integration practitioners it is a ready-made argument when approaching employers as partners.',
    url: 'https://www.unaoc.org/',
    publisher: 'United Nations Alliance of Civilizations and UN Global Compact',
    year: 2009,
    language: 'en',
    countries: [],
    topics: ['culture_diversity', 'employment', 'entrepreneurship', 'anti_discrimination'],
    targetGroups: ['workers'],
    relatedPractices: [],
    status: 'published',
    publishedAt: '2024-06-18T13:25:00Z',
  },
  {
    slug: 'local-dimension-migration-policymaking',
    authorEmail: 'quito@bridges.example',
    type: 'research',
    title: 'The Local Dimension of Migration Policymaking',
    summary:
      'An edited volume of comparative research on how European cities make their own integration policies, sometimes ahead of national governments and sometimes against them. The case studies look at who sets the local agenda, how migrant organisations are involved and why cities with similar populations choose very different approaches.',
    body:
      'The book starts from a simple observation: integration happens in neighbourhoods, schools and job centres, and cities cannot wait for national frameworks to tell them what to do. Its chapters follow local policymaking in cities of several European countries, paying attention to political coalitions, administrative traditions and the weight of local civil society.\n\n' +
      'The comparison undermines the idea of neat national models. Within one country, one city may frame migrants as a security matter while its neighbour treats diversity as an asset. For practitioners working with local authorities it offers a vocabulary to describe these choices, and examples of consultative bodies, intercultural strategies and anti-discrimination offices.',
    url: 'https://www.aup.nl/',
    publisher: 'IMISCOE / Amsterdam University Press',
    year: 2010,
    language: 'en',
    countries: [],
    topics: ['cities_local_government', 'migration_integration_policy', 'governance'],
    targetGroups: [],
    relatedPractices: [],
    status: 'published',
    publishedAt: '2024-07-15T10:00:00Z',
  },
  {
    slug: 'handbook-one-stop-shop-immigrant-integration',
    authorEmail: 'lisboa@bridges.example',
    type: 'handbook',
    title: 'Handbook on how to implement a one-stop-shop for immigrant integration – The Portuguese experience',
    summary:
      'Manual prático, elaborado no âmbito de um projeto europeu, que explica como reunir num único espaço os serviços do Estado e de apoio de que os imigrantes precisam. Parte da experiência dos Centros Nacionais de Apoio ao Imigrante de Lisboa e do Porto e propõe passos, parcerias e cuidados para quem queira adaptar o modelo a outros países.',
    body:
      'O manual começa por definir o que é um balcão único e quais as vantagens de juntar, sob o mesmo teto, serviços como os de estrangeiros e fronteiras, segurança social, finanças, saúde e emprego, ao lado de gabinetes de apoio jurídico, ao reagrupamento familiar e ao reconhecimento de habilitações.\n\n' +
      'Dedica capítulos à coordenação entre organismos públicos, à parceria com as associações de imigrantes e ao papel dos mediadores culturais, recrutados nas próprias comunidades, que recebem as pessoas na sua língua. Termina com orientações sobre condições prévias, custos, formação das equipas e avaliação, e com as dificuldades que podem surgir na criação de um serviço deste tipo.',
    url: null,
    publisher: 'ACIDI – Alto Comissariado para a Imigração e Diálogo Intercultural',
    year: 2009,
    language: 'pt',
    countries: ['PT'],
    topics: ['equal_access', 'governance', 'mediation_interpretation', 'migration_integration_policy'],
    targetGroups: [],
    relatedPractices: ['centros-nacionais-apoio-integracao-migrantes', 'sos-immigrant-helpline-and-telephone-interpreting'],
    status: 'published',
    publishedAt: '2024-08-12T09:30:00Z',
  },
  {
    slug: 'portugal-evaluation-immigrant-support-services',
    authorEmail: 'lisboa@bridges.example',
    type: 'report',
    title: 'Portugal – Evaluation of Immigrant Support Services',
    summary:
      'An evaluation of the support services Portugal offers to immigrants, from the national one-stop centres to the local information network and the telephone helpline. It combines surveys of users, interviews with staff and partner services, and a review of how the services are organised, and ends with recommendations.',
    body:
      'The evaluation asks three questions: do immigrants know about the services, do the services solve the problems people bring to them, and do the different public bodies really work together behind the counter? Among the aspects examined are reception in the user’s own language by cultural mediators, the possibility of settling several procedures in one visit, waiting times at busy periods and the consistency of information between offices.\n\n' +
      'The recommendations deal with the staffing and training of mediators, information systems shared between partner services, closer links with municipalities and immigrant associations, and regular monitoring. It is a rare case of a government integration service opening itself to systematic assessment.',
    url: null,
    publisher: 'ACIDI – High Commission for Immigration and Intercultural Dialogue',
    year: 2009,
    language: 'en',
    countries: ['PT'],
    topics: ['equal_access', 'governance', 'mediation_interpretation'],
    targetGroups: [],
    relatedPractices: ['centros-nacionais-apoio-integracao-migrantes'],
    status: 'published',
    publishedAt: '2024-09-09T15:10:00Z',
  },
  {
    slug: 'miti-case-study-integration-portugal',
    authorEmail: 'lisboa@bridges.example',
    type: 'research',
    title: 'MITI – A case study on integration in Portugal',
    summary:
      'Estudo de caso português do projeto europeu MITI (Migrants’ Integration Territorial Index), que procurou medir o grau de integração dos imigrantes a nível nacional e regional com indicadores comparáveis entre países. Apresenta as fontes estatísticas disponíveis em Portugal, os índices testados e as leituras que permitem sobre distritos e áreas metropolitanas.',
    body:
      'O projeto reuniu parceiros de Itália, Espanha, França, Reino Unido e Portugal em torno de uma pergunta difícil: é possível traduzir a integração em números sem a reduzir a eles? A equipa portuguesa identificou as fontes administrativas e censitárias existentes e aplicou-lhes três famílias de índices: de polarização, que mede a concentração territorial dos imigrantes; de estabilidade social, a partir de indicadores como as autorizações de residência de longa duração, o reagrupamento familiar ou as aquisições de nacionalidade; e de inserção laboral.\n\n' +
      'O estudo discute também os limites do exercício: dados que não distinguem os descendentes de imigrantes, definições que variam de país para país e o risco de transformar índices em classificações entre territórios. Para quem trabalha em integração, é uma boa introdução ao uso de indicadores no planeamento local.',
    url: 'https://www.iom.int/',
    publisher: 'OIM – Missão em Portugal (projeto MITI)',
    year: 2009,
    language: 'pt',
    countries: ['PT'],
    topics: ['migration_integration_policy', 'employment', 'governance'],
    targetGroups: ['workers', 'families'],
    relatedPractices: [],
    status: 'published',
    publishedAt: '2024-10-07T10:50:00Z',
  },
  {
    slug: 'iom-migrant-integration-compendium-2010',
    authorEmail: 'chair@bridges.example',
    type: 'tool',
    title: 'Migrant Integration Compendium, 2010 – IOM',
    summary:
      'A reference compendium in which IOM gathers integration policies and practices from countries of destination around the world, organised by theme. It is meant as a starting point for governments and practitioners who want to see how others have handled reception, language, employment, citizenship and participation.',
    body:
      'Each section introduces a policy area, summarises the approaches taken in different countries and gives short examples of programmes, from pre-departure orientation and introduction courses to equality bodies, naturalisation rules and local consultative councils. The emphasis is on describing options rather than ranking countries.\n\n' +
      'The compendium is most useful as a map: it helps a ministry, a city or an NGO see the range of tools available before designing its own, and points to the institutions that can be contacted to learn more. Like any collection of this kind, it reflects what governments chose to report, and evaluations of impact are seldom included.',
    url: 'https://www.iom.int/',
    publisher: 'International Organization for Migration (IOM)',
    year: 2010,
    language: 'en',
    countries: [],
    topics: ['migration_integration_policy', 'governance', 'citizenship_regularisation', 'equal_access'],
    targetGroups: [],
    relatedPractices: [],
    status: 'published',
    publishedAt: '2024-11-04T12:00:00Z',
  },
  {
    slug: 'iom-international-dialogue-migration-partnerships',
    authorEmail: 'diaspora@bridges.example',
    type: 'report',
    title: 'IOM International Dialogue on Migration: Partnerships for Success',
    summary:
      'A publication from IOM’s International Dialogue on Migration, the organisation’s main forum for policy debate among its member states and partners, on what makes partnerships on migration work. It brings together the background paper, the discussions and the lessons drawn by participants from governments, international agencies, civil society and the private sector.',
    body:
      'The dialogue starts from the recognition that no single actor can manage migration alone: countries of origin and destination, cities, employers, trade unions, diaspora associations and NGOs each hold part of the answer. Participants describe partnerships that have worked, from bilateral labour agreements to local integration platforms, and the conditions behind them: shared objectives, clear roles, trust built over time and the means to keep cooperating.\n\n' +
      'The report also notes what tends to go wrong, such as partnerships announced but never funded, or consultation of civil society that comes too late to shape decisions. It reads as a useful checklist for anyone setting up a multi-stakeholder integration platform.',
    url: 'https://www.iom.int/',
    publisher: 'International Organization for Migration (IOM)',
    year: 2009,
    language: 'en',
    countries: [],
    topics: ['governance', 'migration_integration_policy', 'community_building'],
    targetGroups: ['diaspora'],
    relatedPractices: [],
    status: 'published',
    publishedAt: '2024-12-02T09:20:00Z',
  },
  {
    slug: 'integration-of-migrants-key-cross-cultural-relations',
    authorEmail: 'lab@bridges.example',
    type: 'media',
    title: 'Integration of Migrants is Key to Cross-Cultural Relations',
    summary:
      'A short video produced by the Alliance of Civilizations around its 2010 forum in Rio de Janeiro, in which officials, mayors and civil-society practitioners explain why the way societies receive newcomers shapes relations between cultures and faiths. Its message is that neglected integration breeds mistrust, while successful integration is one of the most concrete forms of intercultural dialogue.',
    body:
      'The speakers move between the global and the local. They describe migration as a lasting feature of today’s societies, then turn to what integration looks like in a neighbourhood, a school or a workplace, and to what happens when nobody takes charge of it.\n\n' +
      'The video is short enough to open a workshop or a training session and works well as a prompt for discussion: participants can compare the examples with their own context and ask who, locally, is responsible for bringing communities together.',
    url: 'https://www.unaoc.org/',
    publisher: 'United Nations Alliance of Civilizations (UNAOC)',
    year: 2010,
    language: 'en',
    countries: [],
    topics: ['intercultural_outreach', 'culture_diversity', 'public_perceptions'],
    targetGroups: ['host_communities'],
    relatedPractices: [],
    status: 'published',
    publishedAt: '2025-01-13T14:45:00Z',
  },
  {
    slug: 'italian-migration-bahia-brazil',
    authorEmail: 'quito@bridges.example',
    type: 'research',
    title: 'Italian migration in Bahia, Brazil',
    summary:
      'Estudo histórico sobre a imigração italiana para a Bahia, de meados do século XIX até o pós-guerra. Mostra uma presença pequena em número, mas visível no comércio, na indústria, nas artes e na agricultura, e discute como esses imigrantes se inseriram numa sociedade muito diferente das do Sul do Brasil.',
    body:
      'Ao contrário de São Paulo ou do Rio Grande do Sul, a Bahia nunca recebeu grandes levas de colonos italianos. O texto acompanha grupos menores e muito diversos: comerciantes genoveses no porto de Salvador, operários recrutados para a construção de ferrovias, artesãos, religiosos e, mais tarde, famílias que se fixaram no interior do estado.\n\n' +
      'A partir de fontes consulares, registros portuários e bibliografia brasileira e italiana, o estudo mostra como redes familiares e regionais ajudaram esses imigrantes a se estabelecer, e como a sua integração passou pelo casamento, pelo comércio e pela vida associativa. É uma leitura útil para pensar a integração de pequenas comunidades em lugares onde não existem políticas públicas voltadas para elas.',
    url: null,
    publisher: 'Universidade do Estado da Bahia (UNEB)',
    year: 2010,
    language: 'pt',
    countries: ['BR', 'IT'],
    topics: ['culture_diversity', 'community_building', 'entrepreneurship'],
    targetGroups: ['diaspora', 'families'],
    relatedPractices: [],
    status: 'published',
    publishedAt: '2025-02-10T11:15:00Z',
  },
  {
    slug: 'cohesion-sociale-banlieues-perspectives-europeennes-americaines',
    authorEmail: 'lab@bridges.example',
    type: 'research',
    title: 'Social cohesion and banlieues: compared European and American perspectives',
    summary:
      'Actes d’un séminaire qui compare les quartiers populaires des périphéries françaises et européennes aux quartiers ségrégués des villes américaines. Les contributions interrogent les notions de ghetto et de cohésion sociale, et mettent en regard la politique de la ville et la rénovation urbaine avec les politiques américaines de déségrégation et de développement communautaire.',
    body:
      'Après les émeutes de l’automne 2005, la comparaison avec les ghettos américains s’est imposée dans le débat français, souvent de manière approximative. Les auteurs rappellent ce qui distingue les deux situations : la taille des quartiers, la place de la race et de l’origine, la présence des services publics, le poids de la criminalité et l’héritage des politiques du logement.\n\n' +
      'Ils montrent aussi ce que chaque côté peut apprendre de l’autre : l’organisation communautaire et les partenariats locaux à l’américaine, l’investissement public massif et la tradition du droit commun à la française. Une ressource utile pour les praticiens qui travaillent sur la jeunesse, l’emploi et la participation dans les quartiers prioritaires.',
    url: null,
    publisher: 'Séminaire franco-américain sur la cohésion sociale (actes)',
    year: 2009,
    language: 'fr',
    countries: ['FR', 'US'],
    topics: ['urban_planning', 'cities_local_government', 'prevention_of_polarisation', 'youth'],
    targetGroups: ['youth'],
    relatedPractices: [],
    status: 'published',
    publishedAt: '2025-03-10T09:40:00Z',
  },
  {
    slug: 'intermarriage-germany-indicator-integration',
    authorEmail: 'chair@bridges.example',
    type: 'research',
    title: 'Intermarriage in Germany: a key indicator of integration',
    summary:
      'An article that uses official marriage statistics to look at unions between Germans and foreign nationals or people with a migration background, and at what they say about integration. It describes rising but very uneven rates of intermarriage depending on origin, gender and religion, and explains why marriage across group lines is read as a sign of shrinking social distance.',
    body:
      'Germany came late to seeing itself as a country of immigration, and research on mixed marriages followed the same path. The article reviews sociological work on why some groups marry outside their community more often than others, weighing factors such as the size of each group, education, religiosity, the balance between men and women, and the practice of finding a spouse in the country of origin.\n\n' +
      'It also sounds a note of caution: intermarriage is a useful indicator, but a low rate does not by itself mean failed integration, and a high one can hide other inequalities. For practitioners it is a good entry point into the debate on how integration should be measured.',
    url: 'https://www.migrationpolicy.org/',
    publisher: 'Migration Policy Institute (Migration Information Source)',
    year: 2009,
    language: 'en',
    countries: ['DE'],
    topics: ['family_marriage', 'ethnic_relations', 'culture_diversity'],
    targetGroups: ['families'],
    relatedPractices: [],
    status: 'published',
    publishedAt: '2025-04-07T16:05:00Z',
  },
  {
    slug: 'migrants-and-forced-marriage',
    authorEmail: 'diaspora@bridges.example',
    type: 'guideline',
    title: 'Migrants and forced marriage',
    summary:
      'Multi-agency guidance for professionals who may meet people facing or living in a forced marriage: teachers, social workers, health staff, police and immigration officers. It separates forced marriage, which is a form of abuse, from arranged marriage, which rests on consent, and sets out what each service should do and what it must avoid.',
    body:
      'The guidance stresses that forced marriage is not tied to any single religion or culture and that most victims are young women, although men are affected too. It warns against the instinct to mediate with the family or to send the person home, which can put them in serious danger.\n\n' +
      'Key points include:\n\n' +
      '- take every disclosure seriously and see the person alone, with an independent interpreter;\n' +
      '- share information only with those who need it, and never with the family or community;\n' +
      '- know the legal remedies, including protection orders, and the consular help available when someone is taken abroad.\n\n' +
      'Although written for one country, its principles apply to any service working with migrant families.',
    url: 'https://www.gov.uk/',
    publisher: 'Forced Marriage Unit (UK Foreign and Commonwealth Office and Home Office)',
    year: 2009,
    language: 'en',
    countries: ['GB'],
    topics: ['family_marriage', 'gender', 'human_rights_law'],
    targetGroups: ['women', 'youth'],
    relatedPractices: [],
    status: 'published',
    publishedAt: '2025-05-05T10:30:00Z',
  },
  {
    slug: 'protection-migrant-workers-impacts-origin-destination',
    authorEmail: 'amman@bridges.example',
    type: 'report',
    title: 'The protection of migrant workers and its impacts on origin and destination countries',
    summary:
      'A policy report on how protecting the rights of migrant workers affects both the countries they leave and the countries where they work. It argues that decent conditions, fair recruitment and equal treatment are not a cost imposed on development but one of the channels through which labour migration benefits everyone involved.',
    body:
      'The report reviews the international standards on migrant workers and the obstacles to applying them: recruitment fees and debt, confiscated passports, the exclusion of domestic and farm work from labour law, and the weak position of workers whose permit depends on one employer.\n\n' +
      'It then traces the effects of protection, or its absence, in both directions. In destination countries, unprotected migrant labour undercuts local workers and feeds resentment; in countries of origin, abuse reduces the savings and skills brought home and damages trust in legal channels. The recommendations call for bilateral agreements with enforceable labour clauses, cooperation between labour inspectorates, portable social security and the involvement of trade unions and migrant associations.',
    url: 'https://www.ilo.org/',
    publisher: 'International Labour Organization (ILO)',
    year: 2010,
    language: 'en',
    countries: [],
    topics: ['work', 'human_rights_law', 'migration_integration_policy'],
    targetGroups: ['workers'],
    relatedPractices: [],
    status: 'published',
    publishedAt: '2025-06-02T13:50:00Z',
  },
  {
    slug: 'poll-swiss-public-perceptions-integration',
    authorEmail: 'chair@bridges.example',
    type: 'news',
    title: 'Poll on Swiss public perceptions about Integration',
    summary:
      'A news report on an opinion poll about how people in Switzerland see the integration of the foreigners who live in the country. It places the results in a tense political moment, marked by popular votes on minarets and on the deportation of foreign offenders, and asks whether the public debate reflects everyday experience.',
    body:
      'The poll asked residents whether they think integration is working, which groups they consider well or poorly integrated, and what they expect from newcomers and from the authorities. The report discusses a pattern common to such surveys: people often describe good relations with the foreigners they know personally while voicing worries about immigration in general.\n\n' +
      'For practitioners the piece is a reminder that public perceptions are not fixed: they are shaped by direct contact, media coverage and political campaigns. It is worth reading alongside initiatives that give a face and a story to the “new Swiss”.',
    url: 'https://www.swissinfo.ch/',
    publisher: 'swissinfo.ch',
    year: 2010,
    language: 'en',
    countries: ['CH'],
    topics: ['public_perceptions', 'migration_integration_policy', 'media_diversity'],
    targetGroups: ['host_communities'],
    relatedPractices: ['new-home-switzerland-video-collection'],
    status: 'published',
    publishedAt: '2025-06-30T08:55:00Z',
  },
  {
    slug: 'new-york-city-immigrant-heritage-week-2010',
    authorEmail: 'quito@bridges.example',
    type: 'news',
    title: 'New York City Immigrant Heritage Week (April 2010)',
    summary:
      'The programme of the 2010 edition of Immigrant Heritage Week, New York City’s yearly celebration of its immigrant communities and their contribution to the city. Timed to recall the busiest day in the history of Ellis Island, in April 1907, the week brings together city agencies, cultural institutions and community organisations.',
    body:
      'Events across the five boroughs include exhibitions, film screenings, concerts, storytelling evenings, information sessions on citizenship and legal rights, and open days at libraries and museums. Many are organised by community groups themselves, which gives smaller associations a rare moment of visibility.\n\n' +
      'The week is also an occasion for the city to remind residents that its services are open to all, and to present what it offers on language access, English classes and naturalisation. It is a well-documented example of how a local government can use celebration to support both recognition and practical integration.',
    url: 'https://www.nyc.gov/',
    publisher: 'New York City Mayor’s Office of Immigrant Affairs',
    year: 2010,
    language: 'en',
    countries: ['US'],
    topics: ['culture_diversity', 'cities_local_government', 'awareness_campaigns', 'intercultural_outreach'],
    targetGroups: ['host_communities', 'diaspora'],
    relatedPractices: ['nyc-immigrant-heritage-week'],
    status: 'published',
    publishedAt: '2025-07-28T15:35:00Z',
  },
  {
    slug: 'migrant-women-public-political-opinion',
    authorEmail: 'quito@bridges.example',
    type: 'research',
    title: 'Migrant women in the eye of the public and political opinion',
    summary:
      'Investigación sobre la imagen de las mujeres inmigrantes en la prensa y en el discurso político en España. Analiza los marcos con que se las presenta, como víctimas, como trabajadoras del cuidado o como problema, y qué consecuencias tiene esa imagen para su participación social y política.',
    body:
      'El estudio combina el análisis de noticias de diarios nacionales y regionales con el de debates parlamentarios, programas electorales y declaraciones públicas. Se pregunta con qué frecuencia aparecen las mujeres migrantes como protagonistas con voz propia y a qué temas se asocia su presencia: violencia de género, prostitución, velo o servicio doméstico.\n\n' +
      'Las autoras formulan recomendaciones para periodistas, partidos y organizaciones: diversificar las fuentes, dar la palabra a las asociaciones de mujeres migrantes, no mencionar la nacionalidad cuando no aporta información y hacer visible su papel como trabajadoras, emprendedoras y ciudadanas.',
    url: null,
    publisher: 'Grupo universitario de investigación en comunicación y migraciones (España)',
    year: 2010,
    language: 'es',
    countries: ['ES'],
    topics: ['gender', 'media_diversity', 'public_perceptions'],
    targetGroups: ['women'],
    relatedPractices: [],
    status: 'published',
    publishedAt: '2025-08-25T10:10:00Z',
  },
  {
    slug: 'bilingual-education-restrictive-language-policies-usa',
    authorEmail: 'lab@bridges.example',
    type: 'research',
    title: 'Bilingual education vs. restrictive language policies: USA experiences',
    summary:
      'Research on what happened to English learners in US states that restricted or banned bilingual education by ballot initiative, notably California, Arizona and Massachusetts. It weighs the evidence on achievement, drop-out and the separation of students in English-only classes, and compares these outcomes with programmes that use the home language.',
    body:
      'From the late 1990s, voters in several states replaced bilingual programmes with short periods of structured English immersion. The research brings together studies carried out about a decade later, asking whether these policies kept their promise of faster English learning and better results.\n\n' +
      'The authors find little evidence that they did, and document unintended effects: teachers less prepared to work with English learners, students kept apart from their peers for long periods, and parents shut out of schools where they could not communicate. They argue for programmes that build on children’s first language, and for policy based on evaluation rather than referendum campaigns.',
    url: null,
    publisher: 'The Civil Rights Project / Proyecto Derechos Civiles, UCLA',
    year: 2010,
    language: 'en',
    countries: ['US'],
    topics: ['education', 'human_rights_law', 'equal_access'],
    targetGroups: ['children', 'students', 'families'],
    relatedPractices: [],
    status: 'published',
    publishedAt: '2025-09-22T12:40:00Z',
  },
  {
    slug: 'migration-diversity-challenges-europe',
    authorEmail: 'lab@bridges.example',
    type: 'report',
    title: 'Migration and diversity challenges in Europe',
    summary:
      'A report on the challenges that growing diversity poses to European societies: rising intolerance and populist movements, the position of migrants and minorities, and strains on social cohesion in hard economic times. It proposes principles and concrete steps for governments, civil society, media and citizens to live together in diversity without giving up shared freedoms.',
    body:
      'The authors start from a worried reading of the public mood: discrimination that too often goes unpunished, segregated neighbourhoods, and a debate on Islam and migration that leaves little room for nuance. They reject both the claim that multiculturalism has simply failed and the idea that nothing needs to change.\n\n' +
      'Their answer rests on equal citizenship: everyone living in Europe should enjoy the same rights and obligations, take part in public life and be protected from discrimination, while respecting the law and the basic freedoms of others. The recommendations range from language teaching and intercultural education to local voting rights, responsible media and public figures who speak up for diversity.',
    url: 'https://www.coe.int/',
    publisher: 'Council of Europe',
    year: 2011,
    language: 'en',
    countries: [],
    topics: ['culture_diversity', 'prevention_of_polarisation', 'anti_discrimination', 'migration_integration_policy'],
    targetGroups: ['host_communities'],
    relatedPractices: [],
    status: 'published',
    publishedAt: '2025-10-20T09:15:00Z',
  },
  {
    slug: 'integration-muslim-migrants-europe',
    authorEmail: 'amman@bridges.example',
    type: 'report',
    title: 'The integration of Muslim migrants in Europe',
    summary:
      'A comparative study of Muslim residents in a series of Western European cities, looking at their experience of education, employment, housing, health, policing, participation and the media. Rather than treating religion as the explanation for every difficulty, it asks how city policies can improve equal treatment and a shared sense of belonging.',
    body:
      'The research combines surveys, focus groups and interviews with Muslim and non-Muslim residents of selected neighbourhoods, alongside a review of local policies. It gives space to everyday experiences: feeling at home in the city but less so in the nation, meeting discrimination when looking for work, and seeing one’s faith discussed mostly through the lens of security.\n\n' +
      'The recommendations are addressed to municipalities, schools, employers, police and media. They include monitoring discrimination, involving Muslim organisations as partners on all local matters and not only on religion, supporting young people’s transition to work, and making sure that consultation leads to visible change.',
    url: 'https://www.opensocietyfoundations.org/',
    publisher: 'Open Society Institute – At Home in Europe Project',
    year: 2010,
    language: 'en',
    countries: ['NL', 'BE', 'DE', 'DK', 'GB', 'FR', 'SE'],
    topics: ['religion', 'anti_discrimination', 'cities_local_government', 'equal_access'],
    targetGroups: ['youth', 'women'],
    relatedPractices: [],
    status: 'published',
    publishedAt: '2025-11-17T14:20:00Z',
  },
  {
    slug: 'migrant-integration-united-states-europe-comparison',
    authorEmail: 'chair@bridges.example',
    type: 'research',
    title: 'A comparison of migrant integration between the United States and Europe',
    summary:
      'A comparative paper on how the United States and European countries approach the integration of immigrants and their children. It contrasts the American reliance on the labour market, schools and citizenship with the more structured introduction programmes and welfare-based approaches found in Europe, and looks at outcomes for the second generation.',
    body:
      'The United States has hardly any national integration policy, yet it is often seen as good at turning immigrants into citizens; many European countries invest heavily in language and civic courses, yet worry about lasting gaps in employment and education. The paper examines this paradox, discussing the composition of migration flows, access to work, the role of naturalisation and the place of religion in public life.\n\n' +
      'Its conclusion is that neither side has a model to export wholesale. Europe can learn from American openness to immigrants’ economic initiative and from the symbolic weight of citizenship; the United States can learn from deliberate public investment in newcomers’ first years, in language learning and in early childhood education.',
    url: 'https://www.migrationpolicy.org/',
    publisher: 'Transatlantic Council on Migration, Migration Policy Institute',
    year: 2009,
    language: 'en',
    countries: ['US'],
    topics: ['migration_integration_policy', 'citizenship_regularisation', 'employment', 'education'],
    targetGroups: ['youth'],
    relatedPractices: [],
    status: 'published',
    publishedAt: '2025-12-15T11:00:00Z',
  },
  {
    slug: 'managing-diversity-western-democracies',
    authorEmail: 'amman@bridges.example',
    type: 'research',
    title: 'Managing diversity in Western democracies',
    summary:
      'A comparative study of how Western democracies have managed the ethnic, cultural and religious diversity that immigration brings, centred on France, Britain and the United States. It questions the idea of fixed “national models” of integration and shows how policies have converged and diverged over time.',
    body:
      'Each country is usually summed up by a label: republican assimilation in France, multicultural race relations in Britain, laissez-faire pluralism in the United States. The study looks beneath the labels at what governments actually do in areas such as anti-discrimination law, education, urban policy, religion and citizenship.\n\n' +
      'It finds that practice often departs from rhetoric, and that all three countries have moved towards a mix of civic requirements for newcomers and stronger tools against discrimination. For practitioners it is a useful corrective to debates that hold up one country’s model as either a recipe or a warning.',
    url: null,
    publisher: 'Social Research (The New School)',
    year: 2010,
    language: 'en',
    countries: ['FR', 'GB', 'US'],
    topics: ['culture_diversity', 'migration_integration_policy', 'anti_discrimination'],
    targetGroups: [],
    relatedPractices: [],
    status: 'submitted',
    publishedAt: '2026-10-26T16:45:00Z',
  },
  {
    slug: 'international-migration-law-training-course',
    authorEmail: 'chair@bridges.example',
    type: 'training',
    title: 'International Migration Law Training Course',
    summary:
      'An intensive course on international migration law, run each year by IOM with the International Institute of Humanitarian Law in Sanremo, Italy, for government officials, staff of international organisations and NGOs, and academics. It covers the legal framework that governs the movement of people across borders and the rights of migrants at every stage.',
    body:
      'Over several days participants work through the sources and principles of international migration law, combining lectures with case studies and group exercises. Topics typically include:\n\n' +
      '- state sovereignty and its limits in admission, detention and expulsion;\n' +
      '- the human rights of migrants whatever their status, including labour rights and the rights of children;\n' +
      '- refugee protection and non-refoulement;\n' +
      '- trafficking in persons and the smuggling of migrants;\n' +
      '- nationality, statelessness and family reunification.\n\n' +
      'It suits practitioners who deal with legal questions every day but have never had a structured overview of the international framework.',
    url: 'https://www.iom.int/',
    publisher: 'International Organization for Migration (IOM) and International Institute of Humanitarian Law',
    year: 2010,
    language: 'en',
    countries: [],
    topics: ['human_rights_law', 'training', 'migration_integration_policy'],
    targetGroups: ['refugees_asylum_seekers', 'workers'],
    relatedPractices: [],
    status: 'published',
    publishedAt: '2026-01-19T10:25:00Z',
  },
  {
    slug: 'handbook-refugee-migration-terms-concepts',
    authorEmail: 'lisboa@bridges.example',
    type: 'handbook',
    title: 'A handbook on refugee and migration terms and concepts',
    summary:
      'A handbook that explains the main terms and concepts used in discussions of refugees and migration, from asylum seeker and stateless person to brain drain, circular migration and integration. Each entry gives a plain definition, notes where usage differs between institutions and countries, and refers to the relevant international instruments.',
    body:
      'Debates on migration often go wrong because people use the same word for different things, or different words for the same thing: illegal or irregular, integration or assimilation, economic migrant or refugee. The handbook offers a common vocabulary for policymakers, journalists, students and practitioners, written to be understood by readers who are not lawyers.\n\n' +
      'It is especially useful for training sessions and for organisations that produce material in several languages, where a shared glossary avoids both legal mistakes and stigmatising language.',
    url: 'https://www.unesco.org/',
    publisher: 'UNESCO and The Hague Process on Refugees and Migration',
    year: 2008,
    language: 'en',
    countries: [],
    topics: ['migration_integration_policy', 'human_rights_law', 'media_diversity'],
    targetGroups: ['refugees_asylum_seekers'],
    relatedPractices: [],
    status: 'published',
    publishedAt: '2026-02-16T13:05:00Z',
  },
  {
    slug: 'overcoming-barriers-human-mobility-development',
    authorEmail: 'quito@bridges.example',
    type: 'report',
    title: 'Overcoming barriers of human mobility and development',
    summary:
      'The Human Development Report that looks at migration through the lens of human development: people move to widen their choices, and the barriers placed in their way limit the gains for them, their families and the places they leave and join. It covers internal as well as international migration and proposes a package of reforms.',
    body:
      'The report reminds readers that most people who move do so within their own country, and that migration from poor to rich countries is only a small part of the picture. It reviews what moving does to incomes, health, education and empowerment, and argues that fears about the effects on host populations are often overstated.\n\n' +
      'Its proposals include more regular channels for work, including for lower-skilled workers; basic rights for migrants; lower costs of moving; better outcomes for both migrants and host communities; easier internal mobility; and a place for mobility in national development strategies. Several of these ideas later found their way into the global agenda on migration.',
    url: 'https://www.undp.org/',
    publisher: 'United Nations Development Programme (UNDP)',
    year: 2009,
    language: 'en',
    countries: [],
    topics: ['migration_integration_policy', 'equal_access', 'human_rights_law', 'employment'],
    targetGroups: ['workers'],
    relatedPractices: [],
    status: 'published',
    publishedAt: '2026-03-16T09:50:00Z',
  },
  {
    slug: 'investing-cultural-diversity-intercultural-dialogue',
    authorEmail: 'quito@bridges.example',
    type: 'report',
    title: 'Investing in cultural diversity and intercultural dialogue',
    summary:
      'UNESCO’s world report on cultural diversity, which argues that diversity is a resource for development, human rights and peace rather than a threat to be contained. It looks at how diversity plays out in languages, education, communication, creativity and the marketplace, and at the skills people need for intercultural dialogue.',
    body:
      'The report challenges two opposite fears: that globalisation will erase cultural differences, and that differences will inevitably lead to conflict. It describes cultures as constantly changing through contact, and identities as multiple rather than fixed.\n\n' +
      'Its recommendations are addressed to governments, educators, media and the private sector. Among them: protecting endangered languages and promoting multilingual education, teaching intercultural skills, supporting cultural content that reflects the diversity of societies, and building cultural diversity into development programmes. Practitioners who organise festivals, cultural mediation or intercultural education will find in it a solid conceptual framework.',
    url: 'https://www.unesco.org/',
    publisher: 'UNESCO',
    year: 2009,
    language: 'en',
    countries: [],
    topics: ['culture_diversity', 'intercultural_outreach', 'education', 'media_diversity'],
    targetGroups: [],
    relatedPractices: ['festivales-interculturales-pichincha'],
    status: 'published',
    publishedAt: '2026-04-20T15:15:00Z',
  },
  {
    slug: 'urbanization-migration-inclusive-cities',
    authorEmail: 'lab@bridges.example',
    type: 'guideline',
    title: 'Urbanization and migration: how to achieve inclusive cities',
    summary:
      'A policy paper on the link between rapid urbanisation and migration, whether people come from the countryside or from abroad, and on what city governments can do to include newcomers rather than push them to the margins. It argues that the “right to the city” should extend to all residents, whatever their origin or legal status.',
    body:
      'Migrants are often the first to settle in informal settlements and the last to be reached by water, sanitation, schools and secure tenure. The paper shows how exclusion in one area, such as having no registered address, locks people out of others, and how the whole city pays the price through segregation, insecurity and lost productivity.\n\n' +
      'It recommends that local authorities:\n\n' +
      '- plan for population growth instead of treating it as temporary;\n' +
      '- give access to basic services without requiring documents that newcomers cannot obtain;\n' +
      '- involve migrant associations in participatory planning and budgeting;\n' +
      '- work with national governments so that new responsibilities come with resources.',
    url: 'https://unhabitat.org/',
    publisher: 'UN-Habitat',
    year: 2010,
    language: 'en',
    countries: [],
    topics: ['cities_local_government', 'urban_planning', 'housing', 'equal_access'],
    targetGroups: ['undocumented_migrants', 'families'],
    relatedPractices: ['sanctuary-cities-firewall'],
    status: 'published',
    publishedAt: '2026-05-18T10:35:00Z',
  },
  {
    slug: 'statistiques-ethniques-en-finir-avec-un-faux-debat',
    authorEmail: 'diaspora@bridges.example',
    type: 'news',
    title: 'Putting an end to a fake debate: the ethnic statistics',
    summary:
      'Tribune sur la controverse française autour des « statistiques ethniques » : faut-il mesurer la diversité des origines pour lutter contre les discriminations, et comment ? Les auteurs estiment que le débat est mal posé et proposent de sortir de l’opposition entre refus de principe et crainte du fichage.',
    body:
      'Le texte rappelle le cadre : la loi française encadre strictement la collecte de données sur l’origine, mais la recherche et certaines enquêtes publiques peuvent déjà, avec des garanties, interroger sur le pays de naissance des parents ou sur le sentiment d’appartenance. Les opposants redoutent une assignation identitaire ; les partisans soulignent qu’on ne corrige pas des discriminations que l’on refuse de mesurer.\n\n' +
      'Les auteurs plaident pour des enquêtes anonymes, fondées sur l’auto-déclaration et le volontariat, contrôlées par la CNIL et utilisées pour évaluer les politiques d’égalité, sans catégories ethno-raciales inscrites dans les fichiers administratifs. Une lecture utile pour comprendre pourquoi la mesure de la diversité reste si sensible en France.',
    url: null,
    publisher: 'Tribune collective (presse française)',
    year: 2010,
    language: 'fr',
    countries: ['FR'],
    topics: ['anti_discrimination', 'ethnic_relations', 'migration_integration_policy'],
    targetGroups: [],
    relatedPractices: [],
    status: 'submitted',
    publishedAt: '2026-11-23T09:10:00Z',
  },
  {
    slug: 'inclusion-exclusion-migrante-entorno-urbano',
    authorEmail: 'quito@bridges.example',
    type: 'research',
    title: 'The migrant inclusion/exclusion from the urban setting',
    summary:
      'Investigación sobre los procesos que incluyen o excluyen a las personas migrantes en las ciudades latinoamericanas: acceso a la vivienda, al trabajo y a los servicios, y formas de ocupar el espacio público. Propone leer la integración no solo como un asunto de derechos formales, sino también como una cuestión de lugar en la ciudad.',
    body:
      'El trabajo parte de la experiencia de migrantes internos y de países vecinos que se instalan en barrios populares, inquilinatos y asentamientos informales de las grandes ciudades de la región. Describe cómo el mercado del alquiler, la falta de documentos y la discriminación empujan a muchos hacia zonas periféricas o deterioradas, y cómo, al mismo tiempo, las redes comunitarias crean ferias, comercios y organizaciones que transforman esos barrios.\n\n' +
      'La investigación concluye con propuestas para los gobiernos locales: políticas de vivienda sin requisitos imposibles de cumplir, regularización de asentamientos, reconocimiento de las organizaciones migrantes como interlocutoras y programas de convivencia en el espacio público.',
    url: 'https://www.clacso.org/',
    publisher: 'Consejo Latinoamericano de Ciencias Sociales (CLACSO)',
    year: 2011,
    language: 'es',
    countries: [],
    topics: ['urban_planning', 'housing', 'cities_local_government', 'work'],
    targetGroups: ['workers', 'undocumented_migrants'],
    relatedPractices: [],
    status: 'published',
    publishedAt: '2026-08-10T11:55:00Z',
  },
];
