import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.ts';
import { accountService } from '../accounts/index.ts';
import { communityService } from '../community/index.ts';
import { organisationsService } from '../organisations/index.ts';
import { partnershipsService } from '../partnerships/index.ts';
import { allContentKinds } from '../../content-kinds.ts';
import { loadDemoPractices } from '../practices/index.ts';
import { loadDemoResources } from '../resources/index.ts';
import { loadDemoEvents } from '../events/index.ts';
import { loadDemoDiscussions } from '../discuss/index.ts';
import { loadDemoMyths } from '../myths/index.ts';
import { loadDemoCampaigns } from '../campaigns/index.ts';
import { loadDemoLabs } from '../labs/index.ts';
import type { CurrentUser } from '../../platform/context.ts';
import { DEMO_ADMIN_EMAIL, DEMO_MEMBERS, DEMO_ORGANISATIONS, DEMO_PARTNERSHIPS } from './content.ts';

export interface DemoResult {
  loaded: boolean;
  admin?: { email: string; password: string };
}

function randomPassword(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * Fills an empty database with the demo content: an admin who can sign in, the members who
 * author the other demo content, and their practices. Does nothing when there are users already.
 */
export async function loadDemoContent(deps: AppDeps, options: { adminPassword?: string } = {}): Promise<DemoResult> {
  const accounts = accountService(deps);
  if (await accounts.hasAnyAccount()) return { loaded: false };
  const adminPassword = options.adminPassword ?? randomPassword();
  await accounts.createAccount({
    email: DEMO_ADMIN_EMAIL,
    password: adminPassword,
    name: 'Bridges Administrator',
    organisation: 'Bridges',
    stakeholderType: 'civil_society',
    country: '',
    role: 'admin',
  });
  const authorIdByEmail = new Map<string, number>();
  const members = new Map<string, CurrentUser>();
  for (const member of DEMO_MEMBERS) {
    const { id, handle } = await accounts.createAccount({ ...member, password: randomPassword() }, member.locale);
    authorIdByEmail.set(member.email, id);
    members.set(member.email, { id, handle, name: member.name, email: member.email, role: member.role, emailVerified: true, twoFactorEnabled: false, timeZone: 'UTC', unreadNotifications: 0, followsVersion: 0 });
  }
  await loadDemoPractices(deps, authorIdByEmail);
  await loadDemoProfiles(deps, members);
  await loadDemoOrganisations(deps, members);
  await loadDemoCommunity(deps, members);
  const editor = [...members.values()].find((member) => member.role === 'editor');
  if (!editor) throw new Error('The demo members include no editor');
  await loadDemoResources(deps, members, editor);
  await loadDemoEvents(deps, members, editor);
  await loadDemoDiscussions(deps, members);
  const mythSlugs = await loadDemoMyths(deps, editor);
  await loadDemoCampaigns(deps, members, mythSlugs);
  await loadDemoLabs(deps, members);
  return { loaded: true, admin: { email: DEMO_ADMIN_EMAIL, password: adminPassword } };
}

/** Organisation pages, each with its manager, its members and the practices its members published. */
async function loadDemoOrganisations(deps: AppDeps, members: ReadonlyMap<string, CurrentUser>): Promise<void> {
  const organisations = organisationsService(deps, allContentKinds());
  for (const organisation of DEMO_ORGANISATIONS) {
    const [manager, ...others] = organisation.members.map((email) => members.get(email)).filter((member): member is CurrentUser => member !== undefined);
    if (!manager) continue;
    const slug = await organisations.create(manager, { name: organisation.name, description: organisation.description, stakeholderType: organisation.stakeholderType, countries: organisation.countries, website: organisation.website });
    for (const member of others) {
      await organisations.requestToJoin(member, slug);
      await organisations.actOnMember(manager, slug, member.id, 'accept');
    }
    const published = await deps.db.selectFrom('practices').select('slug').where('author_id', '=', manager.id).where('status', '=', 'published').limit(2).execute();
    for (const practice of published) await organisations.addItem(manager, slug, 'practice', practice.slug);
  }
}

/** Partnerships, a conversation, a city page kept by its city, and follows with notifications waiting. */
async function loadDemoCommunity(deps: AppDeps, members: ReadonlyMap<string, CurrentUser>): Promise<void> {
  const partnerships = partnershipsService(deps);
  for (const partnership of DEMO_PARTNERSHIPS) {
    const author = members.get(partnership.author);
    if (author) await partnerships.create(author, { kind: partnership.kind, title: partnership.title, description: partnership.description, countries: partnership.countries, topics: partnership.topics, practices: '' });
  }
  const quito = members.get('quito@bridges.example');
  const lisboa = members.get('lisboa@bridges.example');
  const toronto = members.get('toronto@bridges.example');
  const editor = [...members.values()].find((member) => member.role === 'editor');
  if (!quito || !lisboa || !toronto || !editor) return;
  // A conversation carried by the platform, as members start them from a partnership.
  const conversation = await deps.db.insertInto('conversations').values({ member_low: Math.min(quito.id, lisboa.id), member_high: Math.max(quito.id, lisboa.id) }).returning('id').executeTakeFirstOrThrow();
  await deps.db.insertInto('messages').values([
    { conversation_id: conversation.id, sender_id: quito.id, body: 'Hello João, we would like to visit one of your one-stop shops with our reception team. Would May suit you?' },
    { conversation_id: conversation.id, sender_id: lisboa.id, body: 'Dear Lucía, gladly: the Lisbon centre can host you in May. I will send the programme of the visit.' },
  ]).execute();
  // Toronto's page is kept by its newcomer office.
  const city = await deps.db.selectFrom('cities').select('id').where('name', '=', 'Toronto').executeTakeFirst();
  if (city) {
    await deps.db.insertInto('city_keepers').values({ city_id: city.id, user_id: toronto.id, status: 'approved', note: 'Settlement policy lead, Toronto Newcomer Office', decided_by: editor.id, decided_at: new Date() }).execute();
    await deps.db.insertInto('city_profiles').values({
      city_id: city.id,
      integration_office: 'Toronto Newcomer Office',
      contact: 'City Hall, 100 Queen Street West',
      approach: 'One office coordinates the city’s services for newcomers, with community agencies in every neighbourhood and information in more than 20 languages.',
      links: ['https://www.toronto.ca/'],
      updated_by: toronto.id,
    }).execute();
  }
  // A member who follows countries and topics: the first digest has something in it.
  for (const [kind, key] of [['country', 'PT'], ['topic', 'housing'], ['country', 'FR']] as const) {
    await deps.db.insertInto('follows').values({ user_id: quito.id, target_kind: kind, target_key: key }).execute();
  }
}

/** The demo members who show a profile: listed in the directory with most fields public. */
async function loadDemoProfiles(deps: AppDeps, members: ReadonlyMap<string, CurrentUser>): Promise<void> {
  const community = communityService(deps);
  const cities = await deps.db.selectFrom('cities').select(['id', 'name']).execute();
  for (const member of DEMO_MEMBERS) {
    const user = members.get(member.email);
    if (!member.profile || !user) continue;
    const { profile } = member;
    await community.saveSettings(user, {
      organisation: member.organisation,
      stakeholderType: member.stakeholderType,
      jobTitle: profile.jobTitle,
      country: member.country,
      city: String(cities.find((city) => city.name === profile.city)?.id ?? ''),
      expertise: profile.expertise,
      languages: profile.languages,
      bio: profile.bio,
      website: profile.website ?? '',
      public: ['organisation', 'stakeholderType', 'jobTitle', 'country', 'city', 'expertise', 'languages', 'bio', 'website'],
      listed: 'yes',
      timeZone: profile.timeZone,
      locale: member.locale,
    });
  }
}
