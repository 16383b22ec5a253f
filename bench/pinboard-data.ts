import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/tables.js';
import { addOrganisationScopes, createAccount } from '../src/modules/identity/index.js';
import { districtsOfHessen } from '../src/modules/places/index.js';
import { insertRows } from './insert.js';
import { Random, WeightedPicker } from './random.js';

/**
 * The pinboard benchmark's data (bench/pinboard.ts): organisations spread over
 * the districts of Hessen, one representative who reads the board, and posts
 * of every kind, in the six languages, with one to three topics each — most
 * published and current, some published but past their hour (the expiry job
 * has not run yet), expired, waiting for moderation, rejected, withdrawn or
 * hidden, so that the search has to leave them out. Seeded: the same data on
 * every run and engine (only the dates follow the day of the run, since the
 * search compares with the clock).
 */

export const readerEmail = 'bench-reader@mosaik.example';
export const readerPassword = 'correct horse battery staple';

type Language = 'de' | 'en' | 'tr' | 'ar' | 'ru' | 'uk';
const kinds = ['room_offered', 'room_wanted', 'knowhow_offered', 'knowhow_wanted', 'partner_sought', 'fair_exhibitor'] as const;
const topicKeys = ['website', 'bookkeeping', 'translation', 'music', 'funding', 'events', 'youth', 'women', 'education', 'culture', 'sport', 'social_media', 'law', 'rooms'] as const;

interface Words {
  kinds: string[];
  topics: string[];
  sentences: string[];
}

