import { AppError } from '../lib/errors.js';

/**
 * The bounds of what ingestion reads. A stored copy is at most 5,000,000 characters (the source
 * schema), and rule-based extraction is linear in the text, so 5 MB is both the storage and the
 * time bound: a 5,000-word article is about 35 KB.
 */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

export type ArticleFormat = 'text' | 'html';

/**
 * Bytes from a file or a request → text, refusing what is not an article: nothing at all, a
 * binary file (NUL bytes), text that is not UTF-8, or more than MAX_ARTICLE_BYTES.
 */
export function decodeArticleBytes(input: Uint8Array | string): string {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (size > MAX_ARTICLE_BYTES) {
    throw new AppError(
      'validation_failed',
      `the article is ${(size / 1024 / 1024).toFixed(1)} MB; at most ${MAX_ARTICLE_BYTES / 1024 / 1024} MB can be ingested (split it, or paste the article alone)`,
      [{ path: 'article', message: 'too large' }],
    );
  }
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    if (input.includes(0)) throw binary();
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      throw new AppError(
        'validation_failed',
        'the file is not UTF-8 text; save the article as UTF-8 (or paste its text)',
        [{ path: 'article', message: 'not UTF-8' }],
      );
    }
  }
  if (text.includes('\u0000')) throw binary();
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    throw new AppError('validation_failed', 'the article is empty: there is nothing to read', [
      { path: 'article', message: 'empty' },
    ]);
  }
  return text;
}

function binary(): AppError {
  return new AppError(
    'validation_failed',
    'the file is binary (it contains NUL bytes), not an article: give the text or the saved HTML page',
    [{ path: 'article', message: 'binary' }],
  );
}

/** HTML when it starts like markup; anything else is read as plain text. */
export function guessFormat(text: string): ArticleFormat {
  const head = text.slice(0, 2000).trimStart().toLowerCase();
  return /^(<!doctype html|<html|<head|<body|<article|<meta|<\?xml|<!--)/.test(head) ||
    /<(p|div|article|h1|script)[\s>]/.test(head)
    ? 'html'
    : 'text';
}
