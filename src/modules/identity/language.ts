import type { Kysely } from 'kysely';
import type { Database, Role } from '../../db/tables.js';
import { isLanguage, publicLanguages, staffLanguages, type Language } from '../../i18n/index.js';

/**
 * Which languages a person is served, and how a choice is remembered
 * (docs/languages.md). Visitors and association representatives get all six
 * languages on every page they see; the centre's staff, coordinators, the
 * ministry and the evaluator work in German or English (the staff pages are
 * written in those two only), so a Turkish cookie left from the public pages
 * gives them German or English, never a half-translated staff page.
 */
export function languagesFor(role: Role | null | undefined): readonly Language[] {
  return !role || role === 'representative' ? publicLanguages : staffLanguages;
}

/** A language a person with this role may be served, or null. */
export function allowedLanguage(value: unknown, role: Role | null | undefined): Language | null {
  return isLanguage(value) && languagesFor(role).includes(value) ? value : null;
}

/**
 * The account keeps the last language its owner chose (the switch in the
 * page header, or the language of the page they signed in on after choosing
 * one there): it follows them to another device and after signing out and in.
 */
export async function rememberAccountLanguage(db: Kysely<Database>, accountId: number, language: Language): Promise<void> {
  await db.updateTable('account').set({ locale: language }).where('id', '=', accountId).where('locale', '<>', language).execute();
}

/** The language mails to an account go in: its remembered one if the role may have it, else German. */
export function accountMailLanguage(account: { locale: string; role: Role }): Language {
  return allowedLanguage(account.locale, account.role) ?? 'de';
}
