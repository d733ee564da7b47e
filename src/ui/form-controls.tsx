import type { ComponentChildren } from 'preact';
import { countryName } from '../lib/countries.ts';
import { displayNames } from '../lib/intl.ts';
import { REGIONS, SUBREGIONS, regionName } from '../lib/regions.ts';
import type { ViewContext } from '../platform/context.ts';
import { describedBy, ErrorMessage, Fieldset, FormGroup, Hint, hintId, errorId } from './fields.tsx';

/**
 * Controls the design system does not have yet: a long list of countries grouped by region,
 * and a file input. Both work without JavaScript and tie their hint and error to the control.
 */

/**
 * Languages (ISO 639-1 codes) as options, named in the reader's language; in the order given, or
 * alphabetically when the list is long enough to be searched by eye.
 */
export function languageOptions(locale: string, codes: readonly string[], order: 'given' | 'alphabetical' = 'given'): { value: string; label: string }[] {
  const names = displayNames(locale, 'language');
  const options = codes.map((code) => ({ value: code, label: names.of(code) ?? code }));
  return order === 'given' ? options : options.sort((a, b) => a.label.localeCompare(b.label, locale));
}

function countriesByRegion(locale: string): { region: string; name: string; countries: { code: string; name: string }[] }[] {
  const collator = new Intl.Collator(locale);
  return REGIONS.map((region) => ({
    region,
    name: regionName(region, locale),
    countries: SUBREGIONS.filter((subregion) => subregion.region === region)
      .flatMap((subregion) => subregion.countries.split(' '))
      .map((code) => ({ code, name: countryName(code, locale) }))
      .sort((a, b) => collator.compare(a.name, b.name)),
  })).sort((a, b) => collator.compare(a.name, b.name));
}

export interface CountryChoicesProps {
  ctx: ViewContext;
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  errorPrefix?: string;
  checked: readonly string[];
}

/**
 * One checkbox per country, in a collapsible group per region: a region opens by itself when it
 * holds a ticked country, and all open when there is an error so its link lands on a visible box.
 * The first checkbox carries the field's id, as the error summary links to it.
 */
export function CountryChoices({ ctx, id, legend, hint, error, errorPrefix, checked }: CountryChoicesProps) {
  const chosen = new Set(checked);
  let first = true;
  const inputId = (code: string) => {
    if (!first) return `${id}-${code}`;
    first = false;
    return id;
  };
  return (
    <Fieldset legend={legend} idPrefix={id} hint={hint} error={error} errorPrefix={errorPrefix}>
      {countriesByRegion(ctx.locale).map((group) => {
        const ticked = group.countries.filter((country) => chosen.has(country.code)).length;
        return (
          <details key={group.region} open={Boolean(error) || ticked > 0}>
            <summary>{ticked > 0 ? ctx.t('practices.fields.countries.regionWithCount', { region: group.name, count: ticked }) : group.name}</summary>
            <div class="choices choices--checkbox">
              {group.countries.map((country) => {
                const countryId = inputId(country.code);
                return (
                  <div class="choice" key={country.code}>
                    <input
                      class="choice__input"
                      type="checkbox"
                      id={countryId}
                      name={id}
                      value={country.code}
                      checked={chosen.has(country.code)}
                      aria-invalid={error ? 'true' : undefined}
                    />
                    <label class="choice__label" for={countryId}>
                      {country.name}
                    </label>
                  </div>
                );
              })}
            </div>
          </details>
        );
      })}
    </Fieldset>
  );
}

export interface FileInputProps {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string;
  errorPrefix?: string;
  accept: string;
  multiple?: boolean;
}

export function FileInput({ id, label, hint, error, errorPrefix, accept, multiple }: FileInputProps) {
  return (
    <FormGroup error={error}>
      <label class="label" for={id}>
        {label}
      </label>
      <Hint id={hintId(id)}>{hint}</Hint>
      <ErrorMessage id={errorId(id)} message={error} prefix={errorPrefix} />
      <input
        class="file-upload"
        type="file"
        id={id}
        name={id}
        accept={accept}
        multiple={multiple}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? 'true' : undefined}
      />
    </FormGroup>
  );
}
