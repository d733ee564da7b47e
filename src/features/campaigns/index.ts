import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { CampaignsUsing } from '../myths/index.ts';
import { campaignApiRoutes } from './api-routes.ts';
import * as queries from './queries.ts';
import { campaignRoutes } from './routes.tsx';
import { campaignsService } from './service.ts';

/**
 * Campaigns against xenophobia: messages for each audience and language resting on myths and
 * facts, share cards, partners, a timeline, indicators with recorded values, supporters, updates
 * for followers and a printable report.
 */

export { CAMPAIGN_GENERATION, CAMPAIGN_KIND, CAMPAIGNS_PATH, campaignKind, campaignPath } from './kind.ts';
export { cardPng, cardSvg, fitsCard, renderedTextWidth, CARD_HEIGHT, CARD_WIDTH } from './card.ts';
export { indicatorChartSvg } from './chart.ts';
export { campaignsPersonalData } from './personal-data.ts';
export { campaignsService, type CampaignsService } from './service.ts';
export { CampaignCard, type CampaignListItem } from './views/list-page.tsx';
export { loadDemoCampaigns } from './demo.ts';
export { campaignReportPdf } from './report-pdf.ts';

/** What a myth page lists: the campaigns whose messages rest on it. */
export function campaignsUsingMyth(db: Db): CampaignsUsing {
  return (mythId) => queries.campaignsUsingMyth(db, mythId);
}

/** The worldwide map's layer: campaigns per country they run in and per partner city. */
export async function campaignCounts(db: Db) {
  const [countries, cities] = await Promise.all([queries.countsByCountry(db), queries.countsByCity(db)]);
  return { countries, cities };
}

export async function campaigns(app: FastifyInstance) {
  await app.register(campaignRoutes({ service: campaignsService(app.deps) }));
}

export async function campaignsMachineAccess(app: FastifyInstance) {
  await app.register(campaignApiRoutes({ service: campaignsService(app.deps) }));
}