// the words of a post in its author's language, in the order of `kinds` and `topicKeys`
const words: Record<Language, Words> = {
  de: {
    kinds: ['Vereinsraum zu teilen', 'Raum gesucht', 'Wir helfen gern', 'Hilfe gesucht', 'Partnerverein gesucht', 'Auf der Vereinsmesse'],
    topics: ['Website', 'Buchhaltung', 'Übersetzung', 'Musik', 'Förderantrag', 'Veranstaltungen', 'Jugendarbeit', 'Frauengruppe', 'Hausaufgabenhilfe', 'Kulturabend', 'Sportgruppe', 'Social Media', 'Vereinsrecht', 'Räume'],
    sentences: ['Wir sind ein kleiner Verein und freuen uns über Kontakt.', 'Am liebsten treffen wir uns abends oder am Wochenende.', 'Fahrtkosten übernehmen wir gern.', 'Bitte schreiben Sie uns über die Pinnwand.', 'Wir sprechen Deutsch, Türkisch und Englisch.', 'Unser Vorstand antwortet meist innerhalb einer Woche.'],
  },
  en: {
    kinds: ['Room to share', 'Looking for a room', 'We are glad to help', 'Help wanted', 'Partner association wanted', 'At the association fair'],
    topics: ['website', 'bookkeeping', 'translation', 'music', 'funding application', 'events', 'youth work', 'women’s group', 'homework help', 'cultural evening', 'sports group', 'social media', 'association law', 'rooms'],
    sentences: ['We are a small association and glad to hear from you.', 'Evenings and weekends suit us best.', 'We cover travel costs.', 'Please write to us through the pinboard.', 'We speak English, German and Arabic.', 'Our board usually answers within a week.'],
  },
  tr: {
    kinds: ['Paylaşılacak dernek salonu', 'Salon arıyoruz', 'Yardım etmekten memnuniyet duyarız', 'Yardım arıyoruz', 'Ortak dernek arıyoruz', 'Dernek fuarında'],
    topics: ['web sitesi', 'muhasebe', 'çeviri', 'müzik', 'destek başvurusu', 'etkinlikler', 'gençlik çalışması', 'kadın grubu', 'ödev yardımı', 'kültür gecesi', 'spor grubu', 'sosyal medya', 'dernekler hukuku', 'mekânlar'],
    sentences: ['Küçük bir derneğiz ve iletişime geçmenize seviniriz.', 'En çok akşamları ve hafta sonları uygunuz.', 'Yol masraflarını karşılarız.', 'Lütfen bize panodan yazın.', 'Türkçe, Almanca ve İngilizce konuşuyoruz.', 'Yönetim kurulumuz genellikle bir hafta içinde yanıt verir.'],
  },
  ar: {
    kinds: ['قاعة للمشاركة', 'نبحث عن قاعة', 'يسعدنا أن نساعد', 'نبحث عن مساعدة', 'نبحث عن جمعية شريكة', 'في معرض الجمعيات'],
    topics: ['الموقع الإلكتروني', 'المحاسبة', 'الترجمة', 'الموسيقى', 'طلب التمويل', 'الفعاليات', 'العمل مع الشباب', 'مجموعة النساء', 'المساعدة في الواجبات', 'أمسية ثقافية', 'مجموعة رياضية', 'وسائل التواصل الاجتماعي', 'قانون الجمعيات', 'القاعات'],
    sentences: ['نحن جمعية صغيرة ويسعدنا تواصلكم.', 'تناسبنا الأمسيات وعطلات نهاية الأسبوع.', 'نتحمل تكاليف السفر.', 'يرجى الكتابة إلينا عبر لوحة الإعلانات.', 'نتحدث العربية والألمانية.', 'يرد مجلس الإدارة عادة خلال أسبوع.'],
  },
  ru: {
    kinds: ['Помещение для совместного использования', 'Ищем помещение', 'С радостью поможем', 'Ищем помощь', 'Ищем объединение-партнёра', 'На ярмарке объединений'],
    topics: ['сайт', 'бухгалтерия', 'перевод', 'музыка', 'заявка на финансирование', 'мероприятия', 'работа с молодёжью', 'женская группа', 'помощь с домашними заданиями', 'культурный вечер', 'спортивная группа', 'социальные сети', 'право объединений', 'помещения'],
    sentences: ['Мы небольшое объединение и будем рады контакту.', 'Нам удобнее вечером и в выходные.', 'Мы оплатим дорогу.', 'Пишите нам через доску объявлений.', 'Мы говорим по-русски и по-немецки.', 'Правление обычно отвечает в течение недели.'],
  },
  uk: {
    kinds: ['Приміщення для спільного користування', 'Шукаємо приміщення', 'Радо допоможемо', 'Шукаємо допомогу', 'Шукаємо обʼєднання-партнера', 'На ярмарку обʼєднань'],
    topics: ['вебсайт', 'бухгалтерія', 'переклад', 'музика', 'заявка на фінансування', 'заходи', 'робота з молоддю', 'жіноча група', 'допомога з домашніми завданнями', 'культурний вечір', 'спортивна група', 'соціальні мережі', 'право обʼєднань', 'приміщення'],
    sentences: ['Ми невелике обʼєднання і будемо раді контакту.', 'Нам зручніше ввечері та у вихідні.', 'Ми оплатимо дорогу.', 'Пишіть нам через дошку оголошень.', 'Ми говоримо українською та німецькою.', 'Правління зазвичай відповідає протягом тижня.'],
  },
};
const languages = Object.keys(words) as Language[];
const languagePicker = new WeightedPicker([50, 6, 14, 12, 9, 9]);
const kindPicker = new WeightedPicker([18, 18, 20, 20, 16, 8]);
// state of a post: published and current, published past its hour, expired, pending, rejected, withdrawn, hidden
const states = ['published', 'overdue', 'expired', 'pending', 'rejected', 'withdrawn', 'hidden'] as const;
const statePicker = new WeightedPicker([70, 5, 12, 6, 3, 2, 2]);
const fairs = ['Hessische Vereinsmesse 2027, Frankfurt', 'Vereinsmesse Nordhessen 2027, Kassel'];
const times = ['montags 17–21 Uhr', 'samstags 13–19 Uhr', 'sonntags ganztägig', 'dienstags und donnerstags ab 17 Uhr', 'nach Absprache'];
const day = 86_400_000;

