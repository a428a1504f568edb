import type { FastifyInstance } from 'fastify';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from '../../app.js';
import { testApp } from '../../../test/app.js';
import { describeEachDialect } from '../../../test/database.js';
import { anEpisode, aPerson, fixedClock } from '../../../test/factories.js';
import { escapeXml, renderAtom } from './atom.js';
import { counterSnippet, counterSvg } from '../embed/counter.js';

type Text = string | { '#text': string; type: string };
interface AtomDocument {
  feed: {
    id: string;
    title: Text;
    updated: string;
    author: { name: string };
    link: { rel: string; href: string }[];
    entry?: { id: string; title: Text; updated: string; summary: Text }[];
  };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  textNodeName: '#text',
  isArray: (name) => name === 'entry' || name === 'link',
});
const textOf = (text: Text) => (typeof text === 'string' ? text : text['#text']);

/** Well-formed XML with what RFC 4287 requires of a feed and of every entry. */
function parseAtom(xml: string): { id: string; title: string; updated: string }[] {
  expect(XMLValidator.validate(xml)).toBe(true);
  const { feed } = parser.parse(xml) as AtomDocument;
  expect(feed.id).toBeTruthy();
  expect(textOf(feed.title)).toBeTruthy();
  expect(feed.updated).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  expect(feed.author.name).toBe('unfree');
  expect(feed.link.some((link) => link.rel === 'self')).toBe(true);
  return (feed.entry ?? []).map((entry) => {
    expect(entry.id).toMatch(/^urn:uuid:/);
    expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(textOf(entry.title)).toBeTruthy();
    return { id: entry.id, title: textOf(entry.title), updated: entry.updated };
  });
}

