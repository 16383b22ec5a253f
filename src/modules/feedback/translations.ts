import type { Language } from '../../i18n/index.js';

/**
 * The default questions (forms.ts) in the four further languages of the
 * online form, keyed by their German text: a question staff reworded in
 * German has no entry here and shows its own stored texts (or German).
 */
type Other = Record<'tr' | 'ar' | 'ru' | 'uk', string>;

export const defaultTranslations: Record<string, Other> = {
  // the dialogue forum (issue 15)
  'Wie hat Ihnen das Dialogforum gefallen?': {
    tr: 'Diyalog forumunu nasıl buldunuz?',
    ar: 'ما مدى إعجابك بمنتدى الحوار؟',
    ru: 'Как вам понравился диалоговый форум?',
    uk: 'Як вам сподобався діалоговий форум?',
  },
  'Hat die Moderation allen das Wort gegeben?': {
    tr: 'Moderatör herkese söz hakkı verdi mi?',
    ar: 'هل أعطت إدارة الحوار الكلمة للجميع؟',
    ru: 'Дала ли модерация слово всем участникам?',
    uk: 'Чи дала модерація слово всім учасникам?',
  },
  'Konnten Sie Ihre Anliegen gegenüber der Verwaltung gut einbringen?': {
    tr: 'Taleplerinizi belediye yönetimine iyi iletebildiniz mi?',
    ar: 'هل تمكنت من عرض اهتماماتك على الإدارة بشكل جيد؟',
    ru: 'Смогли ли вы хорошо донести свои вопросы до администрации?',
    uk: 'Чи змогли ви добре донести свої питання до адміністрації?',
  },
  'Welche Vereinbarung ist Ihnen am wichtigsten?': {
    tr: 'Sizin için en önemli anlaşma hangisi?',
    ar: 'ما هو الاتفاق الأهم بالنسبة لك؟',
    ru: 'Какая договорённость для вас важнее всего?',
    uk: 'Яка домовленість для вас найважливіша?',
  },
  'Wie fanden Sie die Stimmung heute?': {
    tr: 'Bugünkü atmosferi nasıl buldunuz?',
    ar: 'كيف وجدت الأجواء اليوم؟',
    ru: 'Как вам понравилась атмосфера сегодня?',
    uk: 'Як вам сподобалася атмосфера сьогодні?',
  },
  'Was hat Ihnen nicht so gut gefallen? Was könnten wir verbessern?': {
    tr: 'Neyi pek beğenmediniz? Neyi daha iyi yapabilirdik?',
    ar: 'ما الذي لم يعجبك كثيرًا؟ ما الذي يمكننا تحسينه؟',
    ru: 'Что вам не очень понравилось? Что мы могли бы улучшить?',
    uk: 'Що вам не дуже сподобалося? Що ми могли б покращити?',
  },
  'Was hat Ihnen nicht so gut gefallen? Was können wir verbessern?': {
    tr: 'Neyi pek beğenmediniz? Neyi daha iyi yapabiliriz?',
    ar: 'ما الذي لم يعجبك كثيرًا؟ ما الذي يمكننا تحسينه؟',
    ru: 'Что вам не очень понравилось? Что мы можем улучшить?',
    uk: 'Що вам не дуже сподобалося? Що ми можемо покращити?',
  },
  'Wie hat Ihnen die Schulung gefallen?': {
    tr: 'Eğitimi nasıl buldunuz?',
    ar: 'ما مدى إعجابك بالدورة التدريبية؟',
    ru: 'Как вам понравился семинар?',
    uk: 'Як вам сподобався семінар?',
  },
  'Wie hat Ihnen die Veranstaltung gefallen?': {
    tr: 'Etkinliği nasıl buldunuz?',
    ar: 'ما مدى إعجابك بالفعالية؟',
    ru: 'Как вам понравилось мероприятие?',
    uk: 'Як вам сподобався захід?',
  },
  'Waren die Referentinnen gut vorbereitet?': {
    tr: 'Eğitmenler iyi hazırlanmış mıydı?',
    ar: 'هل كانت المدرِّبات مستعدات جيدًا؟',
    ru: 'Хорошо ли были подготовлены ведущие?',
    uk: 'Чи добре були підготовлені ведучі?',
  },
  'Konnten Sie Ihre Themen gut einbringen und Ihre Fragen stellen?': {
    tr: 'Konularınızı iyi bir şekilde dile getirip sorularınızı sorabildiniz mi?',
    ar: 'هل تمكنت من طرح مواضيعك وأسئلتك بشكل جيد؟',
    ru: 'Удалось ли вам хорошо представить свои темы и задать свои вопросы?',
    uk: 'Чи вдалося вам добре представити свої теми та поставити свої запитання?',
  },
  'Was möchten Sie noch sagen?': {
    tr: 'Başka söylemek istediğiniz bir şey var mı?',
    ar: 'ماذا تود أن تقول أيضًا؟',
    ru: 'Что ещё вы хотели бы сказать?',
    uk: 'Що ще ви хотіли б сказати?',
  },
  'Wie hat Ihnen das Netzwerktreffen gefallen?': {
    tr: 'Ağ toplantısını nasıl buldunuz?',
    ar: 'ما مدى إعجابك بلقاء التواصل؟',
    ru: 'Как вам понравилась встреча для налаживания связей?',
    uk: 'Як вам сподобалася зустріч для налагодження зв’язків?',
  },
  'Waren die Mitarbeiterinnen gut vorbereitet?': {
    tr: 'Çalışanlar iyi hazırlanmış mıydı?',
    ar: 'هل كانت الموظفات مستعدات جيدًا؟',
    ru: 'Хорошо ли были подготовлены сотрудницы?',
    uk: 'Чи добре були підготовлені співробітниці?',
  },
  'Konnten Sie Ihre Themen und Ideen gut vorstellen?': {
    tr: 'Konularınızı ve fikirlerinizi iyi bir şekilde sunabildiniz mi?',
    ar: 'هل تمكنت من عرض مواضيعك وأفكارك بشكل جيد؟',
    ru: 'Удалось ли вам хорошо представить свои темы и идеи?',
    uk: 'Чи вдалося вам добре представити свої теми та ідеї?',
  },
  'Was ist Ihnen wichtig in der gemeinsamen Zusammenarbeit?': {
    tr: 'Ortak çalışmada sizin için önemli olan nedir?',
    ar: 'ما المهم بالنسبة لك في العمل المشترك؟',
    ru: 'Что для вас важно в совместной работе?',
    uk: 'Що для вас важливо у спільній роботі?',
  },
  'Wie fanden Sie die Redebeiträge / den Vortrag?': {
    tr: 'Konuşmaları / sunumu nasıl buldunuz?',
    ar: 'كيف وجدت الكلمات / المحاضرة؟',
    ru: 'Как вам понравились выступления / доклад?',
    uk: 'Як вам сподобалися виступи / доповідь?',
  },
  'Wie wichtig fanden Sie die Themen für die Workshops?': {
    tr: 'Atölye çalışmalarının konularını ne kadar önemli buldunuz?',
    ar: 'ما مدى أهمية مواضيع ورش العمل بالنسبة لك؟',
    ru: 'Насколько важными вы сочли темы семинаров-практикумов?',
    uk: 'Наскільки важливими ви вважаєте теми практичних семінарів?',
  },
  'Konnten Sie in dem Workshop Ihre Themen gut einbringen?': {
    tr: 'Atölye çalışmasında konularınızı iyi bir şekilde dile getirebildiniz mi?',
    ar: 'هل تمكنت من طرح مواضيعك بشكل جيد في ورشة العمل؟',
    ru: 'Удалось ли вам хорошо представить свои темы на семинаре-практикуме?',
    uk: 'Чи вдалося вам добре представити свої теми на практичному семінарі?',
  },
  'Wünschen Sie sich in Zukunft regelmäßige Vernetzungstreffen?': {
    tr: 'Gelecekte düzenli ağ toplantıları yapılmasını ister misiniz?',
    ar: 'هل ترغب في لقاءات تواصل منتظمة في المستقبل؟',
    ru: 'Хотели бы вы в будущем регулярных встреч для налаживания связей?',
    uk: 'Чи хотіли б ви в майбутньому регулярних зустрічей для налагодження зв’язків?',
  },
  'Was möchten Sie uns noch sagen?': {
    tr: 'Bize başka söylemek istediğiniz bir şey var mı?',
    ar: 'ماذا تود أن تقول لنا أيضًا؟',
    ru: 'Что ещё вы хотели бы нам сказать?',
    uk: 'Що ще ви хотіли б нам сказати?',
  },
  'Sind Sie jetzt in der Lage, eigenständig einen Projektantrag zu stellen?': {
    tr: 'Artık kendi başınıza bir proje başvurusu yapabilecek durumda mısınız?',
    ar: 'هل أنت الآن قادر على تقديم طلب مشروع بشكل مستقل؟',
    ru: 'Можете ли вы теперь самостоятельно подать заявку на проект?',
    uk: 'Чи можете ви тепер самостійно подати заявку на проєкт?',
  },
  'Fühlen Sie sich jetzt besser vorbereitet, das Mikroprojekt umzusetzen?': {
    tr: 'Mikro projeyi uygulamak için artık daha iyi hazırlandığınızı hissediyor musunuz?',
    ar: 'هل تشعر الآن بأنك مستعد بشكل أفضل لتنفيذ المشروع الصغير؟',
    ru: 'Чувствуете ли вы себя теперь лучше подготовленными к реализации микропроекта?',
    uk: 'Чи почуваєтеся ви тепер краще підготовленими до реалізації мікропроєкту?',
  },
  'Fühlen Sie sich jetzt besser vorbereitet, den Sachbericht und den Verwendungsnachweis zu erstellen?': {
    tr: 'Faaliyet raporunu (Sachbericht) ve harcama belgesini (Verwendungsnachweis) hazırlamak için artık daha iyi hazırlandığınızı hissediyor musunuz?',
    ar: 'هل تشعر الآن بأنك مستعد بشكل أفضل لإعداد التقرير الموضوعي (Sachbericht) وإثبات استخدام الأموال (Verwendungsnachweis)؟',
    ru: 'Чувствуете ли вы себя теперь лучше подготовленными к составлению содержательного отчёта (Sachbericht) и отчёта об использовании средств (Verwendungsnachweis)?',
    uk: 'Чи почуваєтеся ви тепер краще підготовленими до складання змістовного звіту (Sachbericht) та звіту про використання коштів (Verwendungsnachweis)?',
  },
  'Wie hat sich Ihre Schreibkompetenz verbessert?': {
    tr: 'Yazma beceriniz ne kadar gelişti?',
    ar: 'إلى أي مدى تحسنت مهاراتك في الكتابة؟',
    ru: 'Насколько улучшились ваши навыки письма?',
    uk: 'Наскільки покращилися ваші навички письма?',
  },
  'Fühlen Sie sich jetzt sicherer in der Öffentlichkeitsarbeit?': {
    tr: 'Halkla ilişkiler çalışmalarında artık kendinizi daha güvende hissediyor musunuz?',
    ar: 'هل تشعر الآن بثقة أكبر في العمل الإعلامي والعلاقات العامة؟',
    ru: 'Чувствуете ли вы себя теперь увереннее в работе с общественностью?',
    uk: 'Чи почуваєтеся ви тепер упевненіше в роботі з громадськістю?',
  },
  'Können Sie das Gelernte in Ihrer Vereinsarbeit nutzen?': {
    tr: 'Öğrendiklerinizi derneğinizin çalışmalarında kullanabilir misiniz?',
    ar: 'هل يمكنك الاستفادة مما تعلمته في عمل جمعيتك؟',
    ru: 'Можете ли вы использовать полученные знания в работе вашей организации?',
    uk: 'Чи можете ви використати здобуті знання в роботі вашої організації?',
  },
};

/** A question's text in a language: its own stored text, the default translation, or German. */
export function questionText(texts: Record<string, string>, language: Language): string {
  const own = texts[language]?.trim();
  if (own) return own;
  if (language !== 'de' && language !== 'en') {
    const translated = defaultTranslations[texts.de]?.[language];
    if (translated) return translated;
  }
  return texts.de ?? texts.en ?? '';
}

/** Whether the text shown is in the language asked for (else the element gets lang="de"). */
export function hasText(texts: Record<string, string>, language: Language): boolean {
  return Boolean(texts[language]?.trim()) || (language !== 'de' && language !== 'en' && Boolean(defaultTranslations[texts.de]?.[language]));
}