export interface PinboardData {
  organisations: number;
  posts: number;
  byState: Record<string, number>;
}

/** Fills a migrated, empty database; `now` places the posts' dates around the run. */
export async function fillPinboard(db: Kysely<Database>, options: { organisations: number; posts: number; now: number }): Promise<PinboardData> {
  const random = new Random(1414);
  const districts = districtsOfHessen().map((district) => district.name);
  await sql`insert into organisation (name, district, orientation, created_from)
    select 'Verein ' || n, (${sql.val(districts)}::text[])[1 + (n * 7919) % ${districts.length}], (array['community', 'cross_community', 'mixed'])[1 + n % 3], 'import'
    from generate_series(1, ${options.organisations}) n`.execute(db);
  const organisations = await db.selectFrom('organisation').select(['id', 'district']).orderBy('id').execute();
  const reader = await createAccount(db, { email: readerEmail, role: 'representative', password: readerPassword });
  await addOrganisationScopes(db, reader.id, [organisations[0]!.id]);
  const byState: Record<string, number> = {};
  const rows = Array.from({ length: options.posts }, (_, index) => {
    const organisation = organisations[1 + Math.floor(random.next() * (organisations.length - 1))]!;
    const lang = languages[languagePicker.pick(random)]!;
    const kindIndex = kindPicker.pick(random);
    const kind = kinds[kindIndex]!;
    const room = kind === 'room_offered' || kind === 'room_wanted';
    const topics = new Set<number>(room ? [topicKeys.indexOf('rooms')] : []);
    for (let count = random.int(1, 3); topics.size < count; ) topics.add(random.int(0, topicKeys.length - 1));
    const text = words[lang];
    const mainTopic = text.topics[[...topics][room && topics.size > 1 ? 1 : 0]!]!;
    const sentences = Array.from({ length: random.int(3, 9) }, () => random.pick(text.sentences));
    const state = states[statePicker.pick(random)]!;
    byState[state] = (byState[state] ?? 0) + 1;
    // published: within the last 55 days (60 days up); overdue: its 60 days ran out, the job has not run yet
    const ago = state === 'published' ? random.int(0, 55 * 24) : state === 'overdue' || state === 'hidden' ? random.int(61 * 24, 70 * 24) : random.int(60 * 24, 400 * 24);
    const publishedAt = state === 'pending' || state === 'rejected' ? null : new Date(options.now - ago * 3_600_000 - index * 1000);
    return {
      organisation_id: organisation.id, kind, lang, state: state === 'overdue' ? 'published' : state,
      title: `${text.kinds[kindIndex]}: ${mainTopic}`.slice(0, 120),
      body: `${text.kinds[kindIndex]} – ${[...topics].map((topic) => text.topics[topic]).join(', ')}. ${sentences.join(' ')} (${index + 1})`,
      district: random.chance(0.9) ? organisation.district : random.pick(districts),
      topics: `{${[...topics].map((topic) => topicKeys[topic]).join(',')}}`,
      room_size: room ? random.int(8, 150) : null, accessible: room ? random.chance(0.5) : null, available_when: room ? random.pick(times) : null,
      fair_name: kind === 'fair_exhibitor' ? random.pick(fairs) : null,
      published_at: publishedAt?.toISOString() ?? null,
      expires_at: publishedAt ? new Date(publishedAt.getTime() + 60 * day).toISOString() : null,
      created_at: new Date((publishedAt?.getTime() ?? options.now) - random.int(1, 72) * 3_600_000).toISOString(),
    };
  });
  await insertRows(db, 'pinboard_post', [
    'organisation_id integer', 'kind text', 'lang text', 'state text', 'title text', 'body text', 'district text', 'topics text[]', 'room_size integer',
    'accessible boolean', 'available_when text', 'fair_name text', 'published_at timestamptz', 'expires_at timestamptz', 'created_at timestamptz',
  ].join(', '), rows, 2000);
  return { organisations: organisations.length, posts: rows.length, byState };
}
