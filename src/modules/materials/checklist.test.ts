import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { account, organisation } from '../../../test/factories.js';
import { publicLanguages, translator } from '../../i18n/index.js';
import { fixSelfcheckClock } from '../selfcheck/clock.test-support.js';
import { currentChecklist, saveAnswers, startCheck, submitCheck } from '../selfcheck/index.js';
import { createLinkMaterial, setMaterialPublished } from './index.js';
import { checklistKeys } from './vocabulary.js';

/**
 * The checklist items a handout belongs to, in the six languages and worded
 * as the Vereins-Check words them; from a handout to all handouts of an item,
 * and from an open item of a Vereins-Check result to its handouts.
 */

let test: TestApp;
let staff: SignedIn;
let writing: number;
let proof: number;
const today = '2031-03-02';

beforeAll(async () => {
  fixSelfcheckClock(new Date(`${today}T09:00:00Z`));
  test = await createTestApp();
  staff = await test.signIn('staff');
  const db = test.database.db;
  writing = await createLinkMaterial(db, staff.accountId, { title: 'Leitfaden: den Antrag schreiben', description: 'Schritt für Schritt zum WIR-Antrag', language: 'de', topic: 'application', eventFormats: [], checklistItems: ['funding.writing', 'funding.proof'] }, 'https://soziales.hessen.de/antrag');
  proof = await createLinkMaterial(db, staff.accountId, { title: 'Belegliste Verwendungsnachweis', description: '', language: 'de', topic: 'reporting', eventFormats: [], checklistItems: ['funding.proof'] }, 'https://soziales.hessen.de/nachweis');
  await setMaterialPublished(db, staff.accountId, writing, true);
  await setMaterialPublished(db, staff.accountId, proof, true);
}, 60_000);
afterAll(async () => {
  fixSelfcheckClock(null);
  await test?.close();
});

const get = (url: string, who?: SignedIn) => test.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });

describe('checklist items of the handout library', () => {
  it('are labelled in six languages with the wording of the Vereins-Check item of the same key', async () => {
    const { items } = await currentChecklist(test.database.db);
    for (const key of checklistKeys) {
      const item = items.find((candidate) => candidate.key === key);
      expect(item, `${key} is an item of the Vereins-Check`).toBeDefined();
      for (const language of publicLanguages) expect(translator(language)(`materials.checklist.${key}`), `${key} in ${language}`).toBe(item!.texts[language]);
    }
  });

  it('lead from a handout to all handouts of the item, in the visitor\'s language', async () => {
    const page = await get(`/handouts/${writing}?lang=tr`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/handouts?item=funding.writing&amp;lang=tr" data-checklist-item="funding.writing">Başvuru yazma ve proje geliştirme becerisi</a>`);
    expect(page.body).toContain('Fonların kullanımını usulüne uygun belgelemek');
    expect(page.body).not.toContain('Fertigkeit, Anträge zu verfassen');

    const list = await get('/handouts?item=funding.proof&lang=ar');
    expect(list.body).toContain('data-checklist-filter="funding.proof"');
    expect(list.body).toContain('نشرات لبند قائمة المراجعة: إثبات استخدام الأموال بشكل صحيح');
    expect(list.body).toContain(`data-material="${writing}"`);
    expect(list.body).toContain(`data-material="${proof}"`);
    const narrower = await get('/handouts?item=funding.writing');
    expect(narrower.body).toContain(`data-material="${writing}"`);
    expect(narrower.body).not.toContain(`data-material="${proof}"`);
    // an unknown item is no filter, not an error
    const unknown = await get('/handouts?item=nonsense');
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toContain(`data-material="${proof}"`);
  });

  it('are reached from an open item of a Vereins-Check result, and lead back', async () => {
    const db = test.database.db;
    const { id: organisationId } = await organisation(db, { name: 'Verein Antragsreif', district: 'Fulda' });
    const representative = await account(test, 'representative', { organisationIds: [organisationId] });
    const { items } = await currentChecklist(db);
    const { id } = await startCheck(db, { organisationId, accountId: representative.accountId, token: 'checklist-test-token-0001', withAdviser: false, consultationId: null });
    await saveAnswers(db, id, items.map((item) => ({ itemKey: item.key, answer: item.key === 'funding.writing' ? 'not_yet' : 'done', note: null })));
    expect(await submitCheck(db, id, representative.accountId, new Date(`${today}T10:00:00Z`), today)).toEqual({ ok: true, already: false });

    const result = await get(`/selfcheck/checks/${id}?lang=uk`, representative);
    expect(result.statusCode).toBe(200);
    expect(result.body).toContain(`href="/handouts/${writing}"`);
    expect(result.body).not.toContain(`href="/handouts/${proof}"`);
    // the handout names the item and leads to every handout of it
    expect((await get(`/handouts/${writing}?lang=uk`)).body).toContain('href="/handouts?item=funding.writing&amp;lang=uk" data-checklist-item="funding.writing">Уміння писати заявки та розробляти проєкти</a>');
  });
});
