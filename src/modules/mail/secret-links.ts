/**
 * Secret links in mails (issue 8, finding 1): a set-password link sets the
 * password of the account it was made for, a manage link cancels a
 * registration. Only the recipient may read them, so everything that shows
 * a mail inside Mosaik (the outbox page, and whatever shows a mail later)
 * shows it through redactSecretLinks; the mail itself goes out unchanged.
 */

export const removedSecret = '[entfernt / removed]';

// query parameters that carry a secret: token, set_token, resetToken, _csrf, csrf, key, secret
const secretParameter = /([?&](?:[A-Za-z0-9_.-]*token[A-Za-z0-9_.-]*|_?csrf|key|secret)=)[^&\s#"'<>]+/gi;
// path segments that are the secret: /registrations/<token> (src/modules/registrations/registration.ts manageLink),
// /set-password/<token> should a link ever carry it in the path, and the newsletter's
// confirmation and unsubscribe links (/newsletter/confirm/<token>, /newsletter/unsubscribe/<token>)
const secretPath = /(\/(?:registrations|set-password|newsletter\/confirm|newsletter\/unsubscribe)\/)[A-Za-z0-9_-]{16,}/g;

export function redactSecretLinks(text: string): string;
export function redactSecretLinks(text: string | null): string | null;
export function redactSecretLinks(text: string | null): string | null {
  if (text === null) return null;
  return text.replace(secretParameter, `$1${removedSecret}`).replace(secretPath, `$1${removedSecret}`);
}
