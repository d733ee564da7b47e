/** Taxonomies (topics, target groups, countries' regions…) that every kind of content is tagged with. */
export { taxonomyService, termLabel, type TaxonomyService, type Term } from './service.ts';
