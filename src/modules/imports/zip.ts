import { inflateRawSync } from 'node:zlib';
import { ImportError } from './errors.js';
import { importLimits, packedSuspiciously, unpacksTooLarge } from './limits.js';

/**
 * The sizes an XLSX (a zip file) declares, read from its central directory
 * before anything is unpacked, and a check that no part unpacks to more than
 * it declares. Together they bound what ExcelJS will unpack: a zip bomb is
 * refused after reading a few kilobytes.
 */

export interface ZipEntry {
  name: string;
  method: number;
  packed: number;
  unpacked: number;
  localHeader: number;
}

const endOfDirectory = 0x06054b50;
const directoryEntry = 0x02014b50;
const localEntry = 0x04034b50;

/** The entries of the central directory; an ImportError when there is none to read. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the end record is 22 bytes plus a comment of at most 65,535
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (view.getUint32(at, true) === endOfDirectory) {
      end = at;
      break;
    }
  }
  if (end < 0) throw damaged();
  const count = view.getUint16(end + 10, true);
  const offset = view.getUint32(end + 16, true);
  // ZIP64 (more than 65,535 parts or 4 GB) is never a spreadsheet Mosaik reads
  if (count === 0xffff || offset === 0xffffffff) throw unpacksTooLarge(Number.MAX_SAFE_INTEGER);
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== directoryEntry) throw damaged();
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      method: view.getUint16(at + 10, true),
      packed: view.getUint32(at + 20, true),
      unpacked: view.getUint32(at + 24, true),
      localHeader: view.getUint32(at + 42, true),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Refuses a file whose declared sizes exceed the limits; returns the total unpacked size. */
export function checkDeclaredSizes(entries: ZipEntry[]): number {
  let total = 0;
  for (const entry of entries) {
    total += entry.unpacked;
    if (entry.unpacked >= importLimits.ratioFloorBytes && entry.unpacked > importLimits.ratio * Math.max(1, entry.packed)) {
      throw packedSuspiciously(entry.name, entry.unpacked / Math.max(1, entry.packed));
    }
  }
  if (total > importLimits.unpackedBytes) throw unpacksTooLarge(total);
  return total;
}

/**
 * Unpacks every part with its declared size as the hard limit, so that a part
 * that lies about its size stops there instead of filling the memory.
 * Costs one extra unpack of at most `importLimits.unpackedBytes`.
 */
export function checkRealSizes(bytes: Uint8Array, entries: ZipEntry[]): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const entry of entries) {
    const at = entry.localHeader;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== localEntry) throw damaged();
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = bytes.subarray(start, start + entry.packed);
    if (entry.method === 0) {
      if (entry.packed !== entry.unpacked) throw damaged();
    } else if (entry.method === 8) {
      let out: Buffer;
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.unpacked) });
      } catch (error) {
        if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw unpacksTooLarge(importLimits.unpackedBytes + 1);
        throw damaged();
      }
      if (out.length !== entry.unpacked) throw damaged();
    } else {
      throw damaged();
    }
  }
}

function damaged(): ImportError {
  return new ImportError('xlsx_unreadable', {
    de: 'Die Excel-Datei lässt sich nicht öffnen. Öffnen Sie sie in Excel, speichern Sie sie erneut als .xlsx (oder als CSV UTF-8) und laden Sie sie noch einmal.',
    en: 'The Excel file cannot be opened. Open it in Excel, save it again as .xlsx (or as CSV UTF-8) and upload it again.',
  });
}
