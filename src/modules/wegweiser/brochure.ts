import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { Translate } from '../../i18n/index.js';
import { fontFolders, latinFont, pdfFonts, pdfParagraph } from '../feedback/index.js';
import { loadEntries, type Entry } from './entry.js';
import { formatDay } from './present.js';
import { hasTopic, overdueService, publicService, servesDistrict } from './queries.js';

/**
 * The printable brochure of a district or a topic: what the coordinators put
 * together by hand today. Public entries only, overdue ones last (with their
 * "nicht bestätigt seit …"), as an HTML page with print CSS and as a PDF.
 */

export interface BrochureChoice {
  district?: string;
  topic?: string;
}

/** Most entries one brochure lists; a district of a big city is narrowed by topic beyond it. */
export const brochureLimit = 400;

export async function brochureEntries(db: Kysely<Database>, choice: BrochureChoice, today: string, language: string): Promise<Entry[]> {
  const conditions = [publicService(today), sql`s.status <> 'defunct'`];
  if (choice.district) conditions.push(servesDistrict(choice.district));
  if (choice.topic) conditions.push(hasTopic(choice.topic));
  const rows = await sql<{ id: string }>`select s.id from wegweiser_service s where ${sql.join(conditions, sql` and `)}
    order by ${overdueService(today)}, s.name, s.id limit ${brochureLimit}`.execute(db);
  const ids = rows.rows.map((row) => row.id);
  const entries: Entry[] = [];
  // in slices, so that no statement carries thousands of parameters
  for (let start = 0; start < ids.length; start += 200) entries.push(...(await loadEntries(db, ids.slice(start, start + 200), language)));
  return entries;
}

let fontsSet = false;
function usePdfFonts() {
  if (fontsSet) return;
  pdfmake.setFonts(pdfFonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => fontFolders.some((folder) => path.startsWith(folder)));
  fontsSet = true;
}

/** A4 portrait less margins, in points. */
const width = 595.28 - 2 * 40;

export async function brochurePdf(input: { t: Translate; language: string; title: string; entries: Entry[]; today: string }): Promise<Buffer> {
  usePdfFonts();
  const { t } = input;
  const paragraph = (text: string, fontSize = 10, bold = false) => pdfParagraph(text, { fontSize, bold, width });
  const content: Content[] = [
    { ...(paragraph(input.title, 18, true) as object), margin: [0, 0, 0, 6] } as Content,
    paragraph(t('wegweiser.brochure.asOf', { date: formatDay(input.today, input.language) }), 9),
  ];
  for (const entry of input.entries) {
    const s = entry.service;
    const address = (s.service_at_locations ?? []).flatMap((sal: any) => sal.location?.addresses ?? []).map((a: any) => `${a.address_1}, ${a.postal_code} ${a.city}`).join('; ');
    const lines = [
      s.organization?.name,
      address,
      (s.phones ?? []).map((p: any) => p.number).join(', '),
      s.email,
      s.url,
      (s.schedules ?? []).map((x: any) => x.description).filter(Boolean).join('; '),
      entry.assuredDate ? t('wegweiser.freshness.lastConfirmed', { date: formatDay(entry.assuredDate, input.language) }) : '',
    ].filter((line): line is string => Boolean(line));
    content.push({
      unbreakable: true,
      margin: [0, 10, 0, 0],
      stack: [paragraph(entry.name, 12, true), ...(entry.description ? [paragraph(entry.description, 10)] : []), ...lines.map((line) => paragraph(line, 9))],
    });
  }
  const document: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    info: { title: input.title },
    defaultStyle: { font: latinFont, fontSize: 10 },
    content,
  };
  return pdfmake.createPdf(document).getBuffer();
}
