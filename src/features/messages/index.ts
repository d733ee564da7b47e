import type { FastifyInstance } from 'fastify';
import { notificationsService } from '../follows/index.ts';
import { messageRoutes } from './routes.tsx';
import { messagesService } from './service.ts';

/**
 * Private messages: a member writes to another through the platform, never seeing their address;
 * limited per hour, blockable, reportable to the moderators.
 */

export { conversationSubjects } from './service.ts';
export { messagesPersonalData } from './personal-data.ts';

export async function messages(app: FastifyInstance) {
  const notifications = notificationsService({ ...app.deps, kinds: app.contentKinds });
  await app.register(messageRoutes(messagesService(app.deps, notifications)));
}
