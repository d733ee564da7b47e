import type { ViewContext } from '../../../platform/context.ts';
import { countryName } from '../../../lib/countries.ts';
import { Card } from '../../../ui/card.tsx';
import { SuccessBanner } from '../../../ui/notification.tsx';
import type { FeaturedPractice } from '../../practices/index.ts';

const PILLARS = ['practices', 'exchange', 'consultations', 'campaigns', 'labs'] as const;

/** The practice the editors chose to show first. */
function Featured({ ctx, practice }: { ctx: ViewContext; practice: FeaturedPractice }) {
  const places = practice.countries.map((code) => countryName(code, ctx.locale)).join(', ');
  return (
    <section aria-labelledby="home-featured">
      <h2 id="home-featured">{ctx.t('practices.featured.heading')}</h2>
      <Card title={<span lang={practice.language} dir="auto">{practice.title}</span>} href={ctx.href(`/practices/${practice.slug}`)} headingLevel={3} meta={places || undefined}>
        <p lang={practice.language} dir="auto">{practice.summary}</p>
      </Card>
    </section>
  );
}

/** `notice`: an already translated confirmation of what the visitor just did elsewhere. */
export function HomePage({ ctx, notice, featured }: { ctx: ViewContext; notice?: string; featured?: FeaturedPractice }) {
  const { t, user } = ctx;
  return (
    <>
      <SuccessBanner title={t('common.success')} message={notice} />
      <section class="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.heading')}</h1>
        <p class="lede">{t('home.lede')}</p>
        {user ? (
          <p>{t('home.welcomeBack', { name: user.name })}</p>
        ) : (
          <p class="hero__actions">
            <a class="button" href={ctx.href('/register')}>
              {t('home.join')}
            </a>{' '}
            <a class="button button--secondary" href={ctx.href('/login')}>
              {t('common.nav.signIn')}
            </a>
          </p>
        )}
      </section>
      {featured ? <Featured ctx={ctx} practice={featured} /> : null}
      <section aria-labelledby="home-what">
        <h2 id="home-what">{t('home.whatTitle')}</h2>
        <ul class="grid">
          {PILLARS.map((pillar) => (
            <li key={pillar} class="card">
              <h3 class="card__title">{t(`home.pillars.${pillar}.title`)}</h3>
              <p>{t(`home.pillars.${pillar}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="home-who">
        <h2 id="home-who">{t('home.whoTitle')}</h2>
        <p>{t('home.whoBody')}</p>
      </section>
    </>
  );
}
