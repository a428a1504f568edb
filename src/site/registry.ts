import type { Services } from '../app.js';
import { batchPages } from '../modules/batch/batch.pages.js';
import { dataPage } from '../modules/export/export.pages.js';
import { facilityPages } from '../modules/facility/facility.pages.js';
import { personProfilePages } from '../modules/person/person-profile.pages.js';
import { personDownloads } from '../modules/person/person.downloads.js';
import { personPages } from '../modules/person/person.pages.js';
import { statsDownloads, statsPages } from '../modules/stats/stats.pages.js';
import { homePage } from './home.page.js';
import { serverLinks, type Links } from './links.js';
import { LOCALES } from './locale.js';
import type { DownloadDefinition, PageDefinition } from './page.js';

/** Every public page of the site, once. The HTTP routes, the static export and the canary crawl use this. */
export const PUBLIC_PAGES: readonly PageDefinition[] = [
  homePage,
  ...personPages,
  ...personProfilePages,
  ...batchPages,
  ...facilityPages,
  ...statsPages,
  dataPage,
];

/** Every file made from a page's data (CSV, JSON). */
export const PUBLIC_DOWNLOADS: readonly DownloadDefinition[] = [...personDownloads, ...statsDownloads];

export interface PublicUrl {
  kind: 'page' | 'download';
  id: string;
  url: string;
}

/**
 * Every public URL in every locale, for services built for PUBLIC_VIEWER: what `unfree export-site`
 * would write and what the canary test crawls.
 */
export async function listPublicPages(services: Services, links: Links = serverLinks): Promise<PublicUrl[]> {
  const urls: PublicUrl[] = [];
  for (const [kind, definitions] of [
    ['page', PUBLIC_PAGES],
    ['download', PUBLIC_DOWNLOADS],
  ] as const) {
    for (const definition of definitions) {
      const paths = await definition.paths(services);
      for (const locale of LOCALES) {
        for (const path of paths) {
          const [pathname = '', search] = path.split('?');
          urls.push({
            kind,
            id: definition.id,
            url: links.page(locale, pathname) + (search ? `?${search}` : ''),
          });
        }
      }
    }
  }
  return urls;
}
