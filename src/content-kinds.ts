import { contentKinds, type ContentKinds } from './content/kinds.ts';
import { practiceKind } from './features/practices/index.ts';
import { resourceKind } from './features/resources/index.ts';
import { eventKind } from './features/events/index.ts';
import { topicKind } from './features/discuss/index.ts';
import { mythKind } from './features/myths/index.ts';
import { campaignKind } from './features/campaigns/index.ts';

/** Every kind of content the app serves: the pages and the background jobs share this one list. */
export function allContentKinds(): ContentKinds {
  return contentKinds([practiceKind, resourceKind, eventKind, topicKind, mythKind, campaignKind]);
}
