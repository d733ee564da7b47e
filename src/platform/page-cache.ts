import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { LRUCache } from 'lru-cache';
import type { CurrentUser, ViewContext } from './context.ts';
import {
  audienceOf,
  compileTemplate,
  fillTemplate,
  renderParts,
  standInFor,
  TemplateRecorder,
  type Personaliser,
  type MemberTemplate,
} from './personal-parts.tsx';

/**
 * One cache of rendered answers for every area, and the HTTP validators that go with it.
 *
 * A route opts in by declaring which kinds of content its answer shows (`config: sharedPage([...])`).
 * For an anonymous GET the answer is then kept, keyed by its address (locale and query included)
 * and the current generation of each of those kinds (`search_generations`, migrations 017 and
 * 024): a change to a practice moves only the practice generation, so the next request in any
 * process finds a new key and renders afresh, while pages that show no practice keep theirs.
 * The generations come from memory (`app.generations`) while the database's notifications say
 * they have not moved (db/changes.ts): a kept page then costs no query at all.
 *
 * The same key gives the ETag, so a conditional request is answered `304 Not Modified` before
 * anything is rendered. (@fastify/etag hashes the body, which means rendering first; @fastify/caching
 * only sets headers: neither saves the work this saves.)
 *
 * Never cached, and sent `private, no-store`: anything that is not a 200, an answer that sets a
 * cookie, and one the route marks with `keepPrivate` (a notice after an action, a form with a CSRF
 * token: `viewContext` marks that one itself).
 *
 * Signed-in members get pages of their own, sent `private, no-store`, but what they share with the
 * other members of their audience is kept too: the page is rendered once per audience, address and
 * generations for a stand-in, and each request fills in the member's own parts (personal-parts.tsx).
 * The route's handler then runs only on a miss. The member's parts, once rendered (after the
 * route's `personalise` loaded what is theirs: their rating, whether they wrote the item), are
 * kept per member under the same key, so they too are rendered again only when a generation the
 * page depends on moves. A `personalise` step must thus read nothing those kinds do not cover.
 */

/** Generations of content that no search covers, moved on by migration 024's triggers. */
export const PAGE_GENERATIONS = {
  /** Comments on any kind. */
  engagement: 'engagement',
  /** Names and handles shown beside content and comments. */
  account: 'account',
  /** Term labels and cities. */
  taxonomy: 'taxonomy',
  /** Members' public profiles and the community directory. */
  member: 'member',
  /** Organisation pages, their members and the items they implemented. */
  organisation: 'organisation',
  /** Partnership offers and requests. */
  partnership: 'partnership',
} as const;

/**
 * Browsers and proxies may reuse a public answer for a minute without asking, then for five more
 * minutes while they check it in the background: a reader may see an edit up to a minute late,
 * which is harmless for published content, and a revalidation costs the server one small query
 * and a 304. `Vary: Cookie` keeps a page cached for an anonymous visitor from being shown to
 * the same browser once it signs in.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';
export const PRIVATE_CACHE_CONTROL = 'private, no-store';

/**
 * Rendered pages are 10 to 60 KB: this keeps a thousand or more, the pages most read, within the
 * 300 MB a process is allowed under load (README, Performance).
 */
const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
/** Templates for members: fewer audiences read most pages, so half as much. */
const DEFAULT_MEMBER_MAX_BYTES = 16 * 1024 * 1024;
/** Members' own parts of their pages (a rating form, an edit link): a few hundred bytes a page. */
const DEFAULT_MEMBER_PARTS_MAX_BYTES = 4 * 1024 * 1024;

export interface SharedPageOptions {
  /** Generation rows (`search_generations.kind`) whose change changes the answer. */
  dependsOn: readonly string[];
  /**
   * The answer does not depend on who asks (the read API, feeds): signed-in requests are served
   * from the cache too, and the answer does not vary on Cookie.
   */
  sameForEveryone?: boolean;
  /** How the personal parts of the page are made a member's own (personal-parts.tsx). */
  personalise?: readonly Personaliser[];
  /**
   * `false` when the parts show something of the member that neither the page's generations nor
   * the member's own counters cover (which posts of a forum they have read): they are then made on
   * every request, while the page around them is still kept.
   */
  keepParts?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    sharedPage?: SharedPageOptions;
    /** The route acts on a signed token in its address, never on a session: no CSRF token is asked. */
    withoutCsrf?: boolean;
  }
  interface FastifyInstance {
    pageCache: PageCacheStats;
  }
}

