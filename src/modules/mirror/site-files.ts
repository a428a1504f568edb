import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Writes the mirror's files under a root folder that this writer alone fills (the export's fresh
 * partial folder). Synchronous on purpose (docs/decisions/0023, amendment of the sixth session):
 * the export is a command with nothing else to serve, and each awaited write cost a trip through
 * libuv's thread pool (open, write, close, each a promise) that took longer than writing the file
 * on tmpfs; 390,000 files paid about half a minute for it.
 */
export interface SiteFiles {
  /** Writes one file (a path relative to the root, with "/"), making its folders as needed. */
  put(file: string, content: string | Buffer): void;
  readonly files: number;
  readonly bytes: number;
}

export function siteFiles(root: string): SiteFiles {
  // The folders made so far: a folder is made once, after its parent, without a recursive search.
  const made = new Set<string>();
  const ensureFolder = (folder: string): void => {
    if (made.has(folder)) return;
    const parent = dirname(folder);
    if (parent !== folder) ensureFolder(parent);
    mkdirSync(folder, { recursive: true });
    made.add(folder);
  };
  let files = 0;
  let bytes = 0;
  return {
    put(file, content) {
      const path = join(root, file);
      ensureFolder(dirname(path));
      // A string is written as it is: Node encodes it on its way out, without a Buffer in between.
      writeFileSync(path, content);
      files += 1;
      bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    },
    get files() {
      return files;
    },
    get bytes() {
      return bytes;
    },
  };
}
