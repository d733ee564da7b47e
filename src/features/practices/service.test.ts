import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { samplePractice } from './fixtures.ts';
import { practiceService } from './service.ts';

let testApp: TestApp;
before(async () => {
  testApp = await startTestApp();
});
after(() => testApp.close());

test('a practice never takes a slug that a fixed page uses', async () => {
  const service = practiceService(testApp.deps);
  const slug = await service.create(samplePractice({ title: 'New' }), { authorId: null, status: 'published' });
  assert.equal(slug, 'new-2');
  const form = await testApp.app.inject({ method: 'GET', url: '/en/practices/new' });
  assert.equal(form.statusCode, 303, 'the submission form still answers there (asking a visitor to sign in), not the practice');
  const page = await testApp.app.inject({ method: 'GET', url: `/en/practices/${slug}` });
  assert.equal(page.statusCode, 200);
});

test('practices with the same title get distinct slugs, even when saved at once', async () => {
  const service = practiceService(testApp.deps);
  const slugs = await Promise.all(
    Array.from({ length: 5 }, () => service.create(samplePractice({ title: 'Language cafés' }), { authorId: null, status: 'published' })),
  );
  assert.equal(new Set(slugs).size, 5);
  assert.ok(slugs.includes('language-cafes'));
});
