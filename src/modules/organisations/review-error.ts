import { DomainError } from '../domain-error.js';

/**
 * A review decision that cannot be carried out, with what to do instead
 * (messages: organisations.errors.* in ./i18n). The field is the one of the
 * review forms (from/into, id/other) that names the refused organisation.
 */
export class ReviewError extends DomainError {
  static intoItself(id: number) {
    return new ReviewError('organisations', 'mergeIntoItself', 'into', { id });
  }

  static distinctFromItself(id: number) {
    return new ReviewError('organisations', 'distinctFromItself', 'other', { id });
  }

  static notFound(id: number) {
    return new ReviewError('organisations', 'notFound', 'id', { id });
  }
}
