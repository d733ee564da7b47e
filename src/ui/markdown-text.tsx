import { renderMarkdown } from '../platform/markdown.ts';

/**
 * Markdown a member wrote, on a page. The HTML is made on the server by renderMarkdown
 * (platform/markdown.ts): markdown-it with raw HTML off, then sanitize-html's allowlist, so no
 * script, event handler or `javascript:` link can reach the page whatever the member typed.
 */
export function MarkdownText({ source }: { source: string }) {
  return (
    <div
      class="prose"
      dir="auto"
      // Built on the server by renderMarkdown: markdown-it without raw HTML, then sanitize-html's allowlist.
      dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }}
    />
  );
}
