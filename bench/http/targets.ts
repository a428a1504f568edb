/**
 * The URLs of the load test, in one list: add the public site's pages here when they land (each is
 * fetched once from the dynamic server, saved, and served statically for the comparison).
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
  return [
    { name: 'home', path: '/' },
    { name: 'person', path: `/api/v1/persons/${sample.personId}` },
    { name: 'search', path: `/api/v1/search?q=${encodeURIComponent(sample.nameQuery)}` },
    { name: 'list', path: '/api/v1/persons?status=held&limit=20' },
  ];
}
