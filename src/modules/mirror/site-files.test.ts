import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { siteFiles } from './site-files.js';

describe('the mirror’s file writer', () => {
  let root = '';
  beforeEach(() => {
    root = join(mkdtempSync(join(os.tmpdir(), 'unfree-site-files-')), 'site');
  });
  afterEach(() => rmSync(join(root, '..'), { recursive: true, force: true }));

  it('makes the root and every folder of a file, in any order, and counts the bytes as UTF-8', () => {
    const files = siteFiles(root);
    files.put('en/prisoners/a/index.html', 'Ганна');
    files.put('en/prisoners/b/index.html', Buffer.from([1, 2, 3]));
    files.put('en/index.html', 'home');
    files.put('feeds/persons/a.atom', '<feed/>');
    expect(readFileSync(join(root, 'en/prisoners/a/index.html'), 'utf8')).toBe('Ганна');
    expect([...readFileSync(join(root, 'en/prisoners/b/index.html'))]).toEqual([1, 2, 3]);
    expect(readdirSync(join(root, 'en')).sort()).toEqual(['index.html', 'prisoners']);
    expect(readFileSync(join(root, 'feeds/persons/a.atom'), 'utf8')).toBe('<feed/>');
    expect(files.files).toBe(4);
    // "Ганна" is five letters of two bytes each.
    expect(files.bytes).toBe(10 + 3 + 4 + 7);
  });

  it('replaces a file written twice and counts both writes', () => {
    const files = siteFiles(root);
    files.put('index.html', 'first');
    files.put('index.html', 'second');
    expect(readFileSync(join(root, 'index.html'), 'utf8')).toBe('second');
    expect(files.files).toBe(2);
  });
});
