import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { samplePractice } from '../src/features/practices/fixtures.ts';
import { practiceService } from '../src/features/practices/service.ts';
import { expectNoAxeViolations, startJourney, watchPageProblems, type Journey } from './support.ts';

let journey: Journey;
before(async () => {
  journey = await startJourney();
  const service = practiceService(journey.deps);
  await service.create(samplePractice(), { authorId: null, status: 'published' });
  await service.create(
    samplePractice({ title: 'Shared flats for young refugees in Madrid', countries: ['ES'], city: null, topics: ['housing'] }),
    { authorId: null, status: 'published' },
  );
  await service.create(
    samplePractice({ title: 'Job coaching for refugee women in Lyon', topics: ['employment'], summary: 'Weekly <b>coaching</b> & mentoring.' }),
    { authorId: null, status: 'published' },
  );
});
after(() => journey?.close());

describe('practice search in the browser', () => {
  test('a visitor finds an English practice with a French word and two facets, without JavaScript problems or axe findings', async () => {
    const page = await journey.newPage({ locale: 'fr-FR' });
    const problems = watchPageProblems(page);
    await page.goto('/fr/practices');
    await page.getByRole('heading', { level: 1, name: 'Trouver des pratiques' }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel('Rechercher des pratiques').fill('logement');
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: '2 pratiques trouvées pour « logement »' }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('group', { name: 'Pays' }).getByLabel(/^France/).check();
    await page.getByRole('group', { name: 'Public cible' }).getByLabel(/^Personnes réfugiées/).check();
    await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
    await page.getByRole('heading', { level: 2, name: '1 pratique trouvée pour « logement »' }).waitFor();
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('q'), 'logement');
    assert.equal(url.searchParams.get('country'), 'FR');
    assert.equal(url.searchParams.get('target'), 'refugees_asylum_seekers');
    await page.getByRole('link', { name: 'Welcome desks for newcomers at the town hall' }).waitFor();
    await page.getByRole('link', { name: 'Retirer le filtre : France' }).waitFor();
    await expectNoAxeViolations(page);
    assert.deepEqual(problems, []);
  });

  test('the empty state, the Arabic page and the API docs have no axe findings', async () => {
    const page = await journey.newPage({ locale: 'ar' });
    await page.goto('/ar/practices?q=quokka&country=FR');
    await page.locator('#no-results').waitFor();
    await expectNoAxeViolations(page);
    await page.goto('/en/practices?q=coaching');
    await page.getByText('Weekly <b>coaching</b> & mentoring.', { exact: false }).waitFor();
    await expectNoAxeViolations(page);
    const english = await journey.newPage({ locale: 'en-GB' });
    await english.goto('/api/docs');
    await english.getByRole('heading', { level: 1, name: 'Bridges API' }).waitFor();
    await expectNoAxeViolations(english);
  });
});
