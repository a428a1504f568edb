import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ENTRY = fileURLToPath(new URL('./search.client.ts', import.meta.url));

let bundled: Promise<string> | undefined;

/**
 * search.client.ts with names/ (canonical rules, romanization tables, first names), as one script for
 * the browser: the mirror folds a typed query with the very code the server indexes with, never
 * a hand-written copy of the rules.
 */
export function searchScript(): Promise<string> {
  bundled ??= build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    write: false,
    legalComments: 'none',
  }).then((result) => result.outputFiles.map((file) => file.text).join(''));
  return bundled;
}
