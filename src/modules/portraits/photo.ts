/**
 * Checks an uploaded portrait photo by its content, not by its name or the
 * type the browser claims: JPEG, PNG or WebP, read from the file's first
 * bytes, with its pixel size from the header. Mosaik does not re-encode
 * images (no image library in the stack); it limits them instead, so that a
 * portrait page stays light on a phone.
 */

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';
export const maximumPhotoBytes = 1024 * 1024;
export const maximumPhotoSide = 2400;
export const minimumPhotoSide = 200;

export type PhotoProblem = 'notImage' | 'tooLarge' | 'tooManyPixels' | 'tooSmall' | 'unreadable';
export type PhotoCheck = { ok: true; type: PhotoType; width: number; height: number } | { ok: false; problem: PhotoProblem };

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

/** How large a photo may be; a portrait's limits unless a caller (the pinboard photos of a meeting's documentation) needs others. */
export interface PhotoLimits {
  bytes: number;
  side: number;
}

export function checkPhoto(bytes: Buffer, limits: PhotoLimits = { bytes: maximumPhotoBytes, side: maximumPhotoSide }): PhotoCheck {
  if (bytes.length > limits.bytes) return { ok: false, problem: 'tooLarge' };
  const type = typeOf(bytes);
  if (!type) return { ok: false, problem: 'notImage' };
  const size = type === 'image/jpeg' ? jpegSize(bytes) : type === 'image/png' ? (bytes.length >= 24 ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) } : undefined) : webpSize(bytes);
  if (!size || size.width === 0 || size.height === 0) return { ok: false, problem: 'unreadable' };
  if (size.width > limits.side || size.height > limits.side) return { ok: false, problem: 'tooManyPixels' };
  if (size.width < minimumPhotoSide && size.height < minimumPhotoSide) return { ok: false, problem: 'tooSmall' };
  return { ok: true, type, ...size };
}

/**
 * The photo without the metadata a camera or phone writes into it (EXIF with
 * the place it was taken, XMP, IPTC, comments; PNG text chunks): a portrait
 * must not publish where a member lives. Colour information (JPEG's APP0,
 * ICC profile and Adobe segments; PNG's colour chunks) stays. WebP is kept as
 * uploaded (its EXIF sits in a RIFF chunk; not handled yet).
 */
export function withoutMetadata(bytes: Buffer, type: PhotoType): Buffer {
  if (type === 'image/jpeg') return jpegWithoutMetadata(bytes);
  if (type === 'image/png') return pngWithoutMetadata(bytes);
  return bytes;
}

/** APP1 (EXIF, XMP), APP13 (IPTC) and COM segments dropped; everything from the start of scan on copied as it is. */
function jpegWithoutMetadata(bytes: Buffer): Buffer {
  const dropped = new Set([0xe1, 0xed, 0xfe]);
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let offset = 2;
  while (offset + 4 <= bytes.length && bytes[offset] === 0xff) {
    const marker = bytes[offset + 1];
    if (marker === 0xda) break; // start of scan: the image data follows
    const end = offset + 2 + bytes.readUInt16BE(offset + 2);
    if (!dropped.has(marker)) kept.push(bytes.subarray(offset, end));
    offset = end;
  }
  kept.push(bytes.subarray(offset));
  return Buffer.concat(kept);
}

/** tEXt, zTXt, iTXt and eXIf chunks dropped. */
function pngWithoutMetadata(bytes: Buffer): Buffer {
  const dropped = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf']);
  const kept: Buffer[] = [bytes.subarray(0, 8)];
  let offset = 8;
  while (offset + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (!dropped.has(type)) kept.push(bytes.subarray(offset, end));
    offset = end;
  }
  return Buffer.concat(kept);
}
