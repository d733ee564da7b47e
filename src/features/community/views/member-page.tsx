import type { ViewContext } from '../../../platform/context.ts';
import { FollowButton } from '../../follows/index.ts';
import { formatMoment } from '../../../ui/format.ts';
import { Paragraphs } from '../../../ui/paragraphs.tsx';
import { SummaryList } from '../../../ui/summary-list.tsx';
import type { PublicProfile } from '../service.ts';
import { profileRows } from './member-parts.tsx';

interface PublishedItem {
  slug: string;
  title: string;
  published_at: Date | null;
}

export interface MemberPageProps {
  ctx: ViewContext;
  memberId: number;
  profile: PublicProfile;
  published: { practices: readonly PublishedItem[]; resources: readonly PublishedItem[]; practiceCount: number; resourceCount: number };
}

function PublishedList({ ctx, items, base, heading, count, empty }: { ctx: ViewContext; items: readonly PublishedItem[]; base: string; heading: string; count: number; empty: string }) {
  const id = `${base.slice(1)}-heading`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul class="list">
          {items.map((item) => (
            <li key={item.slug}>
              <a href={ctx.href(`${base}/${encodeURIComponent(item.slug)}`)} dir="auto">
                {item.title}
              </a>
              {item.published_at ? <span class="muted"> · {formatMoment(item.published_at, ctx)}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {count > items.length ? <p class="muted">{ctx.t('community.member.more', { shown: items.length, count })}</p> : null}
    </section>
  );
}

/** `/{l}/members/{handle}`: what a member chose to show, and what they published. */
export function MemberPage({ ctx, memberId, profile, published }: MemberPageProps) {
  const { t } = ctx;
  const rows = profileRows(ctx, profile);
  return (
    <div class="stack">
      <h1 dir="auto">{profile.name}</h1>
      <FollowButton ctx={ctx} kind="member" targetKey={String(memberId)} label={profile.name} />
      <p>
        <a href={ctx.href(`/messages/new?to=${encodeURIComponent(profile.handle)}`)}>{t('community.member.sendMessage')}</a>
      </p>
      {rows.length > 0 ? <SummaryList rows={rows} /> : <p>{t('community.member.nothingPublic')}</p>}
      {profile.bio ? (
        <section aria-labelledby="bio-heading">
          <h2 id="bio-heading">{t('community.fields.bio')}</h2>
          <Paragraphs text={profile.bio} />
        </section>
      ) : null}
      <PublishedList ctx={ctx} items={published.practices} base="/practices" heading={t('community.member.practices')} count={published.practiceCount} empty={t('community.member.noPractices')} />
      <PublishedList ctx={ctx} items={published.resources} base="/resources" heading={t('community.member.resources')} count={published.resourceCount} empty={t('community.member.noResources')} />
    </div>
  );
}
