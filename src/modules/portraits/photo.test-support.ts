import sharp from 'sharp';

/**
 * Real photos for tests, made by sharp: one colour (small files, quick to
 * make), optionally with what a phone writes into a photo — the place it was
 * taken (EXIF) and which way up it was held (EXIF orientation).
 */
export async function photoFile(width: number, height: number, options: { format?: 'jpeg' | 'png' | 'webp'; place?: string; orientation?: number; transparent?: boolean } = {}): Promise<Buffer> {
  const background = options.transparent ? { r: 30, g: 120, b: 200, alpha: 0.5 } : { r: 30, g: 120, b: 200 };
  let image = sharp({ create: { width, height, channels: options.transparent ? 4 : 3, background } });
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation });
  if (options.place) image = image.withExif({ IFD0: { ImageDescription: options.place, Make: 'Phone' } });
  const format = options.format ?? 'jpeg';
  return (format === 'png' ? image.png() : format === 'webp' ? image.webp() : image.jpeg({ quality: 95 })).toBuffer();
}

/** A PNG that is only a header announcing its size: a decompression bomb's first bytes, or a damaged file. */
export function pngHeader(width: number, height: number): Buffer {
  const bytes = Buffer.alloc(64);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(bytes);
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  return bytes;
}

/** What sharp reads back from a stored photo. */
export const metadataOf = (bytes: Buffer) => sharp(bytes).metadata();