export interface PageCacheStats {
  /** Answers sent from the cache, 304s included. */
  readonly hits: number;
  /** Answers rendered for a key that was not (yet) kept. */
  readonly misses: number;
  /** Members' pages filled from a kept template. */
  readonly memberHits: number;
  /** Members' pages whose template was rendered for the request. */
  readonly memberMisses: number;
}

/** Route `config` that opts a route in: `app.get(path, { config: sharedPage(['practice']) }, …)`. */
export function sharedPage(dependsOn: readonly string[], options: Omit<SharedPageOptions, 'dependsOn'> = {}): { sharedPage: SharedPageOptions } {
  return { sharedPage: { dependsOn, ...options } };
}

const privateReplies = new WeakSet<FastifyReply>();

/** This answer carries something for this visitor only: never keep or share it. */
export function keepPrivate(reply: FastifyReply): void {
  privateReplies.add(reply);
}

interface Kept {
  body: string;
  contentType: string;
  etag: string;
}

interface Lookup {
  key: string;
  etag: string;
  served: boolean;
}

const lookups = new WeakMap<FastifyRequest, Lookup>();

/** A member's request whose page is being rendered as a template for their audience. */
interface MemberRender {
  key: string;
  member: CurrentUser;
  recorder: TemplateRecorder;
}

const memberRenders = new WeakMap<FastifyRequest, MemberRender>();

/** While the request's page is rendered as a template: where its personal parts are recorded. */
export function templateRecorderOf(request: FastifyRequest): TemplateRecorder | undefined {
  return memberRenders.get(request)?.recorder;
}

/** The member is back on the request: for filling their parts, for any hook after the handler. */
function endMemberRender(request: FastifyRequest): MemberRender | undefined {
  const render = memberRenders.get(request);
  if (!render) return undefined;
  memberRenders.delete(request);
  request.currentUser = render.member;
  return render;
}

/** Adds to Vary without losing what another part of the app put there. */
export function addVary(reply: FastifyReply, header: string): void {
  const current = reply.getHeader('vary');
  const values = typeof current === 'string' ? current.split(',').map((value) => value.trim()).filter(Boolean) : [];
  if (!values.some((value) => value.toLowerCase() === header.toLowerCase())) values.push(header);
  reply.header('vary', values.join(', '));
}

function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  // Weak comparison (RFC 9110 13.1.2): a W/ prefix on either side does not matter.
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => {
    const value = candidate.trim();
    return value === '*' || value.replace(/^W\//, '') === bare;
  });
}

function publicHeaders(reply: FastifyReply, etag: string, options: SharedPageOptions): void {
  reply.header('cache-control', PUBLIC_CACHE_CONTROL).header('etag', etag);
  if (!options.sameForEveryone) addVary(reply, 'Cookie');
}

function privateHeaders(reply: FastifyReply): void {
  reply.header('cache-control', PRIVATE_CACHE_CONTROL).removeHeader('etag');
  addVary(reply, 'Cookie');
}

/** Dates shown relative to today ("may no longer be running") change with the day, not the data. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export interface PageCacheOptions {
  /** The view context of a request (platform/render.tsx), to render a member's parts. */
  viewContext: (request: FastifyRequest, reply: FastifyReply) => ViewContext;
  maxBytes?: number;
  memberMaxBytes?: number;
}

