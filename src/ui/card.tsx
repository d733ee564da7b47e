import type { ComponentChildren } from 'preact';
import { TagList, type TagItem } from './tag.tsx';

export interface CardProps {
  title: ComponentChildren;
  href?: string;
  /** Level that fits the page's outline: 2 in a plain list, 3 under a section heading. */
  headingLevel: 2 | 3;
  /** A short line under the title: organisation, country, date. */
  meta?: ComponentChildren;
  children?: ComponentChildren;
  tags?: readonly TagItem[];
  tagsLabel?: string;
}

export function Card({ title, href, headingLevel, meta, children, tags, tagsLabel }: CardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article class="card">
      <Heading class="card__title">{href ? <a href={href}>{title}</a> : title}</Heading>
      {meta ? <p class="card__meta">{meta}</p> : null}
      {children ? <div class="card__body">{children}</div> : null}
      {tags && tags.length > 0 ? <TagList tags={tags} label={tagsLabel} /> : null}
    </article>
  );
}
