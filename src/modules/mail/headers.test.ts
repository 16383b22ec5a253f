import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabase } from '../../../test/database.js';
import { enqueueMails } from './outbox.js';
import { deliverPending, type MailTransport } from './sender.js';
import { redactSecretLinks } from './secret-links.js';

/** A mail's own header lines (List-Unsubscribe of a newsletter) and its not-before time (the newsletter's throttle). */
describe(`mail headers and not-before on ${testEngine}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());

  it('sends a mail’s own headers beside the system’s, and holds a mail until its time', async () => {
    const now = new Date('2030-01-01T10:00:00Z');
    const sent: { to: string; headers?: Record<string, string> }[] = [];
    const transport: MailTransport = { sendMail: async (message) => void sent.push(message) };
    const ids = await enqueueMails(database.db, [
      { kind: 'newsletter.issue', to: 'a@example.org', subject: 'S', text: 'T', headers: { 'List-Unsubscribe': '<https://x.example/u/1>' }, notBefore: now },
      { kind: 'newsletter.issue', to: 'b@example.org', subject: 'S', text: 'T', notBefore: new Date(now.getTime() + 60_000) },
      { kind: 'plain', to: 'c@example.org', subject: 'S', text: 'T' },
    ]);
    expect(ids).toHaveLength(3);
    await deliverPending(database.db, transport, { now: new Date(now.getTime() + 1000) });
    // c has no notBefore: due at once (the column's default, the real now)
    expect(sent.map((mail) => mail.to).sort()).toEqual(['a@example.org', 'c@example.org']);
    expect(sent.find((mail) => mail.to === 'a@example.org')!.headers).toEqual({ 'List-Unsubscribe': '<https://x.example/u/1>', 'Auto-Submitted': 'auto-generated' });
    expect(sent.find((mail) => mail.to === 'c@example.org')!.headers).toEqual({ 'Auto-Submitted': 'auto-generated' });
    await deliverPending(database.db, transport, { now: new Date(now.getTime() + 61_000) });
    expect(sent.map((mail) => mail.to)).toContain('b@example.org');
    expect(sent).toHaveLength(3);
  });

  it('redacts the newsletter’s confirmation and unsubscribe links where Mosaik shows a mail', () => {
    const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345';
    expect(redactSecretLinks(`https://m.example/newsletter/confirm/${token} https://m.example/newsletter/unsubscribe/${token}`)).not.toContain(token);
  });
});
