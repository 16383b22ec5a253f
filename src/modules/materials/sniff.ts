import type { FileFormat } from './tables.js';

/** 20 MB: a long slide deck with photos; more is a sign of a video or an unoptimised scan. */
export const materialSizeLimit = 20 * 1024 * 1024;

export interface SniffedType {
  format: FileFormat;
  mediaType: string;
}

/**
 * What a file really is, read from its first bytes and not from its name or
 * the browser's claim: PDF ("%PDF-"), or an Office Open XML / OpenDocument
 * file (a ZIP whose entries say which: word/, ppt/, xl/ or the OpenDocument
 * `mimetype` entry stored first and uncompressed). Anything else is refused.
 */
export function sniffMaterialType(bytes: Buffer): SniffedType | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return { format: 'pdf', mediaType: 'application/pdf' };
  if (bytes.length < 30 || bytes.readUInt32LE(0) !== 0x04034b50) return null;
  // OpenDocument: the first entry is "mimetype", stored, its content right after the local header
  const nameLength = bytes.readUInt16LE(26);
  const extraLength = bytes.readUInt16LE(28);
  if (bytes.subarray(30, 30 + nameLength).toString('latin1') === 'mimetype') {
    const mime = bytes.subarray(30 + nameLength + extraLength, 30 + nameLength + extraLength + 60).toString('latin1');
    if (mime.startsWith('application/vnd.oasis.opendocument.presentation')) return { format: 'slides', mediaType: 'application/vnd.oasis.opendocument.presentation' };
    if (mime.startsWith('application/vnd.oasis.opendocument.text')) return { format: 'document', mediaType: 'application/vnd.oasis.opendocument.text' };
    if (mime.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return { format: 'spreadsheet', mediaType: 'application/vnd.oasis.opendocument.spreadsheet' };
    return null;
  }
  // Office Open XML: entry names are stored in plain text in the local headers and the central directory
  const names = bytes.toString('latin1');
  if (!names.includes('[Content_Types].xml')) return null;
  if (names.includes('ppt/')) return { format: 'slides', mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' };
  if (names.includes('word/')) return { format: 'document', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
  if (names.includes('xl/')) return { format: 'spreadsheet', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  return null;
}

/** The file extension a download is named with, by what the file is. */
export function extensionOf(mediaType: string): string {
  const extensions: Record<string, string> = {
    'application/pdf': 'pdf',
    'application/vnd.oasis.opendocument.presentation': 'odp',
    'application/vnd.oasis.opendocument.text': 'odt',
    'application/vnd.oasis.opendocument.spreadsheet': 'ods',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  };
  return extensions[mediaType] ?? 'bin';
}
