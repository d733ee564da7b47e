import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderMarkdown } from './markdown.ts';

describe('member Markdown', () => {
  test('renders lists, emphasis and http links, marked as user content', () => {
    const html = renderMarkdown('Read **this** guide:\n\n- one\n- two\n\n[IOM](https://www.iom.int/)');
    assert.match(html, /<strong>this<\/strong>/);
    assert.match(html, /<li>one<\/li>/);
    assert.match(html, /<a href="https:\/\/www\.iom\.int\/" rel="nofollow ugc noopener noreferrer">IOM<\/a>/);
  });

  test('scripts, event handlers, raw HTML and javascript: links come out inert', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[click](javascript:alert(3))\n\n<a href="javascript:alert(4)">x</a>\n\n<b onclick="alert(5)">bold</b>',
    );
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<img/i);
    assert.doesNotMatch(html, /<b /i);
    assert.doesNotMatch(html, /<a[^>]*href="javascript:/i);
    assert.doesNotMatch(html, /<[^>]*\son(error|click)=/i);
    // The raw HTML shows as the text it is.
    assert.match(html, /&lt;script&gt;/);
  });

  test('a member heading never becomes the page title', () => {
    assert.match(renderMarkdown('# Big'), /<h2>Big<\/h2>/);
  });
});
