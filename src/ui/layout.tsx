import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../platform/context.ts';
import { LOCALES, languageName } from '../platform/i18n.ts';
import { can } from '../platform/permissions.ts';
import { Personal, personalPart } from '../platform/personal-parts.tsx';
import { PostForm } from './post-form.tsx';

export interface LayoutProps {
  ctx: ViewContext;
  title: string;
  stylesheetHref: string;
  children: ComponentChildren;
}

interface NavItem {
  href: string;
  label: string;
}

function navItems(ctx: ViewContext): NavItem[] {
  const { t, user } = ctx;
  const items: NavItem[] = [
    { href: '/', label: t('common.nav.home') },
    { href: '/practices', label: t('common.nav.practices') },
    { href: '/resources', label: t('common.nav.resources') },
    { href: '/events', label: t('common.nav.events') },
    { href: '/discuss', label: t('common.nav.discuss') },
    { href: '/campaigns', label: t('common.nav.campaigns') },
    { href: '/labs', label: t('common.nav.labs') },
    { href: '/community', label: t('common.nav.community') },
    { href: '/map', label: t('common.nav.map') },
  ];
  if (user) items.push({ href: '/practices/mine', label: t('common.nav.myPractices') });
  if (can(user, 'content.review')) items.push({ href: '/review', label: t('common.nav.review') });
  if (user) items.push({ href: '/account', label: t('common.nav.account') });
  if (can(user, 'site.administer')) items.push({ href: '/admin', label: t('common.nav.admin') });
  return items;
}

/** The member's notifications and how many are new: their own, so a part of every page kept for an audience. */
const notificationsLink = personalPart<null>('notifications-link', (ctx) => {
  const unread = ctx.user?.unreadNotifications ?? 0;
  return (
    <a href={ctx.href('/notifications')} aria-current={isCurrent(ctx, '/notifications') ? 'page' : undefined}>
      {unread > 0 ? ctx.t('common.nav.notificationsUnread', { count: unread }) : ctx.t('common.nav.notifications')}
    </a>
  );
});

/** The deepest navigation item containing the current path is the current one. */
function currentHref(ctx: ViewContext, items: readonly NavItem[]): string | undefined {
  const path = ctx.path.split('?')[0] ?? '/';
  const matches = items.filter(({ href }) => (href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`)));
  return matches.sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

function isCurrent(ctx: ViewContext, href: string): boolean {
  const path = ctx.path.split('?')[0] ?? '/';
  return path === href;
}

function LanguageSwitcher({ ctx }: { ctx: ViewContext }) {
  return (
    <nav class="language-switcher" aria-label={ctx.t('common.languageSwitcher')}>
      <ul>
        {LOCALES.map((locale) => (
          <li key={locale}>
            {locale === ctx.locale ? (
              <span aria-current="true" lang={locale}>
                {languageName(locale)}
              </span>
            ) : (
              <a href={`/${locale}${ctx.path}`} lang={locale} hreflang={locale}>
                {languageName(locale)}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The frame of every HTML page: skip link, header and navigation, main content, footer. */
export function Layout({ ctx, title, stylesheetHref, children }: LayoutProps) {
  const { t, user } = ctx;
  const items = navItems(ctx);
  const current = currentHref(ctx, items);
  return (
    <html lang={ctx.locale} dir={ctx.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${t('common.siteName')}`}</title>
        <link rel="stylesheet" href={stylesheetHref} />
        {LOCALES.map((locale) => (
          <link key={locale} rel="alternate" hreflang={locale} href={`/${locale}${ctx.path}`} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('common.skipToContent')}
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="site-brand" href={ctx.href('/')}>
              {t('common.siteName')}
            </a>
            <nav class="site-nav" aria-label={t('common.nav.label')}>
              <ul>
                {items.map((item) => (
                  <li key={item.href}>
                    <a href={ctx.href(item.href)} aria-current={item.href === current ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
                {user ? (
                  <li>
                    <Personal ctx={ctx} part={notificationsLink} data={null} />
                  </li>
                ) : null}
                {user ? (
                  <li>
                    <PostForm action={ctx.href('/logout')} csrfToken={ctx.csrfToken()} class="inline-form">
                      <button type="submit" class="link-button">
                        {t('common.nav.signOut')}
                      </button>
                    </PostForm>
                  </li>
                ) : (
                  <>
                    <li>
                      <a href={ctx.href('/login')} aria-current={isCurrent(ctx, '/login') ? 'page' : undefined}>
                        {t('common.nav.signIn')}
                      </a>
                    </li>
                    <li>
                      <a href={ctx.href('/register')} aria-current={isCurrent(ctx, '/register') ? 'page' : undefined}>
                        {t('common.nav.register')}
                      </a>
                    </li>
                  </>
                )}
              </ul>
            </nav>
            <LanguageSwitcher ctx={ctx} />
          </div>
        </header>
        <main id="main" class="site-main" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <p>{t('common.footer.about')}</p>
          <p>{t('common.footer.licence')}</p>
        </footer>
      </body>
    </html>
  );
}
