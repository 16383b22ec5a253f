import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { districtsOfHessen } from '../places/index.js';
import type { PostKind, Topic } from './vocabulary.js';

/**
 * The demo's pinboard: a handful of posts of each kind from the demo's
 * associations, in their own languages, published around the demo's today;
 * one room offer marked "found a match" (two associations share a room), one
 * post waiting in the staff queue. Posts of organisations already on the
 * board are not added twice.
 */
interface DemoPost {
  kind: PostKind;
  lang: 'de' | 'en' | 'tr' | 'ar' | 'ru' | 'uk';
  title: string;
  body: string;
  topics?: Topic[];
  room_size?: number;
  accessible?: boolean;
  available_when?: string;
  fair_name?: string;
  matched?: boolean;
  pending?: boolean;
}

const fair = 'Hessische Vereinsmesse 2027, Frankfurt';
const posts: DemoPost[] = [
  { kind: 'room_offered', lang: 'de', title: 'Vereinsraum dienstags und donnerstags frei', body: 'Unser Raum (40 m², Küche, WLAN) steht dienstags und donnerstags ab 17 Uhr leer. Wir teilen ihn gern mit einem Verein aus der Nachbarschaft, gegen Beteiligung an der Miete.', room_size: 30, accessible: true, available_when: 'dienstags und donnerstags ab 17 Uhr', topics: ['rooms'], matched: true },
  { kind: 'room_offered', lang: 'tr', title: 'Hafta sonu salonumuzu paylaşıyoruz', body: 'Derneğimizin salonu cumartesi öğleden sonra boş. 60 kişilik, mutfaklı. Kültür etkinlikleri için başka derneklerle paylaşmak isteriz.', room_size: 60, accessible: false, available_when: 'samstags 13–19 Uhr', topics: ['rooms', 'culture'] },
  { kind: 'room_wanted', lang: 'de', title: 'Raum für Hausaufgabenhilfe gesucht', body: 'Wir suchen für unsere Hausaufgabenhilfe (12 Kinder) einen Raum, zweimal die Woche am Nachmittag, gern barrierefrei und gut mit dem Bus erreichbar.', room_size: 15, accessible: true, available_when: 'montags und mittwochs 15–17 Uhr', topics: ['education', 'youth'] },
  { kind: 'room_wanted', lang: 'ar', title: 'نبحث عن قاعة لاحتفال عيد الفطر', body: 'تبحث جمعيتنا عن قاعة تتسع لمئة شخص لاحتفال عائلي بعيد الفطر. نحتاج إلى مطبخ صغير ومكان مناسب للأطفال.', room_size: 100, available_when: 'ein Samstag im Frühjahr', topics: ['events', 'culture'] },
  { kind: 'knowhow_offered', lang: 'de', title: 'Wir helfen bei der Vereinswebsite', body: 'Zwei unserer Mitglieder bauen Websites mit WordPress. Wir zeigen anderen Vereinen gern, wie sie ihre Seite selbst pflegen: Termine, Fotos, Impressum und Datenschutz.', topics: ['website', 'social_media'] },
  { kind: 'knowhow_offered', lang: 'ru', title: 'Помогаем с бухгалтерией для небольших объединений', body: 'Наш казначей уже десять лет ведёт бухгалтерию объединения. Он готов объяснить, как вести кассовую книгу и готовить отчёт для налоговой.', topics: ['bookkeeping'] },
  { kind: 'knowhow_wanted', lang: 'de', title: 'Musik für unser Sommerfest gesucht', body: 'Für unser Sommerfest im Juli suchen wir eine Gruppe, die Musik macht – gern traditionell, gern gemischt. Wir bieten Essen, Fahrtkosten und eine Bühne.', topics: ['music', 'events'] },
  { kind: 'knowhow_wanted', lang: 'uk', title: 'Шукаємо допомогу з перекладом документів', body: 'Нашому обʼєднанню потрібна допомога з перекладом статуту та протоколу зборів з української на німецьку мову.', topics: ['translation', 'law'] },
  { kind: 'partner_sought', lang: 'de', title: 'Partnerverein für ein gemeinsames WIR-Mikroprojekt', body: 'Wir sind ein junger Verein und möchten 2027 ein Mikroprojekt zur Elternarbeit beantragen. Wir suchen einen erfahrenen Verein, der den Antrag mit uns stellt und uns bei der Abrechnung begleitet.', topics: ['funding', 'education'] },
  { kind: 'partner_sought', lang: 'en', title: 'Looking for partners for a women’s sports project', body: 'We plan a joint application for a swimming and cycling course for women. We bring the trainers; we look for an association with experience in applications and a contact to the local sports club.', topics: ['sport', 'women', 'funding'], pending: true },
  { kind: 'fair_exhibitor', lang: 'de', title: 'Wir zeigen unsere Theatergruppe', body: 'Auf der Vereinsmesse stellen wir unsere zweisprachige Theatergruppe vor, mit einer kurzen Aufführung am Nachmittag.', topics: ['culture', 'youth'], fair_name: fair },
  { kind: 'fair_exhibitor', lang: 'tr', title: 'Kadın kooperatifimizi tanıtıyoruz', body: 'Fuarda kadın kooperatifimizin el işlerini ve danışmanlık hizmetlerini tanıtacağız. Standımıza herkesi bekliyoruz.', topics: ['women'], fair_name: fair },
];

const at = (today: string, days: number) => new Date(Date.parse(`${today}T09:00:00Z`) + days * 86_400_000);

export async function loadPinboardDemo(db: Kysely<Database>, { today }: { today: string }): Promise<void> {
  const already = await db.selectFrom('pinboard_post').select('id').limit(1).executeTakeFirst();
  if (already) return;
  const organisations = await db.selectFrom('organisation').select(['id', 'district']).orderBy('id').limit(posts.length).execute();
  if (organisations.length < 2) return;
  const hessen = districtsOfHessen().map((district) => district.name);
  const rows = posts.map((post, index) => {
    const organisation = organisations[index % organisations.length]!;
    const district = organisation.district && hessen.includes(organisation.district) ? organisation.district : hessen[index % hessen.length]!;
    const published = post.pending ? null : at(today, -index * 3 - 1);
    return {
      organisation_id: organisation.id, author_account_id: null, kind: post.kind, lang: post.lang, title: post.title, body: post.body, district,
      topics: post.topics ?? [], room_size: post.room_size ?? null, accessible: post.accessible ?? null, available_when: post.available_when ?? null, fair_name: post.fair_name ?? null,
      state: post.pending ? 'pending' : 'published', published_at: published, expires_at: published ? new Date(published.getTime() + 60 * 86_400_000) : null,
      matched_at: post.matched ? at(today, -1) : null, matched_note: post.matched ? 'Seit März teilen wir den Raum mit dem Elternverein aus der Nachbarschaft.' : null,
      created_at: published ?? at(today, -1), updated_at: published ?? at(today, -1),
    };
  });
  await db.insertInto('pinboard_post').values(rows).execute();
}
