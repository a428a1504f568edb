import { formatNumber, formatPartialDate } from '../../site/format.js';
import type { PageDefinition } from '../../site/page.js';
import { EXPORT_SCHEMA_FILE } from './export.downloads.js';

const FORMATS: Readonly<Record<string, string>> = {
  'application/json': 'JSON',
  'text/csv': 'CSV',
  'text/plain': 'Text',
};

/**
 * /data: every public download with its format, size, date and SHA-256, the licence, the schema,
 * the feeds and the counter.
 *
 * The licence shown here (DATA_LICENCE, CC BY 4.0) is an ASSUMPTION made in the code: nobody has
 * decided it yet (docs/decisions/0008 and 0013), so the page labels it "proposed, not yet confirmed".
 */
export const dataPage: PageDefinition = {
  id: 'data',
  route: '/data',
  paths: () => Promise.resolve(['/data']),
  async render(context) {
    const { t, locale, links, services } = context;
    const { generatedAt, licence, files } = await services.exports.downloads();
    const day = generatedAt.slice(0, 10);
    return {
      title: t.data.title,
      body: (
        <>
          <h1>{t.data.title}</h1>
          <p>{t.data.intro}</p>
          <p class="muted">{t.data.builtOn(formatPartialDate(day, locale))}</p>
          <div class="table-scroll">
            <table class="downloads">
              <caption class="visually-hidden">{t.data.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.data.file}</th>
                  <th scope="col">{t.data.format}</th>
                  <th scope="col">{t.data.size}</th>
                  <th scope="col">{t.data.date}</th>
                  <th scope="col">{t.data.sha256}</th>
                </tr>
              </thead>
              <tbody>
                {files.map((file) => (
                  <tr key={file.name}>
                    <th scope="row">
                      <a href={links.file(`/data/${file.name}`)} download>
                        {file.name}
                      </a>
                    </th>
                    <td>{FORMATS[file.mediaType] ?? file.mediaType}</td>
                    <td class="num">{t.data.bytes(formatNumber(file.content.length, locale))}</td>
                    <td>
                      <time dateTime={generatedAt}>{formatPartialDate(day, locale)}</time>
                    </td>
                    <td>
                      <code class="hash">{file.sha256}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <code>{t.data.checksums}</code>
          </p>
          <p>
            <a href={links.file(`/data/${EXPORT_SCHEMA_FILE}`)}>{t.data.schema}</a> ·{' '}
            <a href={links.file('/data/index.json')}>{t.data.index}</a>
          </p>
          <section aria-labelledby="licence">
            <h2 id="licence">{t.data.licence}</h2>
            <p lang="en">{licence}</p>
          </section>
          <section aria-labelledby="feeds">
            <h2 id="feeds">{t.data.feeds}</h2>
            <ul>
              <li>
                <a href={links.file('/feeds/prisoners.atom')}>{t.data.feedPrisoners}</a>
              </li>
              <li>
                <a href={links.file('/feeds/releases.atom')}>{t.data.feedReleases}</a>
              </li>
            </ul>
            <h2 id="counter">{t.data.counter}</h2>
            <p>
              <img
                src={links.file(`/embed/counter.svg?lang=${locale}`)}
                width={240}
                height={64}
                alt={t.data.counter}
              />
            </p>
            <p>
              <a href={links.file(`/embed/counter-snippet.txt?lang=${locale}`)}>HTML</a>
            </p>
          </section>
        </>
      ),
    };
  },
};
