import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { CurrentUser, PersonalSlots, ViewContext } from './context.ts';

/**
 * The personal parts of a page kept for signed-in members (see page-cache.ts).
 *
 * A page for a member is rendered once per audience (role and account state: what decides the
 * navigation, the moderation buttons and the flag links) for a stand-in member who is nobody: no
 * id that owns anything, markers for a name, email and handle, a marker for the CSRF token. What
 * depends on who the member is, beyond their audience, sits in a *personal part*
 * (`<Personal part={…} data={…} />`): the stand-in's render leaves a marker there and records the
 * part with the data the view gave it. On each request the markers are replaced with this member's
 * name and token, and each part is rendered for them, after its route's `personalise` loaded what
 * is their own (their rating, whether they wrote the item).
 *
 * The stand-in owns nothing and has no name, so a template can carry nothing of one member to
 * another: a view that forgets to mark a part shows the member less (no edit link on their own
 * item), never someone else's.
 */

/** Random per process: text written by members cannot forge a marker. */
const MARK = `bridges-personal-${randomBytes(9).toString('hex')}-`;
const MARKER = new RegExp(`${MARK}(csrf|name|email|handle|part(\\d+))`, 'g');

const marker = (what: string) => `${MARK}${what}`;
const CSRF_MARKER = marker('csrf');

/** Turns a part's shared data into this member's: run on every request. */
export type Personalise<Data> = (request: FastifyRequest, member: CurrentUser, data: Data) => Promise<Data> | Data;

/**
 * A route's personalise step for one part, as route config holds it: a token that its part knows.
 * Config keeps the steps of parts of different data in one list; each part keeps its own steps,
 * typed with its data, so that a step is only ever given its own part's data.
 */
export interface Personaliser {
  /** The part's name, for reading a route's config. */
  readonly part: string;
}

/** A part of a page rendered apart for each member. `name` only helps reading a template. */
export interface PersonalPart<Data> {
  readonly name: string;
  render(ctx: ViewContext, data: Data): VNode | null;
  /** The personalise steps that routes gave this part, by the token `personaliser` handed them. */
  readonly steps: WeakMap<Personaliser, Personalise<Data>>;
}

export function personalPart<Data>(name: string, render: (ctx: ViewContext, data: Data) => VNode | null): PersonalPart<Data> {
  return { name, render, steps: new WeakMap() };
}

export function personaliser<Data>(part: PersonalPart<Data>, personalise: Personalise<Data>): Personaliser {
  const token: Personaliser = { part: part.name };
  part.steps.set(token, personalise);
  return token;
}

/** Where a personal part goes in a view: rendered in place, or marked in a template. */
export function Personal<Data>({ ctx, part, data }: { ctx: ViewContext; part: PersonalPart<Data>; data: Data }): VNode | null {
  if (ctx.personalSlots) return <>{ctx.personalSlots.slot(part, data)}</>;
  return part.render(ctx, data);
}

/** Members who see the same page but for their personal parts. */
export function audienceOf(member: CurrentUser): string {
  // Times are written in the member's time zone, so members of two zones never share a template.
  return `${member.role}:${member.emailVerified ? 'verified' : 'unverified'}:${member.twoFactorEnabled ? '2fa' : 'no-2fa'}:${member.timeZone}`;
}

/** Nobody, in the member's audience. Id 0 is no account's (ids start at 1). */
export function standInFor(member: CurrentUser): CurrentUser {
  return {
    id: 0,
    handle: marker('handle'),
    name: marker('name'),
    email: marker('email'),
    role: member.role,
    emailVerified: member.emailVerified,
    twoFactorEnabled: member.twoFactorEnabled,
    timeZone: member.timeZone,
    unreadNotifications: 0,
    followsVersion: 0,
  };
}

/** A part as one template render recorded it: rendered again for each member. */
interface RecordedPart {
  fill(ctx: ViewContext, request: FastifyRequest, member: CurrentUser, personalisers: readonly Personaliser[]): Promise<string>;
}

/** Collects the parts of one template render. */
export class TemplateRecorder implements PersonalSlots {
  readonly parts: RecordedPart[] = [];
  readonly csrfToken = CSRF_MARKER;

  slot<Data>(part: PersonalPart<Data>, data: Data): string {
    this.parts.push({
      async fill(ctx, request, member, personalisers) {
        let personal = data;
        for (const token of personalisers) {
          const step = part.steps.get(token);
          if (step) personal = await step(request, member, personal);
        }
        const node = part.render(ctx, personal);
        return node ? renderToString(node) : '';
      },
    });
    return marker(`part${this.parts.length - 1}`);
  }
}

type Piece = string | { token: 'csrf' | 'name' | 'email' | 'handle' } | { part: number };

/** A page for an audience: text with holes for the member's token, name and parts. */
export interface MemberTemplate {
  readonly pieces: readonly Piece[];
  readonly parts: readonly RecordedPart[];
  readonly contentType: string;
  /** For the cache's size limit. */
  readonly bytes: number;
}

export function compileTemplate(html: string, parts: readonly RecordedPart[], contentType: string): MemberTemplate {
  const pieces: Piece[] = [];
  let from = 0;
  for (const match of html.matchAll(MARKER)) {
    pieces.push(html.slice(from, match.index));
    const [, what, part] = match;
    pieces.push(part !== undefined ? { part: Number(part) } : { token: what as 'csrf' | 'name' | 'email' | 'handle' });
    from = match.index + match[0].length;
  }
  pieces.push(html.slice(from));
  return { pieces, parts, contentType, bytes: Buffer.byteLength(html) + parts.length * 2048 };
}

/**
 * The member's parts of a template, rendered with a marker for their form token: the same for
 * each of their requests while the page's generations stay (what a `personalise` step reads
 * must be covered by the kinds the page depends on), so the page cache keeps them per member.
 */
export async function renderParts(
  template: MemberTemplate,
  ctx: ViewContext,
  request: FastifyRequest,
  personalisers: readonly Personaliser[] = [],
): Promise<string[]> {
  const member = ctx.user;
  if (!member) throw new Error('A member template is filled for a signed-in member only');
  const marked: ViewContext = { ...ctx, csrfToken: () => CSRF_MARKER };
  return Promise.all(template.parts.map((part) => part.fill(marked, request, member, personalisers)));
}

/** The template filled for the member of `ctx`: their parts, their form token, their name. */
export function fillTemplate(template: MemberTemplate, parts: readonly string[], ctx: ViewContext): string {
  const member = ctx.user;
  if (!member) throw new Error('A member template is filled for a signed-in member only');
  let csrfToken: string | undefined;
  const token = () => (csrfToken ??= ctx.csrfToken());
  return template.pieces
    .map((piece) => {
      if (typeof piece === 'string') return piece;
      if ('part' in piece) {
        const part = parts[piece.part] ?? '';
        return part.includes(CSRF_MARKER) ? part.replaceAll(CSRF_MARKER, token()) : part;
      }
      if (piece.token === 'csrf') return token();
      // Escaped as the renderer escapes any text.
      return renderToString(<>{member[piece.token]}</>);
    })
    .join('');
}
