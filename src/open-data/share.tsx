import type { ViewContext } from '../platform/context.ts';

/**
 * Share links for any page: plain links to each service's share page, so nothing is loaded from
 * them, and nobody is tracked, until someone clicks one.
 */
export interface ShareLink {
  service: string;
  href: string;
}

export function shareLinks(title: string, url: string, emailSubject: string): ShareLink[] {
  const encoded = encodeURIComponent(url);
  return [
    { service: 'email', href: `mailto:?subject=${encodeURIComponent(emailSubject)}&body=${encoded}` },
    { service: 'linkedin', href: `https://www.linkedin.com/sharing/share-offsite/?url=${encoded}` },
    { service: 'x', href: `https://x.com/intent/post?url=${encoded}&text=${encodeURIComponent(title)}` },
    { service: 'facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${encoded}` },
    { service: 'whatsapp', href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
  ];
}

/** The share section of an item's page; `kind` picks its heading ("Share this practice"). */
export function ShareSection({ ctx, kind, title, url }: { ctx: ViewContext; kind: string; title: string; url: string }) {
  return (
    <section class="practice-section" id="share" aria-labelledby="share-heading">
      <h2 id="share-heading">{ctx.t(`openData.share.heading.${kind}`)}</h2>
      <ul class="share-list">
        {shareLinks(title, url, ctx.t('openData.share.emailSubject', { title })).map((link) => (
          <li key={link.service}>
            <a href={link.href} rel="noopener noreferrer">
              {ctx.t(`openData.share.services.${link.service}`)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
