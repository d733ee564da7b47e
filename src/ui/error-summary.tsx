export interface FieldError {
  /** The field's id (= name = error key); the link goes to `#field`. */
  field: string;
  message: string;
}

export interface ErrorSummaryProps {
  /** Already translated: "There is a problem". */
  title: string;
  errors: readonly FieldError[];
}

/**
 * Put it first in the main content of a re-rendered form. Without JavaScript nothing moves
 * focus here, so it stays free of `role="alert"` and autofocus; `tabindex="-1"` lets an
 * enhancement focus it later.
 */
export function ErrorSummary({ title, errors }: ErrorSummaryProps) {
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" tabindex={-1}>
      <h2 class="error-summary__title">{title}</h2>
      <ul class="error-summary__list">
        {errors.map((error) => (
          <li key={error.field}>
            <a href={`#${error.field}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
