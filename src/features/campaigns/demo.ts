import { sql } from 'kysely';
import type { CurrentUser } from '../../platform/context.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { CAMPAIGN_KIND } from './kind.ts';
import { EMPTY_CAMPAIGN_FORM, type CampaignFormValues } from './model.ts';
import { campaignsService } from './service.ts';

/**
 * The demo's campaigns, from the seeds: #NoWallsButBridges (a budget of absolute zero, its
 * objectives and recommendations from the white paper), the diaspora network's campaign
 * debunking myths with a network of cities, and SOMOS, which mobilised migrant and youth voices
 * toward municipal authorities. Each has partners, messages for two audiences or more resting on
 * the demo myths, and recorded indicator values.
 */

interface DemoCampaign {
  creator: string;
  form: Partial<CampaignFormValues> & Pick<CampaignFormValues, 'name' | 'hashtag' | 'language' | 'startsOn'>;
  messages: { audience: string; language: string; body: string; myths: string[] }[];
  indicators: { name: string; unit: string; baseline: string; target: string; values: [string, string][] }[];
  milestones: { dueOn: string; title: string; done: boolean }[];
  updates: { title: string; body: string }[];
  supporters: string[];
}

const DEMO_CAMPAIGNS: readonly DemoCampaign[] = [
  {
    creator: 'lab@bridges.example',
    form: {
      name: 'No Walls but Bridges',
      hashtag: '#NoWallsButBridges',
      language: 'en',
      problem: 'Negative public attitudes towards migration, the rise of extremism and populism, and political disengagement from the migration crisis can turn the public against migrants and jeopardise policies that adapt to new economic and demographic challenges.',
      objectives: '- Acknowledge the benefits of immigration by crafting a positive, new narrative on integration.\n- Craft a positive narrative on migration based on its social, cultural and economic benefits.\n- Inspire political engagement and active citizenship by bringing citizens, civil society, migrants and refugees, the public and private sectors, international organisations, academia and media into one dialogue.\n- Build social impact.',
      audiences: ['destination_public', 'policymakers', 'media', 'youth'],
      topics: ['awareness_campaigns'],
      countries: ['FR'],
      startsOn: '2019-01-14',
      endsOn: '2019-06-28',
      budget: '0',
      budgetCurrency: 'EUR',
      budgetNote: 'A predefined budget of absolute zero, for every deliverable',
      deliverables: '- An open social-media dialogue under one hashtag\n- A white paper report with recommendations\n- A network of partners across countries',
      successFactors: '- Every deliverable planned and delivered with no budget, by social engineering and sustainable innovation\n- Assessment criteria set before the launch\n- Partners who carry the messages in their own networks',
      results: 'A transnational “bridge” between policymakers, governments, institutions, business schools, civil society, migrants, refugees, asylum seekers, social entrepreneurs and media representatives.',
      recommendations: '1. Change public and political perception of newcomers: craft a positive, new narrative on integration.\n2. See migration as a chance for economic growth and the revitalisation of territories.\n3. Rebuild trust through intercultural dialogue and open dialogue tools.\n4. Permit rapid access to basic needs, housing and care.\n5. Integrate newcomers on four simultaneous pillars: language and communication, economic integration, civism and citizenship, intercultural dialogue.',
      organisations: 'Migrant Integration Lab Paris',
      cities: 'paris-fr',
    },
    messages: [
      { audience: 'destination_public', language: 'en', body: 'Migrants are 3.4% of the world’s people and produced 9% of global GDP. We build too many walls and not enough bridges.', myths: ['migrants-are-a-burden-on-the-economy'] },
      { audience: 'policymakers', language: 'fr', body: 'Les migrants produisent 9 % du PIB mondial. Construisons des ponts, pas des murs.', myths: ['les-migrants-sont-un-fardeau-pour-l-economie'] },
      { audience: 'youth', language: 'ar', body: 'المهاجرون ينتجون 9 في المئة من الناتج العالمي. لنبنِ جسورًا لا جدرانًا.', myths: ['المهاجرون-عبء-على-الاقتصاد'] },
    ],
    indicators: [
      { name: 'Posts shared with the hashtag', unit: 'posts', baseline: '0', target: '1000', values: [['2019-02-01', '140'], ['2019-03-01', '460'], ['2019-04-01', '820'], ['2019-05-31', '1240']] },
      { name: 'Partner organisations', unit: '', baseline: '1', target: '10', values: [['2019-02-01', '3'], ['2019-04-01', '7'], ['2019-06-28', '12']] },
    ],
    milestones: [
      { dueOn: '2019-01-14', title: 'Launch of the hashtag and the open dialogue', done: true },
      { dueOn: '2019-04-15', title: 'Dialogue with policymakers and business schools', done: true },
      { dueOn: '2019-06-28', title: 'White paper report and recommendations', done: true },
    ],
    updates: [{ title: 'The white paper is out', body: 'The report sums up the campaign and makes thirteen recommendations for sustainable integration.' }],
    supporters: ['diaspora@bridges.example', 'toronto@bridges.example', 'amman@bridges.example'],
  },
  {
    creator: 'diaspora@bridges.example',
    form: {
      name: 'Ten myths about migration',
      hashtag: '#10MythesMigrations',
      language: 'fr',
      problem: 'Prejudice about migration circulates in destination countries and in countries of origin alike; messages must follow the whole migration cycle.',
      objectives: '- Debunk ten myths about migration with facts\n- Reach public opinion and national authorities in destination countries, and the population in countries of origin\n- Carry the messages through a network of cities',
      audiences: ['destination_public', 'origin_public', 'policymakers', 'local_authorities'],
      topics: ['awareness_campaigns', 'anti_discrimination'],
      countries: ['FR', 'SN', 'ML'],
      startsOn: '2018-03-01',
      endsOn: '2018-12-31',
      budget: '',
      deliverables: '- Ten myth-and-fact sheets\n- Messages for each audience, in French and in the languages of countries of origin',
      successFactors: '- A strong and diverse alliance of partners\n- The participation of a network of French cities\n- Messages written with the civil society organisations of the Global Forum',
      organisations: 'FORIM – Forum des organisations de solidarité internationale issues des migrations',
      cities: 'paris-fr',
    },
    messages: [
      { audience: 'destination_public', language: 'fr', body: 'Les migrations ont un effet très limité sur l’emploi des travailleurs locaux.', myths: ['les-migrants-prennent-les-emplois'] },
      { audience: 'origin_public', language: 'fr', body: 'Partir n’est pas abandonner : les transferts vers les pays à revenu faible et intermédiaire dépassent l’aide au développement.', myths: ['those-who-leave-abandon-their-country'] },
      { audience: 'policymakers', language: 'en', body: 'Most African migrants move within Africa: 21 million Africans live in another African country.', myths: ['most-african-migrants-head-to-europe'] },
    ],
    indicators: [{ name: 'Cities carrying the messages', unit: 'cities', baseline: '0', target: '30', values: [['2018-04-01', '8'], ['2018-07-01', '19'], ['2018-12-01', '27']] }],
    milestones: [{ dueOn: '2018-03-01', title: 'Myth-and-fact sheets published', done: true }],
    updates: [],
    supporters: ['dakar@bridges.example', 'lisboa@bridges.example'],
  },
  {
    creator: 'toronto@bridges.example',
    form: {
      name: 'SOMOS (We are)',
      hashtag: '#SomosWeAre',
      language: 'es',
      problem: 'Municipal policies rarely hear the voices of migrants and of their children.',
      objectives: '- Advocate towards municipal authorities for policies responsive to migrant needs\n- Mobilise migrant voices so they have impact\n- Bring youth voices forward, of migrants’ children and of the wider community, through art',
      audiences: ['local_authorities', 'youth', 'destination_public'],
      topics: ['cities_local_government'],
      countries: ['US'],
      startsOn: '2026-09-01',
      endsOn: '',
      budget: '',
      cities: 'new-york-us',
    },
    messages: [
      { audience: 'local_authorities', language: 'es', body: 'Somos vecinos, trabajadores y estudiantes: escuchen nuestras voces antes de decidir por nosotros.', myths: ['migrants-take-more-in-benefits-than-they-pay'] },
      { audience: 'youth', language: 'en', body: 'We are the children of migrants and this city is ours too. Paint it, sing it, say it.', myths: ['the-world-is-overrun-by-migrants'] },
    ],
    indicators: [{ name: 'Young people who took part in the art workshops', unit: 'people', baseline: '0', target: '200', values: [['2026-10-01', '45'], ['2026-11-15', '96']] }],
    milestones: [{ dueOn: '2027-03-01', title: 'Hearing at the city council', done: false }],
    updates: [],
    supporters: ['quito@bridges.example'],
  },
];

