import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { createAccount } from '../identity/index.js';
import { importRecords } from '../imports/index.js';
import { createConsultation, decideReferral, markFollowUpDone } from './consultations.js';
import { parseConsultationForm } from './form.js';
import { addDays, countDueFollowUps, dueFollowUps, searchConsultations } from './queries.js';
import { listTopics, moveTopic, topicLabel } from './topics.js';

const today = '2024-06-10';

describe('consultation queries', () => {
  let database: TestDatabase;
  let accountId: number;
  beforeAll(async () => {
    database = await createTestDatabase();
    accountId = (await createAccount(database.db, { email: 'staff@example.org', role: 'staff', password: 'a long enough password' })).id;
    await importRecords(database.db, 'organizations', [
      { org_key: 'a', name: 'Afrika Forum Kassel' },
      { org_key: 'b', name: 'Polnischer Elternverein Wiesbaden' },
    ]);
    // an imported consultation keeps its free-text topic
    await importRecords(database.db, 'consultations', [{ date: '2024-01-15', organization: 'Afrika Forum Kassel', channel: 'phone', topic: 'Satzung' }]);
    const keys = (await listTopics(database.db)).map((topic) => topic.key);
    const log = async (fields: Record<string, string>) => {
      const parsed = parseConsultationForm({ channel: 'video', topic: 'rooms', ...fields }, keys);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      return createConsultation(database.db, parsed.values, accountId);
    };
    await log({ consulted_on: '2024-05-01', organisation: 'Afrika Forum Kassel', follow_up_on: addDays(today, -3) });
    await log({ consulted_on: '2024-06-01', organisation: 'Polnischer Elternverein Wiesbaden', topic: 'application', follow_up_on: addDays(today, 7) });
    await log({ consulted_on: '2024-06-02', organisation: 'Polnischer Elternverein Wiesbaden', channel: 'email', follow_up_on: addDays(today, 8), referral_expert: 'Steuerbüro', referral_cost_eur: '80' });
  });
  afterAll(async () => database?.close());

  const search = (filters: Parameters<typeof searchConsultations>[1]) => searchConsultations(database.db, filters, { limit: 10, offset: 0, today });

  it('filters by period, organisation name, topic, channel and due follow-ups', async () => {
    expect((await search({})).total).toBe(4);
    expect((await search({ from: '2024-05-01', to: '2024-06-01' })).items.map((item) => item.consultedOn)).toEqual(['2024-06-01', '2024-05-01']);
    expect((await search({ organisation: 'elternverein' })).total).toBe(2);
    expect((await search({ topics: ['Satzung'] })).items[0].organisationName).toBe('Afrika Forum Kassel');
    expect((await search({ channel: 'email' })).items[0].referralStatus).toBe('proposed');
    expect((await search({ followUpDue: true })).items.map((item) => item.consultedOn)).toEqual(['2024-06-01', '2024-05-01']);
  });

  it('lists follow-ups due within seven days and overdue ones, oldest first, until done', async () => {
    const due = await dueFollowUps(database.db, today);
    expect(due.map((item) => item.followUpOn)).toEqual([addDays(today, -3), addDays(today, 7)]);
    expect(await countDueFollowUps(database.db, today)).toBe(2);
    expect(await markFollowUpDone(database.db, due[0].id, accountId)).toBe(true);
    expect(await markFollowUpDone(database.db, due[0].id, accountId)).toBe(false);
    expect(await countDueFollowUps(database.db, today)).toBe(1);
  });

  it('decides a referral only where there is one', async () => {
    const [withReferral] = (await search({ channel: 'email' })).items;
    expect(await decideReferral(database.db, withReferral.id, 'rejected', accountId)).toBe(true);
    const [without] = (await search({ topics: ['Satzung'] })).items;
    expect(await decideReferral(database.db, without.id, 'approved', accountId)).toBe(false);
  });

  it('labels topics by language, keeps free text, and reorders within bounds', async () => {
    const topics = await listTopics(database.db);
    expect(topics).toHaveLength(9);
    expect(topicLabel(topics, 'de', 'proof_of_use')).toBe('Verwendungsnachweis');
    expect(topicLabel(topics, 'en', 'proof_of_use')).toBe('Proof of use');
    expect(topicLabel(topics, 'de', 'Satzung')).toBe('Satzung');
    expect(await moveTopic(database.db, 'application', 'up')).toBe(false);
    expect(await moveTopic(database.db, 'application', 'down')).toBe(true);
    expect((await listTopics(database.db)).slice(0, 2).map((topic) => topic.key)).toEqual(['mini_job', 'application']);
  });
});
