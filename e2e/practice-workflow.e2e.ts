import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { samplePng } from '../src/test/sample-files.ts';
import { accountService } from '../src/features/accounts/service.ts';
import { CRITERIA } from '../src/features/practices/criteria.ts';
import { parseCsv } from '../src/open-data/index.ts';
import { CSV_COLUMNS } from '../src/features/practices/export-import.ts';
import { samplePractice } from '../src/features/practices/fixtures.ts';
import { practiceService } from '../src/features/practices/service.ts';
import {
  enterSignInCode,
  expectNoAxeViolations,
  linkIn,
  newestMailTo,
  pathOf,
  startJourney,
  turnOnTwoFactorFor,
  watchPageProblems,
  type Journey,
} from './support.ts';

let journey: Journey;
let dataDir: string;
before(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'bridges-e2e-uploads-'));
  journey = await startJourney({ env: { DATA_DIR: dataDir } });
});
after(async () => {
  await journey?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const member = { name: 'Amina Diallo', email: 'amina.diallo@example.org', password: 'harbour lanterns at dusk' };
const editor = { name: 'Erin Okafor', email: 'erin.okafor@example.org', password: 'quiet rivers run deep' };
const frenchMember = { name: 'Élodie Bernard', email: 'elodie.bernard@example.org', password: 'les cerisiers de Montreuil' };

const TITLE = 'Welcome desks for newcomers in Lyon';

/** `totpSecret`: for staff, who sign in with a code as well. */
async function signIn(page: Page, person: { email: string; password: string }, totpSecret?: string): Promise<void> {
  await page.goto('/en/login');
  await page.getByLabel('Email address', { exact: true }).fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  if (totpSecret) await enterSignInCode(page, totpSecret);
  await page.waitForURL('**/en/account');
}

/**
 * Two other published practices that a French query for "logement" (housing) also finds, so that
 * each of the two facets has something to take away: one tagged Housing but in Spain, one in
 * France and written in French about housing but not tagged Housing.
 */
async function publishNeighbours(): Promise<void> {
  const practices = practiceService(journey.deps);
  await practices.create(
    samplePractice({
      title: 'Shared flats for young refugees in Valencia',
      summary: 'Young refugees leaving reception centres share flats with local students and get help with rent and housing contracts.',
      topics: ['housing'],
      countries: ['ES'],
      city: { name: 'Valencia', country: 'ES', latitude: 39.4699, longitude: -0.3763 },
      organisations: [{ name: 'Ajuntament de València', stakeholderType: 'local_government', role: 'implementing' }],
    }),
    { authorId: null, status: 'published' },
  );
  await practices.create(
    samplePractice({
      title: 'Ateliers vers l’emploi pour les nouveaux arrivants à Marseille',
      summary: 'Des ateliers hebdomadaires aident les personnes nouvellement arrivées à trouver un emploi et un logement stable à Marseille.',
      background: 'Les personnes arrivées depuis peu cumulent les démarches sans accompagnement.',
      activities: 'Des conseillers et des bénévoles animent des ateliers collectifs et des entretiens individuels.',
      participants: 'Personnes réfugiées et primo-arrivantes, employeurs du quartier.',
      outcomes: 'La moitié des participants ont trouvé un emploi dans l’année.',
      evaluation: 'Suivi des parcours à six et douze mois.',
      recommendations: 'Associer les employeurs dès le premier atelier.',
      topics: ['employment'],
      countries: ['FR'],
      city: { name: 'Marseille', country: 'FR', latitude: 43.2965, longitude: 5.3698 },
      organisations: [{ name: 'Ville de Marseille', stakeholderType: 'local_government', role: 'implementing' }],
      language: 'fr',
    }),
    { authorId: null, status: 'published' },
  );
}

async function scoreEveryCriterion(page: Page, score: number): Promise<void> {
  for (const criterion of CRITERIA) await page.locator(`input[name="score-${criterion.id}"][value="${score}"]`).check();
}

describe('the editorial workflow in the browser', () => {
  test('a member submits with an attachment, the editor asks for changes, the member resubmits, the editor publishes; the member’s later change waits until the editor approves it; a French visitor finds it with a query and two facets, signs in, rates and comments; history, API, feed and CSV show it', async () => {
    const accounts = accountService(journey.deps);
    await accounts.createAccount({ ...member, role: 'member', organisation: 'Ville de Lyon', stakeholderType: 'local_government', country: 'FR' });
    await accounts.createAccount({ ...editor, role: 'editor', organisation: '', stakeholderType: '', country: '' });
    const editorSecret = await turnOnTwoFactorFor(journey, editor.email);
    await accounts.createAccount({ ...frenchMember, role: 'member', organisation: 'Mairie de Montreuil', stakeholderType: 'local_government', country: 'FR' });
    await publishNeighbours();

    const author = await journey.newPage({ locale: 'en-GB' });
    const authorProblems = watchPageProblems(author);
    await signIn(author, member);
    await author.goto('/en/practices/new');
    await author.getByRole('heading', { level: 1, name: 'Submit a practice' }).waitFor();
    await expectNoAxeViolations(author);

    // Submitting half a record brings the form back with its errors, the typed text kept.
    await author.getByLabel('Title', { exact: true }).fill(TITLE);
    await author.getByRole('button', { name: 'Submit for review' }).click();
    await author.getByRole('heading', { level: 2, name: 'There is a problem' }).waitFor();
    assert.equal(await author.getByLabel('Title', { exact: true }).inputValue(), TITLE);
    await expectNoAxeViolations(author);

    await author.getByLabel('Summary', { exact: true }).fill('One desk at the town hall where newcomers get advice on housing, work and language courses.');
    await author.getByRole('textbox', { name: 'Activities', exact: true }).fill('Trained staff and volunteer interpreters answer questions and book appointments.');
    await author.getByRole('textbox', { name: 'Outcomes', exact: true }).fill('Waiting times fell by half.');
    await author.getByLabel('Socio-economic integration').check();
    await author.getByLabel('Housing', { exact: true }).check();
    // Regions fold their countries away; after an error about countries they are all open.
    const europe = author.locator('details', { has: author.locator('summary', { hasText: 'Europe' }) });
    if ((await europe.getAttribute('open')) === null) await europe.locator('summary').click();
    await author.getByLabel('France', { exact: true }).check();
    await author.locator('#organisation1Name').fill('City of Lyon');
    await author.locator('#organisation1Type').selectOption('local_government');
    await author.locator('#startDate').fill('2021-03-01');
    await author.locator('#contactName').fill('Claire Martin');
    await author.locator('#contactEmail').fill('claire.martin@example.org');
    await author.locator('#attachments').setInputFiles({ name: 'poster.png', mimeType: 'image/png', buffer: samplePng({ text: 'GPS 45.76N' }) });
    await author.getByRole('button', { name: 'Submit for review' }).click();
    await author.waitForURL('**/en/practices/mine?done=submitted');
    await author.getByText('Your practice has been sent to the editors.').waitFor();
    await expectNoAxeViolations(author);

    const reviewer = await journey.newPage({ locale: 'en-GB' });
    const reviewerProblems = watchPageProblems(reviewer);
    await signIn(reviewer, editor, editorSecret);
    await reviewer.goto('/en/review');
    await expectNoAxeViolations(reviewer);
    await reviewer.getByRole('link', { name: TITLE }).click();
    await reviewer.getByRole('button', { name: 'Start reviewing' }).click();
    await reviewer.getByText('You are reviewing this practice.').waitFor();
    await reviewer.getByRole('link', { name: 'poster.png' }).waitFor();
    await expectNoAxeViolations(reviewer);
    await scoreEveryCriterion(reviewer, 2);
    await reviewer.locator('input[name="score-results"][value="1"]').check();
    await reviewer.getByLabel('Comment on Results and evidence (optional)').fill('Give the figures before and after.');
    await reviewer.getByLabel('Ask the author for changes').check();
    await reviewer.getByLabel('Message to the author').fill('Please add how waiting times were measured.');
    await reviewer.getByRole('button', { name: 'Save decision and email the author' }).click();
    await reviewer.getByText('Your decision has been saved and the author has been emailed.').waitFor();

    const mail = await newestMailTo(journey, member.email);
    assert.match(mail?.subject ?? '', /^Changes requested: Welcome desks for newcomers in Lyon/);
    await author.goto(linkIn(journey, mail?.body ?? ''));
    await author.getByRole('heading', { level: 2, name: 'The editors’ review' }).waitFor();
    await author.getByText('Please add how waiting times were measured.').waitFor();
    await author.getByText('Give the figures before and after.').waitFor();
    await expectNoAxeViolations(author);
    await author.getByRole('textbox', { name: 'Evaluation', exact: true }).fill('Waiting times were logged at the desk before and after opening.');
    await author.getByRole('button', { name: 'Submit for review' }).click();
    await author.waitForURL('**/en/practices/mine?done=submitted');

    await reviewer.goto('/en/review');
    await reviewer.getByRole('link', { name: TITLE }).click();
    await scoreEveryCriterion(reviewer, 3);
    await reviewer.getByLabel('Publish', { exact: true }).check();
    await reviewer.getByRole('button', { name: 'Save decision and email the author' }).click();
    await reviewer.getByText('Your decision has been saved and the author has been emailed.').waitFor();
    await reviewer.getByRole('button', { name: 'Feature on the home page' }).click();
    await reviewer.getByText('This practice is now featured on the home page.').waitFor();

    const visitor = await journey.newPage({ locale: 'en-GB' });
    await visitor.goto('/en/');
    await visitor.getByRole('link', { name: TITLE }).waitFor();
    await visitor.goto('/en/practices/criteria');
    await expectNoAxeViolations(visitor);
    await visitor.goto('/ar/practices/criteria');
    await expectNoAxeViolations(visitor);

    // The author changes the published text: it waits for an editor while the published version stays.
    await author.goto('/en/practices/mine');
    await author.getByRole('link', { name: /^Edit/ }).first().click();
    await author.getByText('Your changes go to the editors, and the published version stays as it is until they approve them.', { exact: false }).waitFor();
    await author.getByLabel('Summary', { exact: true }).fill('One desk at the town hall and one at the library, where newcomers get advice on housing, work and language courses.');
    await author.getByRole('textbox', { name: 'Outcomes', exact: true }).fill('Waiting times fell by a third.');
    await author.getByRole('button', { name: 'Save changes' }).click();
    await author.getByText('Your changes have been sent to the editors. The published practice stays as it is until they approve them.').waitFor();
    await author.getByRole('heading', { level: 2, name: 'Your changes are waiting for an editor' }).waitFor();
    await expectNoAxeViolations(author);
    const slug = /\/practices\/([^/]+)\/edit/.exec(author.url())?.[1] ?? '';
    await visitor.goto(`/en/practices/${slug}`);
    await visitor.getByText('Waiting times fell by half.').waitFor();

    // The editor finds it in the queue with what changed, and approves it.
    await reviewer.goto('/en/review');
    await reviewer.getByRole('cell', { name: 'Changes pending' }).waitFor();
    await reviewer.getByRole('link', { name: TITLE }).click();
    await reviewer.getByRole('heading', { level: 2, name: 'Changes waiting for review' }).waitFor();
    await reviewer.locator('ins', { hasText: 'and one at the library' }).waitFor();
    await expectNoAxeViolations(reviewer);
    await reviewer.getByRole('button', { name: 'Approve and publish the change' }).click();
    await reviewer.getByText('The change is approved: it is now the published version, and the author has been emailed.').waitFor();
    // The visitor's browser may keep the page it read a minute ago (a short public max-age);
    // reloading asks the server, whose page has the approved change at once.
    await visitor.goto(`/en/practices/${slug}`);
    await visitor.reload();
    await visitor.getByText('Waiting times fell by a third.').waitFor();

    // The history shows what changed.
    await visitor.goto(`/en/practices/${slug}/history`);
    await visitor.locator('ins', { hasText: 'and one at the library' }).waitFor();
    await expectNoAxeViolations(visitor);

    // A French visitor arrives at the site root and is sent to the French pages.
    const reader = await journey.newPage({ locale: 'fr-FR' });
    const readerProblems = watchPageProblems(reader);
    await reader.goto('/');
    await reader.waitForURL('**/fr/');
    await expectNoAxeViolations(reader);
    await reader.getByRole('navigation', { name: 'Principale' }).getByRole('link', { name: 'Pratiques', exact: true }).click();
    await reader.waitForURL('**/fr/practices');
    await reader.getByRole('heading', { level: 1, name: 'Trouver des pratiques' }).waitFor();
    await reader.getByRole('heading', { level: 2, name: '3 pratiques trouvées', exact: true }).waitFor();
    await expectNoAxeViolations(reader);

    // "logement" is French for housing: it finds the English practice through its Housing tag.
    await reader.getByRole('searchbox', { name: 'Rechercher des pratiques' }).fill('logement');
    await reader.getByRole('button', { name: 'Rechercher', exact: true }).click();
    // The form also sends the sort and any ticked facets; only the words matter here.
    await reader.waitForURL((url) => url.pathname === '/fr/practices' && url.searchParams.get('q') === 'logement');
    await reader.getByRole('heading', { level: 1, name: 'Pratiques correspondant à « logement »' }).waitFor();
    await reader.getByRole('heading', { level: 2, name: '3 pratiques trouvées pour « logement »' }).waitFor();
    await expectNoAxeViolations(reader);

    // Two facets, each taking away one other practice; applied without JavaScript.
    const countries = reader.getByRole('group', { name: 'Pays', exact: true });
    const topics = reader.getByRole('group', { name: 'Thème', exact: true });
    await countries.getByRole('checkbox', { name: 'France (2)', exact: true }).check();
    await topics.getByRole('checkbox', { name: 'Logement (2)', exact: true }).check();
    await reader.getByRole('button', { name: 'Appliquer les filtres' }).click();
    await reader.waitForURL((url) => url.searchParams.get('country') === 'FR' && url.searchParams.get('topic') === 'housing');
    const searchPath = pathOf(reader);
    await reader.getByRole('heading', { level: 2, name: '1 pratique trouvée pour « logement »' }).waitFor();
    const activeFilters = reader.getByRole('region', { name: 'Filtres actifs' });
    await activeFilters.getByRole('link', { name: 'Retirer le filtre : France' }).waitFor();
    await activeFilters.getByRole('link', { name: 'Retirer le filtre : Logement' }).waitFor();
    assert.equal(await countries.getByRole('checkbox', { name: /^France/ }).isChecked(), true);
    assert.equal(await topics.getByRole('checkbox', { name: /^Logement/ }).isChecked(), true);
    const results = reader.getByRole('region', { name: '1 pratique trouvée pour « logement »' }).getByRole('heading', { level: 3 });
    assert.deepEqual(await results.allInnerTexts(), [TITLE]);
    await expectNoAxeViolations(reader);

    await results.getByRole('link', { name: TITLE, exact: true }).click();
    await reader.waitForURL(`**/fr/practices/${slug}`);
    await reader.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await reader.getByText('Personne n’a encore évalué cette pratique.').waitFor();
    await expectNoAxeViolations(reader);

    // Signing in from the practice brings the reader back to it.
    await reader.getByRole('link', { name: 'Connectez-vous pour évaluer et commenter cette pratique' }).first().click();
    await reader.waitForURL('**/fr/login?next=*');
    await expectNoAxeViolations(reader);
    await reader.getByLabel('Adresse e-mail', { exact: true }).fill(frenchMember.email);
    await reader.getByLabel('Mot de passe', { exact: true }).fill(frenchMember.password);
    await reader.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await reader.waitForURL(`**/fr/practices/${slug}`);

    const rating = reader.getByRole('region', { name: 'Cette pratique est-elle utile ?' });
    await rating.getByRole('radio', { name: '4', exact: true }).check();
    await rating.getByRole('button', { name: 'Enregistrer la note' }).click();
    await reader.waitForURL(`**/fr/practices/${slug}?done=rated#rating`);
    await reader.getByText('Merci, votre note est enregistrée.').waitFor();
    await rating.getByText('Note de 4,0 sur 5 attribuée par 1 membre').waitFor();
    assert.equal(await rating.getByRole('radio', { name: '4', exact: true }).isChecked(), true);
    await expectNoAxeViolations(reader);

    const comment = 'Nous avons ouvert un guichet semblable à Montreuil : les files d’attente ont fondu.';
    await reader.getByLabel('Ajouter un commentaire').fill(comment);
    await reader.getByRole('button', { name: 'Publier le commentaire' }).click();
    await reader.waitForURL(`**/fr/practices/${slug}?done=commented#comment-*`);
    await reader.getByText('Votre commentaire est publié.').waitFor();
    await reader.getByRole('list', { name: 'Commentaires sur cette pratique' }).getByText(comment).waitFor();
    await expectNoAxeViolations(reader);

    // The search now shows the rating on the result.
    await reader.goto(searchPath);
    await reader.getByRole('link', { name: TITLE, exact: true }).waitFor();
    await reader.getByText('Note de 4 sur 5 attribuée par 1 membre', { exact: false }).waitFor();
    await expectNoAxeViolations(reader);

    // The history shows what the author changed after publication, in French.
    await reader.goto(`/fr/practices/${slug}/history`);
    await reader.getByRole('heading', { level: 1, name: `Historique de ${TITLE}` }).waitFor();
    await reader.locator('ins', { hasText: 'and one at the library' }).waitFor();
    await reader.locator('del', { hasText: 'half' }).waitFor();
    await reader.locator('ins', { hasText: 'a third' }).waitFor();
    await expectNoAxeViolations(reader);

    // Machines see the same practice: the API with the same search, the feed, the CSV export.
    const api = await reader.request.get('/api/v1/practices?q=logement&country=FR&topic=housing');
    assert.equal(api.status(), 200);
    const found = (await api.json()) as { total: number; items: { slug: string; title: string; rating: { average: number | null; count: number } }[] };
    assert.equal(found.total, 1);
    assert.deepEqual(
      found.items.map((item) => ({ slug: item.slug, title: item.title, rating: item.rating })),
      [{ slug, title: TITLE, rating: { average: 4, count: 1 } }],
    );

    const feed = await reader.request.get('/feeds/practices.atom?country=FR&topic=housing');
    assert.equal(feed.status(), 200);
    assert.match(feed.headers()['content-type'] ?? '', /^application\/atom\+xml/);
    const atom = await feed.text();
    assert.ok(atom.includes(`<title type="text">${TITLE}</title>`), `the feed lists ${TITLE}:\n${atom}`);
    assert.ok(atom.includes(`/practices/${slug}"`), 'the feed links to the practice');
    assert.ok(!atom.includes('Valencia'), 'the feed honours the country filter');
    assert.ok(!atom.includes('Marseille'), 'the feed honours the topic filter');

    const csv = await reader.request.get('/api/v1/practices/export.csv');
    assert.equal(csv.status(), 200);
    assert.match(csv.headers()['content-type'] ?? '', /^text\/csv/);
    const [header, ...rows] = parseCsv(await csv.text()).map((row) => row.cells);
    assert.deepEqual(header?.slice(0, 2), ['slug', 'title']);
    assert.equal(header?.length, CSV_COLUMNS.length);
    assert.equal(rows.length, 3);
    const row = rows.find((cells) => cells[0] === slug);
    assert.equal(row?.[1], TITLE);
    assert.equal(row?.[header?.indexOf('outcomes') ?? -1], 'Waiting times fell by a third.');

    assert.deepEqual(authorProblems, []);
    assert.deepEqual(reviewerProblems, []);
    assert.deepEqual(readerProblems, []);
  });
});
