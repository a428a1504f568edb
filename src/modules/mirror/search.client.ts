/**
 * The static mirror's search page, in the browser: no framework, bundled with names/canonical.ts
 * by esbuild when the mirror is written (mirror.service.ts). It reads the index that
 * search-index.js set, folds what the reader types with the server's canonical rules and lists
 * the matching persons, linked to their pages. Without it, the page says search needs JavaScript.
 */
import { NAME_COLUMN, type SearchIndex, type SearchLocale, matchPersons } from './search-match.js';

/** The little of the DOM this file uses (the project's types do not include the DOM library). */
interface Element {
  textContent: string | null;
  hidden: boolean;
  value: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  append(...children: (Element | string)[]): void;
  replaceChildren(...children: Element[]): void;
  addEventListener(type: string, listener: () => void): void;
}
interface Window {
  document: {
    documentElement: { lang: string };
    getElementById(id: string): Element | null;
    createElement(tag: string): Element;
  };
  location: { search: string };
  UNFREE_SEARCH_INDEX?: SearchIndex;
}

const page = globalThis as unknown as Window;
const { document } = page;
const app = document.getElementById('mirror-search');
const input = document.getElementById('mirror-q');
const status = document.getElementById('mirror-status');
const list = document.getElementById('mirror-results');
const index = page.UNFREE_SEARCH_INDEX;

if (app && input && status && list && index) {
  const locale = (
    ['en', 'be', 'ru'].includes(document.documentElement.lang) ? document.documentElement.lang : 'en'
  ) as SearchLocale;
  const text = (name: string) => app.getAttribute(`data-${name}`) ?? '';
  const statuses = JSON.parse(text('statuses') || '{}') as Record<string, string>;
  const numbers = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : locale);

  const show = () => {
    const query = input.value.trim();
    if (query === '') {
      list.replaceChildren();
      status.textContent = text('type-name');
      return;
    }
    const { total, matches } = matchPersons(index, query, locale);
    status.textContent = text('results').replace('{n}', numbers.format(total));
    list.replaceChildren(
      ...matches.map(({ entry }) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.setAttribute('href', `../prisoners/${entry[0]}/index.html`);
        link.textContent = entry[NAME_COLUMN[locale]];
        item.append(link, ` (${statuses[entry[1]] ?? entry[1]})`);
        return item;
      }),
    );
  };

  const notice = document.getElementById('mirror-needs-script');
  if (notice) notice.hidden = true;
  app.hidden = false;
  input.value = new URLSearchParams(page.location.search).get('q') ?? '';
  input.addEventListener('input', show);
  show();
}
