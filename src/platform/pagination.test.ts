import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NotFoundError } from './errors.ts';
import { translator } from './i18n.ts';
import { InvalidPageError, loadPage, offsetOf, pageCountOf, pageHref, paginationLabels, parsePage } from './pagination.ts';

describe('parsePage', () => {
  test('reads positive whole numbers; absent or empty is the first page', () => {
    assert.equal(parsePage(undefined), 1);
    assert.equal(parsePage(''), 1);
    assert.equal(parsePage('1'), 1);
    assert.equal(parsePage('42'), 42);
  });

  test('refuses anything else with a 400', () => {
    for (const raw of ['0', '-1', '1.5', 'abc', '01', ' 2', '2e3', '99999999', '1000001']) {
      assert.throws(() => parsePage(raw), (error: unknown) => error instanceof InvalidPageError && error.statusCode === 400, raw);
    }
  });
});

describe('page arithmetic', () => {
  test('an empty list has one page; a partial last page counts', () => {
    assert.equal(pageCountOf(0, 25), 1);
    assert.equal(pageCountOf(25, 25), 1);
    assert.equal(pageCountOf(26, 25), 2);
    assert.equal(pageCountOf(26), 2, 'defaults to 25 per page');
  });

  test('offsets start at zero', () => {
    assert.equal(offsetOf(1, 25), 0);
    assert.equal(offsetOf(3, 10), 20);
  });
});

describe('loadPage', () => {
  const numbers = Array.from({ length: 30 }, (_, index) => index + 1);
  const source = {
    count: async () => numbers.length,
    rows: async ({ limit, offset }: { limit: number; offset: number }) => numbers.slice(offset, offset + limit),
  };

  test('returns the rows of the page and the page count', async () => {
    const second = await loadPage(2, source, 25);
    assert.deepEqual(second, { items: [26, 27, 28, 29, 30], page: 2, pageCount: 2, total: 30 });
  });

  test('a page past the end is not found, but page 1 of an empty list exists', async () => {
    await assert.rejects(loadPage(3, source, 25), NotFoundError);
    const empty = await loadPage(1, { count: async () => 0, rows: async () => [] });
    assert.deepEqual(empty, { items: [], page: 1, pageCount: 1, total: 0 });
  });
});

describe('pageHref', () => {
  test('keeps filters, drops empty ones, and gives page 1 no parameter', () => {
    assert.equal(pageHref('/en/admin/members', { q: 'ana & co', role: '' }, 1), '/en/admin/members?q=ana+%26+co');
    assert.equal(pageHref('/en/admin/members', { q: undefined, role: 'editor' }, 3), '/en/admin/members?role=editor&page=3');
    assert.equal(pageHref('/en/admin/outbox', {}, 1), '/en/admin/outbox');
  });
});

test('pagination labels are translated', () => {
  const labels = paginationLabels(translator('fr'));
  assert.equal(labels.next, 'Page suivante');
  assert.equal(labels.page(2), 'Page 2');
});
