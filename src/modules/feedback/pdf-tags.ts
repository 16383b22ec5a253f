import { createRequire } from 'node:module';
import type { Content } from 'pdfmake/interfaces.js';

/**
 * A tagged PDF from pdfmake: a structure tree (H1, P, Table with Caption, TR,
 * TH, TD) so that screen readers read the annex's tables cell by cell.
 *
 * pdfmake 0.3 passes `tagged`, `lang` and `displayTitle` to pdfkit (0.19,
 * which writes MarkInfo, StructTreeRoot and marked content), but it builds no
 * structure elements. So the document definition names each text node's
 * place in the structure (`tagContent`, property `mosaikTag`), pdfmake's line
 * builder is wrapped to copy it onto every line it lays out from that node
 * (lines are copied whole when header rows repeat), and the renderer is
 * wrapped to mark each line as content of
 * that element (`doc.markStructureContent`) and everything else (rules,
 * bullets, page footers, header rows repeated on later pages) as artifacts.
 * The wrap acts only on documents made with `tagged: true`.
 */

export type StructurePlace =
  | { tag: 'H1' | 'H2' | 'P'; key: string }
  /** A table's cell: row 0 is the caption (the format's name), row 1 the column headers, then one row per question. */
  | { tag: 'cell'; table: number; row: number; column: number };

const prefix = 'tag~';

export function tagId(place: StructurePlace, leaf: number): string {
  return place.tag === 'cell' ? `${prefix}cell~${place.table}~${place.row}~${place.column}~${leaf}` : `${prefix}${place.tag}~${place.key}~${leaf}`;
}

/** Gives every text node within `content` its place in the structure (nodes within `stack` and `ul` included). */
export function tagContent<T extends Content>(content: T, place: StructurePlace): T {
  let leaf = 0;
  const visit = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if ('text' in record) record.mosaikTag = tagId(place, leaf++);
    for (const key of ['stack', 'ul'] as const) if (Array.isArray(record[key])) (record[key] as unknown[]).forEach(visit);
  };
  visit(content);
  return content;
}

// --- the renderer's wrap ---------------------------------------------------

/* eslint-disable @typescript-eslint/no-explicit-any -- pdfmake's renderer and pdfkit's marking API have no types */
interface Tagging {
  /** Open structure elements by key: "P~…", "table~3", "row~3~2", "cell~3~2~1". */
  elements: Map<string, any>;
  roots: any[];
  /** The page on which each header cell was first drawn: drawn again on a later page, it is a repeated header (artifact). */
  headerPages: Map<string, unknown>;
}

const require = createRequire(import.meta.url);
// the same module instance pdfmake's printer uses (CommonJS, from pdfmake's own folder)
const Renderer = (require('pdfmake/js/Renderer.js') as { default: { prototype: any } }).default;
const LayoutBuilder = (require('pdfmake/js/LayoutBuilder.js') as { default: { prototype: any } }).default;
const buildNextLine = LayoutBuilder.prototype.buildNextLine;
const original = { renderPages: Renderer.prototype.renderPages, renderLine: Renderer.prototype.renderLine, renderVector: Renderer.prototype.renderVector };
const taggings = new WeakMap<object, Tagging>();

if (!Renderer.prototype.mosaikTagging) {
  Renderer.prototype.mosaikTagging = true;
  LayoutBuilder.prototype.buildNextLine = function (this: unknown, node: { mosaikTag?: string }, ...rest: unknown[]) {
    const line = buildNextLine.call(this, node, ...rest);
    if (line && node.mosaikTag) line.mosaikTag = node.mosaikTag;
    return line;
  };
  Renderer.prototype.renderPages = function (this: any, pages: unknown) {
    if (!this.pdfDocument.options?.tagged) return original.renderPages.call(this, pages);
    const tagging: Tagging = { elements: new Map(), roots: [], headerPages: new Map() };
    taggings.set(this, tagging);
    const result = original.renderPages.call(this, pages);
    for (const root of tagging.roots) root.end();
    return result;
  };
  Renderer.prototype.renderVector = function (this: any, ...args: unknown[]) {
    if (!taggings.has(this)) return original.renderVector.apply(this, args);
    this.pdfDocument.markContent('Artifact', { type: 'Layout' });
    const result = original.renderVector.apply(this, args);
    this.pdfDocument.endMarkedContent();
    return result;
  };
  Renderer.prototype.renderLine = function (this: any, line: { mosaikTag?: string }, ...rest: unknown[]) {
    const tagging = taggings.get(this);
    if (!tagging) return original.renderLine.call(this, line, ...rest);
    const doc = this.pdfDocument;
    const element = elementFor(doc, tagging, line.mosaikTag);
    if (element) {
      element.add(doc.markStructureContent(element.dictionary.data.S));
    } else {
      doc.markContent('Artifact', { type: 'Pagination' });
    }
    const result = original.renderLine.call(this, line, ...rest);
    doc.endMarkedContent();
    return result;
  };
}

/** The structure element a line belongs to, made on its first line; undefined for an artifact. */
function elementFor(doc: any, tagging: Tagging, id: string | undefined): any {
  if (!id?.startsWith(prefix)) return undefined;
  const parts = id.slice(prefix.length).split('~');
  const made = (key: string, make: () => any, parent: any | undefined) => {
    let element = tagging.elements.get(key);
    if (!element) {
      element = make();
      tagging.elements.set(key, element);
      if (parent) parent.add(element);
      else {
        doc.addStructure(element);
        tagging.roots.push(element);
      }
    }
    return element;
  };
  if (parts[0] !== 'cell') return made(`${parts[0]}~${parts[1]}`, () => doc.struct(parts[0]), undefined);
  const [table, row, column] = parts.slice(1, 4).map(Number) as [number, number, number];
  const cellKey = `${table}~${row}~${column}~${parts[4]}`;
  if (row <= 1) {
    const firstPage = tagging.headerPages.get(cellKey);
    if (firstPage === undefined) tagging.headerPages.set(cellKey, doc.page);
    else if (firstPage !== doc.page) return undefined;
  }
  const tableElement = made(`table~${table}`, () => doc.struct('Table'), undefined);
  if (row === 0) return made(`caption~${table}`, () => doc.struct('Caption'), tableElement);
  const rowElement = made(`row~${table}~${row}`, () => doc.struct('TR'), tableElement);
  const header = row === 1 || column === 0;
  return made(
    `cell~${table}~${row}~${column}`,
    () => doc.struct(header ? 'TH' : 'TD', header ? { scope: row === 1 ? 'Column' : 'Row' } : {}),
    rowElement,
  );
}
/* eslint-enable @typescript-eslint/no-explicit-any */
