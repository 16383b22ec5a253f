/**
 * What an uploaded sign-language video is, read from its bytes and not from
 * its name or the browser's claim: MP4 (an ISO base media file: an `ftyp`
 * box first) or WebM (an EBML header whose DocType is "webm"). Its duration
 * comes from the file's own header: MP4's movie header (`moov` → `mvhd`:
 * duration / timescale), WebM's segment information (Info → Duration ×
 * TimecodeScale). No video library is installed (docs/decisions.md); where
 * the header has no duration (a live-recorded WebM often has none), staff
 * enter it.
 */

export type VideoType = 'video/mp4' | 'video/webm';

/** 100 MB: three to four minutes of DGS at 720p; longer explanations belong split into parts. */
export const maximumVideoBytes = 100 * 1024 * 1024;

export interface VideoFacts {
  type: VideoType;
  /** seconds, or null when the header does not say */
  durationSeconds: number | null;
}

export function sniffVideo(bytes: Buffer): VideoFacts | null {
  if (bytes.length >= 12 && bytes.toString('latin1', 4, 8) === 'ftyp') return { type: 'video/mp4', durationSeconds: mp4Duration(bytes) };
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x1a45dfa3 && webmDocType(bytes) === 'webm') return { type: 'video/webm', durationSeconds: webmDuration(bytes) };
  return null;
}

// ------------------------------------------------------------------ MP4

/** The boxes of one level: [type, start of content, end]. A size of 1 means a 64-bit size follows; 0 means "to the end". */
function* boxes(bytes: Buffer, start: number, end: number): Generator<[string, number, number]> {
  let offset = start;
  while (offset + 8 <= end) {
    let size = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    let header = 8;
    if (size === 1) {
      if (offset + 16 > end) return;
      size = Number(bytes.readBigUInt64BE(offset + 8));
      header = 16;
    } else if (size === 0) size = end - offset;
    if (size < header || offset + size > end) return;
    yield [type, offset + header, offset + size];
    offset += size;
  }
}

function mp4Duration(bytes: Buffer): number | null {
  for (const [type, start, end] of boxes(bytes, 0, bytes.length)) {
    if (type !== 'moov') continue;
    for (const [inner, content] of boxes(bytes, start, end)) {
      if (inner !== 'mvhd' || content + 32 > end) continue;
      const version = bytes[content];
      // version 1: 64-bit creation and modification times and duration
      const timescale = version === 1 ? bytes.readUInt32BE(content + 20) : bytes.readUInt32BE(content + 12);
      const duration = version === 1 ? Number(bytes.readBigUInt64BE(content + 24)) : bytes.readUInt32BE(content + 16);
      if (timescale === 0 || duration === 0 || duration === 0xffffffff) return null;
      return duration / timescale;
    }
  }
  return null;
}

// ------------------------------------------------------------------ WebM (EBML)

interface Element {
  id: number;
  start: number;
  end: number;
}

/** A variable-length integer of EBML at offset: its value (the marker bit removed unless `keepMarker`, as for IDs) and length. */
function vint(bytes: Buffer, offset: number, keepMarker: boolean): { value: number; length: number; unknown: boolean } | null {
  const first = bytes[offset];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (length > 8 || offset + length > bytes.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === (0xff >> length);
  for (let index = 1; index < length; index++) {
    value = value * 256 + bytes[offset + index];
    if (bytes[offset + index] !== 0xff) allOnes = false;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

function* elements(bytes: Buffer, start: number, end: number): Generator<Element> {
  let offset = start;
  while (offset < end) {
    const id = vint(bytes, offset, true);
    if (!id) return;
    const size = vint(bytes, offset + id.length, false);
    if (!size) return;
    const content = offset + id.length + size.length;
    // an unknown size (live recordings) runs to the end of its parent
    const close = size.unknown ? end : Math.min(end, content + size.value);
    yield { id: id.value, start: content, end: close };
    offset = close;
  }
}

const ids = { ebml: 0x1a45dfa3, docType: 0x4282, segment: 0x18538067, info: 0x1549a966, timecodeScale: 0x2ad7b1, duration: 0x4489 };

function webmDocType(bytes: Buffer): string | null {
  for (const element of elements(bytes, 0, bytes.length)) {
    if (element.id !== ids.ebml) return null;
    for (const child of elements(bytes, element.start, element.end)) if (child.id === ids.docType) return bytes.toString('latin1', child.start, child.end);
    return null;
  }
  return null;
}

function webmDuration(bytes: Buffer): number | null {
  for (const element of elements(bytes, 0, bytes.length)) {
    if (element.id !== ids.segment) continue;
    for (const child of elements(bytes, element.start, element.end)) {
      if (child.id !== ids.info) continue;
      let scale = 1_000_000; // nanoseconds per tick, the default
      let ticks: number | null = null;
      for (const field of elements(bytes, child.start, child.end)) {
        if (field.id === ids.timecodeScale) scale = bytes.readUIntBE(field.start, Math.min(6, field.end - field.start));
        if (field.id === ids.duration) ticks = field.end - field.start === 4 ? bytes.readFloatBE(field.start) : field.end - field.start === 8 ? bytes.readDoubleBE(field.start) : null;
      }
      return ticks === null || !(ticks > 0) ? null : (ticks * scale) / 1e9;
    }
    return null;
  }
  return null;
}

/** "2:05" for 125 seconds; hours when there are any ("1:02:05"). */
export function formatDuration(seconds: number): string {
  const total = Math.round(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** Staff's entry of a duration, "2:05" or "125" (seconds) or "1:02:05"; null when it is none of these. */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,5}(:\d{1,2}){0,2}$/.test(trimmed)) return null;
  const parts = trimmed.split(':').map(Number);
  if (parts.slice(1).some((part) => part >= 60)) return null;
  const seconds = parts.reduce((sum, part) => sum * 60 + part, 0);
  return seconds > 0 && seconds <= 6 * 3600 ? seconds : null;
}
