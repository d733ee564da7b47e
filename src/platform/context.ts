import type { Role } from '../db/schema/accounts.ts';
import type { Locale, Translate } from './i18n.ts';
import type { PersonalPart } from './personal-parts.tsx';

/** Set while a page is rendered as a template for an audience of members (personal-parts.tsx). */
export interface PersonalSlots {
  /** Marks where a personal part goes and records the data it is rendered from. */
  slot<Data>(part: PersonalPart<Data>, data: Data): string;
}

export interface CurrentUser {
  readonly id: number;
  readonly handle: string;
  readonly name: string;
  readonly email: string;
  readonly role: Role;
  readonly emailVerified: boolean;
  /** Signs in with a code from an authenticator app as well; staff must (see features/accounts/two-factor-gate.ts). */
  readonly twoFactorEnabled: boolean;
  /** An IANA time zone: times on the member's pages are shown in it. */
  readonly timeZone: string;
  /** Notifications not yet seen: the header shows the count. */
  readonly unreadNotifications: number;
  /** Moves on with each follow or unfollow, so that parts kept for the member show the change. */
  readonly followsVersion: number;
}

/** What every view needs to know about the request it renders for. */
export interface ViewContext {
  readonly locale: Locale;
  readonly dir: 'ltr' | 'rtl';
  readonly t: Translate;
  /** The page's path and query without the locale prefix, e.g. `/account?tab=1` (see `pagePath`). */
  readonly path: string;
  readonly user: CurrentUser | null;
  /** A CSRF token for the forms on the page (issues the secret cookie on first use). */
  readonly csrfToken: () => string;
  /** `/fr` + path: builds links in the current locale. */
  readonly href: (path: string) => string;
  /** Present while rendering a template shared by an audience of members: see `Personal`. */
  readonly personalSlots?: PersonalSlots;
}

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    t: Translate;
    currentUser: CurrentUser | null;
    /** Hash of the session cookie, when the request carries a live session. */
    sessionIdHash: string | null;
  }
}
