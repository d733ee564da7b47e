import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, type TestApp } from '../test/app.ts';
import { SENSITIVE_FORM_LIMIT } from './rate-limit.ts';

let testApp: TestApp;
before(async () => {
  testApp = await startTestApp();
});
after(() => testApp.close());

/**
 * A browser at one IP address: TestClient always comes from 127.0.0.1, and this test needs two
 * addresses. It reads the form once for its CSRF cookie and token, then posts it as often as told.
 */
async function signInFormAt(remoteAddress: string) {
  const form = await testApp.app.inject({ method: 'GET', url: '/fr/login', remoteAddress });
  const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
  const cookies = Object.fromEntries(form.cookies.map((cookie) => [cookie.name, cookie.value]));
  return {
    post(): Promise<LightMyRequestResponse> {
      return testApp.app.inject({
        method: 'POST',
        url: '/fr/login',
        remoteAddress,
        cookies,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: token, email: 'nobody@example.org', password: 'wrong password' }).toString(),
      });
    },
  };
}

test('sign-in answers 429 with a translated page after 10 posts, for that address only', async () => {
  assert.equal(SENSITIVE_FORM_LIMIT.max, 10);
  const attacker = await signInFormAt('203.0.113.7');
  for (let attempt = 1; attempt <= SENSITIVE_FORM_LIMIT.max; attempt += 1) {
    assert.equal((await attacker.post()).statusCode, 422, `attempt ${attempt} is judged on its merits`);
  }
  const refused = await attacker.post();
  assert.equal(refused.statusCode, 429);
  assert.match(refused.body, /lang="fr"/);
  assert.match(refused.body, /<h1>Trop de tentatives<\/h1>/);
  const retryAfter = Number(refused.headers['retry-after']);
  assert.ok(retryAfter > 0 && retryAfter <= SENSITIVE_FORM_LIMIT.timeWindow / 1000, `retry-after ${retryAfter}`);

  const neighbour = await signInFormAt('198.51.100.20');
  assert.equal((await neighbour.post()).statusCode, 422, 'another address is not affected');
});
