import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { TagKind } from './tables.js';

/**
 * What a project is about (chapter 5.6): target groups and goals from the
 * staff-kept list (microproject_tag). Mosaik suggests tags from the summary
 * text by the list's keywords; only what staff confirm is stored
 * (microproject_project_tag) and counted by the analysis (analysis.ts).
 */

type Db = Kysely<Database>;

export interface Tag {
  key: string;
  kind: TagKind;
  label_de: string;
  label_en: string;
  keywords: string;
  position: number;
}

export const listTags = (db: Db): Promise<Tag[]> =>
  db.selectFrom('microproject_tag').select(['key', 'kind', 'label_de', 'label_en', 'keywords', 'position']).orderBy('position').orderBy('key').execute();

export async function confirmedTagsOf(db: Db, projectId: number): Promise<Set<string>> {
  const rows = await db.selectFrom('microproject_project_tag').select('tag_key').where('project_id', '=', projectId).execute();
  return new Set(rows.map((row) => row.tag_key));
}

/** Lower case, without accents and umlauts (ß = ss), so that "Mütter" finds "Mutter" and "MÜTTER". */
export const foldText = (text: string) =>
  text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/ß/g, 'ss').toLowerCase();

/** The keywords of a tag: comma-separated, trimmed, empty ones dropped. */
export const keywordsOf = (tag: Pick<Tag, 'keywords'>) =>
  tag.keywords.split(',').map((keyword) => keyword.trim()).filter((keyword) => keyword.length > 0);

/**
 * The tags whose keywords the text names, each keyword at the beginning of a
 * word ("Bildung" in "Bildungschancen", not in "Ausbildung"), in the list's order.
 */
export function suggestTags(text: string, tags: readonly Tag[]): string[] {
  const folded = foldText(text);
  return tags
    .filter((tag) =>
      keywordsOf(tag).some((keyword) => {
        const word = foldText(keyword);
        let at = folded.indexOf(word);
        while (at >= 0) {
          if (at === 0 || !/[\p{L}\p{N}]/u.test(folded[at - 1]!)) return true;
          at = folded.indexOf(word, at + 1);
        }
        return false;
      }),
    )
    .map((tag) => tag.key);
}

/** A tag's label in the reader's language (German for every language but English). */
export const tagLabel = (tag: Pick<Tag, 'label_de' | 'label_en'>, language: string) => (language === 'en' ? tag.label_en : tag.label_de);

/** The list, the project's confirmed tags and what its summary suggests (the project page's tag section). */
export async function taggingOf(db: Db, project: { id: number; summary: string }) {
  const [tags, confirmed] = await Promise.all([listTags(db), confirmedTagsOf(db, project.id)]);
  return { tags, confirmed, suggested: suggestTags(project.summary, tags) };
}
