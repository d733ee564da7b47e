import type { CurrentUser } from '../../platform/context.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { MythFormValues } from './model.ts';
import { mythsService } from './service.ts';

/**
 * The demo's myth-and-fact library: the myths a diaspora network's campaign set out to debunk
 * (the seeds' GFMD session), aimed at destination countries and at countries of origin, each
 * answered by a fact from a public source, with French and Arabic translations of some.
 */

interface DemoMyth {
  slug: string;
  form: Omit<MythFormValues, 'translationOf'>;
  translationOf?: string;
}

const MGI = { title: 'People on the move: Global migration’s impact and opportunity', publisher: 'McKinsey Global Institute', year: '2016', url: 'https://www.mckinsey.com/featured-insights/employment-and-growth/global-migrations-impact-and-opportunity' };
const OECD_DEBATES = { title: 'Is migration good for the economy? (Migration Policy Debates, May 2014)', publisher: 'OECD', year: '2014', url: 'https://www.oecd.org/migration/OECD%20Migration%20Policy%20Debates%20Numero%202.pdf' };
const OECD_FISCAL = { title: 'International Migration Outlook 2013, chapter 3: The fiscal impact of immigration in OECD countries', publisher: 'OECD', year: '2013', url: 'https://www.oecd.org/els/mig/imo2013.htm' };
const WMR_2024 = { title: 'World Migration Report 2024', publisher: 'International Organization for Migration', year: '2024', url: 'https://worldmigrationreport.iom.int/' };
const WMR_2022 = { title: 'World Migration Report 2022, chapter 3: Migration and migrants, regional dimensions', publisher: 'International Organization for Migration', year: '2022', url: 'https://worldmigrationreport.iom.int/' };
const KNOMAD = { title: 'Migration and Development Brief 40', publisher: 'World Bank / KNOMAD', year: '2024', url: 'https://www.knomad.org/publication/migration-and-development-brief-40' };

