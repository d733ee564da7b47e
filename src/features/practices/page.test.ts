import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Role } from '../../db/schema/accounts.ts';
import { startTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { createMember as createTestMember, type TestMember } from '../../test/members.ts';
import { samplePractice } from './fixtures.ts';
import type { PracticeInput } from './model.ts';
import { ratingSummary } from '../../engagement/index.ts';
import { mayNoLongerBeRunning, similarityTerms } from './page-service.ts';
import { practiceService } from './service.ts';
import { jsonForScript } from '../../open-data/index.ts';
import { paragraphsOf, safeHttpUrl } from '../../ui/format.ts';

let testApp: TestApp;
before(async () => {
  testApp = await startTestApp();
});
after(() => testApp.close());

/** Signed-in members straight from the database (`src/test/members.ts`). */
function createMember(role: Role = 'member', name?: string): Promise<TestMember> {
  return createTestMember(testApp, { role, name });
}

let titleCount = 0;
async function createPractice(
  overrides: Partial<PracticeInput> = {},
  options: { authorId?: number | null; status?: 'draft' | 'published' | 'submitted'; publishedAt?: Date } = {},
): Promise<string> {
  titleCount += 1;
  return practiceService(testApp.deps).create(
    samplePractice({ title: `Practice number ${titleCount}`, ...overrides }),
    { authorId: options.authorId ?? null, status: options.status ?? 'published', publishedAt: options.publishedAt },
  );
}

async function practiceId(slug: string): Promise<number> {
  const row = await testApp.deps.db.selectFrom('practices').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  return row.id;
}

function visitor(): TestClient {
  return new TestClient(testApp.app);
}

/** The parsed JSON-LD block of a page. */
function jsonLdOf(html: string): Record<string, unknown> {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  assert.ok(match?.[1], 'the page carries JSON-LD');
  return JSON.parse(match[1]) as Record<string, unknown>;
}

describe('helpers', () => {
  test('"may no longer be running" after two years without confirmation, unless the practice ended', () => {
    // Local dates, as pg reads a `date` column.
    const now = new Date(2026, 5, 1, 12);
    const base = { published_at: new Date(2020, 0, 1), created_at: new Date(2020, 0, 1), ongoing: true, end_date: null };
    assert.equal(mayNoLongerBeRunning({ ...base, last_confirmed_at: new Date(2025, 0, 15) }, now), false);
    assert.equal(mayNoLongerBeRunning({ ...base, last_confirmed_at: new Date(2024, 5, 2) }, now), false);
    assert.equal(mayNoLongerBeRunning({ ...base, last_confirmed_at: new Date(2024, 5, 1) }, now), true, 'two years to the day');
    assert.equal(mayNoLongerBeRunning({ ...base, last_confirmed_at: null }, now), true, 'never confirmed: counted from publication');
    assert.equal(
      mayNoLongerBeRunning({ ...base, last_confirmed_at: null, published_at: new Date(2025, 11, 1) }, now),
      false,
      'recently published',
    );
    assert.equal(
      mayNoLongerBeRunning({ ...base, ongoing: false, end_date: new Date(2022, 11, 31), last_confirmed_at: null }, now),
      false,
      'a practice that ended as planned is not "maybe stopped"',
    );
  });

  test('broad terms count towards similarity but do not make every practice a candidate', () => {
    const terms = [
      { id: 1, vocabulary: 'dimension' },
      { id: 2, vocabulary: 'pillar' },
      { id: 3, vocabulary: 'topic' },
      { id: 4, vocabulary: 'target_group' },
    ];
    assert.deepEqual(similarityTerms(terms), { all: [1, 2, 3, 4], candidates: [3, 4] });
    assert.deepEqual(similarityTerms(terms.slice(0, 2)), { all: [1, 2], candidates: [1, 2] }, 'only broad terms: use them');
    assert.deepEqual(similarityTerms([]), { all: [], candidates: [] });
  });

  test('ratings average with one decimal, none without ratings', () => {
    assert.deepEqual(ratingSummary({ count: 0, sum: 0 }), { count: 0, average: null });
    assert.deepEqual(ratingSummary({ count: 3, sum: 13 }), { count: 3, average: 4.3 });
  });

  test('only http and https URLs are links; JSON for a script block cannot close it', () => {
    assert.equal(safeHttpUrl('https://example.org/a b'), 'https://example.org/a%20b');
    assert.equal(safeHttpUrl('javascript:alert(1)'), undefined);
    assert.equal(safeHttpUrl('data:text/html,hi'), undefined);
    assert.equal(safeHttpUrl('/relative'), undefined);
    const json = jsonForScript({ name: '</script><script>alert(1)</script>\u2028' });
    assert.doesNotMatch(json, /</);
    assert.deepEqual(JSON.parse(json), { name: '</script><script>alert(1)</script>\u2028' });
    assert.deepEqual(paragraphsOf('One\nline two\n\n\nTwo  \r\n'), [['One', 'line two'], ['Two']]);
  });
});

describe('practice page', () => {
  test('shows every section with headings, in the record language, with figures formatted', async () => {
    const slug = await createPractice({ title: 'Welcome desks at the town hall' });
    await testApp.deps.db
      .insertInto('attachments')
      .values({
        kind: 'practice',
        subject_id: await practiceId(slug),
        storage_key: randomUUID(),
        filename: 'evaluation-report.pdf',
        media_type: 'application/pdf',
        byte_size: 350_000,
      })
      .execute();
    const response = await visitor().get(`/en/practices/${slug}`);
    assert.equal(response.statusCode, 200);
    const html = response.body;
    for (const heading of [
      'Summary',
      'Background and objectives',
      'Activities',
      'Participants and target groups',
      'Outcomes',
      'Evaluation',
      'Recommendations and lessons for transfer',
      'Where and when',
      'Funding and budget',
      'Organisations',
      'Themes',
      'Links',
      'Documents',
      'About this record',
      'How useful is this practice?',
      'Comments',
      'Share this practice',
    ]) {
      assert.match(html, new RegExp(`<h2 id="[a-z-]+-heading">${heading.replace('?', '\\?')}</h2>`), heading);
    }
    assert.match(html, /<h1 lang="en" dir="auto">Welcome desks at the town hall<\/h1>/);
    assert.match(html, /<div class="prose" lang="en" dir="auto"><p>Newcomers had to visit six offices/);
    assert.match(html, /1,200 people reached/);
    assert.match(html, /€50,000/);
    assert.match(html, /Since March 2021, ongoing/);
    assert.match(html, /January 15, 2026/, 'last confirmed');
    assert.match(html, /City of Lyon/);
    assert.match(html, /Local government or city/);
    assert.match(html, /href="https:\/\/www\.lyon\.fr\/" rel="noopener noreferrer nofollow"/);
    assert.match(html, new RegExp(`href="/en/practices/${slug}/attachments/\\d+" dir="auto">evaluation-report\\.pdf</a>`));
    assert.match(html, /PDF, 350 kB/);
    assert.doesNotMatch(html, /may no longer be running/);
    assert.doesNotMatch(html, /Edit this practice/, 'visitors get no edit link');
    // Share links are plain anchors: nothing from the services is loaded.
    assert.match(html, /href="https:\/\/www\.linkedin\.com\/sharing\/share-offsite\/\?url=http%3A%2F%2Flocalhost%3A3000%2Fen%2Fpractices%2F/);
    assert.match(html, /href="mailto:\?subject=/);
    assert.match(html, /href="https:\/\/wa\.me\/\?text=/);
    assert.doesNotMatch(html, /<script src=|<iframe/);
    assert.match(html, /Sign in to rate this practice/);
    assert.match(html, new RegExp(`href="/en/login\\?next=%2Fen%2Fpractices%2F${slug}"`));
  });

  test('renders in French, Spanish and Arabic, right to left in Arabic', async () => {
    const slug = await createPractice({ budgetAmount: 0 });
    const fr = await visitor().get(`/fr/practices/${slug}`);
    assert.equal(fr.statusCode, 200);
    assert.match(fr.body, /Contexte et objectifs/);
    assert.match(fr.body, /Aucun budget \(0\s€\)/);
    assert.match(fr.body, /href="\/fr\/practices\?topic=housing">Logement<\/a>/);
    const es = await visitor().get(`/es/practices/${slug}`);
    assert.equal(es.statusCode, 200);
    assert.match(es.body, /Sin presupuesto/);
    const ar = await visitor().get(`/ar/practices/${slug}`);
    assert.equal(ar.statusCode, 200);
    assert.match(ar.body, /<html lang="ar" dir="rtl">/);
    assert.match(ar.body, /<h1 lang="en" dir="auto">/, 'the record keeps its own language inside the Arabic page');
  });

  test('a budget of zero reads "no budget"', async () => {
    const slug = await createPractice({ budgetAmount: 0, budgetCurrency: 'EUR' });
    const html = (await visitor().get(`/en/practices/${slug}`)).body;
    assert.match(html, /No budget \(€0\)/);
  });

  test('taxonomy tags, places, evidence, language and year link to the filtered search', async () => {
    const slug = await createPractice();
    const html = (await visitor().get(`/en/practices/${slug}`)).body;
    for (const filter of [
      'topic=housing',
      'topic=employment',
      'dimension=socio_economic',
      'pillar=language_communication',
      'target=refugees_asylum_seekers',
      'gcm=gcm16',
      'country=FR',
      'region=150',
      'stakeholder=local_government',
      'evidence=internal',
      'language=en',
      'year=2021',
    ]) {
      assert.match(html, new RegExp(`href="/en/practices\\?${filter}"`), filter);
    }
    assert.match(html, /href="\/en\/practices\?topic=housing">Housing<\/a>/);
  });

  test('the contact person is shown only when they agreed', async () => {
    const hidden = await createPractice();
    const hiddenHtml = (await visitor().get(`/en/practices/${hidden}`)).body;
    assert.doesNotMatch(hiddenHtml, /Claire Martin|claire\.martin@example\.org/);
    assert.doesNotMatch(hiddenHtml, /Contact person/);

    const shown = await createPractice({ contact: { name: 'Claire Martin', email: 'claire.martin@example.org', public: true } });
    const shownHtml = (await visitor().get(`/en/practices/${shown}`)).body;
    assert.match(shownHtml, /Contact person/);
    assert.match(shownHtml, /Claire Martin/);
    assert.match(shownHtml, /href="mailto:claire\.martin@example\.org"/);
  });

  test('markup in any field is shown as text, in the page and in the JSON-LD', async () => {
    const attack = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const slug = await createPractice({
      title: `Evil ${attack}`,
      summary: `Summary ${attack}`,
      organisations: [{ name: `Org ${attack}`, stakeholderType: 'civil_society', role: 'implementing' }],
      city: { name: `City ${attack}`, country: 'FR', latitude: 45.76, longitude: 4.83 },
    });
    const html = (await visitor().get(`/en/practices/${slug}`)).body;
    assert.doesNotMatch(html, /<script>alert|<img src=x/);
    assert.match(html, /Evil &lt;script>alert\(1\)&lt;\/script>&lt;img src=x onerror=alert\(2\)>/);
    assert.match(html, /Org &lt;script>/);
    assert.match(html, /aria-label="Map showing where the practice takes place: City &lt;script>/);
    const jsonLd = jsonLdOf(html);
    assert.equal(jsonLd.name, `Evil ${attack}`);
    assert.match(html, /"name":"Evil \\u003cscript>alert\(1\)\\u003c\/script>/);
  });

  test('schema.org JSON-LD describes the practice', async () => {
    const slug = await createPractice({ title: 'Mediators in schools' });
    const jsonLd = jsonLdOf((await visitor().get(`/en/practices/${slug}`)).body);
    assert.equal(jsonLd['@context'], 'https://schema.org');
    assert.equal(jsonLd['@type'], 'CreativeWork');
    assert.equal(jsonLd.name, 'Mediators in schools');
    assert.equal(jsonLd.url, `http://localhost:3000/en/practices/${slug}`);
    assert.equal(jsonLd.inLanguage, 'en');
    assert.equal(jsonLd.temporalCoverage, '2021-03-01/..');
    assert.deepEqual(jsonLd.creator, [{ '@type': 'Organization', name: 'City of Lyon' }]);
    assert.match(String(jsonLd.keywords), /Housing/);
    assert.equal(jsonLd.aggregateRating, undefined, 'no rating yet');
  });

  test('the map highlights the countries, marks the city and names them for screen readers', async () => {
    const slug = await createPractice({ countries: ['FR', 'ES'] });
    const html = (await visitor().get(`/en/practices/${slug}`)).body;
    const svg = /<svg[^>]*>[\s\S]*?<\/svg>/.exec(html)?.[0];
    assert.ok(svg, 'a map is drawn');
    assert.match(svg, /role="img"/);
    assert.match(svg, /aria-label="Map showing where the practice takes place: Lyon, France, and Spain"/);
    assert.match(svg, /<path class="practice-map__land" d="M[\d.]+ [\d.]+l/);
    assert.match(svg, /<path class="practice-map__highlight" d="M[\d.]+ [\d.]+l[^"]*zM/, 'two countries, several rings');
    assert.match(svg, /<circle class="practice-map__city" cx="[\d.]+" cy="[\d.]+" r="[\d.]+"/);
    assert.ok(svg.length < 40_000, `map in ${svg.length} bytes`);
  });

  test('an unconfirmed practice carries the "may no longer be running" note', async () => {
    const threeYearsAgo = new Date();
    threeYearsAgo.setFullYear(threeYearsAgo.getFullYear() - 3);
    const slug = await createPractice({ lastConfirmedAt: threeYearsAgo.toISOString().slice(0, 10) });
    const html = (await visitor().get(`/en/practices/${slug}`)).body;
    assert.match(html, /This practice may no longer be running/);
  });

  test('an unknown practice is 404', async () => {
    const response = await visitor().get('/en/practices/no-such-practice');
    assert.equal(response.statusCode, 404);
  });
});

describe('who sees a practice that is not published', () => {
  test('a draft is 404 to visitors and other members, visible to its author and editors', async () => {
    const author = await createMember();
    const other = await createMember();
    const editor = await createMember('editor');
    const slug = await createPractice({ title: 'Secret draft about housing' }, { authorId: author.id, status: 'draft' });

    const anonymous = await visitor().get(`/en/practices/${slug}`);
    assert.equal(anonymous.statusCode, 404);
    assert.doesNotMatch(anonymous.body, /Secret draft/);
    assert.equal((await other.client.get(`/en/practices/${slug}`)).statusCode, 404);

    const own = await author.client.get(`/en/practices/${slug}`);
    assert.equal(own.statusCode, 200);
    assert.match(own.body, /Secret draft about housing/);
    assert.match(own.body, /This practice is not public/);
    assert.match(own.body, /Status: draft\./);
    assert.match(own.body, new RegExp(`href="/en/practices/${slug}/edit"`));
    assert.doesNotMatch(own.body, /application\/ld\+json/, 'no metadata for search engines on a draft');
    assert.doesNotMatch(own.body, /Save rating/, 'no rating before publication');

    const editorView = await editor.client.get(`/en/practices/${slug}`);
    assert.equal(editorView.statusCode, 200);
    assert.match(editorView.body, new RegExp(`href="/en/practices/${slug}/history"`));

    // Nothing can be done to it from outside either.
    await other.client.get(`/en/practices/${slug}/flag`);
    assert.equal((await other.client.post(`/en/practices/${slug}/rating`, { score: '5' })).statusCode, 404);
    assert.equal((await other.client.post(`/en/practices/${slug}/comments`, { comment: 'Hello' })).statusCode, 404);
  });

  test('editors and the author see the edit link on a published practice, others do not; everyone sees its history', async () => {
    const author = await createMember();
    const other = await createMember();
    const slug = await createPractice({}, { authorId: author.id });
    assert.match((await author.client.get(`/en/practices/${slug}`)).body, /Edit this practice/);
    const otherView = (await other.client.get(`/en/practices/${slug}`)).body;
    assert.doesNotMatch(otherView, /Edit this practice/);
    assert.match((await visitor().get(`/en/practices/${slug}`)).body, new RegExp(`href="/en/practices/${slug}/history"`));
  });
});

describe('related practices', () => {
  test('"adapted from" and "adapted in" link both ways, published practices only', async () => {
    const origin = await createPractice({ title: 'Original mediation programme' });
    const adaptation = await createPractice({ title: 'Mediation adapted in Quito', adaptedFromSlug: origin });
    await createPractice({ title: 'Unpublished adaptation', adaptedFromSlug: origin }, { status: 'draft' });

    const originHtml = (await visitor().get(`/en/practices/${origin}`)).body;
    assert.match(originHtml, /Adapted in/);
    assert.match(originHtml, new RegExp(`href="/en/practices/${adaptation}" lang="en" dir="auto">Mediation adapted in Quito</a>`));
    assert.doesNotMatch(originHtml, /Unpublished adaptation/);

    const adaptationHtml = (await visitor().get(`/en/practices/${adaptation}`)).body;
    assert.match(adaptationHtml, /Adapted from/);
    assert.match(adaptationHtml, new RegExp(`href="/en/practices/${origin}" dir="auto">Original mediation programme</a>`));
    assert.equal(jsonLdOf(adaptationHtml).isBasedOn, `http://localhost:3000/en/practices/${origin}`);
  });

  test('similar practices share the most terms, are published and never the practice itself', async () => {
    const terms = {
      dimensions: ['cultural'],
      pillars: ['intercultural_dialogue'],
      topics: ['media_diversity', 'public_perceptions', 'anti_discrimination'],
      targetGroups: ['youth'],
      gcmObjectives: ['gcm17'],
      sdgTargets: [],
    };
    const subject = await createPractice({ title: 'Journalists workshop subject', ...terms });
    await createPractice({ title: 'Closest match', ...terms, topics: ['media_diversity', 'public_perceptions'] });
    await createPractice({ title: 'Loose match', ...terms, dimensions: ['socio_economic'], pillars: ['economic_integration'], topics: ['media_diversity'], targetGroups: ['women'], gcmObjectives: ['gcm16'] });
    await createPractice({ title: 'Draft twin', ...terms }, { status: 'draft' });
    await createPractice({
      title: 'Nothing in common',
      dimensions: ['legal_political'],
      pillars: ['civism_citizenship'],
      topics: ['health'],
      targetGroups: ['older_people'],
      gcmObjectives: ['gcm15'],
      sdgTargets: ['sdg_8_8'],
    });

    const html = (await visitor().get(`/en/practices/${subject}`)).body;
    const similar = /<section class="practice-section" id="similar"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    assert.match(similar, /Closest match[\s\S]*Loose match/, 'ordered by the number of shared terms');
    assert.doesNotMatch(similar, /Draft twin|Nothing in common|Journalists workshop subject/);
  });

  test('previous and next follow the publication dates of published practices', async () => {
    const first = await createPractice({ title: 'Oldest of three' }, { publishedAt: new Date('2001-01-01T10:00:00Z') });
    const middle = await createPractice({ title: 'Middle of three' }, { publishedAt: new Date('2001-01-02T10:00:00Z') });
    const last = await createPractice({ title: 'Newest of three' }, { publishedAt: new Date('2001-01-03T10:00:00Z') });
    await createPractice({ title: 'Draft in between' }, { status: 'draft' });
    const html = (await visitor().get(`/en/practices/${middle}`)).body;
    assert.match(html, new RegExp(`href="/en/practices/${first}" rel="prev">`));
    assert.match(html, new RegExp(`href="/en/practices/${last}" rel="next">`));
    const oldest = (await visitor().get(`/en/practices/${first}`)).body;
    assert.doesNotMatch(oldest, /rel="prev"/);
  });
});

describe('usefulness rating', () => {
  /** The practice's stored totals, as `rating_totals` keeps them (none yet reads as zero). */
  async function totals(slug: string) {
    const id = await practiceId(slug);
    const row = await testApp.deps.db
      .selectFrom('rating_totals')
      .select(['count', 'sum'])
      .where('kind', '=', 'practice')
      .where('subject_id', '=', id)
      .executeTakeFirst();
    return { rating_count: row?.count ?? 0, rating_sum: row?.sum ?? 0 };
  }

  test('a visitor who tries to rate is sent to sign in', async () => {
    const slug = await createPractice();
    // A visitor holding a form token (for instance after their session ran out on an open page).
    const client = visitor();
    await client.get('/en/login');
    const response = await client.post(`/en/practices/${slug}/rating`, { score: '4' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/en/login');
    assert.deepEqual(await totals(slug), { rating_count: 0, rating_sum: 0 });
  });

  test('a member rates once and can change the rating; count and sum stay exact', async () => {
    const slug = await createPractice();
    const rater = await createMember();
    const other = await createMember();
    await rater.client.get(`/en/practices/${slug}`);
    const first = await rater.client.post(`/en/practices/${slug}/rating`, { score: '4' });
    assert.equal(first.statusCode, 303);
    assert.equal(first.headers.location, `/en/practices/${slug}?done=rated#rating`);
    assert.deepEqual(await totals(slug), { rating_count: 1, rating_sum: 4 });

    const page = await rater.client.get(String(first.headers.location));
    assert.match(page.body, /Thank you, your rating is saved/);
    assert.match(page.body, /Rated 4\.0 out of 5 by 1 member/);
    assert.match(page.body, /You rated it 4 out of 5/);
    assert.match(page.body, /<input class="choice__input" type="radio" id="score-4" name="score" value="4" checked/);

    await rater.client.post(`/en/practices/${slug}/rating`, { score: '2' });
    assert.deepEqual(await totals(slug), { rating_count: 1, rating_sum: 2 }, 'a change moves the sum only');
    await rater.client.post(`/en/practices/${slug}/rating`, { score: '2' });
    assert.deepEqual(await totals(slug), { rating_count: 1, rating_sum: 2 }, 'the same rating again changes nothing');

    await other.client.get(`/en/practices/${slug}`);
    await other.client.post(`/en/practices/${slug}/rating`, { score: '5' });
    assert.deepEqual(await totals(slug), { rating_count: 2, rating_sum: 7 });
    const ratings = await testApp.deps.db.selectFrom('ratings').select('score').where('kind', '=', 'practice').where('subject_id', '=', await practiceId(slug)).execute();
    assert.equal(ratings.length, 2);

    const jsonLd = jsonLdOf((await visitor().get(`/en/practices/${slug}`)).body);
    assert.deepEqual(jsonLd.aggregateRating, { '@type': 'AggregateRating', ratingValue: 3.5, ratingCount: 2, bestRating: 5, worstRating: 1 });
  });

  test('an invalid rating re-renders the page with 422 and an error summary, and changes nothing', async () => {
    const slug = await createPractice();
    const rater = await createMember();
    await rater.client.get(`/en/practices/${slug}`);
    for (const score of ['', '6', '0', '3.5', 'five']) {
      const response = await rater.client.post(`/en/practices/${slug}/rating`, { score });
      assert.equal(response.statusCode, 422, `score "${score}"`);
      assert.match(response.body, /class="error-summary"/);
      assert.match(response.body, /<a href="#score">Choose a rating from 1 to 5<\/a>/);
      assert.match(response.body, /id="score-error"/);
    }
    assert.deepEqual(await totals(slug), { rating_count: 0, rating_sum: 0 });
  });

  test('30 members rating at once, then changing at once, keep exact totals', async () => {
    const slug = await createPractice();
    const raters = await Promise.all(Array.from({ length: 30 }, () => createMember()));
    await Promise.all(raters.map((rater) => rater.client.get(`/en/practices/${slug}`)));
    const firstScores = raters.map((_, index) => (index % 5) + 1);
    const first = await Promise.all(raters.map((rater, index) => rater.client.post(`/en/practices/${slug}/rating`, { score: String(firstScores[index]) })));
    assert.ok(first.every((response) => response.statusCode === 303), 'every rating accepted');
    assert.deepEqual(await totals(slug), { rating_count: 30, rating_sum: firstScores.reduce((a, b) => a + b, 0) });

    // Half change their mind while the other half rate again with the same score.
    const secondScores = firstScores.map((score, index) => (index % 2 === 0 ? 6 - score : score));
    await Promise.all(raters.map((rater, index) => rater.client.post(`/en/practices/${slug}/rating`, { score: String(secondScores[index]) })));
    const expectedSum = secondScores.reduce((a, b) => a + b, 0);
    assert.deepEqual(await totals(slug), { rating_count: 30, rating_sum: expectedSum });
    const stored = await testApp.deps.db
      .selectFrom('ratings')
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.sum<number>('score').as('sum')])
      .where('kind', '=', 'practice')
      .where('subject_id', '=', await practiceId(slug))
      .executeTakeFirstOrThrow();
    assert.deepEqual({ count: Number(stored.count), sum: Number(stored.sum) }, { count: 30, sum: expectedSum });
    // Search orders by the same totals: the trigger on them keeps the practice's search row in step.
    const searchRow = await testApp.deps.db
      .selectFrom('search_documents')
      .select(['rating_count', 'usefulness'])
      .where('kind', '=', 'practice')
      .where('subject_id', '=', await practiceId(slug))
      .executeTakeFirstOrThrow();
    assert.equal(searchRow.rating_count, 30);
    assert.ok(Math.abs((searchRow.usefulness ?? 0) - (expectedSum + 6) / 32) < 1e-5, `usefulness ${searchRow.usefulness}`);
  });
});

describe('comments and flags', () => {
  test('members comment; markup stays text; an empty comment gets "Enter a comment"', async () => {
    const slug = await createPractice();
    const member = await createMember('member', 'Amina Diallo');
    await member.client.get(`/en/practices/${slug}`);

    const empty = await member.client.post(`/en/practices/${slug}/comments`, { comment: '   ' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /<a href="#comment">Enter a comment<\/a>/);

    const tooLong = await member.client.post(`/en/practices/${slug}/comments`, { comment: 'x'.repeat(5001) });
    assert.equal(tooLong.statusCode, 422);
    assert.match(tooLong.body, /Comment must be 5,000 characters or fewer/);
    assert.match(tooLong.body, /<textarea[^>]*>x{5001}<\/textarea>/, 'the text is kept');

    const posted = await member.client.post(`/en/practices/${slug}/comments`, { comment: 'We tried this in Porto.\n<b>It worked</b>' });
    assert.equal(posted.statusCode, 303);
    assert.match(String(posted.headers.location), new RegExp(`^/en/practices/${slug}\\?done=commented#comment-\\d+$`));
    await member.client.post(`/en/practices/${slug}/comments`, { comment: 'A second thought.' });

    const html = (await visitor().get(`/en/practices/${slug}`)).body;
    assert.match(html, /2 comments/);
    assert.match(html, /<strong dir="auto">Amina Diallo<\/strong>/);
    assert.match(html, /We tried this in Porto\.<br\/>&lt;b>It worked&lt;\/b>/);
    assert.match(html, /We tried this in Porto[\s\S]*A second thought/, 'oldest first');
  });

  test('a visitor cannot comment; a deleted author shows as "deleted member"', async () => {
    const slug = await createPractice();
    const client = visitor();
    await client.get('/en/login');
    const response = await client.post(`/en/practices/${slug}/comments`, { comment: 'Hello' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/en/login');

    const leaving = await createMember('member', 'Soon Gone');
    await leaving.client.get(`/en/practices/${slug}`);
    await leaving.client.post(`/en/practices/${slug}/comments`, { comment: 'Before I leave.' });
    await testApp.deps.db.updateTable('users').set({ deleted_at: new Date(), name: null, email: null }).where('id', '=', leaving.id).execute();
    const html = (await visitor().get(`/en/practices/${slug}`)).body;
    assert.match(html, /deleted member/);
    assert.doesNotMatch(html, /Soon Gone/);
  });

  test('editors remove a comment, which keeps its place; members cannot', async () => {
    const slug = await createPractice();
    const member = await createMember();
    const editor = await createMember('editor');
    await member.client.get(`/en/practices/${slug}`);
    const posted = await member.client.post(`/en/practices/${slug}/comments`, { comment: 'Buy cheap watches here' });
    const commentId = /#comment-(\d+)$/.exec(String(posted.headers.location))?.[1];
    assert.ok(commentId);

    const memberPage = await member.client.get(`/en/practices/${slug}`);
    assert.doesNotMatch(memberPage.body, /Remove comment/);
    assert.equal((await member.client.post(`/en/practices/${slug}/comments/${commentId}/remove`)).statusCode, 403);

    const editorPage = await editor.client.get(`/en/practices/${slug}`);
    assert.match(editorPage.body, new RegExp(`action="/en/practices/${slug}/comments/${commentId}/remove"`));
    const removed = await editor.client.post(`/en/practices/${slug}/comments/${commentId}/remove`);
    assert.equal(removed.statusCode, 303);
    const html = (await visitor().get(`/en/practices/${slug}`)).body;
    assert.match(html, /Comment removed by an editor/);
    assert.doesNotMatch(html, /cheap watches/);
    const row = await testApp.deps.db.selectFrom('comments').selectAll().where('id', '=', Number(commentId)).executeTakeFirstOrThrow();
    assert.ok(row.removed_at, 'soft delete');
    assert.equal(row.body, 'Buy cheap watches here', 'the text is kept for the record');

    assert.equal((await editor.client.post(`/en/practices/${slug}/comments/999999/remove`)).statusCode, 404);
  });

  test('members flag a comment or the practice once, with a reason and a note, and are thanked', async () => {
    const slug = await createPractice();
    const author = await createMember();
    const reporter = await createMember();
    await author.client.get(`/en/practices/${slug}`);
    const posted = await author.client.post(`/en/practices/${slug}/comments`, { comment: 'Rude words' });
    const commentId = /#comment-(\d+)$/.exec(String(posted.headers.location))?.[1];
    assert.ok(commentId);

    const page = await reporter.client.get(`/en/practices/${slug}`);
    assert.match(page.body, new RegExp(`href="/en/practices/${slug}/flag\\?comment=${commentId}"`));
    const form = await reporter.client.get(`/en/practices/${slug}/flag?comment=${commentId}`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Report a comment to the editors/);

    const invalid = await reporter.client.post(`/en/practices/${slug}/flags`, { subject: 'comment', comment: commentId, reason: 'boring', note: 'x' });
    assert.equal(invalid.statusCode, 422);
    assert.match(invalid.body, /<a href="#reason">Choose why you are reporting it<\/a>/);

    const flagged = await reporter.client.post(`/en/practices/${slug}/flags`, {
      subject: 'comment',
      comment: commentId,
      reason: 'offensive',
      note: 'Insults another member',
    });
    assert.equal(flagged.statusCode, 303);
    assert.equal(flagged.headers.location, `/en/practices/${slug}?done=flagged`);
    assert.match((await reporter.client.get(String(flagged.headers.location))).body, /Thank you for your report/);
    await reporter.client.post(`/en/practices/${slug}/flags`, { subject: 'comment', comment: commentId, reason: 'spam', note: '' });

    await reporter.client.get(`/en/practices/${slug}/flag`);
    await reporter.client.post(`/en/practices/${slug}/flags`, { subject: 'practice', reason: 'inaccurate', note: '' });

    const flags = await testApp.deps.db.selectFrom('content_flags').selectAll().where('reporter_id', '=', reporter.id).orderBy('id').execute();
    assert.deepEqual(
      flags.map((flag) => [flag.subject, flag.reason, flag.note]),
      [
        [`comment:${commentId}`, 'offensive', 'Insults another member'],
        [`practice:${await practiceId(slug)}`, 'inaccurate', ''],
      ],
      'one open flag per reporter and subject',
    );

    assert.equal((await reporter.client.get(`/en/practices/${slug}/flag?comment=999999`)).statusCode, 404);
    const anonymous = await visitor().get(`/en/practices/${slug}/flag`);
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/en\/login\?next=/);
  });
});
