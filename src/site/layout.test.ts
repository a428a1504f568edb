import fc from 'fast-check';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { messagesFor } from './i18n.js';
import { type ShellProps, Shell, escapeLikePreact, renderDocument } from './layout.js';
import { serverLinks } from './links.js';
import { LOCALES } from './locale.js';
import { staticFileOf, staticLinks } from './static-links.js';

/** What renderDocument must give: the Shell rendered whole by preact, with no frame kept. */
const reference = (props: ShellProps) => `<!doctype html>${render(h(Shell, props))}`;

const text = fc.string({
  unit: fc.constantFrom('a', 'Я', '&', '<', '>', '"', "'", ' ', '/', '?', '=', '·', '\u0000', '\uE000'),
});
const segment = fc.stringMatching(/^[a-z0-9-]{1,8}$/);
const pathArb = fc.oneof(
  fc.constantFrom('/', '/prisoners', '/releases', '/statistics/stock', '/data', '/facilities'),
  fc.array(segment, { minLength: 1, maxLength: 4 }).map((segments) => `/${segments.join('/')}`),
);
const queryArb = fc.oneof(
  fc.constant(''),
  fc
    .dictionary(fc.constantFrom('q', 'page', 'status', 'sort'), text, { minKeys: 1, maxKeys: 3 })
    .map((query) => `?${new URLSearchParams(query).toString()}`),
);

describe('renderDocument: the page frame is rendered once and filled', () => {
  it('escapes as preact does, in text and in attributes', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(escapeLikePreact(value)).toBe(render(h('p', null, value)).slice(3, -4));
        // preact writes an empty attribute as its bare name; renderDocument renders such a page whole.
        if (value !== '')
          expect(`<a title="${escapeLikePreact(value)}"></a>`).toBe(render(h('a', { title: value })));
      }),
    );
  });

  it('gives exactly the rendered Shell, for server and mirror links, every locale, any title and path', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LOCALES),
        text,
        pathArb,
        queryArb,
        fc.boolean(),
        text,
        (locale, title, path, query, mirror, bodyText) => {
          const url = `/${locale}${path}${query}`;
          const links = mirror
            ? staticLinks(staticFileOf(url), { liveUrl: query === '' ? undefined : 'https://unfree.example' })
            : serverLinks;
          const props: ShellProps = {
            locale,
            t: messagesFor(locale),
            links,
            title,
            path: `${path}${query}`,
            children: h('section', { class: 'x' }, h('p', null, bodyText), h('a', { href: bodyText }, 'x')),
          };
          // Twice: the first may render the frame, the second fills a kept one.
          expect(renderDocument(props)).toBe(reference(props));
          expect(renderDocument(props)).toBe(reference(props));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('renders a page whole when a language link is empty, as preact writes it bare', () => {
    const props: ShellProps = {
      locale: 'en',
      t: messagesFor('en'),
      links: {
        ...serverLinks,
        page: (locale, path) => (locale === 'ru' ? '' : serverLinks.page(locale, path)),
      },
      title: 'T',
      path: '/',
      children: 'body',
    };
    expect(renderDocument(props)).toBe(reference(props));
    expect(renderDocument(props)).toContain('<a href hreflang="ru"');
  });

  it('keeps pages of different folders or sections apart', () => {
    const page = (url: string, path: string) => {
      const props: ShellProps = {
        locale: 'be',
        t: messagesFor('be'),
        links: staticLinks(staticFileOf(url)),
        title: 'T',
        path,
        children: 'body',
      };
      return { got: renderDocument(props), want: reference(props) };
    };
    // Same depth, different first folders: the relative links differ; the current section too.
    for (const [url, path] of [
      ['/be/prisoners/a', '/prisoners/a'],
      ['/be/facilities/a', '/facilities/a'],
      ['/be/prisoners/b', '/prisoners/b'],
      ['/be/', '/'],
      ['/be/statistics/stock', '/statistics/stock'],
    ] as const) {
      const { got, want } = page(url, path);
      expect(got).toBe(want);
    }
  });
});