export const DEMO_MYTHS: readonly DemoMyth[] = [
  {
    slug: 'migrants-are-a-burden-on-the-economy',
    form: {
      title: 'Migrants are a burden on the economy.',
      fact: 'Migrants are about 3.4 per cent of the world’s people and produced about 9 per cent of global GDP in 2015: some 6.7 trillion US dollars.',
      explanation: 'The McKinsey Global Institute estimated that migrants contributed roughly 3 trillion dollars more to global output than they would have in their countries of origin. Most of that value is created in destination countries, where migrants fill jobs across all skill levels.\n\nMessages built on this figure were recommended at the Global Forum on Migration and Development: fact-based, and positive about what migration brings.',
      language: 'en',
      audiences: ['destination_public', 'policymakers', 'media'],
      topics: ['awareness_campaigns', 'employment'],
      countries: [],
      sources: [MGI],
    },
  },
  {
    slug: 'les-migrants-sont-un-fardeau-pour-l-economie',
    translationOf: 'migrants-are-a-burden-on-the-economy',
    form: {
      title: 'Les migrants sont un fardeau pour l’économie.',
      fact: 'Les migrants représentent environ 3,4 % de la population mondiale et ont produit environ 9 % du PIB mondial en 2015, soit quelque 6 700 milliards de dollars.',
      explanation: 'Selon le McKinsey Global Institute, les migrants ont produit environ 3 000 milliards de dollars de plus que s’ils étaient restés dans leur pays d’origine.',
      language: 'fr',
      audiences: ['destination_public', 'policymakers', 'media'],
      topics: ['awareness_campaigns', 'employment'],
      countries: ['FR'],
      sources: [MGI],
    },
  },
  {
    slug: 'المهاجرون-عبء-على-الاقتصاد',
    translationOf: 'migrants-are-a-burden-on-the-economy',
    form: {
      title: 'المهاجرون عبء على الاقتصاد.',
      fact: 'يشكّل المهاجرون نحو 3.4 في المئة من سكان العالم، وقد أنتجوا نحو 9 في المئة من الناتج المحلي الإجمالي العالمي عام 2015، أي قرابة 6.7 تريليون دولار.',
      explanation: 'قدّر معهد ماكنزي العالمي أن المهاجرين أنتجوا نحو 3 تريليونات دولار أكثر مما كانوا سينتجونه في بلدانهم الأصلية.',
      language: 'ar',
      audiences: ['destination_public', 'origin_public'],
      topics: ['awareness_campaigns', 'employment'],
      countries: [],
      sources: [MGI],
    },
  },
  {
    slug: 'migrants-take-the-jobs-of-local-workers',
    form: {
      title: 'Migrants take the jobs of local workers.',
      fact: 'Migration has a very limited impact on the employment of local workers: migrants mostly fill jobs in fast-growing and in declining sectors that locals do not take.',
      explanation: 'The OECD found that migrants accounted for a large share of the increase in the workforce in Europe and the United States, in occupations where local workers were scarce.',
      language: 'en',
      audiences: ['destination_public', 'employers', 'youth'],
      topics: ['employment'],
      countries: ['FR', 'IT', 'DE'],
      sources: [OECD_DEBATES, MGI],
    },
  },
  {
    slug: 'les-migrants-prennent-les-emplois',
    translationOf: 'migrants-take-the-jobs-of-local-workers',
    form: {
      title: 'Les migrants prennent les emplois des travailleurs locaux.',
      fact: 'Les migrations ont un effet très limité sur l’emploi des travailleurs locaux : les migrants occupent surtout des emplois dans des secteurs en forte croissance ou en déclin que les locaux ne prennent pas.',
      explanation: '',
      language: 'fr',
      audiences: ['destination_public', 'employers'],
      topics: ['employment'],
      countries: ['FR'],
      sources: [OECD_DEBATES],
    },
  },
  {
    slug: 'migrants-take-more-in-benefits-than-they-pay',
    form: {
      title: 'Migrants take more in benefits than they pay in taxes.',
      fact: 'In most OECD countries the net fiscal impact of migrants is close to zero, within half a per cent of GDP either way, and it depends above all on whether they are in work.',
      explanation: 'The best way to improve the fiscal balance of migration is to help migrants into jobs quickly: language courses, recognition of qualifications and access to the labour market.',
      language: 'en',
      audiences: ['destination_public', 'policymakers'],
      topics: ['employment', 'anti_discrimination'],
      countries: [],
      sources: [OECD_FISCAL, OECD_DEBATES],
    },
  },
  {
    slug: 'the-world-is-overrun-by-migrants',
    form: {
      title: 'The world is being overrun by migrants.',
      fact: 'About 281 million people lived outside their country of birth in 2020: 3.6 per cent of the world’s population. More than 96 people in 100 live in the country where they were born.',
      explanation: '',
      language: 'en',
      audiences: ['destination_public', 'media', 'youth'],
      topics: ['awareness_campaigns'],
      countries: [],
      sources: [WMR_2024],
    },
  },
  {
    slug: 'most-african-migrants-head-to-europe',
    form: {
      title: 'Most migrants from Africa are heading to Europe.',
      fact: 'Most African migrants move within Africa: in 2020 about 21 million Africans lived in another African country.',
      explanation: '',
      language: 'en',
      audiences: ['destination_public', 'media', 'origin_public'],
      topics: ['awareness_campaigns'],
      countries: ['IT', 'ES', 'SN'],
      sources: [WMR_2022],
    },
  },
  {
    slug: 'those-who-leave-abandon-their-country',
    form: {
      title: 'Those who leave have abandoned their country.',
      fact: 'Remittances to low- and middle-income countries reached about 656 billion US dollars in 2023, more than foreign direct investment and official development aid.',
      explanation: 'Prejudice against migrants also exists in countries of origin. Campaigns that follow the whole migration cycle speak to families and communities there too: diasporas invest, send money home and bring back skills.',
      language: 'en',
      audiences: ['origin_public', 'diaspora'],
      topics: ['awareness_campaigns'],
      countries: ['SN', 'ML', 'MA'],
      sources: [KNOMAD],
    },
  },
];

/**
 * Publishes the demo myths through the editor's door. Originals come first, so their
 * translations can name them; no mail is sent (publishing tells nobody).
 */
export async function loadDemoMyths(deps: AppDeps, editor: CurrentUser): Promise<Map<string, string>> {
  const service = mythsService(deps);
  const slugs = new Map<string, string>();
  for (const myth of DEMO_MYTHS) {
    const slug = await service.create(editor, { ...myth.form, translationOf: myth.translationOf ? (slugs.get(myth.translationOf) ?? '') : '' }, 'publish');
    slugs.set(myth.slug, slug);
  }
  return slugs;
}
