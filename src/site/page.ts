import type { VNode } from 'preact';
import type { z } from 'zod';
import type { Services } from '../app.js';
import { AppError } from '../lib/errors.js';
import type { Messages } from './i18n.js';
import type { Links } from './links.js';
import type { Locale } from './locale.js';

/** What every page function receives: services for the public, the locale, the request. */
export interface PageContext {
  /** Always built for PUBLIC_VIEWER: a page can only show what the public may see. */
  services: Services;
  locale: Locale;
  t: Messages;
  links: Links;
  params: Readonly<Record<string, string>>;
  query: Readonly<Record<string, unknown>>;
  /** The page's own path after the locale, with its query ("/prisoners?q=x"), for the language switch. */
  path: string;
  /** The day of the render: counts "as of today" use it. */
  today: string;
}

export interface PageOutput {
  title: string;
  body: VNode;
}

export interface PageDefinition {
  id: string;
  /** Route after the locale, in Fastify syntax: "/prisoners/:id". */
  route: string;
  render(context: PageContext): Promise<PageOutput>;
  /**
   * The same pages for many contexts at once, reading their data in bulk (the static mirror
   * writes every person's page): each output must equal what render gives for its context.
   */
  renderMany?(contexts: readonly PageContext[]): Promise<PageOutput[]>;
  /** Every concrete path of this page, for the registry (static export, canary crawl). */
  paths(services: Services): Promise<string[]>;
}

export interface Download {
  contentType: string;
  filename: string;
  body: string;
}

/** A file made from the same data as a page (CSV, JSON). */
export interface DownloadDefinition {
  id: string;
  route: string;
  produce(context: PageContext): Promise<Download>;
  paths(services: Services): Promise<string[]>;
}

/** Validates a page's query string; a bad parameter becomes the 400 page, naming it. */
export function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.output<T> {
  const parsed = schema.safeParse(query ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.join('.') || 'query',
    message: issue.message,
  }));
  throw new AppError(
    'validation_failed',
    `invalid query: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
    issues,
  );
}

/** Empty form fields arrive as "": treat them as absent. */
export function withoutEmpty(query: unknown): Record<string, unknown> {
  if (query === null || typeof query !== 'object') return {};
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
}
