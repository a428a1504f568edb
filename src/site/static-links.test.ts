import { posix } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relativeHref, staticFileOf, staticLinks } from './static-links.js';

describe('staticFileOf: one file per live address', () => {
  it.each([
    ['/en/', 'en/index.html'],
    ['/en', 'en/index.html'],
    ['/', 'index.html'],
    ['/en/prisoners', 'en/prisoners/index.html'],
    ['/be/prisoners/01a2-x', 'be/prisoners/01a2-x/index.html'],
    ['/en/prisoners?page=2', 'en/prisoners,page=2/index.html'],
    ['/en/prisoners?status=held&page=3', 'en/prisoners,page=3,status=held/index.html'],
    ['/en/prisoners.csv', 'en/prisoners.csv'],
    ['/en/prisoners.csv?status=held', 'en/prisoners,status=held.csv'],
    [
      '/en/statistics/stock/held.csv?from=2021-01-01&granularity=year',
      'en/statistics/stock/held,from=2021-01-01,granularity=year.csv',
    ],
    ['/data/checksums.txt', 'data/checksums.txt'],
    ['/embed/counter.svg?lang=be', 'embed/counter,lang=be.svg'],
    ['/feeds/prisoners.atom', 'feeds/prisoners.atom'],
  ])('%s → %s', (url, file) => {
    expect(staticFileOf(url)).toBe(file);
  });

  it('names one query once, whatever the order of its parameters; empty parameters are absent', () => {
    expect(staticFileOf('/en/prisoners?sort=-name&status=released')).toBe(
      staticFileOf('/en/prisoners?status=released&sort=-name'),
    );
    expect(staticFileOf('/en/prisoners?q=&status=held')).toBe(staticFileOf('/en/prisoners?status=held'));
  });

  it('escapes every character that a file name or a URL path could read otherwise', () => {
    expect(staticFileOf('/en/prisoners?q=Калеснікава')).toBe(
      'en/prisoners,q=~D0~9A~D0~B0~D0~BB~D0~B5~D1~81~D0~BD~D1~96~D0~BA~D0~B0~D0~B2~D0~B0/index.html',
    );
    expect(staticFileOf('/en/prisoners?q=a/b c.d~,e=f%26g')).toBe(
      'en/prisoners,q=a~2Fb~20c~2Ed~7E~2Ce~3Df~26g/index.html',
    );
    // A dot in a value would otherwise look like a file's extension.
    expect(staticFileOf('/en/x?v=1.csv')).toBe('en/x,v=1~2Ecsv/index.html');
  });

  it('keeps different queries apart', () => {
    const files = new Set(
      ['q=a b', 'q=a+b', 'q=a%2Bb', 'q=a,b', 'q=a~2Cb', 'q=ab', 'q=a&b=', 'q=a&b=1'].map((query) =>
        staticFileOf(`/en/prisoners?${query}`),
      ),
    );
    // "a b" and "a+b" are the same query in a URL (+ is a space), and "q=a&b=" is "q=a".
    expect(files.size).toBe(7);
  });
});

describe('relativeHref', () => {
  it.each([
    ['en/prisoners/index.html', 'en/releases/index.html', '../releases/index.html'],
    ['en/prisoners/index.html', 'en/prisoners/index.html', 'index.html'],
    ['en/prisoners/index.html', 'en/prisoners/abc/index.html', 'abc/index.html'],
    ['en/prisoners/abc/index.html', 'assets/site.css', '../../../assets/site.css'],
    ['index.html', 'en/index.html', 'en/index.html'],
    ['en/index.html', 'data/index.json', '../data/index.json'],
  ])('from %s to %s is %s', (from, to, href) => {
    expect(relativeHref(from, to)).toBe(href);
  });

  it('is what posix.relative gives between the two folders, for any files (the reference)', () => {
    const reference = (from: string, to: string) => {
      const href = posix.relative(posix.dirname(from), to);
      return href === '' ? posix.basename(to) : href;
    };
    // A few short names, so that paths share prefixes, equal each other and contain each other.
    const segment = fc.constantFrom('en', 'a', 'b', 'index.html', 'x,page=2', '.', '..', '');
    const file = fc.array(segment, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('/'));
    fc.assert(
      fc.property(file, file, (from, to) => {
        expect(relativeHref(from, to)).toBe(reference(from, to));
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('staticLinks', () => {
  it('makes every kind of link relative to the file it is written into, and reports each address', () => {
    const seen: string[] = [];
    const links = staticLinks('be/prisoners/abc/index.html', { onLink: (url) => seen.push(url) });
    expect(links.page('be', '/')).toBe('../../index.html');
    expect(links.page('ru', '/prisoners', { status: 'held', page: 2, q: undefined })).toBe(
      '../../../ru/prisoners,page=2,status=held/index.html',
    );
    expect(links.asset('site.css')).toBe('../../../assets/site.css');
    expect(links.file('/data/checksums.txt')).toBe('../../../data/checksums.txt');
    expect(links.search('be')).toBe('../../search/index.html');
    expect(seen).toEqual(['/be/', '/ru/prisoners?status=held&page=2', '/data/checksums.txt', '/be/search']);
  });

  it('points API links at the live server when one is given, else at the mirror’s own /data page', () => {
    expect(staticLinks('ru/index.html', { liveUrl: 'https://example.org/' }).api('/v1/persons')).toBe(
      'https://example.org/api/v1/persons',
    );
    expect(staticLinks('ru/releases/index.html').api('/docs')).toBe('../data/index.html');
  });
});
