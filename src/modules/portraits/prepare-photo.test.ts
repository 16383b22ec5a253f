import { describe, expect, it } from 'vitest';
import { checkPhoto, uploadedPhotoLimits } from './photo.js';
import { metadataOf, photoFile, pngHeader } from './photo.test-support.js';
import { portraitPhotoSizes, preparePhoto } from './prepare-photo.js';

const place = 'Aufgenommen: Giessen, Bahnhofstrasse 12';

describe('a photo is checked by content, shrunk and stored without what the camera wrote into it', () => {
  it('stores a large phone photo at the size the page needs, as JPEG, with no EXIF left', async () => {
    const upload = await photoFile(4000, 3000, { place });
    expect(upload.includes(Buffer.from(place))).toBe(true);
    const prepared = await preparePhoto(upload, uploadedPhotoLimits, { side: 1600, thumbnailSide: 480 });
    if (!prepared.ok) throw new Error(prepared.problem);
    const { photo } = prepared;
    expect(photo).toMatchObject({ type: 'image/jpeg', width: 1600, height: 1200 });
    expect(photo.bytes.length).toBeLessThan(upload.length);
    expect(photo.bytes.includes(Buffer.from(place))).toBe(false);
    const stored = await metadataOf(photo.bytes);
    expect(stored).toMatchObject({ format: 'jpeg', width: 1600, height: 1200 });
    expect(stored.exif).toBeUndefined();
    expect(photo.thumbnail).toMatchObject({ type: 'image/jpeg', width: 480, height: 360 });
    expect((await metadataOf(photo.thumbnail!.bytes)).exif).toBeUndefined();
  });

  it('turns a photo upright by its EXIF orientation before the orientation is dropped', async () => {
    // held upright, stored sideways: 400 × 300 pixels with "rotate 90°" (orientation 6)
    const prepared = await preparePhoto(await photoFile(400, 300, { orientation: 6 }), uploadedPhotoLimits, portraitPhotoSizes);
    expect(prepared.ok && { width: prepared.photo.width, height: prepared.photo.height }).toEqual({ width: 300, height: 400 });
  });

  it('never enlarges a small photo, keeps transparency as WebP, and makes no thumbnail it does not need', async () => {
    const small = await preparePhoto(await photoFile(600, 400, { format: 'png' }), uploadedPhotoLimits, { side: 1600, thumbnailSide: 480 });
    expect(small.ok && small.photo).toMatchObject({ type: 'image/jpeg', width: 600, height: 400 });
    const logo = await preparePhoto(await photoFile(300, 300, { format: 'png', transparent: true }), uploadedPhotoLimits, { side: 1600, thumbnailSide: 480 });
    expect(logo.ok && logo.photo).toMatchObject({ type: 'image/webp', width: 300, height: 300, thumbnail: null });
  });

  it('refuses what is no photo, a decompression bomb and a damaged file, each with its problem', async () => {
    expect(await preparePhoto(Buffer.from('%PDF-1.7 not a photo'), uploadedPhotoLimits, portraitPhotoSizes)).toEqual({ ok: false, problem: 'notImage' });
    // 9,000 × 9,000 = 81 megapixels announced by a 64-byte file: refused before anything is decoded
    expect(await preparePhoto(pngHeader(9000, 9000), uploadedPhotoLimits, portraitPhotoSizes)).toEqual({ ok: false, problem: 'tooManyPixels' });
    // a header and nothing after it
    expect(await preparePhoto(pngHeader(800, 600), uploadedPhotoLimits, portraitPhotoSizes)).toEqual({ ok: false, problem: 'unreadable' });
  });

  it('reads type and size from the first bytes, before decoding', () => {
    expect(checkPhoto(pngHeader(800, 600))).toEqual({ ok: true, type: 'image/png', width: 800, height: 600 });
    expect(checkPhoto(pngHeader(12000, 600))).toEqual({ ok: false, problem: 'tooManyPixels' });
    expect(checkPhoto(pngHeader(100, 100))).toEqual({ ok: false, problem: 'tooSmall' });
    expect(checkPhoto(Buffer.from('GIF89a......'))).toEqual({ ok: false, problem: 'notImage' });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 17, 8, 0x01, 0xe0, 0x02, 0x80, 3, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(checkPhoto(jpeg)).toEqual({ ok: true, type: 'image/jpeg', width: 640, height: 480 });
    expect(checkPhoto(Buffer.alloc(uploadedPhotoLimits.bytes + 1, 0xff))).toEqual({ ok: false, problem: 'tooLarge' });
  });
});
