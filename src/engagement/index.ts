/**
 * Engagement for every kind of content: ratings, comments, reports and the one moderation queue.
 * A kind registers in the content registry (content/kinds.ts), mounts `engagementRoutes` under
 * its base path and renders `RatingSection` and `CommentsSection` on its page.
 */
export {
  COMMENT_MAX_LENGTH,
  COMMENT_REMOVED,
  FLAG_DISMISSED,
  FLAG_REASONS,
  RATING_SCORES,
  aggregateRatingJsonLd,
  engagementService,
  ratingSummary,
  type Engagement,
  type EngagementService,
  type FlagSubject,
  type RatingSummary,
} from './service.ts';
export { COMMUNITY_NOTICES, engagementRoutes, type CommunityForms, type CommunityNotice } from './routes.tsx';
export { CommentsSection, PersonalRating, RatingSection } from './views/community.tsx';
export { FlagPage, flagPageTitle } from './views/flag-page.tsx';
export { personalRating } from './personal.ts';
export { moderationService, type ModerationService } from './moderation/service.ts';
export { moderationRoutes } from './moderation/routes.tsx';
export { MODERATION_PATH } from './moderation/view.tsx';

declare module 'fastify' {
  interface FastifyInstance {
    /** Built once in app.ts over the content kinds' registry. */
    engagement: import('./service.ts').EngagementService;
    moderation: import('./moderation/service.ts').ModerationService;
  }
}
export { engagementPersonalData } from './personal-data.ts';
