import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * A polite link checker: it asks each address with HEAD (GET when a server refuses HEAD), never
 * sends two requests to one host at a time, gives up on a silent server after a timeout, says
 * who it is in its User-Agent, and follows a few redirects itself so that each hop is checked
 * like the first. It reads no bodies.
 *
 * The addresses come from members, so by default it refuses to reach loopback, private and
 * link-local addresses (checked on the address a name resolves to, at connection time): the
 * checker must not become a way to probe the server's own network.
 */

export interface LinkToCheck<Id> {
  id: Id;
  url: string;
}

export type LinkCheckError =
  /** Not a URL at all. */
  | 'invalid_url'
  /** Not http or https, at the start or after a redirect. */
  | 'unsupported_scheme'
  /** An address inside a private network, refused unless allowed. */
  | 'private_address'
  /** No answer within the timeout. */
  | 'timeout'
  | 'too_many_redirects'
  | 'redirect_without_location'
  /** The host does not resolve, refuses the connection, breaks TLS…: `detail` says which. */
  | 'network';

export interface LinkCheckResult<Id> {
  id: Id;
  url: string;
  /** A 2xx answer, after redirects. */
  ok: boolean;
  /** The last HTTP status received, or null when no answer came. */
  status: number | null;
  /** Why no usable answer came; null when the server answered (even with 404). */
  error: LinkCheckError | null;
  /** A system code or message for `network` errors (`ENOTFOUND`, `ECONNREFUSED`…). */
  detail?: string;
  /** Where the last request went, when redirects were followed. */
  finalUrl: string;
}

export interface LinkCheckOptions {
  /** The site's public address, named in the User-Agent so that webmasters know who asks. */
  baseUrl: URL | string;
  /** Per request; 10 seconds unless told. */
  timeoutMs?: number;
  /** 5 unless told. */
  maxRedirects?: number;
  /** Hosts checked side by side; each host still gets one request at a time. 4 unless told. */
  concurrency?: number;
  /** Let requests reach loopback and private addresses: for tests against local servers. */
  allowPrivateAddresses?: boolean;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_REDIRECTS = 5;
const DEFAULT_CONCURRENCY = 4;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Statuses that mean "this server does not do HEAD": ask again with GET. */
const HEAD_REFUSED = new Set([405, 501]);

export function linkCheckerUserAgent(baseUrl: URL | string): string {
  return `Bridges link checker (+${new URL(baseUrl).toString()})`;
}

const PRIVATE_RANGES = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  PRIVATE_RANGES.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE_RANGES.addSubnet(network, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  // An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as IPv4.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return PRIVATE_RANGES.check(mapped, 'ipv4');
  return PRIVATE_RANGES.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

class PrivateAddressError extends Error {
  readonly code = 'EPRIVATE';
}

/** Resolves as usual, then refuses private addresses: checked where the connection is made, so a name cannot change its answer in between. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const allowed = addresses.filter((entry) => !isPrivateAddress(entry.address));
    if (allowed.length === 0) return callback(new PrivateAddressError(`${hostname} resolves to a private address`), '', 0);
    if (options.all) return callback(null, allowed);
    const [first] = allowed;
    return callback(null, first?.address ?? '', first?.family ?? 4);
  });
};

/**
 * One request at a time per host: each host's requests form a chain, and a new one starts when
 * the previous one has ended, whatever its outcome.
 */
class HostGate {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(host) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(host, tail);
    try {
      return await result;
    } finally {
      if (this.tails.get(host) === tail) this.tails.delete(host);
    }
  }
}

interface Answer {
  status: number;
  location: string | undefined;
}

type Attempt = { answer: Answer } | { error: LinkCheckError; detail?: string };

function request(url: URL, method: 'HEAD' | 'GET', options: Required<Pick<LinkCheckOptions, 'timeoutMs' | 'allowPrivateAddresses'>> & { userAgent: string }): Promise<Attempt> {
  const client = url.protocol === 'https:' ? https : http;
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (!options.allowPrivateAddresses && isPrivateAddress(literal)) return Promise.resolve({ error: 'private_address' });
  return new Promise((resolve) => {
    const signal = AbortSignal.timeout(options.timeoutMs);
    const outgoing = client.request(
      url,
      {
        method,
        signal,
        headers: { 'user-agent': options.userAgent, accept: '*/*' },
        ...(options.allowPrivateAddresses ? {} : { lookup: publicOnlyLookup }),
      },
      (response) => {
        const location = response.headers.location;
        // Only the status matters: drop the connection rather than download a body.
        response.destroy();
        resolve({ answer: { status: response.statusCode ?? 0, location } });
      },
    );
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (signal.aborted) resolve({ error: 'timeout' });
      else if (error instanceof PrivateAddressError) resolve({ error: 'private_address' });
      else resolve({ error: 'network', detail: error.code ?? error.message });
    });
    outgoing.end();
  });
}

