import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { checkLinks, isPrivateAddress, linkCheckerUserAgent, type LinkCheckOptions } from './link-check.ts';

interface Seen {
  method: string;
  path: string;
  userAgent: string | undefined;
}

const seen: Seen[] = [];
/** Requests to /slow… being answered; other paths are not counted, the hanging one least of all. */
let inFlight = 0;
let mostInFlight = 0;
let server: http.Server;
let origin: string;

/** Answers after `ms`, as a slow server would: it keeps the request in flight that long. */
function answerLater(response: http.ServerResponse, status: number, ms: number) {
  setTimeout(() => {
    inFlight -= 1;
    response.writeHead(status).end();
  }, ms);
}

before(async () => {
  server = http.createServer((request, response) => {
    const path = request.url ?? '/';
    seen.push({ method: request.method ?? '', path, userAgent: request.headers['user-agent'] });
    const done = (status: number, headers: http.OutgoingHttpHeaders = {}) => {
      response.writeHead(status, headers).end(request.method === 'GET' ? 'body' : undefined);
    };
    if (path === '/ok') return done(200);
    if (path === '/missing') return done(404);
    if (path === '/no-head') return done(request.method === 'HEAD' ? 405 : 200);
    if (path === '/moved') return done(301, { location: '/ok' });
    if (path.startsWith('/loop')) return done(302, { location: `/loop${path.length}` });
    if (path === '/to-ftp') return done(302, { location: 'ftp://files.example.org/' });
    if (path.startsWith('/slow')) {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      return answerLater(response, 200, 40);
    }
    // /hang: never answers; the checker must give up on its own.
    return undefined;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const local: LinkCheckOptions = { baseUrl: 'https://bridges.example.org', allowPrivateAddresses: true, timeoutMs: 2_000 };

function requestsTo(path: string): Seen[] {
  return seen.filter((entry) => entry.path === path);
}

describe('checkLinks', () => {
  test('ok, missing and redirected links, in the order given, with a User-Agent naming the site', async () => {
    const results = await checkLinks(
      [
        { id: 1, url: `${origin}/ok` },
        { id: 2, url: `${origin}/missing` },
        { id: 3, url: `${origin}/moved` },
      ],
      local,
    );
    assert.deepEqual(results, [
      { id: 1, url: `${origin}/ok`, ok: true, status: 200, error: null, finalUrl: `${origin}/ok` },
      { id: 2, url: `${origin}/missing`, ok: false, status: 404, error: null, finalUrl: `${origin}/missing` },
      { id: 3, url: `${origin}/moved`, ok: true, status: 200, error: null, finalUrl: `${origin}/ok` },
    ]);
    assert.deepEqual(
      requestsTo('/ok').map((entry) => [entry.method, entry.userAgent]),
      [
        ['HEAD', 'Bridges link checker (+https://bridges.example.org/)'],
        ['HEAD', 'Bridges link checker (+https://bridges.example.org/)'],
      ],
    );
    assert.equal(linkCheckerUserAgent('http://localhost:3000'), 'Bridges link checker (+http://localhost:3000/)');
  });

  test('a server that refuses HEAD is asked again with GET', async () => {
    const [result] = await checkLinks([{ id: 'a', url: `${origin}/no-head` }], local);
    assert.equal(result?.ok, true);
    assert.equal(result?.status, 200);
    assert.deepEqual(
      requestsTo('/no-head').map((entry) => entry.method),
      ['HEAD', 'GET'],
    );
  });

  test('a server that never answers is given up after the timeout', async () => {
    const started = Date.now();
    const [result] = await checkLinks([{ id: 'h', url: `${origin}/hang` }], { ...local, timeoutMs: 300 });
    assert.deepEqual(result, { id: 'h', url: `${origin}/hang`, ok: false, status: null, error: 'timeout', finalUrl: `${origin}/hang` });
    assert.ok(Date.now() - started < 2_000, 'well before the default timeout');
  });

  test('two links to one host are never in flight at once', async () => {
    mostInFlight = 0;
    const links = Array.from({ length: 6 }, (_, index) => ({ id: index, url: `${origin}/slow-${index}` }));
    const results = await checkLinks(links, { ...local, concurrency: 6 });
    assert.ok(results.every((result) => result.ok));
    assert.equal(requestsTo('/slow-5').length, 1);
    assert.equal(mostInFlight, 1);
  });

  test('redirects are followed up to the limit, and only to http(s)', async () => {
    const [loop, ftp] = await checkLinks(
      [
        { id: 'loop', url: `${origin}/loop` },
        { id: 'ftp', url: `${origin}/to-ftp` },
      ],
      { ...local, maxRedirects: 5 },
    );
    assert.equal(loop?.error, 'too_many_redirects');
    assert.equal(loop?.status, 302);
    assert.equal(seen.filter((entry) => entry.path.startsWith('/loop')).length, 6, 'the first request and five redirects');
    assert.equal(ftp?.error, 'unsupported_scheme');
  });

  test('only http(s) URLs are checked, and private addresses are refused unless allowed', async () => {
    const before = seen.length;
    const results = await checkLinks(
      [
        { id: 1, url: 'ftp://files.example.org/report.pdf' },
        { id: 2, url: 'javascript:alert(1)' },
        { id: 3, url: 'not a url' },
        { id: 4, url: `${origin}/ok` },
        { id: 5, url: 'http://[::1]:9/' },
        { id: 6, url: 'http://localhost:9/' },
      ],
      { baseUrl: 'https://bridges.example.org', timeoutMs: 2_000 },
    );
    assert.deepEqual(
      results.map((result) => [result.id, result.ok, result.error]),
      [
        [1, false, 'unsupported_scheme'],
        [2, false, 'unsupported_scheme'],
        [3, false, 'invalid_url'],
        [4, false, 'private_address'],
        [5, false, 'private_address'],
        [6, false, 'private_address'],
      ],
    );
    assert.equal(seen.length, before, 'no request reached the local server');
  });
});

describe('isPrivateAddress', () => {
  test('loopback, private, link-local and mapped addresses are private; public ones are not', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '::1', 'fd00::1', 'fe80::1', '::ffff:10.0.0.1', '0.0.0.0']) {
      assert.equal(isPrivateAddress(address), true, address);
    }
    for (const address of ['93.184.216.34', '2606:2800:220:1::1', '172.32.0.1', 'example.org']) {
      assert.equal(isPrivateAddress(address), false, address);
    }
  });
});
