import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { Language } from '../../i18n/index.js';
import { writeAudit } from '../identity/index.js';
import { cleanBody } from './content.js';
import { sourceLanguage, type PageKey } from './pages.js';
import { latestVersion, type PageVersion } from './queries.js';

export interface PageDraft {
  title: string;
  description: string;
  body: string;
  /** German only: a correction that needs no re-translation. */
  minor: boolean;
  /** The revision the editor started from (0 for a page not yet written). */
  baseRevision: number;
}

export type SaveOutcome =
  | { kind: 'saved'; revision: number; cleaned: boolean }
  | { kind: 'invalid'; errors: { field: keyof PageDraft; code: string }[] }
  /** Someone saved in between: both texts go back to the editor, nothing is stored. */
  | { kind: 'conflict'; current: PageVersion; submitted: PageDraft };

const limits = { title: 200, description: 300, body: 200_000 };

function problemsOf(draft: PageDraft, cleanedBody: string) {
  const errors: { field: keyof PageDraft; code: string }[] = [];
  if (draft.title.trim() === '') errors.push({ field: 'title', code: 'titleMissing' });
  else if (draft.title.length > limits.title) errors.push({ field: 'title', code: 'titleTooLong' });
  if (draft.description.length > limits.description) errors.push({ field: 'description', code: 'descriptionTooLong' });
  if (draft.body.length > limits.body) errors.push({ field: 'body', code: 'bodyTooLong' });
  else if (cleanedBody === '') errors.push({ field: 'body', code: draft.body.trim() === '' ? 'bodyMissing' : 'bodyNothingLeft' });
  return errors;
}

/** Postgres and PGlite both report a unique violation as SQLSTATE 23505. */
const isUniqueViolation = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

/**
 * Saves a new version of a page in one language (a draft until published).
 * The body is sanitised first; the save succeeds only if nobody else saved
 * since the editor's base revision, otherwise the editor gets both texts back.
 */
export async function savePageVersion(
  db: Kysely<Database>,
  actor: { accountId: number },
  page: { pageKey: PageKey; language: Language },
  draft: PageDraft,
): Promise<SaveOutcome> {
  const body = cleanBody(draft.body);
  const errors = problemsOf(draft, body.html);
  if (errors.length > 0) return { kind: 'invalid', errors };
  try {
    return await db.transaction().execute(async (trx) => {
      const current = await latestVersion(trx, page.pageKey, page.language);
      if ((current?.revision ?? 0) !== draft.baseRevision) return { kind: 'conflict', current: current!, submitted: draft } as const;
      const german = page.language === sourceLanguage ? current : await latestVersion(trx, page.pageKey, sourceLanguage);
      const germanRevision =
        page.language === sourceLanguage ? (current ? current.german_revision + (draft.minor ? 0 : 1) : 1) : (german?.german_revision ?? 1);
      const revision = draft.baseRevision + 1;
      await trx
        .insertInto('portal_page_version')
        .values({
          page_key: page.pageKey,
          language: page.language,
          revision,
          title: draft.title.trim(),
          description: draft.description.trim(),
          body: body.html,
          german_revision: germanRevision,
          minor: page.language === sourceLanguage && draft.minor && current !== undefined,
          author_account_id: actor.accountId,
        })
        .execute();
      await writeAudit(trx, { accountId: actor.accountId, action: 'portal.page.save', subjectType: 'portal_page', subjectId: page.pageKey, details: { language: page.language, revision, minor: draft.minor } });
      return { kind: 'saved', revision, cleaned: body.cleaned } as const;
    });
  } catch (error) {
    // the other editor's insert won the race between our check and our insert
    if (!isUniqueViolation(error)) throw error;
    const current = await latestVersion(db, page.pageKey, page.language);
    return { kind: 'conflict', current: current!, submitted: draft };
  }
}

/** Publishes one saved version: visitors see it from now on. */
export async function publishPageVersion(
  db: Kysely<Database>,
  actor: { accountId: number },
  page: { pageKey: PageKey; language: Language; revision: number },
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const published = await trx
      .updateTable('portal_page_version')
      .set({ published_at: now })
      .where('page_key', '=', page.pageKey)
      .where('language', '=', page.language)
      .where('revision', '=', page.revision)
      .executeTakeFirst();
    if (Number(published.numUpdatedRows) === 0) return false;
    await writeAudit(trx, { accountId: actor.accountId, action: 'portal.page.publish', subjectType: 'portal_page', subjectId: page.pageKey, details: { language: page.language, revision: page.revision } });
    return true;
  });
}

