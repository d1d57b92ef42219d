import { InputError } from '../model.js';

/**
 * Decode stage: bytes of one input to a JavaScript string, or a clear
 * InputError that names the source and the problem. Never guesses an 8-bit
 * code page: a wrong guess would silently corrupt names and offsets.
 */

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function tooLarge(source: string, size: number, maxBytes: number): InputError {
  return new InputError(source, `${mb(size)} is larger than the ${mb(maxBytes)} limit for one document (raise it with --max-bytes)`);
}

export function decode(bytes: Uint8Array, source: string, maxBytes = DEFAULT_MAX_BYTES): string {
  if (bytes.length === 0) throw new InputError(source, 'empty file');
  if (bytes.length > maxBytes) throw tooLarge(source, bytes.length, maxBytes);
  // UTF-16 with a byte-order mark (some Windows exports).
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    return new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
  }
  if (looksBinary(bytes)) throw new InputError(source, 'binary file, not text (no document can be read from it)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(source, `invalid UTF-8 at byte ${firstInvalidUtf8(bytes)} (convert the file to UTF-8)`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new InputError(source, 'no text (only white space)');
  return text;
}

/** NUL bytes or many control characters in the first 8 KB mean binary data. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > n * 0.1;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let j = 1; j < len; j++) if ((bytes[i + j] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return i;
}
