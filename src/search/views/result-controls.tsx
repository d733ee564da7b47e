import { Button, Select } from '../../ui/index.ts';
import { SORTS, type Sort } from '../query.ts';

/**
 * The order of a search's results, inside its GET form (so the words and facets stay with it).
 * Relevance is offered only when there are words to be relevant to.
 */
export function SortChoice({ request, label, apply, sortLabel, defaultLabel }: { request: { q: string; sort: Sort; sortGiven: boolean }; label: string; apply: string; sortLabel: (sort: Sort) => string; defaultLabel: string }) {
  return (
    <div class="inline-form">
      <Select
        id="sort"
        label={label}
        options={SORTS.filter((sort) => sort !== 'relevance' || request.q).map((sort) => ({ value: sort, label: sortLabel(sort) }))}
        value={request.sortGiven ? request.sort : ''}
        emptyOption={defaultLabel}
      />
      <Button variant="secondary">{apply}</Button>
    </div>
  );
}

/** What a search that found nothing says, with a way back to everything when words or filters narrowed it. */
export function NoResults({ message, clear }: { message: string; clear?: { href: string; label: string } }) {
  return (
    <div class="stack">
      <p>{message}</p>
      {clear ? (
        <p>
          <a href={clear.href}>{clear.label}</a>
        </p>
      ) : null}
    </div>
  );
}