describe('Atom and the counter, as text', () => {
  it('escapes markup and drops characters XML forbids', () => {
    expect(escapeXml(`<b>"Tom" & 'Jerry'</b>\u0007`)).toBe(
      '&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt;',
    );
    const xml = renderAtom({
      id: 'https://x/feeds/a.atom',
      title: 'A & B',
      subtitle: '<script>',
      selfLink: 'https://x/feeds/a.atom?x=1&y=2',
      alternateLink: 'https://x/',
      updated: '2026-01-01T00:00:00.000Z',
      entries: [
        {
          id: 'urn:uuid:1',
          title: '</title><x>',
          updated: '2026-01-01T00:00:00.000Z',
          link: 'https://x/?a&b',
          summary: '\u0001]]>',
        },
      ],
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('<script>');
  });

  it('draws the counter in three languages, with the uncertain range when there is one', () => {
    expect(counterSvg({ min: 1150, max: 1150 }, 'en', '2026-01-15')).toContain('>1,150<');
    expect(counterSvg({ min: 1150, max: 1162 }, 'be', '2026-01-15')).toContain('палітвязняў сёння');
    expect(counterSvg({ min: 7, max: 7 }, 'ru', '2026-01-15')).toContain('политзаключённых сегодня');
    expect(XMLValidator.validate(counterSvg({ min: 1, max: 2 }, 'en', '2026-01-15'))).toBe(true);
    expect(counterSnippet('https://unfree.example', 'be')).toContain(
      'src="https://unfree.example/embed/counter.svg?lang=be"',
    );
  });
});

describeEachDialect('feeds, downloads and the counter over HTTP', (database) => {
  let app: FastifyInstance;
  let publicPersonId: string;
  let anonymousId: string;
  let hiddenId: string;

  beforeAll(async () => {
    const services = buildServices(database().db, fixedClock);
    const person = await services.persons.create(
      aPerson({
        names: [{ text: 'Synthetic <Feedava> & Co', script: 'Latn', language: 'en', isPrimary: true }],
      }),
    );
    publicPersonId = person.id;
    await services.episodes.create(
      anEpisode(person.id, { detainedOn: '2021-03', release: { releasedOn: '2025-09-11', mode: 'pardon' } }),
    );
    await services.recognitions.create({
      personId: person.id,
      organisation: 'Synthetic Watch',
      afterRelease: false,
      visibility: 'public',
    });
    const held = await services.persons.create(aPerson());
    await services.episodes.create(anEpisode(held.id, { detainedOn: '2022-01-10' }));
    const anonymous = await services.persons.create(
      aPerson({
        names: [{ text: 'Anonymava Feedless', script: 'Latn', language: 'en', isPrimary: true }],
        anonymous: true,
      }),
    );
    anonymousId = anonymous.id;
    await services.episodes.create(
      anEpisode(anonymous.id, {
        detainedOn: '2021-01',
        release: { releasedOn: '2025-10', mode: 'deportation' },
      }),
    );
    hiddenId = (await services.persons.create(aPerson({ visibility: 'internal' }))).id;
    app = await testApp(database().db, { as: 'public' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('serves valid, escaped Atom feeds of new prisoners and releases without anonymous persons', async () => {
    const prisoners = await app.inject({ method: 'GET', url: '/feeds/prisoners.atom' });
    expect(prisoners.statusCode).toBe(200);
    expect(prisoners.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const entries = parseAtom(prisoners.body);
    expect(entries.map((entry) => entry.title)).toContain('Synthetic <Feedava> & Co');
    expect(prisoners.body).toContain('Synthetic &lt;Feedava&gt; &amp; Co');
    const releases = await app.inject({ method: 'GET', url: '/feeds/releases.atom' });
    const released = parseAtom(releases.body);
    expect(released.map((entry) => entry.title)).toEqual(['Synthetic <Feedava> & Co released 2025-09-11']);
    for (const body of [prisoners.body, releases.body]) {
      expect(body).not.toContain('Anonymava');
      expect(body).not.toContain(anonymousId);
      expect(body).not.toContain(hiddenId);
    }
  });

  it('serves the feed of one public person, and 404 for an anonymous, hidden or unknown one', async () => {
    const response = await app.inject({ method: 'GET', url: `/feeds/persons/${publicPersonId}.atom` });
    expect(response.statusCode).toBe(200);
    const titles = parseAtom(response.body).map((entry) => entry.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Detained 2021-03, released 2025-09-11',
        'Recognised as a political prisoner by Synthetic Watch',
      ]),
    );
    for (const id of [anonymousId, hiddenId, '00000000-0000-7000-8000-000000000000', 'not-an-id']) {
      const hidden = await app.inject({ method: 'GET', url: `/feeds/persons/${id}.atom` });
      expect(hidden.statusCode).toBe(404);
      expect(hidden.body).not.toContain('Anonymava');
    }
  });

  it('serves the counter cross-origin with cache headers, counting the anonymous person too', async () => {
    const response = await app.inject({ method: 'GET', url: '/embed/counter.svg?lang=ru' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['cache-control']).toBe('public, max-age=3600');
    expect(response.body).toContain('политзаключённых сегодня');
    const stock = await buildServices(database().db, fixedClock).stats.stockOn();
    expect(response.body).toContain(`>${stock.held.min}<`);
    const snippet = await app.inject({ method: 'GET', url: '/embed/counter-snippet.txt?lang=be' });
    expect(snippet.body).toContain('/embed/counter.svg?lang=be');
  });

  it('serves the downloads, their index with checksums and the licence', async () => {
    const index = await app.inject({ method: 'GET', url: '/data/index.json' });
    const listed = index.json<{ licence: string; files: { name: string; url: string; sha256: string }[] }>();
    expect(listed.licence).toContain('CC BY 4.0');
    expect(listed.files.map((file) => file.name)).toEqual(
      expect.arrayContaining(['unfree-public.json', 'persons.csv', 'checksums.txt', 'LICENCE.txt']),
    );
    const json = await app.inject({ method: 'GET', url: '/data/unfree-public.json' });
    expect(json.json<{ format: string }>().format).toBe('unfree-export');
    expect(json.body).not.toContain('Anonymava');
    const checksums = await app.inject({ method: 'GET', url: '/data/checksums.txt' });
    const { createHash } = await import('node:crypto');
    expect(checksums.body).toContain(
      `${createHash('sha256').update(json.rawPayload).digest('hex')}  unfree-public.json`,
    );
    expect((await app.inject({ method: 'GET', url: '/data/nothing.csv' })).statusCode).toBe(404);
  });

  it('caches the /data files: the SHA-256 as ETag, Cache-Control, and 304 to If-None-Match', async () => {
    const index = (await app.inject({ method: 'GET', url: '/data/index.json' })).json<{
      schema: string;
      files: { name: string; url: string; sha256: string }[];
    }>();
    for (const file of index.files) {
      const response = await app.inject({ method: 'GET', url: file.url });
      expect(response.statusCode, file.name).toBe(200);
      expect(response.headers.etag, file.name).toBe(`"${file.sha256}"`);
      expect(response.headers['cache-control']).toBe('public, max-age=300');
      const again = await app.inject({
        method: 'GET',
        url: file.url,
        headers: { 'if-none-match': `W/"other", "${file.sha256}"` },
      });
      expect(again.statusCode, file.name).toBe(304);
      expect(again.body).toBe('');
      const stale = await app.inject({
        method: 'GET',
        url: file.url,
        headers: { 'if-none-match': '"stale"' },
      });
      expect(stale.statusCode).toBe(200);
    }
    const schema = await app.inject({ method: 'GET', url: index.schema });
    expect(schema.json<{ $schema: string }>().$schema).toContain('2020-12');
    expect(
      (
        await app.inject({
          method: 'GET',
          url: index.schema,
          headers: { 'if-none-match': String(schema.headers.etag) },
        })
      ).statusCode,
    ).toBe(304);
  });

  it('shows every download on the /data page of every locale, with size, SHA-256, licence and schema', async () => {
    const index = (await app.inject({ method: 'GET', url: '/data/index.json' })).json<{
      files: { name: string; url: string; bytes: number; sha256: string }[];
    }>();
    for (const [locale, licence] of [
      ['en', 'Licence (proposed, not yet confirmed)'],
      ['be', 'Ліцэнзія (прапанаваная, яшчэ не зацверджаная)'],
      ['ru', 'Лицензия (предложенная, ещё не утверждённая)'],
    ] as const) {
      const page = await app.inject({ method: 'GET', url: `/${locale}/data` });
      expect(page.statusCode).toBe(200);
      for (const file of index.files) {
        expect(page.body).toContain(`href="${file.url}"`);
        expect(page.body).toContain(file.sha256);
      }
      expect(page.body).toContain(licence);
      expect(page.body).toContain('CC BY 4.0');
      expect(page.body).toContain('href="/data/unfree-export-v1.schema.json"');
      expect(page.body).toContain('href="/feeds/releases.atom"');
    }
    const csv = index.files.find((file) => file.name === 'persons.csv');
    const en = await app.inject({ method: 'GET', url: '/en/data' });
    expect(en.body).toContain(`${new Intl.NumberFormat('en-GB').format(csv?.bytes ?? -1)} bytes`);
  });

  // Last in this block: it adds persons the tests above do not expect.
  it('lists the latest 50 releases the public may see, latest release date first', async () => {
    const services = buildServices(database().db, fixedClock);
    const release = async (
      text: string,
      releasedOn: string,
      visibility: 'public' | 'internal' = 'public',
    ) => {
      const person = await services.persons.create(
        aPerson({ names: [{ text, script: 'Latn', language: 'en', isPrimary: true }] }),
      );
      await services.episodes.create(
        anEpisode(person.id, { detainedOn: '2018-01', visibility, release: { releasedOn, mode: 'pardon' } }),
      );
    };
    for (const [index, day] of ['2019', '2019-06-02', '2019-06', '2020-01-15'].entries())
      await release(`Synthetic Ordava ${index}`, day);
    await release('Synthetic Hiddenava', '2026-01-01', 'internal');
    const ordered = async () =>
      parseAtom((await app.inject({ method: 'GET', url: '/feeds/releases.atom' })).body).map(
        (entry) => entry.title,
      );
    const titles = await ordered();
    expect(titles.filter((title) => title.includes('Ordava'))).toEqual([
      'Synthetic Ordava 3 released 2020-01-15',
      'Synthetic Ordava 1 released 2019-06-02',
      'Synthetic Ordava 2 released 2019-06',
      'Synthetic Ordava 0 released 2019',
    ]);
    expect(titles[0]).toBe('Synthetic <Feedava> & Co released 2025-09-11');
    expect(titles.join()).not.toContain('Hiddenava');

    for (let index = 0; index < 50; index++) await release(`Synthetic Laterava ${index}`, '2024-03-01');
    const capped = await ordered();
    expect(capped).toHaveLength(50);
    expect(capped[0]).toBe('Synthetic <Feedava> & Co released 2025-09-11');
    expect(capped.slice(1).every((title) => title.includes('Laterava'))).toBe(true);
  });
});
