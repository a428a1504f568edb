import iconv from 'iconv-lite';
import { AppError } from '../../lib/errors.js';

/**
 * Text files from human-rights groups come as UTF-8 (with or without a byte-order mark) or, from
 * older Windows machines, as Windows-1251. Valid UTF-8 is taken as UTF-8; otherwise the bytes are
 * read as Windows-1251 only when that gives Cyrillic text, never guessed into mojibake.
 */
export const ENCODINGS = ['utf8', 'cp1251'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface DecodedText {
  text: string;
  encoding: Encoding;
  /** True when the encoding was worked out from the bytes rather than given. */
  detected: boolean;
}

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] ?? 0;
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte < 0xe0
          ? 2
          : byte >= 0xe0 && byte < 0xf0
            ? 3
            : byte >= 0xf0 && byte < 0xf5
              ? 4
              : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k += 1) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return -1;
}

const hex = (byte: number | undefined) => `0x${(byte ?? 0).toString(16).padStart(2, '0').toUpperCase()}`;

function cyrillicShare(text: string): number {
  const nonAscii = [...text].filter((char) => char.charCodeAt(0) > 0x7f);
  if (nonAscii.length === 0) return 0;
  return nonAscii.filter((char) => /[\u0400-\u04ff]/.test(char)).length / nonAscii.length;
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

export function decodeText(bytes: Buffer, given?: Encoding): DecodedText {
  const invalidAt = firstInvalidUtf8Byte(bytes);
  const hasMultiByte = bytes.some((byte) => byte > 0x7f);
  if (given === 'utf8') {
    if (invalidAt >= 0) {
      throw new AppError(
        'validation_failed',
        `the file is not valid UTF-8 (byte ${hex(bytes[invalidAt])} at offset ${invalidAt}); if it was saved as Windows-1251, import it with --encoding cp1251`,
        [{ path: 'encoding', message: 'not valid UTF-8' }],
      );
    }
    return { text: stripBom(bytes.toString('utf8')), encoding: 'utf8', detected: false };
  }
  if (given === 'cp1251') {
    if (invalidAt < 0 && hasMultiByte) {
      throw new AppError(
        'validation_failed',
        'the file is UTF-8, not Windows-1251: import it without --encoding (or with --encoding utf8)',
        [{ path: 'encoding', message: 'the file is UTF-8' }],
      );
    }
    return { text: iconv.decode(bytes, 'win1251'), encoding: 'cp1251', detected: false };
  }
  if (bytes.includes(0)) {
    throw new AppError(
      'validation_failed',
      'the file holds NUL bytes, so it is not UTF-8 or Windows-1251 text (UTF-16, or a binary file such as a workbook saved with a .csv name): save it as UTF-8 CSV, or import the workbook as xlsx',
      [{ path: 'encoding', message: 'not text' }],
    );
  }
  if (invalidAt < 0) return { text: stripBom(bytes.toString('utf8')), encoding: 'utf8', detected: true };
  const asCp1251 = iconv.decode(bytes, 'win1251');
  if (cyrillicShare(asCp1251) >= 0.8) return { text: asCp1251, encoding: 'cp1251', detected: true };
  throw new AppError(
    'validation_failed',
    `the file is neither UTF-8 nor Windows-1251 text (byte ${hex(bytes[invalidAt])} at offset ${invalidAt} is not UTF-8, and read as Windows-1251 it is not Cyrillic); save it as UTF-8 CSV and import it again`,
    [{ path: 'encoding', message: 'unknown encoding' }],
  );
}
