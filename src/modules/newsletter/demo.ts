import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { confirmationDays, consentText, consentVersion } from './consent.js';
import type { NewsletterLanguage, NewsletterTopic } from './tables.js';
import { hashToken, newToken } from './tokens.js';

/**
 * The demo's newsletter: subscribers in several languages, topics and
 * regions (confirmed, one still pending, one who left), each with the
 * evidence of their consent, and one issue sent a month before the demo's
 * today, in German with Turkish and Arabic translations, so that the public
 * archive has something to show. Written directly, without mails: a demo
 * database sends nobody anything. Loading twice changes nothing.
 */

interface DemoSubscriber {
  email: string;
  language: NewsletterLanguage;
  topics: NewsletterTopic[];
  region: string | null;
  status: 'pending' | 'confirmed' | 'unsubscribed';
}

// example.org addresses (RFC 2606): never a real mailbox
const subscribers: DemoSubscriber[] = [
  { email: 'aylin.yildiz@example.org', language: 'tr', topics: ['events', 'funding'], region: null, status: 'confirmed' },
  { email: 'omar.haddad@example.org', language: 'ar', topics: ['funding'], region: 'Frankfurt am Main', status: 'confirmed' },
  { email: 'olena.kovalenko@example.org', language: 'uk', topics: ['events'], region: 'Kassel', status: 'confirmed' },
  { email: 'irina.petrova@example.org', language: 'ru', topics: ['events', 'funding'], region: null, status: 'confirmed' },
  { email: 'grace.mensah@example.org', language: 'en', topics: ['funding'], region: 'Landkreis Gießen', status: 'confirmed' },
  { email: 'vorstand@kulturverein-wiesbaden.example.org', language: 'de', topics: ['events', 'funding'], region: 'Wiesbaden', status: 'confirmed' },
  { email: 'info@elternverein-fulda.example.org', language: 'de', topics: [], region: 'Landkreis Fulda', status: 'confirmed' },
  { email: 'neu@example.org', language: 'de', topics: ['events'], region: null, status: 'pending' },
  { email: 'frueher@example.org', language: 'tr', topics: ['funding'], region: null, status: 'unsubscribed' },
];

const issueTexts: { language: NewsletterLanguage; subject: string; body: string }[] = [
  {
    language: 'de',
    subject: 'WIR-Mikroprojekte: Antragsfrist und Schulungen im Frühjahr',
    body: 'Liebe Vereine,\n\ndie Anträge für WIR-Mikroprojekte des nächsten Jahres können bis zum 31. März gestellt werden. In unserer Schulung „Anträge schreiben“ zeigen wir Schritt für Schritt, wie ein Antrag gelingt.\n\nAlle Termine finden Sie im Veranstaltungskalender, das Handout zur Schulung in der Materialbibliothek.\n\nIhr Team des Kompetenzzentrums',
  },
  {
    language: 'tr',
    subject: 'WIR mikro projeleri: başvuru süresi ve ilkbahar eğitimleri',
    body: 'Sevgili dernekler,\n\ngelecek yılın WIR mikro projeleri için başvurular 31 Mart’a kadar yapılabilir. „Başvuru yazma“ eğitimimizde bir başvurunun nasıl başarılı olacağını adım adım gösteriyoruz.\n\nTüm tarihleri etkinlik takviminde, eğitimin el broşürünü materyal kütüphanesinde bulabilirsiniz.\n\nYetkinlik merkezi ekibiniz',
  },
  {
    language: 'ar',
    subject: 'المشاريع الصغيرة WIR: موعد تقديم الطلبات ودورات الربيع',
    body: 'أعزاءنا في الجمعيات،\n\nيمكن تقديم طلبات المشاريع الصغيرة WIR للعام القادم حتى 31 مارس. في دورتنا „كتابة الطلبات“ نشرح خطوة بخطوة كيف ينجح الطلب.\n\nتجدون جميع المواعيد في تقويم الفعاليات، والنشرة الإرشادية للدورة في مكتبة المواد.\n\nفريق مركز الكفاءات',
  },
];

/** Noon in Berlin on a day some days before `today` (YYYY-MM-DD), as an instant. */
function daysBefore(today: string, days: number): Date {
  const day = new Date(`${today}T11:00:00Z`);
  day.setUTCDate(day.getUTCDate() - days);
  return day;
}

export async function loadNewsletterDemo(db: Kysely<Database>, { today }: { today: string }): Promise<void> {
  await loadPostalDemo(db, today);
  const known = await db.selectFrom('newsletter_subscriber').select('email').where('email', 'in', subscribers.map((subscriber) => subscriber.email)).execute();
  if (known.length > 0) return;
  await db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    for (const [index, subscriber] of subscribers.entries()) {
      const requested = daysBefore(today, 90 - index * 7);
      const confirmed = subscriber.status === 'pending' ? null : new Date(requested.getTime() + 20 * 60_000);
      const { id } = await trx
        .insertInto('newsletter_subscriber')
        .values({
          email: subscriber.email,
          language: subscriber.language,
          topics: subscriber.topics,
          region: subscriber.region,
          status: subscriber.status,
          unsubscribe_token: newToken(),
          confirmed_at: confirmed,
          unsubscribed_at: subscriber.status === 'unsubscribed' ? daysBefore(today, 10) : null,
          created_at: requested,
          updated_at: requested,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('newsletter_confirmation')
        .values({
          subscriber_id: id,
          token_hash: hashToken(newToken()),
          language: subscriber.language,
          topics: subscriber.topics,
          region: subscriber.region,
          consent_text: consentText(subscriber.language),
          consent_version: consentVersion,
          requested_at: requested,
          expires_at: new Date(requested.getTime() + confirmationDays * 24 * 3600_000),
          confirmed_at: confirmed,
        })
        .execute();
      if (subscriber.status !== 'pending') ids.push(id);
    }
    const sentAt = daysBefore(today, 30);
    const issue = await trx
      .insertInto('newsletter_issue')
      .values({ status: 'sent', topics: ['events', 'funding'], regions: [], languages: ['de', 'en', 'tr', 'ar', 'ru', 'uk'], created_at: daysBefore(today, 32), updated_at: sentAt, queued_at: sentAt, sent_at: sentAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('newsletter_issue_text').values(issueTexts.map((text) => ({ issue_id: issue.id, ...text }))).execute();
    // who was given it: the subscribers confirmed by then (the one who left later had it too)
    await trx.insertInto('newsletter_delivery').values(ids.map((subscriberId) => ({ issue_id: issue.id, subscriber_id: subscriberId, queued_at: sentAt }))).execute();
  });
}

/**
 * The brochure's distribution list: the first three demo organisations with a
 * postcode agreed to receive post (on a form, 60 days before today); the
 * street is invented, as the directory holds none.
 */
async function loadPostalDemo(db: Kysely<Database>, today: string) {
  const organisations = await db
    .selectFrom('organisation')
    .select(['id', 'name', 'postcode', 'municipality'])
    .where('postcode', 'is not', null)
    .where('municipality', 'is not', null)
    .orderBy('id')
    .limit(3)
    .execute();
  if (organisations.length === 0) return;
  const agreedOn = daysBefore(today, 60).toISOString().slice(0, 10);
  await db
    .insertInto('postal_mail_consent')
    .values(organisations.map((organisation, index) => ({ organisation_id: organisation.id, addressee: 'Vorstand', street: `Vereinsweg ${index + 1}`, postcode: organisation.postcode!, city: organisation.municipality!, source: 'form' as const, agreed_on: agreedOn })))
    .onConflict((conflict) => conflict.column('organisation_id').doNothing())
    .execute();
}
