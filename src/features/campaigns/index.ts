import type { Db } from '../../db/client.ts';
import type { CampaignsUsing } from '../myths/index.ts';
import * as queries from './queries.ts';

/**
 * Campaigns against xenophobia: messages for each audience and language resting on myths and
 * facts, share cards, indicators, supporters and updates. This door offers what other areas
 * already use: the campaigns resting on a myth, share cards, progress charts and personal data.
 */

export { CAMPAIGN_GENERATION, CAMPAIGNS_PATH, campaignPath } from './kind.ts';
export { cardPng, cardSvg, fitsCard, renderedTextWidth, CARD_HEIGHT, CARD_WIDTH } from './card.ts';
export { indicatorChartSvg } from './chart.ts';
export { campaignsPersonalData } from './personal-data.ts';

/** What a myth page lists: the campaigns whose messages rest on it. */
export function campaignsUsingMyth(db: Db): CampaignsUsing {
  return (mythId) => queries.campaignsUsingMyth(db, mythId);
}
