import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { organisation } from '../../../test/factories.js';
import { module } from './index.js';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test?.close());

describe('the demo newsletter', () => {
  it('has subscribers in several languages and topics, a sent issue in the public archive, and a distribution list; loading twice adds nothing', async () => {
    const db = test.database.db;
    const placed = await organisation(db, { name: 'Demo-Verein Gießen' });
    await db.updateTable('organisation').set({ postcode: '35390', municipality: 'Gießen' }).where('id', '=', placed.id).execute();
    await module.loadDemo!(db, { today: '2026-12-02' });
    await module.loadDemo!(db, { today: '2026-12-02' });

    const subscribers = await db.selectFrom('newsletter_subscriber').select(['language', 'status', 'topics']).execute();
    expect(subscribers).toHaveLength(9);
    expect(new Set(subscribers.filter((row) => row.status === 'confirmed').map((row) => row.language))).toEqual(new Set(['de', 'en', 'tr', 'ar', 'ru', 'uk']));
    expect(subscribers.map((row) => row.status).sort()).toEqual([...Array(7).fill('confirmed'), 'pending', 'unsubscribed']);
    // every subscriber has the evidence of their consent
    expect(await db.selectFrom('newsletter_confirmation').select('id').execute()).toHaveLength(9);

    const archive = await test.app.inject({ method: 'GET', url: '/newsletter/archive?lang=ar' });
    expect(archive.body).toContain('المشاريع الصغيرة WIR');
    const german = await test.app.inject({ method: 'GET', url: '/newsletter/archive' });
    expect(german.body).toContain('WIR-Mikroprojekte: Antragsfrist und Schulungen im Frühjahr');

    const consent = await db.selectFrom('postal_mail_consent').select(['organisation_id', 'city', 'agreed_on']).execute();
    expect(consent).toEqual([{ organisation_id: placed.id, city: 'Gießen', agreed_on: '2026-10-03' }]);
  });
});