/**
 * Creates the demo campaigns through the service (its rules apply) and marks their events as
 * fanned out: the demo tells nobody. `mythSlugs`: demo labels → the slugs the myths were given.
 */
export async function loadDemoCampaigns(deps: AppDeps, members: ReadonlyMap<string, CurrentUser>, mythSlugs: ReadonlyMap<string, string>): Promise<number> {
  const service = campaignsService(deps);
  for (const campaign of DEMO_CAMPAIGNS) {
    const creator = members.get(campaign.creator);
    if (!creator) throw new Error(`Demo campaign ${campaign.form.name}: no demo member ${campaign.creator}`);
    const slug = await service.create(creator, { ...EMPTY_CAMPAIGN_FORM, ...campaign.form });
    for (const message of campaign.messages) {
      await service.addMessage(creator, slug, { ...message, myths: message.myths.map((label) => mythSlugs.get(label) ?? label) });
    }
    for (const indicator of campaign.indicators) await service.addIndicator(creator, slug, indicator);
    const { indicators } = await service.find(slug);
    for (const [index, indicator] of campaign.indicators.entries()) {
      const id = indicators[index]?.id;
      for (const [on, value] of indicator.values) if (id !== undefined) await service.recordValue(creator, slug, { indicator: String(id), on, value });
    }
    for (const milestone of campaign.milestones) await service.addMilestone(creator, slug, milestone);
    for (const update of campaign.updates) await service.postUpdate(creator, slug, update);
    for (const email of campaign.supporters) {
      const member = members.get(email);
      if (member) await service.support(member, slug, true);
    }
  }
  await sql`UPDATE content_events SET processed_at = now() WHERE kind = ${CAMPAIGN_KIND} AND processed_at IS NULL`.execute(deps.db);
  return DEMO_CAMPAIGNS.length;
}
