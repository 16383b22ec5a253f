import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { saveFaqEntry } from './commands.js';
import type { FaqEntryInput } from './form.js';

/**
 * The demo FAQ: the questions the report says the FAQ answers (5.4) — what
 * costs are eligible (the tax adviser among them), the deadline moved to May,
 * up to 24 months, follow-up applications, mini-jobs, receipts, proof of use —
 * in German, several in English, Turkish and Arabic. Two entries are not yet
 * public: one agreed and waiting to be published, one draft.
 */
type Demo = Omit<FaqEntryInput, 'reviewedOn'> & { reviewedDaysAgo: number | null };

const entries: Demo[] = [
  {
    topic: 'costs', state: 'published', position: 1, reviewedDaysAgo: 30,
    translations: [
      { language: 'de', question: 'Welche Kosten sind in einem Mikroprojekt förderfähig?', answer: 'Förderfähig sind die Ausgaben, die für das Projekt nötig sind und im Kosten- und Finanzierungsplan stehen: zum Beispiel Honorare, Minijobs, Sachkosten und Öffentlichkeitsarbeit.\n\nEinmalige Anschaffungen wie ein Laptop oder ein Drucker sind nur förderfähig, wenn sie im Antrag begründet und bewilligt sind. Fragen Sie im Zweifel vor der Ausgabe beim Regierungspräsidium nach.' },
      { language: 'en', question: 'Which costs are eligible in a micro-project?', answer: 'Eligible are the expenses the project needs and that are listed in the cost and financing plan: for example fees, mini-jobs, material costs and public relations.\n\nOne-off purchases such as a laptop or a printer are only eligible when the application explains them and they are approved. If in doubt, ask the Regierungspräsidium before spending.' },
      { language: 'tr', question: 'Bir mikro projede hangi masraflar desteklenir?', answer: 'Proje için gerekli olan ve maliyet ve finansman planında yer alan harcamalar desteklenir: örneğin ücretler, mini işler, malzeme giderleri ve halkla ilişkiler.\n\nDizüstü bilgisayar veya yazıcı gibi tek seferlik alımlar yalnızca başvuruda gerekçelendirilip onaylanmışsa desteklenir.' },
      { language: 'ar', question: 'ما هي التكاليف المؤهلة للدعم في المشروع الصغير؟', answer: 'تُدعم النفقات اللازمة للمشروع والواردة في خطة التكاليف والتمويل، مثل الأتعاب والوظائف الصغيرة وتكاليف المواد والعلاقات العامة.\n\nالمشتريات لمرة واحدة مثل الحاسوب المحمول أو الطابعة تُدعم فقط إذا تم تبريرها في الطلب والموافقة عليها.' },
    ],
  },
  {
    topic: 'costs', state: 'published', position: 2, reviewedDaysAgo: 30,
    translations: [
      { language: 'de', question: 'Sind die Kosten für ein Steuerberatungsbüro förderfähig?', answer: 'Ja. Die Lohnbuchführung für Minijobs darf an ein Steuerberatungsbüro abgegeben werden; die Kosten dafür sind förderfähig. Das Ministerium hat das auf Anregung der Vereine in den Schulungen des Kompetenzzentrums eingeführt.' },
      { language: 'en', question: 'Are the costs of a tax adviser eligible?', answer: 'Yes. The payroll for mini-jobs may be handed to a tax adviser; those costs are eligible. The ministry introduced this after the associations suggested it in the centre\'s trainings.' },
    ],
  },
  {
    topic: 'application', state: 'published', position: 1, reviewedDaysAgo: 60,
    translations: [
      { language: 'de', question: 'Bis wann muss der Antrag gestellt werden?', answer: 'Die Antragsfrist wurde vom Hessischen Ministerium für Soziales und Integration bis Mai verlängert. Das genaue Datum des laufenden Jahres steht im Förderaufruf auf der Website des Regierungspräsidiums.' },
      { language: 'en', question: 'What is the application deadline?', answer: 'The Hessian Ministry for Social Affairs and Integration moved the deadline to May. The exact date for the current year is in the call on the Regierungspräsidium\'s website.' },
      { language: 'ar', question: 'ما هو الموعد النهائي لتقديم الطلب؟', answer: 'مددت وزارة الشؤون الاجتماعية والاندماج في هسن الموعد النهائي حتى شهر مايو. التاريخ الدقيق للسنة الحالية موجود في إعلان الدعم على موقع الرئاسة الإقليمية.' },
    ],
  },
  {
    topic: 'duration', state: 'published', position: 1, reviewedDaysAgo: 60,
    translations: [
      { language: 'de', question: 'Wie lange darf ein Mikroprojekt laufen?', answer: 'Ein Mikroprojekt darf insgesamt bis zu 24 Monate laufen.' },
      { language: 'en', question: 'How long may a micro-project run?', answer: 'A micro-project may run for up to 24 months in total.' },
      { language: 'tr', question: 'Bir mikro proje ne kadar sürebilir?', answer: 'Bir mikro proje toplamda en fazla 24 ay sürebilir.' },
    ],
  },
  {
    topic: 'duration', state: 'published', position: 2, reviewedDaysAgo: 60,
    translations: [
      { language: 'de', question: 'Kann ich einen Folgeantrag stellen?', answer: 'Ja. Vereine, deren Projekt für höchstens 12 Monate bewilligt wurde, können einen Folgeantrag stellen, so dass das Projekt insgesamt bis zu 24 Monate läuft.' },
      { language: 'en', question: 'Can I submit a follow-up application?', answer: 'Yes. Associations whose project was approved for at most 12 months may submit a follow-up application, so that the project runs for up to 24 months in total.' },
    ],
  },
  {
    topic: 'staff', state: 'published', position: 1, reviewedDaysAgo: 30,
    translations: [
      { language: 'de', question: 'Was muss ich bei einem Minijob im Projekt beachten?', answer: 'Für einen Minijob braucht es einen Arbeitsvertrag, die Anmeldung und die monatlichen Abgaben bei der Minijob-Zentrale und einen Arbeitszeitnachweis.\n\nDie Lohnbuchführung kann ein Steuerberatungsbüro übernehmen; die Kosten dafür sind förderfähig.' },
      { language: 'en', question: 'What do I need to know about a mini-job in the project?', answer: 'A mini-job needs an employment contract, registration and the monthly contributions at the Minijob-Zentrale, and a record of working hours.\n\nA tax adviser can do the payroll; those costs are eligible.' },
    ],
  },
  {
    topic: 'proof', state: 'published', position: 1, reviewedDaysAgo: 90,
    translations: [
      { language: 'de', question: 'Welche Belege muss ich sammeln?', answer: 'Für jede Ausgabe die Rechnung und den Zahlungsnachweis (Kontoauszug oder Quittung). Führen Sie von Anfang an eine Belegliste mit Datum, Betrag und Zweck.' },
      { language: 'en', question: 'Which receipts do I need to keep?', answer: 'For every expense the invoice and the proof of payment (bank statement or receipt). Keep a list of receipts with date, amount and purpose from the start.' },
    ],
  },
  {
    topic: 'proof', state: 'published', position: 2, reviewedDaysAgo: 90,
    translations: [
      { language: 'de', question: 'Was gehört zum Verwendungsnachweis?', answer: 'Der Verwendungsnachweis besteht aus dem Sachbericht (was im Projekt geschehen ist) und dem zahlenmäßigen Nachweis (Einnahmen und Ausgaben mit Belegliste). Die Formulare stehen auf der Website des Regierungspräsidiums; die Frist steht im Bewilligungsbescheid.' },
    ],
  },
  {
    topic: 'costs', state: 'agreed', position: 3, reviewedDaysAgo: 5,
    translations: [{ language: 'de', question: 'Ist Büromiete förderfähig?', answer: 'Mietkosten für die Geschäftsstelle sind im Rahmen der Mikroprojekte in der Regel nicht förderfähig; Raummiete für einzelne Projektveranstaltungen kann es sein.' }],
  },
  {
    topic: 'application', state: 'draft', position: 2, reviewedDaysAgo: null,
    translations: [{ language: 'de', question: 'Muss jeder Neuantrag eine neue Projektidee haben?', answer: 'Entwurf: mit dem Ministerium abzustimmen.' }],
  },
];

const daysBefore = (today: string, days: number) => new Date(Date.parse(`${today}T12:00:00Z`) - days * 86400000).toISOString().slice(0, 10);

export async function loadFaqDemo(db: Kysely<Database>, today: string): Promise<void> {
  if (await db.selectFrom('faq_entry').select('id').limit(1).executeTakeFirst()) return;
  for (const { reviewedDaysAgo, ...entry } of entries) {
    await saveFaqEntry(db, null, { ...entry, reviewedOn: reviewedDaysAgo === null ? null : daysBefore(today, reviewedDaysAgo) });
  }
}
