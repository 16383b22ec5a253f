/**
 * Checks an uploaded photo by its content, not by its name or the type the
 * browser claims: JPEG, PNG or WebP, read from the file's first bytes, with
 * its pixel size from the header. This check is cheap and runs before the
 * image is decoded (prepare-photo.ts), so that a file that is no photo, or a
 * header announcing a decompression bomb, is refused without decoding it.
 */

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';
export const minimumPhotoSide = 200;

export type PhotoProblem = 'notImage' | 'tooLarge' | 'tooManyPixels' | 'tooSmall' | 'unreadable';
export type PhotoCheck = { ok: true; type: PhotoType; width: number; height: number } | { ok: false; problem: PhotoProblem };

/**
 * How large an uploaded photo may be: its file size, its longest side, and its
 * pixel count (a decompression bomb is a small file that decodes to billions
 * of pixels; sharp's limitInputPixels holds the same number while decoding).
 */
export interface PhotoLimits {
  bytes: number;
  side: number;
  megapixels: number;
}

/**
 * What phones send: a 50-megapixel photo is 8,160 × 6,120 and up to ~12 MB as
 * JPEG at full quality; "medium" in a messenger is far less. Mosaik shrinks
 * what it stores, so the limits only keep a server of two cores responsive.
 */
export const uploadedPhotoLimits: PhotoLimits = { bytes: 12 * 1024 * 1024, side: 10_000, megapixels: 50 };

const startsWith = (bytes: Buffer, signature: number[], offset = 0) => signature.every((byte, index) => bytes[offset + index] === byte);

function typeOf(bytes: Buffer): PhotoType | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

/** Width and height from a JPEG's first frame header (SOF0–SOF15 except DHT, JPG and DAC). */
function jpegSize(bytes: Buffer): { width: number; height: number } | undefined {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1];
    if (marker === 0xff) { offset++; continue; }
    const length = bytes.readUInt16BE(offset + 2);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    }
    offset += 2 + length;
  }
  return undefined;
}

function webpSize(bytes: Buffer): { width: number; height: number } | undefined {
  const chunk = bytes.toString('latin1', 12, 16);
  if (chunk === 'VP8X' && bytes.length >= 30) return { width: 1 + bytes.readUIntLE(24, 3), height: 1 + bytes.readUIntLE(27, 3) };
  if (chunk === 'VP8L' && bytes.length >= 25) {
    const bits = bytes.readUInt32LE(21);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  if (chunk === 'VP8 ' && bytes.length >= 30) return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
  return undefined;
}

export function checkPhoto(bytes: Buffer, limits: PhotoLimits = uploadedPhotoLimits): PhotoCheck {
  if (bytes.length > limits.bytes) return { ok: false, problem: 'tooLarge' };
  const type = typeOf(bytes);
  if (!type) return { ok: false, problem: 'notImage' };
  const size = type === 'image/jpeg' ? jpegSize(bytes) : type === 'image/png' ? (bytes.length >= 24 ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) } : undefined) : webpSize(bytes);
  if (!size || size.width === 0 || size.height === 0) return { ok: false, problem: 'unreadable' };
  if (size.width > limits.side || size.height > limits.side || size.width * size.height > limits.megapixels * 1_000_000) return { ok: false, problem: 'tooManyPixels' };
  if (size.width < minimumPhotoSide && size.height < minimumPhotoSide) return { ok: false, problem: 'tooSmall' };
  return { ok: true, type, ...size };
}
