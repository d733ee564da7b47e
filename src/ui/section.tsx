import type { ComponentChildren } from 'preact';

/** A titled part of an item's page, named by its heading for screen readers' landmarks list. */
export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="practice-section" id={id} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}
