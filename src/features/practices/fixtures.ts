import type { PracticeInput } from './model.ts';

/**
 * A complete, valid practice record for tests and benchmarks; override what the case is about.
 * Uses term codes seeded by the taxonomy migration.
 */
export function samplePractice(overrides: Partial<PracticeInput> = {}): PracticeInput {
  return {
    title: 'Welcome desks for newcomers at the town hall',
    summary: 'A single desk where newly arrived migrants get advice on housing, work and language courses.',
    background: 'Newcomers had to visit six offices to settle in.',
    activities: 'Trained staff and volunteer interpreters answer questions and book appointments.',
    participants: 'Newly arrived migrants and refugees, city services, local NGOs.',
    peopleReached: 1200,
    outcomes: 'Waiting times fell and more newcomers enrolled in language courses.',
    evaluation: 'Internal review of visitor numbers and a satisfaction survey.',
    evidenceLevel: 'internal',
    recommendations: 'Start with the three most asked-about services and add others later.',
    dimensions: ['socio_economic'],
    pillars: ['language_communication'],
    topics: ['housing', 'employment'],
    targetGroups: ['refugees_asylum_seekers'],
    gcmObjectives: ['gcm16'],
    sdgTargets: ['sdg_10_7'],
    organisations: [{ name: 'City of Lyon', stakeholderType: 'local_government', role: 'implementing' }],
    countries: ['FR'],
    city: { name: 'Lyon', country: 'FR', latitude: 45.764, longitude: 4.8357 },
    scale: 'local',
    startDate: '2021-03-01',
    endDate: null,
    ongoing: true,
    fundingSource: 'City budget',
    budgetAmount: 50000,
    budgetCurrency: 'EUR',
    links: [{ url: 'https://www.lyon.fr', label: 'City of Lyon' }],
    contact: { name: 'Claire Martin', email: 'claire.martin@example.org', public: false },
    language: 'en',
    adaptedFromSlug: null,
    lastConfirmedAt: '2026-01-15',
    ...overrides,
  };
}
