import type { FastifyInstance } from 'fastify';
import { communityRoutes } from './routes.tsx';
import { communityService } from './service.ts';

/**
 * The Integration Community: members' public profiles (nothing public until they choose), the
 * settings only they see (time zone, language) and the directory of listed members.
 */

export { PROFILE_SETTINGS_PATH } from './routes.tsx';
export { communityService, type CommunityService, type PublicProfile } from './service.ts';

export async function community(app: FastifyInstance) {
  await app.register(communityRoutes(communityService(app.deps)));
}
export { loadSyntheticMembers } from './synthetic.ts';
