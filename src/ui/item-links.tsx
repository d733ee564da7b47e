import type { ViewContext } from '../platform/context.ts';

export interface LinkedItem {
  slug: string;
  title: string;
  /** The language the item is written in, so that its title is read in it. */
  language?: string;
}

/** Links to items of one collection (`/practices`), each title in its own language and direction. */
export function ItemLinks({ ctx, items, basePath, listClass = 'link-list' }: { ctx: ViewContext; items: readonly LinkedItem[]; basePath: string; listClass?: string }) {
  return (
    <ul class={listClass}>
      {items.map((item) => (
        <li key={item.slug}>
          <a href={ctx.href(`${basePath}/${encodeURIComponent(item.slug)}`)} lang={item.language} dir="auto">
            {item.title}
          </a>
        </li>
      ))}
    </ul>
  );
}
