/** Stakeholder types of members and organisations; labels live under `common.stakeholders.*`. */
export const STAKEHOLDER_TYPES = [
  'national_government',
  'local_government',
  'international_organisation',
  'civil_society',
  'migrant_diaspora_organisation',
  'academia',
  'private_sector',
  'media',
  'faith_based',
] as const;
export type StakeholderType = (typeof STAKEHOLDER_TYPES)[number];

export function isStakeholderType(value: string): value is StakeholderType {
  return (STAKEHOLDER_TYPES as readonly string[]).includes(value);
}
