/** The fields of a valid resource form, each call with a title of its own. */

let counter = 0;
export function resourceForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  counter += 1;
  return {
    type: 'guideline',
    title: `Guide to one-stop shops ${counter}`,
    summary: 'How to bring every service a newcomer needs under one roof.',
    body: '',
    url: 'https://www.iom.int/',
    publisher: 'IOM',
    year: '2010',
    language: 'en',
    countries: ['PT'],
    topics: ['equal_access'],
    targetGroups: [],
    relatedPractices: '',
    ...overrides,
  };
}
