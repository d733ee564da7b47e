import { personaliser, type Personaliser } from '../platform/personal-parts.tsx';
import type { EngagementService } from './service.ts';
import { ratingPart } from './views/community.tsx';

/**
 * For a page kept per audience of members (platform/page-cache.ts): the member's own rating, read
 * on each request, is put into the rating the page shows. One query.
 */
export function personalRating(engagement: EngagementService): Personaliser {
  return personaliser(ratingPart, async (_request, member, data) => {
    const myRating = data.engagement.isOpen ? await engagement.myRating(data.engagement.item, member) : null;
    return { ...data, engagement: { ...data.engagement, myRating } };
  });
}
