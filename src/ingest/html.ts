import { Parser } from 'htmlparser2';

/**
 * A saved news page → its plain text and the metadata a page carries. The page is tokenized, never
 * rendered or run: scripts, styles and embedded documents are dropped (JSON-LD is read as data),
 * so nothing in the markup can reach the stored text except the words.
 */
export interface HtmlArticle {
  text: string;
  title: string | null;
  publisher: string | null;
  /** As written in the page (an ISO timestamp or day), with where it was found. */
  published: { value: string; from: 'json-ld' | 'meta' | 'time' } | null;
  url: string | null;
}

const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'head',
  'nav',
  'footer',
  'aside',
  'form',
  'button',
  'select',
]);
const BLOCKS = new Set([
  'p',
  'div',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'article',
  'section',
  'header',
  'main',
  'tr',
  'td',
  'th',
  'blockquote',
  'figcaption',
  'figure',
  'time',
  'dd',
  'dt',
  'pre',
  'table',
  'hr',
]);

interface JsonLdFacts {
  headline?: string;
  datePublished?: string;
  publisher?: string;
  url?: string;
}

function jsonLdFacts(raw: string): JsonLdFacts {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {};
  }
  const facts: JsonLdFacts = {};
  const visit = (node: unknown, depth: number): void => {
    if (depth > 6 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    const record = node as Record<string, unknown>;
    if (typeof record.datePublished === 'string') facts.datePublished ??= record.datePublished;
    if (typeof record.headline === 'string') facts.headline ??= record.headline;
    if (typeof record.url === 'string' && typeof record.headline === 'string') facts.url ??= record.url;
    const publisher = record.publisher as Record<string, unknown> | string | undefined;
    if (typeof publisher === 'string') facts.publisher ??= publisher;
    else if (publisher && typeof publisher.name === 'string') facts.publisher ??= publisher.name;
    if (record['@graph']) visit(record['@graph'], depth + 1);
  };
  visit(parsed, 0);
  return facts;
}

const clean = (text: string): string => text.replace(/\s+/g, ' ').trim();

export function readHtml(html: string): HtmlArticle {
  const body: string[] = [];
  const article: string[] = [];
  let skipDepth = 0;
  let articleDepth = 0;
  let inTitle = false;
  let inJsonLd = false;
  let jsonLd = '';
  let titleText = '';
  let h1Text: string | null = null;
  let inH1 = false;
  let h1Buffer = '';
  const meta = new Map<string, string>();
  let timeDatetime: string | null = null;
  let canonical: string | null = null;
  const jsonLdBlocks: string[] = [];

  const emit = (text: string) => {
    body.push(text);
    if (articleDepth > 0) article.push(text);
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'title') inTitle = true;
        if (name === 'script' && (attributes.type ?? '').toLowerCase() === 'application/ld+json') {
          inJsonLd = true;
          jsonLd = '';
        }
        if (name === 'meta') {
          const key = (attributes.property ?? attributes.name ?? attributes.itemprop ?? '').toLowerCase();
          if (key && attributes.content !== undefined) meta.set(key, attributes.content);
        }
        if (name === 'link' && (attributes.rel ?? '').toLowerCase() === 'canonical' && attributes.href)
          canonical = attributes.href;
        if (name === 'time' && attributes.datetime && timeDatetime === null)
          timeDatetime = attributes.datetime;
        if (SKIPPED.has(name)) {
          skipDepth += 1;
          return;
        }
        if (name === 'article') articleDepth += 1;
        if (name === 'h1' && h1Text === null) {
          inH1 = true;
          h1Buffer = '';
        }
        if (skipDepth === 0 && BLOCKS.has(name)) emit('\n');
      },
      ontext(text) {
        if (inTitle) titleText += text;
        if (inJsonLd) jsonLd += text;
        if (skipDepth > 0) return;
        if (inH1) h1Buffer += text;
        emit(text);
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'script' && inJsonLd) {
          inJsonLd = false;
          jsonLdBlocks.push(jsonLd);
        }
        if (SKIPPED.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (name === 'h1' && inH1) {
          inH1 = false;
          h1Text = clean(h1Buffer) || null;
        }
        if (skipDepth === 0 && BLOCKS.has(name)) emit('\n');
        if (name === 'article') articleDepth = Math.max(0, articleDepth - 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();

  const ld = jsonLdBlocks.reduce<JsonLdFacts>((facts, block) => ({ ...jsonLdFacts(block), ...facts }), {});
  const chosen = article.join('').trim() ? article : body;
  const text = chosen
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n\n');
  const publishedMeta = meta.get('article:published_time') ?? meta.get('datepublished') ?? null;
  const published = ld.datePublished
    ? { value: ld.datePublished, from: 'json-ld' as const }
    : publishedMeta
      ? { value: publishedMeta, from: 'meta' as const }
      : timeDatetime
        ? { value: timeDatetime, from: 'time' as const }
        : null;
  const title = clean(ld.headline ?? meta.get('og:title') ?? h1Text ?? titleText) || null;
  return {
    text,
    title,
    publisher: clean(ld.publisher ?? meta.get('og:site_name') ?? '') || null,
    published,
    url: canonical ?? meta.get('og:url') ?? ld.url ?? null,
  };
}
