import { pendingChangesPersonalData, revisionsPersonalData, smallCorrectionsPersonalData } from './editorial/index.ts';
import { engagementPersonalData } from './engagement/index.ts';
import { accountTablesPersonalData } from './features/accounts/index.ts';
import { practicePersonalData } from './features/practices/index.ts';
import { resourcesPersonalData } from './features/resources/index.ts';
import { followsPersonalData } from './features/follows/index.ts';
import { worldwidePersonalData } from './features/worldwide/index.ts';
import { organisationsPersonalData } from './features/organisations/index.ts';
import { messagesPersonalData } from './features/messages/index.ts';
import { partnershipsPersonalData } from './features/partnerships/index.ts';
import { eventsPersonalData } from './features/events/index.ts';
import { discussPersonalData } from './features/discuss/index.ts';
import { mythsPersonalData } from './features/myths/index.ts';
import { campaignsPersonalData } from './features/campaigns/index.ts';
import { labsPersonalData } from './features/labs/index.ts';
import { auditPersonalData } from './platform/audit.ts';
import { outboxPersonalData } from './platform/mail.ts';
import { personalDataRegistry } from './platform/personal-data.ts';
import { singleUseLinksPersonalData } from './platform/single-use-links.ts';

/**
 * Every table that refers to a member, with its export and its erasure (platform/personal-data.ts).
 * A new area adds its entries here. The order is the order of erasure: content first (unpublished
 * items go, taking their comments, ratings and revisions with them), then what hangs on other
 * people's items, then mail and links, and the account row last.
 */
export const personalData = personalDataRegistry([
  ...practicePersonalData,
  resourcesPersonalData,
  ...followsPersonalData,
  ...worldwidePersonalData,
  ...organisationsPersonalData,
  ...messagesPersonalData,
  partnershipsPersonalData,
  ...eventsPersonalData,
  ...discussPersonalData,
  mythsPersonalData,
  ...campaignsPersonalData,
  ...labsPersonalData,
  ...engagementPersonalData,
  pendingChangesPersonalData,
  revisionsPersonalData,
  smallCorrectionsPersonalData,
  outboxPersonalData,
  auditPersonalData,
  singleUseLinksPersonalData,
  ...accountTablesPersonalData,
]);
