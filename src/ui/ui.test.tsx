import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { render } from 'preact-render-to-string';
import { Checkboxes, ErrorSummary, Pagination, Select, TextInput, Textarea, pageSlots } from './index.ts';

/**
 * The opening tag of the element with this id, so assertions look at the right control.
 * Quoted attribute values may hold a raw `>` (only `<`, `&` and `"` are escaped there).
 */
function tagWithId(html: string, id: string): string {
  const attributes = '(?:[^>"]|"[^"]*")*';
  const match = new RegExp(`<[a-z]+${attributes}\\sid="${id}"${attributes}>`).exec(html);
  assert.ok(match, `no element with id="${id}" in ${html}`);
  return match[0];
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

describe('form fields', () => {
  const field = {
    id: 'email',
    label: 'Email address',
    hint: 'We only use it to sign you in',
    error: 'Enter your email address',
    errorPrefix: 'Error:',
  };

  it('ties the input to its label, hint and error', () => {
    const html = render(<TextInput {...field} type="email" value="ann@example.org" />);
    const input = tagWithId(html, 'email');
    assert.equal(attribute(input, 'name'), 'email');
    assert.deepEqual(attribute(input, 'aria-describedby')?.split(' ').sort(), ['email-error', 'email-hint']);
    assert.equal(attribute(input, 'aria-invalid'), 'true');
    assert.match(html, /<label[^>]*for="email"[^>]*>Email address<\/label>/);
    assert.match(tagWithId(html, 'email-hint'), /class="hint"/);
    assert.match(html, /id="email-error"[^>]*><span class="visually-hidden">Error: <\/span>Enter your email address</);
    assert.match(html, /class="form-group form-group--error"/);
  });

  it('says nothing about errors or hints that are not there', () => {
    const html = render(<TextInput id="name" label="Name" />);
    const input = tagWithId(html, 'name');
    assert.equal(attribute(input, 'aria-describedby'), undefined);
    assert.equal(attribute(input, 'aria-invalid'), undefined);
    assert.doesNotMatch(html, /error/);
  });

  it('keeps submitted values, escaped', () => {
    const hostile = '<script>alert(1)</script>"';
    for (const html of [
      render(<TextInput {...field} value={hostile} />),
      render(<Textarea {...field} value={hostile} />),
    ]) {
      assert.ok(html.includes('&lt;script'), html);
      assert.ok(!html.includes('<script'), html);
    }
    const input = tagWithId(render(<TextInput {...field} value={hostile} />), 'email');
    assert.equal(attribute(input, 'value'), '&lt;script>alert(1)&lt;/script>&quot;');
    assert.match(render(<Textarea {...field} value="kept text" />), /<textarea[^>]*>kept text<\/textarea>/);
  });

  it('selects the submitted option', () => {
    const html = render(
      <Select
        id="country"
        label="Country"
        emptyOption="Choose a country"
        value="es"
        options={[
          { value: 'fr', label: 'France' },
          { value: 'es', label: 'Spain' },
        ]}
      />,
    );
    assert.match(html, /<option value="es" selected>Spain<\/option>/);
    assert.doesNotMatch(html, /<option value="fr" selected/);
  });

  it('groups checkboxes so the error link lands on the first one', () => {
    const html = render(
      <Checkboxes
        id="topics"
        label="Topics"
        error="Select at least one topic"
        errorPrefix="Error:"
        items={[
          { value: 'health', label: 'Health' },
          { value: 'housing', label: 'Housing' },
        ]}
        checked={['housing']}
      />,
    );
    assert.equal(attribute(tagWithId(html, 'topics'), 'value'), 'health');
    assert.match(tagWithId(html, 'topics-2'), /value="housing" checked/);
    assert.match(html, /<fieldset[^>]*aria-describedby="topics-error"/);
    assert.match(html, /<legend[^>]*>Topics<\/legend>/);
  });
});

describe('ErrorSummary', () => {
  it('links each message to its field', () => {
    const html = render(
      <ErrorSummary
        title="There is a problem"
        errors={[
          { field: 'email', message: 'Enter your email address' },
          { field: 'password', message: 'Enter your password' },
        ]}
      />,
    );
    assert.match(html, /class="error-summary" tabindex="-1"/);
    assert.match(html, /<h2[^>]*>There is a problem<\/h2>/);
    assert.match(html, /<a href="#email">Enter your email address<\/a>/);
    assert.match(html, /<a href="#password">Enter your password<\/a>/);
    assert.doesNotMatch(html, /role="alert"|autofocus/);
  });

  it('renders nothing without errors', () => {
    assert.equal(render(<ErrorSummary title="There is a problem" errors={[]} />), '');
  });
});

describe('Pagination', () => {
  const labels = { nav: 'Pages', previous: 'Previous', next: 'Next', page: (n: number) => `Page ${n}` };
  const hrefFor = (n: number) => `/en/practices?page=${n}`;

  it('marks the current page and links to its neighbours', () => {
    const html = render(<Pagination page={5} pageCount={10} hrefFor={hrefFor} labels={labels} />);
    assert.match(html, /<nav class="pagination" aria-label="Pages">/);
    assert.match(html, /href="\/en\/practices\?page=5" aria-label="Page 5" aria-current="page"/);
    assert.equal(html.match(/aria-current/g)?.length, 1);
    assert.match(html, /href="\/en\/practices\?page=4" rel="prev">Previous</);
    assert.match(html, /href="\/en\/practices\?page=6" rel="next">Next</);
  });

  it('has no previous link on the first page and no next link on the last', () => {
    const first = render(<Pagination page={1} pageCount={3} hrefFor={hrefFor} labels={labels} />);
    assert.doesNotMatch(first, /Previous/);
    assert.match(first, /Next/);
    const last = render(<Pagination page={3} pageCount={3} hrefFor={hrefFor} labels={labels} />);
    assert.match(last, /Previous/);
    assert.doesNotMatch(last, /Next/);
  });

  it('renders nothing for a single page', () => {
    assert.equal(render(<Pagination page={1} pageCount={1} hrefFor={hrefFor} labels={labels} />), '');
    assert.equal(render(<Pagination page={1} pageCount={0} hrefFor={hrefFor} labels={labels} />), '');
  });

  it('shows first, last and current ±1, with ellipses only over real gaps', () => {
    assert.deepEqual(pageSlots(5, 10), [1, 'ellipsis', 4, 5, 6, 'ellipsis', 10]);
    assert.deepEqual(pageSlots(1, 10), [1, 2, 'ellipsis', 10]);
    assert.deepEqual(pageSlots(4, 10), [1, 2, 3, 4, 5, 'ellipsis', 10]);
    assert.deepEqual(pageSlots(10, 10), [1, 'ellipsis', 9, 10]);
    assert.deepEqual(pageSlots(2, 3), [1, 2, 3]);
  });
});
