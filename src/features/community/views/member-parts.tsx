import { countryName } from '../../../lib/countries.ts';
import { displayNames } from '../../../lib/intl.ts';
import type { ViewContext } from '../../../platform/context.ts';
import type { SummaryRow } from '../../../ui/summary-list.tsx';
import { safeHttpUrl } from '../../../ui/format.ts';
import { termLabel } from '../../taxonomies/index.ts';
import type { PublicProfile } from '../service.ts';

/** A member's public facts, as rows: only those they made public are present at all. */
export function profileRows(ctx: ViewContext, profile: PublicProfile): SummaryRow[] {
  const { t, locale } = ctx;
  const rows: SummaryRow[] = [];
  if (profile.jobTitle) rows.push({ key: t('community.fields.jobTitle'), value: <span dir="auto">{profile.jobTitle}</span> });
  if (profile.organisation) rows.push({ key: t('community.fields.organisation'), value: <span dir="auto">{profile.organisation}</span> });
  if (profile.stakeholderType) rows.push({ key: t('community.fields.stakeholderType'), value: t(`common.stakeholders.${profile.stakeholderType}`) });
  if (profile.city) rows.push({ key: t('community.fields.city'), value: profile.city.name });
  if (profile.country) rows.push({ key: t('community.fields.country'), value: countryName(profile.country, locale) });
  if (profile.expertise.length > 0) {
    rows.push({
      key: t('community.fields.expertise'),
      value: new Intl.ListFormat(locale, { type: 'conjunction' }).format(profile.expertise.map((term) => termLabel(term, locale))),
    });
  }
  if (profile.languages.length > 0) {
    const names = displayNames(locale, 'language');
    rows.push({ key: t('community.fields.languages'), value: new Intl.ListFormat(locale).format(profile.languages.map((code) => names.of(code) ?? code)) });
  }
  const website = profile.website ? safeHttpUrl(profile.website) : undefined;
  if (website) {
    rows.push({
      key: t('community.fields.website'),
      value: (
        <a href={website} rel="nofollow ugc noopener" dir="ltr">
          {website}
        </a>
      ),
    });
  }
  return rows;
}

/** One line about a member for lists: what they do and where, as far as they show it. */
export function memberLine(ctx: ViewContext, profile: PublicProfile): string {
  return [profile.jobTitle, profile.organisation, profile.city?.name, profile.country ? countryName(profile.country, ctx.locale) : null]
    .filter(Boolean)
    .join(' · ');
}
