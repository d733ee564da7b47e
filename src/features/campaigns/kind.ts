/** Where campaigns live, and the page-cache generation every campaign table moves (migration 039). */

export const CAMPAIGN_GENERATION = 'campaign';
export const CAMPAIGNS_PATH = '/campaigns';
export const campaignPath = (slug: string): string => `${CAMPAIGNS_PATH}/${encodeURIComponent(slug)}`;
