import { Button, Checkboxes } from '../../ui/index.ts';
import type { FacetValue } from '../engine.ts';

/** How many values of a facet are listed: the rest are reached by searching. */
const VALUES_SHOWN = 8;

export interface FacetFiltersProps<P extends string> {
  params: readonly P[];
  facets: ReadonlyMap<P, FacetValue[]>;
  /** The facet's legend, a value's label, and a value with its count, in the reader's language. */
  legend(param: P): string;
  label(param: P, value: string): string;
  withCount(label: string, count: number): string;
  title: string;
  apply: string;
}

/** The facets of a search page as checkbox groups inside its GET form, the most frequent values first. */
export function FacetFilters<P extends string>({ params, facets, legend, label, withCount, title, apply }: FacetFiltersProps<P>) {
  return (
    <section aria-labelledby="filters-heading" class="facets">
      <h2 id="filters-heading">{title}</h2>
      {params.map((param) => {
        const values = facets.get(param) ?? [];
        if (values.length === 0) return null;
        // The most frequent values, and any chosen one.
        const shown = values.filter((value, index) => index < VALUES_SHOWN || value.selected);
        return (
          <div class="facet" key={param}>
            <Checkboxes
              id={param}
              label={legend(param)}
              items={shown.map((value) => ({ value: value.value, label: withCount(label(param, value.value), value.count) }))}
              checked={shown.filter((value) => value.selected).map((value) => value.value)}
            />
          </div>
        );
      })}
      <Button>{apply}</Button>
    </section>
  );
}
