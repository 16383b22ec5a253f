import { translator, type Translate } from '../i18n/index.js';

/**
 * Something a user got wrong, or asked for and cannot have: one kind of error
 * for every module (issue 9: "one way to speak").
 *
 * - `module` and `code` name the message: the i18n key
 *   `<module>.errors.<code>` in the owning module's i18n files
 *   (src/modules/<module>/i18n/<language>.json), e.g. registrations /
 *   closed → 'registrations.errors.closed'. Codes of different modules never
 *   collide; within a module they stay short ('notFound').
 * - `field` is the form field or input column it concerns (null: the request
 *   as a whole), so that a page can show the message beside the field.
 * - `parameters` fill the message's {{placeholders}}.
 *
 * The error carries no translated text: it is said in the language of
 * whoever reads it (`in(t)`), or in German and English at once (`text`) for
 * the JSON API, the command line and the log. HTTP statuses are not the
 * domain's business: src/http/errors.ts maps codes to statuses in one table.
 * Commands and queries throw it without importing anything from http/.
 */
export class DomainError extends Error {
  constructor(
    readonly module: string,
    readonly code: string,
    readonly field: string | null = null,
    readonly parameters: Record<string, string | number> = {},
  ) {
    super(`${module}.${code}`);
    this.name = 'DomainError';
    // the log and the command line see both languages; pages use in(t)
    this.message = `${this.in(translator('de'))} / ${this.in(translator('en'))}`;
  }

  /** The i18n key of the message. */
  get key(): string {
    return `${this.module}.errors.${this.code}`;
  }

  /** The message in the reader's language. */
  in(t: Translate): string {
    return t(this.key, this.parameters);
  }

  /** German and English, for answers that carry both (the JSON API's message and message_en). */
  get text(): { de: string; en: string } {
    return { de: this.in(translator('de')), en: this.in(translator('en')) };
  }
}
