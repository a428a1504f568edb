import { createHash } from 'node:crypto';
import { exportJsonSchema } from './export.schema.js';
import type { Downloads } from './export.service.js';

/** The JSON Schema of the export format, served beside the files it describes. */
export const EXPORT_SCHEMA_FILE = 'unfree-export-v1.schema.json';

let schemaText: string | undefined;

/** The schema as `unfree export --schema` writes it (docs/export/), computed once. */
export function exportSchemaText(): string {
  schemaText ??= `${JSON.stringify(exportJsonSchema(), null, 2)}\n`;
  return schemaText;
}

export const exportSchemaSha256 = () => createHash('sha256').update(exportSchemaText()).digest('hex');

/** /data/index.json: every file with its address, size and SHA-256; the server and the mirror differ only in the address. */
export function downloadIndex(downloads: Downloads, urlOf: (name: string) => string) {
  return {
    generatedAt: downloads.generatedAt,
    licence: downloads.licence,
    schema: urlOf(EXPORT_SCHEMA_FILE),
    files: downloads.files.map((file) => ({
      name: file.name,
      url: urlOf(file.name),
      mediaType: file.mediaType,
      bytes: file.content.length,
      sha256: file.sha256,
    })),
  };
}