export const pageCache = fp<PageCacheOptions>(
  async (app: FastifyInstance, { viewContext, maxBytes = DEFAULT_MAX_BYTES, memberMaxBytes = DEFAULT_MEMBER_MAX_BYTES }) => {
    const kept = new LRUCache<string, Kept>({ maxSize: maxBytes, sizeCalculation: (entry) => Buffer.byteLength(entry.body) + 200 });
    const memberTemplates = new LRUCache<string, MemberTemplate>({ maxSize: memberMaxBytes, sizeCalculation: (entry) => entry.bytes });
    const memberParts = new LRUCache<string, string[]>({
      maxSize: DEFAULT_MEMBER_PARTS_MAX_BYTES,
      sizeCalculation: (parts) => parts.reduce((bytes, part) => bytes + part.length * 2, 100),
    });
    /** The member's parts of the template kept under `key` (audience, address, generations, day). */
    async function partsOf(key: string, template: MemberTemplate, request: FastifyRequest, reply: FastifyReply, options: SharedPageOptions) {
      const personalisers = options.personalise;
      if (options.keepParts === false) return renderParts(template, viewContext(request, reply), request, personalisers);
      // Parts show the member's follows and unread count, which no page generation covers.
      const member = request.currentUser;
      const partsKey = JSON.stringify([member?.id, member?.unreadNotifications, member?.followsVersion, key]);
      const known = memberParts.get(partsKey);
      if (known) return known;
      const parts = await renderParts(template, viewContext(request, reply), request, personalisers);
      memberParts.set(partsKey, parts);
      return parts;
    }
    const stats = { hits: 0, misses: 0, memberHits: 0, memberMisses: 0 };
    app.decorate('pageCache', {
      get hits() {
        return stats.hits;
      },
      get misses() {
        return stats.misses;
      },
      get memberHits() {
        return stats.memberHits;
      },
      get memberMisses() {
        return stats.memberMisses;
      },
    });

    /**
     * A member's page is rendered for a stand-in of their audience (see personal-parts.tsx). The
     * stand-in may be refused what the member may see (their own draft): then the handler runs
     * again, for the member, as it would without the cache.
     */
    app.addHook('onRoute', (route) => {
      const options = route.config?.sharedPage;
      if (!options || options.sameForEveryone) return;
      const handler = route.handler;
      route.handler = async function renderForMemberOrAudience(this: FastifyInstance, request, reply) {
        if (!memberRenders.has(request)) return handler.call(this, request, reply);
        try {
          return await handler.call(this, request, reply);
        } catch {
          endMemberRender(request);
          return handler.call(this, request, reply);
        }
      };
    });

    app.addHook('preHandler', async (request, reply) => {
      const options = request.routeOptions.config.sharedPage;
      if (!options || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      const member = request.currentUser;
      if (member && !options.sameForEveryone) {
        const generations = await app.generations.current(options.dependsOn);
        const key = JSON.stringify([audienceOf(member), request.locale, request.url, options.dependsOn, generations, today()]);
        const template = memberTemplates.get(key);
        if (!template) {
          stats.memberMisses += 1;
          memberRenders.set(request, { key, member, recorder: new TemplateRecorder() });
          request.currentUser = standInFor(member);
          return;
        }
        stats.memberHits += 1;
        lookups.set(request, { key, etag: '', served: true });
        const parts = await partsOf(key, template, request, reply, options);
        const html = fillTemplate(template, parts, viewContext(request, reply));
        privateHeaders(reply);
        return reply.code(200).type(template.contentType).send(html);
      }
      const generations = await app.generations.current(options.dependsOn);
      const key = JSON.stringify([request.locale, request.url, options.dependsOn, generations, today()]);
      const etag = `W/"${createHash('sha256').update(key).digest('base64url').slice(0, 27)}"`;
      const lookup: Lookup = { key, etag, served: false };
      lookups.set(request, lookup);
      if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
        lookup.served = true;
        stats.hits += 1;
        publicHeaders(reply, etag, options);
        return reply.code(304).send();
      }
      const hit = kept.get(key);
      if (!hit) return;
      lookup.served = true;
      stats.hits += 1;
      publicHeaders(reply, etag, options);
      return reply.code(200).type(hit.contentType).send(hit.body);
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const options = request.routeOptions.config.sharedPage;
      if (!options) return payload;
      const render = endMemberRender(request);
      if (render) {
        privateHeaders(reply);
        if (typeof payload !== 'string') return payload;
        const contentType = String(reply.getHeader('content-type') ?? 'text/html; charset=utf-8');
        const template = compileTemplate(payload, render.recorder.parts, contentType);
        const shareable = request.method === 'GET' && reply.statusCode === 200 && !privateReplies.has(reply) && !reply.hasHeader('set-cookie');
        const ctx = viewContext(request, reply);
        if (!shareable) return fillTemplate(template, await renderParts(template, ctx, request, options.personalise), ctx);
        memberTemplates.set(render.key, template);
        return fillTemplate(template, await partsOf(render.key, template, request, reply, options), ctx);
      }
      const lookup = lookups.get(request);
      if (lookup?.served) return payload;
      const shareable =
        lookup !== undefined && reply.statusCode === 200 && !privateReplies.has(reply) && !reply.hasHeader('set-cookie') && typeof payload === 'string';
      if (!shareable) {
        privateHeaders(reply);
        return payload;
      }
      stats.misses += 1;
      if (request.method === 'GET') kept.set(lookup.key, { body: payload, contentType: String(reply.getHeader('content-type') ?? 'text/html; charset=utf-8'), etag: lookup.etag });
      publicHeaders(reply, lookup.etag, options);
      return payload;
    });
  },
  { name: 'page-cache', dependencies: ['database-changes', 'sessions', 'locale'] },
);
