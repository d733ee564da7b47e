/**
 * ISO 3166-1 alpha-2 codes of the countries and territories people register from. Names are
 * never stored: `Intl.DisplayNames` gives each one in the reader's language.
 */
export const COUNTRY_CODES = `AD AE AF AG AI AL AM AO AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT
BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GT GU GW GY HK HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI
KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI
SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF
WS XK YE YT ZA ZM ZW`
  .split(/\s+/)
  .filter(Boolean);
import { displayNames } from './intl.ts';

const countryCodes: ReadonlySet<string> = new Set(COUNTRY_CODES);

export function isCountryCode(value: string): boolean {
  return countryCodes.has(value);
}

export function countryName(code: string, locale: string): string {
  return displayNames(locale, 'region').of(code) ?? code;
}

type CountryOption = Readonly<{ value: string; label: string }>;
const optionsByLocale = new Map<string, readonly CountryOption[]>();

/** Options for a country select, sorted by name in the reader's language (sorted once per locale). */
export function countryOptions(locale: string): readonly CountryOption[] {
  let options = optionsByLocale.get(locale);
  if (!options) {
    const names = displayNames(locale, 'region');
    const collator = new Intl.Collator(locale);
    options = COUNTRY_CODES.map((code) => ({ value: code, label: names.of(code) ?? code })).sort((a, b) =>
      collator.compare(a.label, b.label),
    );
    optionsByLocale.set(locale, options);
  }
  return options;
}
