import type { Locale } from '../../platform/i18n.ts';
import type { StakeholderType } from '../../lib/stakeholders.ts';
import type { Role } from '../../db/schema/accounts.ts';

export const DEMO_ADMIN_EMAIL = 'admin@bridges.example';

interface DemoMember {
  email: string;
  name: string;
  organisation: string;
  stakeholderType: StakeholderType;
  country: string;
  role: Role;
  locale: Locale;
}

/** Fictional practitioners from the kinds of organisations the seed documents describe. */
export const DEMO_MEMBERS: readonly DemoMember[] = [
  { email: 'editor@bridges.example', name: 'Elena Duarte', organisation: 'Bridges editorial team', stakeholderType: 'international_organisation', country: 'PT', role: 'editor', locale: 'en' },
  { email: 'chair@bridges.example', name: 'Neville Okafor', organisation: 'Global Forum working group', stakeholderType: 'international_organisation', country: 'CH', role: 'chair', locale: 'en' },
  { email: 'lab@bridges.example', name: 'Camille Le Roux', organisation: 'Migrant Integration Lab Paris', stakeholderType: 'academia', country: 'FR', role: 'lab_coordinator', locale: 'fr' },
  { email: 'quito@bridges.example', name: 'Lucía Andrade', organisation: 'Gobierno Provincial de Pichincha', stakeholderType: 'local_government', country: 'EC', role: 'member', locale: 'es' },
  { email: 'lisboa@bridges.example', name: 'João Martins', organisation: 'Centro Nacional de Apoio ao Imigrante', stakeholderType: 'national_government', country: 'PT', role: 'member', locale: 'en' },
  { email: 'diaspora@bridges.example', name: 'Khadija Benali', organisation: 'Forum des organisations de solidarité internationale issues des migrations', stakeholderType: 'migrant_diaspora_organisation', country: 'FR', role: 'member', locale: 'fr' },
  { email: 'amman@bridges.example', name: 'Omar Haddad', organisation: 'Community Mediation Network', stakeholderType: 'civil_society', country: 'JO', role: 'member', locale: 'ar' },
];