function parseHttpUrl(raw: string, base?: URL): URL | LinkCheckError {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return 'invalid_url';
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : 'unsupported_scheme';
}

/**
 * Checks every link and answers in the same order. Links to different hosts are checked side
 * by side (up to `concurrency`); links to one host, and redirects landing on it, take turns.
 */
export async function checkLinks<Id>(links: readonly LinkToCheck<Id>[], options: LinkCheckOptions): Promise<LinkCheckResult<Id>[]> {
  const settings = {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    allowPrivateAddresses: options.allowPrivateAddresses ?? false,
    userAgent: linkCheckerUserAgent(options.baseUrl),
  };
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const gate = new HostGate();

  async function checkOne({ id, url }: LinkToCheck<Id>): Promise<LinkCheckResult<Id>> {
    let current = parseHttpUrl(url);
    if (typeof current === 'string') return { id, url, ok: false, status: null, error: current, finalUrl: url };
    for (let redirects = 0; ; redirects += 1) {
      const target: URL = current;
      const attempt = await gate.run(target.hostname.toLowerCase(), async () => {
        const head = await request(target, 'HEAD', settings);
        if ('answer' in head && HEAD_REFUSED.has(head.answer.status)) return request(target, 'GET', settings);
        return head;
      });
      const finalUrl = target.toString();
      if ('error' in attempt) return { id, url, ok: false, status: null, error: attempt.error, ...(attempt.detail ? { detail: attempt.detail } : {}), finalUrl };
      const { status, location } = attempt.answer;
      if (!REDIRECTS.has(status)) return { id, url, ok: status >= 200 && status < 300, status, error: null, finalUrl };
      if (!location) return { id, url, ok: false, status, error: 'redirect_without_location', finalUrl };
      if (redirects >= maxRedirects) return { id, url, ok: false, status, error: 'too_many_redirects', finalUrl };
      const next = parseHttpUrl(location, target);
      if (typeof next === 'string') return { id, url, ok: false, status, error: next, finalUrl };
      current = next;
    }
  }

  // Hosts interleaved, so that the workers do not all queue behind one busy host.
  const byHost = new Map<string, number[]>();
  links.forEach((link, index) => {
    const parsed = parseHttpUrl(link.url);
    const host = typeof parsed === 'string' ? '' : parsed.hostname.toLowerCase();
    const indexes = byHost.get(host);
    if (indexes) indexes.push(index);
    else byHost.set(host, [index]);
  });
  const order: number[] = [];
  for (let round = 0; order.length < links.length; round += 1) {
    for (const indexes of byHost.values()) {
      const index = indexes[round];
      if (index !== undefined) order.push(index);
    }
  }

  const results = new Array<LinkCheckResult<Id>>(links.length);
  let next = 0;
  const worker = async () => {
    while (next < order.length) {
      const index = order[next] as number;
      next += 1;
      results[index] = await checkOne(links[index] as LinkToCheck<Id>);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, links.length) }, worker));
  return results;
}

/**
 * Checks a batch and records each result with `record`: what every area's scheduled link check
 * does with its own rows. Says how many links were checked and how many failed.
 */
export async function checkAndRecord<Id>(
  links: readonly LinkToCheck<Id>[],
  options: LinkCheckOptions,
  record: (id: Id, result: { status: number | null; error: string | null }) => Promise<void>,
): Promise<{ checked: number; broken: number }> {
  const results = await checkLinks(links, options);
  let broken = 0;
  for (const result of results) {
    if (!result.ok) broken += 1;
    await record(result.id, { status: result.status, error: result.ok ? null : result.error });
  }
  return { checked: results.length, broken };
}
