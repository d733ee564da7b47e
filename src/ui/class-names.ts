/** Joins the truthy class names, so conditional modifiers read as one expression. */
export function cx(...parts: ReadonlyArray<string | false | null | undefined>): string {
  return parts.filter(Boolean).join(' ');
}
