/**
 * The URLs of the load test, in one list: each is fetched once from the dynamic server, saved, and
 * served statically for the comparison.
 */
export interface TargetSample {
  /** A public, named person of the registry. */
  personId: string;
  /** A spelling of that person's name, as a visitor would type it. */
  nameQuery: string;
}

export interface Target {
  name: string;
  path: string;
}

export function loadTargets(sample: TargetSample): Target[] {
  const query = encodeURIComponent(sample.nameQuery);
  return [
    // `/` answers a redirect to the reader's language: the pages themselves are measured.
    { name: 'home', path: '/en/' },
    { name: 'person page', path: `/en/prisoners/${sample.personId}` },
    { name: 'search page', path: `/be/prisoners?q=${query}` },
    { name: 'person', path: `/api/v1/persons/${sample.personId}` },
    { name: 'search', path: `/api/v1/search?q=${query}` },
    { name: 'list', path: '/api/v1/persons?status=held&limit=20' },
  ];
}
