import type { FollowKind } from '../../../db/schema/follows.ts';
import type { ViewContext } from '../../../platform/context.ts';
import { Personal, personalPart, personaliser } from '../../../platform/personal-parts.tsx';
import { Button } from '../../../ui/button.tsx';
import { PostForm } from '../../../ui/post-form.tsx';
import * as queries from '../queries.ts';

export interface FollowButtonData {
  kind: FollowKind;
  key: string;
  /** What is followed, as the button names it: "Follow France". */
  label: string;
  following: boolean;
}

/**
 * Follow or unfollow, from any page: the member's own, so a personal part; visitors get a link
 * to sign in. The form returns to the page it was on.
 */
export const followButton = personalPart<FollowButtonData>('follow-button', (ctx, { kind, key, label, following }) => {
  const back = `/${ctx.locale}${ctx.path}`;
  if (!ctx.user) {
    return (
      <p class="follow">
        <a href={ctx.href(`/login?next=${encodeURIComponent(back)}`)}>{ctx.t('follows.button.signIn', { name: label })}</a>
      </p>
    );
  }
  return (
    <PostForm action={ctx.href('/follows')} csrfToken={ctx.csrfToken()} class="follow inline-form">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="key" value={key} />
      <input type="hidden" name="back" value={back} />
      <input type="hidden" name="action" value={following ? 'unfollow' : 'follow'} />
      <Button variant="secondary">{ctx.t(following ? 'follows.button.unfollow' : 'follows.button.follow', { name: label })}</Button>
    </PostForm>
  );
});

/** The route config's step that tells the part whether this member follows. */
export const followPersonaliser = personaliser(followButton, async (request, member, data) => ({
  ...data,
  following: await queries.isFollowing(request.server.deps.db, member.id, data.kind, data.key),
}));

/** The follow button where a page puts it: whether the member follows is filled in per member. */
export function FollowButton({ ctx, kind, targetKey, label }: { ctx: ViewContext; kind: FollowKind; targetKey: string; label: string }) {
  return <Personal ctx={ctx} part={followButton} data={{ kind, key: targetKey, label, following: false }} />;
}
