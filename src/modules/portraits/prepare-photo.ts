import type { Sharp, SharpOptions } from 'sharp';
import type sharp from 'sharp';
import { checkPhoto, type PhotoLimits, type PhotoProblem } from './photo.js';

/**
 * Turns an uploaded photo into what Mosaik stores and serves (docs/decisions.md,
 * "Photos resized with sharp"): checked by content first (photo.ts), then
 * decoded by sharp (libvips) with the pixel limit as a guard against
 * decompression bombs, turned upright by its EXIF orientation, shrunk to the
 * longest side the page needs, and encoded anew — JPEG, or WebP when it has
 * transparency. Re-encoding writes no metadata: EXIF (with the place a photo
 * was taken), XMP, IPTC, comments and text chunks do not reach the output.
 * Nothing is kept of the original.
 */

/** sharp (a native module) is loaded with the first photo, not by every command and job that loads this module's face. */
let loaded: typeof sharp | undefined;
async function imageLibrary(): Promise<typeof sharp> {
  if (!loaded) {
    loaded = (await import('sharp')).default;
    // every upload is new: libvips' operation cache would only hold memory
    loaded.cache(false);
  }
  return loaded;
}

export type StoredPhotoType = 'image/jpeg' | 'image/webp';

export interface EncodedPhoto {
  bytes: Buffer;
  type: StoredPhotoType;
  width: number;
  height: number;
}

export interface PreparedPhoto extends EncodedPhoto {
  /** A smaller copy for pages that show many photos; null when none was asked for or the photo is already that small. */
  thumbnail: EncodedPhoto | null;
}

/** The longest side to store, and of the thumbnail if a page needs one. */
export interface PhotoSizes {
  side: number;
  thumbnailSide?: number;
}

/** A portrait is shown once on its page, at most ~600 CSS pixels wide: 1,200 serves a sharp screen. */
export const portraitPhotoSizes: PhotoSizes = { side: 1200 };

export type PhotoPreparation = { ok: true; photo: PreparedPhoto } | { ok: false; problem: PhotoProblem };

const quality = 82;

async function encode(input: Sharp, side: number, alpha: boolean): Promise<EncodedPhoto> {
  const resized = input.resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true });
  const encoded = alpha ? resized.webp({ quality, alphaQuality: 90 }) : resized.jpeg({ quality, mozjpeg: true });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  return { bytes: data, type: alpha ? 'image/webp' : 'image/jpeg', width: info.width, height: info.height };
}

/** Reads, checks, shrinks and re-encodes a photo; a refusal names the problem (the caller words it for the field). */
export async function preparePhoto(bytes: Buffer, limits: PhotoLimits, sizes: PhotoSizes): Promise<PhotoPreparation> {
  const checked = checkPhoto(bytes, limits);
  if (!checked.ok) return checked;
  const library = await imageLibrary();
  const options: SharpOptions = { limitInputPixels: limits.megapixels * 1_000_000, failOn: 'error' };
  try {
    const { hasAlpha } = await library(bytes, options).metadata();
    // upright by the EXIF orientation first: the output no longer carries it
    const photo = await encode(library(bytes, options).autoOrient(), sizes.side, hasAlpha === true);
    // the thumbnail is made from the stored photo: decoding the upload once is enough
    const thumbnailSide = sizes.thumbnailSide;
    const thumbnail = thumbnailSide && Math.max(photo.width, photo.height) > thumbnailSide ? await encode(library(photo.bytes, options), thumbnailSide, photo.type === 'image/webp') : null;
    return { ok: true, photo: { ...photo, thumbnail } };
  } catch (error) {
    // libvips: "Input image exceeds pixel limit" for a bomb whose header passed; anything else is a damaged file
    return { ok: false, problem: error instanceof Error && /pixel limit/i.test(error.message) ? 'tooManyPixels' : 'unreadable' };
  }
}
