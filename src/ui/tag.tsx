import type { ComponentChildren } from 'preact';
import { cx } from './class-names.ts';

export type TagVariant = 'default' | 'muted' | 'success' | 'warning' | 'danger';

export interface TagProps {
  children: ComponentChildren;
  href?: string;
  variant?: TagVariant;
}

export function Tag({ children, href, variant = 'default' }: TagProps) {
  const className = cx('tag', variant !== 'default' && `tag--${variant}`);
  return href ? (
    <a class={className} href={href}>
      {children}
    </a>
  ) : (
    <span class={className}>{children}</span>
  );
}

export interface TagItem {
  label: string;
  href?: string;
  variant?: TagVariant;
}

export interface TagListProps {
  tags: readonly TagItem[];
  /** Accessible name of the list, e.g. "Topics". */
  label?: string;
}

export function TagList({ tags, label }: TagListProps) {
  if (tags.length === 0) return null;
  return (
    <ul class="tag-list" aria-label={label}>
      {tags.map((tag) => (
        <li key={`${tag.href ?? ''}|${tag.label}`}>
          <Tag href={tag.href} variant={tag.variant}>
            {tag.label}
          </Tag>
        </li>
      ))}
    </ul>
  );
}
