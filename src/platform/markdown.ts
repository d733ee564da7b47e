import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Markdown written by members (resource bodies, later posts and descriptions), rendered on the
 * server to HTML that is safe to put in a page: markdown-it with raw HTML off and only http(s),
 * mailto and in-page links, then sanitize-html as a second wall with an allowlist of elements, so a
 * script, an event handler or a `javascript:` link can never come through, whatever the parser
 * lets by. Images are not allowed: they would load from other sites.
 */

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
// Links within the page (`#comment-12`: a synthesis citing a comment) carry no scheme to abuse.
const SAFE_LINK = /^(https?:|mailto:|#[A-Za-z0-9_-]+$)/i;
markdown.validateLink = (url: string) => SAFE_LINK.test(url.trim());

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h2', 'h3', 'h4', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // Members' headings start at h2: the page's own title is the only h1.
  transformTags: {
    h1: 'h2',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow ugc noopener noreferrer' } }),
  },
};

/** Markdown as sanitised HTML, ready for `dangerouslySetInnerHTML`. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), ALLOWED);
}
