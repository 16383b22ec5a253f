-- The Vereins-Check (issue 14): the report's checklist (6.2) as a
-- self-assessment. The items are data staff keep (wording in six languages
-- and Leichte Sprache, and where each item points: event formats, Wegweiser
-- topics, a consultation topic); every edit is a new version, and an answer
-- keeps the version it was given to, so an old check still reads as it was
-- answered. Answers are "done / in progress / not yet / not relevant", never
-- a grade.

create table selfcheck_area (
  key       text primary key check (key ~ '^[a-z_]{1,40}$'),
  position  integer not null,
  -- {"de": …, "en": …, "tr": …, "ar": …, "ru": …, "uk": …, "easy": Leichte Sprache}
  titles    jsonb not null
);

create table selfcheck_item (
  key       text primary key check (key ~ '^[a-z_]{1,40}\.[a-z_]{1,40}$'),
  area_key  text not null references selfcheck_area (key),
  position  integer not null,
  active    boolean not null default true
);

create table selfcheck_item_version (
  id                  serial primary key,
  item_key            text not null references selfcheck_item (key),
  version             integer not null check (version >= 1),
  texts               jsonb not null,
  -- the mapping ("Where each aspect points", checklist.md): upcoming events of
  -- these formats, Wegweiser entries of these topics, a consultation request
  -- with this topic; handouts name their checklist items themselves (material.checklist_items)
  event_formats       text[] not null default '{}',
  wegweiser_topics    text[] not null default '{}',
  consultation_topic  text,
  -- the pinboard's kinds of post (pinboard/vocabulary.ts), e.g. room offers for the rooms area
  pinboard_kinds      text[] not null default '{}',
  created_by          integer references account (id) on delete set null,
  created_at          timestamptz not null default now(),
  unique (item_key, version)
);

create table selfcheck (
  id               serial primary key,
  organisation_id  integer not null references organisation (id),
  state            text not null default 'draft' check (state in ('draft', 'submitted')),
  -- who started it: the representative, or an adviser with them (with_adviser)
  started_by       integer references account (id) on delete set null,
  with_adviser     boolean not null default false,
  consultation_id  integer references consultation (id) on delete set null,
  -- the start form's token: a double click or a second tab starts one check, not two
  start_token      text not null unique check (length(start_token) between 16 and 100),
  submitted_on     date,
  submitted_at     timestamptz,
  submitted_by     integer references account (id) on delete set null,
  -- the organisation's latest submitted check (one per organisation), read by the aggregate
  latest           boolean not null default false,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  check ((state = 'submitted') = (submitted_at is not null))
);
-- one open draft per organisation: a second start continues the first
create unique index selfcheck_one_draft on selfcheck (organisation_id) where state = 'draft';
create unique index selfcheck_one_latest on selfcheck (organisation_id) where latest;
-- the history of an organisation, newest first
create index selfcheck_history on selfcheck (organisation_id, submitted_at desc) where state = 'submitted';

create table selfcheck_answer (
  selfcheck_id     integer not null references selfcheck (id) on delete cascade,
  item_key         text not null references selfcheck_item (key),
  item_version_id  integer not null references selfcheck_item_version (id),
  -- copied from the check, so the aggregate reads one table (queries.ts: itemAggregate)
  organisation_id  integer not null references organisation (id),
  latest           boolean not null default false,
  answer           text not null check (answer in ('done', 'in_progress', 'not_yet', 'not_relevant')),
  note             text check (length(note) <= 2000),
  primary key (selfcheck_id, item_key)
);
-- the staff aggregate over every organisation's latest check (queries.ts:
-- itemAggregate): an index-only scan of the latest answers, joined to the
-- organisations when filtered by district or orientation
create index selfcheck_answer_latest on selfcheck_answer (item_key, answer, organisation_id) where latest;
create index selfcheck_answer_organisation on selfcheck_answer (organisation_id);

-- The seed: the report's checklist (section 6.2, shared/reference/checklist.md),
-- ten areas, and two from the report's guiding questions for the organisation
-- (statute and website; quality standards), with the mapping of "Where each
-- aspect points".
insert into selfcheck_area (key, position, titles) values
  ('network', 1, '{"de":"Vernetzung","en":"Networking","tr":"Ağ kurma","ar":"التشبيك","ru":"Сетевое взаимодействие","uk":"Налагодження зв’язків","easy":"Kontakte zu anderen"}'::jsonb),
  ('pr', 2, '{"de":"Öffentlichkeitsarbeit","en":"Public relations","tr":"Halkla ilişkiler","ar":"العلاقات العامة","ru":"Работа с общественностью","uk":"Зв’язки з громадськістю","easy":"Den Verein bekannt machen"}'::jsonb),
  ('umbrella', 3, '{"de":"Mitgliedschaft in Verbänden","en":"Membership in umbrella organisations","tr":"Çatı örgütlerine üyelik","ar":"العضوية في الاتحادات","ru":"Членство в объединениях","uk":"Членство в об’єднаннях","easy":"Mitglied in einem Dach-Verband"}'::jsonb),
  ('info', 4, '{"de":"Zugang zu relevanten Informationen","en":"Access to relevant information","tr":"Önemli bilgilere erişim","ar":"الوصول إلى المعلومات المهمة","ru":"Доступ к важной информации","uk":"Доступ до важливої інформації","easy":"Wichtige Informationen bekommen"}'::jsonb),
  ('training', 5, '{"de":"Nutzung von Fortbildungsangeboten","en":"Use of training","tr":"Eğitimlerden yararlanma","ar":"الاستفادة من الدورات التدريبية","ru":"Участие в обучении","uk":"Участь у навчанні","easy":"Kurse besuchen und dazu-lernen"}'::jsonb),
  ('advice', 6, '{"de":"Beratungskompetenz","en":"Advisory competence","tr":"Danışmanlık yetkinliği","ar":"الكفاءة الاستشارية","ru":"Компетенция в консультировании","uk":"Компетентність у консультуванні","easy":"Andere gut beraten"}'::jsonb),
  ('funding', 7, '{"de":"Öffentliche Förderung nutzen","en":"Use public funding","tr":"Kamu desteklerinden yararlanma","ar":"الاستفادة من التمويل العام","ru":"Использование государственного финансирования","uk":"Використання державного фінансування","easy":"Geld vom Staat für Projekte"}'::jsonb),
  ('rooms', 8, '{"de":"Zugang zu Räumen","en":"Access to rooms","tr":"Mekânlara erişim","ar":"الوصول إلى الأماكن","ru":"Доступ к помещениям","uk":"Доступ до приміщень","easy":"Räume für den Verein"}'::jsonb),
  ('office', 9, '{"de":"Finanzierung einer Geschäftsstelle","en":"A funded office","tr":"Bir ofisin finansmanı","ar":"تمويل مكتب إداري","ru":"Финансирование офиса","uk":"Фінансування офісу","easy":"Ein Büro mit bezahlten Stellen"}'::jsonb),
  ('provider', 10, '{"de":"Trägerschaft von geförderten Angeboten","en":"Running funded services","tr":"Desteklenen hizmetlerin yürütülmesi","ar":"إدارة خدمات ممولة","ru":"Проведение финансируемых программ","uk":"Проведення фінансованих програм","easy":"Eigene Angebote mit Förder-Geld"}'::jsonb),
  ('statute', 11, '{"de":"Satzung, Leitbild und Website","en":"Statute, mission statement and website","tr":"Tüzük, misyon ve web sitesi","ar":"النظام الأساسي والرؤية والموقع الإلكتروني","ru":"Устав, миссия и сайт","uk":"Статут, місія та вебсайт","easy":"Satzung und Internet-Seite"}'::jsonb),
  ('quality', 12, '{"de":"Qualitätsstandards","en":"Quality standards","tr":"Kalite standartları","ar":"معايير الجودة","ru":"Стандарты качества","uk":"Стандарти якості","easy":"Regeln für gute Arbeit"}'::jsonb);

insert into selfcheck_item (key, area_key, position) values
  ('network.civil_mo', 'network', 1),
  ('network.civil_cross', 'network', 2),
  ('network.administration', 'network', 3),
  ('network.supraregional', 'network', 4),
  ('pr.visibility', 'pr', 5),
  ('pr.members', 'pr', 6),
  ('pr.donations', 'pr', 7),
  ('umbrella.known', 'umbrella', 8),
  ('umbrella.weighed', 'umbrella', 9),
  ('info.funding', 'info', 10),
  ('info.partners', 'info', 11),
  ('info.support', 'info', 12),
  ('info.law', 'info', 13),
  ('training.law_bookkeeping', 'training', 14),
  ('training.pr', 'training', 15),
  ('training.projects', 'training', 16),
  ('training.agg', 'training', 17),
  ('training.other', 'training', 18),
  ('advice.referral', 'advice', 19),
  ('advice.reflection', 'advice', 20),
  ('funding.calls', 'funding', 21),
  ('funding.writing', 'funding', 22),
  ('funding.management', 'funding', 23),
  ('funding.evaluation', 'funding', 24),
  ('funding.proof', 'funding', 25),
  ('rooms.municipal', 'rooms', 26),
  ('office.paid_staff', 'office', 27),
  ('office.hiring', 'office', 28),
  ('provider.services', 'provider', 29),
  ('statute.current', 'statute', 30),
  ('statute.published', 'statute', 31),
  ('quality.standards', 'quality', 32);

insert into selfcheck_item_version (item_key, version, texts, event_formats, wegweiser_topics, consultation_topic) values
  ('network.civil_mo', 1, '{"de":"Vernetzung mit anderen migrantischen Organisationen in der Region","en":"Networking with other migrant organisations in the region","tr":"Bölgedeki diğer göçmen örgütleriyle ağ kurma","ar":"التواصل مع منظمات المهاجرين الأخرى في المنطقة","ru":"Связи с другими организациями мигрантов в регионе","uk":"Зв’язки з іншими організаціями мігрантів у регіоні","easy":"Wir haben Kontakt zu anderen Vereinen von Migranten in unserer Gegend."}'::jsonb, array['regional_network_meeting', 'state_network_meeting']::text[], '{}'::text[], 'other'),
  ('network.civil_cross', 1, '{"de":"Vernetzung mit „interkulturellen“, transkulturellen, community-übergreifenden Vereinen und Netzwerken","en":"Networking with intercultural and cross-community associations and networks","tr":"Kültürlerarası ve topluluklar üstü dernek ve ağlarla bağlantı","ar":"التواصل مع الجمعيات والشبكات متعددة الثقافات والعابرة للمجتمعات","ru":"Связи с межкультурными объединениями и сетями разных общин","uk":"Зв’язки з міжкультурними об’єднаннями та мережами різних громад","easy":"Wir haben Kontakt zu Vereinen, in denen Menschen aus vielen Ländern sind."}'::jsonb, array['regional_network_meeting', 'state_network_meeting']::text[], '{}'::text[], 'other'),
  ('network.administration', 1, '{"de":"Vernetzung in die kommunale Verwaltung","en":"Connections with the municipal administration","tr":"Belediye yönetimiyle bağlantı","ar":"التواصل مع الإدارة البلدية","ru":"Связи с муниципальной администрацией","uk":"Зв’язки з муніципальною адміністрацією","easy":"Wir kennen Menschen in der Stadt-Verwaltung oder Kreis-Verwaltung."}'::jsonb, array['regional_network_meeting']::text[], '{}'::text[], 'other'),
  ('network.supraregional', 1, '{"de":"Vernetzung in landes- und bundesweite, ggf. europaweite oder außereuropäische Netzwerke","en":"Connections with state, federal, European or wider networks","tr":"Eyalet, federal, Avrupa veya daha geniş ağlarla bağlantı","ar":"التواصل مع شبكات على مستوى الولاية أو الاتحاد أو أوروبا أو أبعد","ru":"Связи с сетями на уровне земли, страны, Европы и за её пределами","uk":"Зв’язки з мережами на рівні землі, країни, Європи та поза нею","easy":"Wir haben Kontakt zu Netzwerken in ganz Hessen, in Deutschland oder in Europa."}'::jsonb, array['state_network_meeting']::text[], '{}'::text[], 'other'),
  ('pr.visibility', 1, '{"de":"Die eigenen Ziele, Anliegen und Aktivitäten nach außen sichtbar machen","en":"Making our goals, concerns and activities visible","tr":"Hedeflerimizi, dileklerimizi ve etkinliklerimizi görünür kılmak","ar":"إظهار أهدافنا واهتماماتنا وأنشطتنا للآخرين","ru":"Делать наши цели, интересы и деятельность заметными","uk":"Робити наші цілі, інтереси та діяльність помітними","easy":"Andere Menschen wissen, was unser Verein will und macht."}'::jsonb, array['pr_training']::text[], '{}'::text[], 'public_relations'),
  ('pr.members', 1, '{"de":"Mitglieder gewinnen","en":"Recruiting members","tr":"Üye kazanmak","ar":"كسب أعضاء جدد","ru":"Привлечение новых членов","uk":"Залучення нових членів","easy":"Wir finden neue Mitglieder."}'::jsonb, array['pr_training']::text[], '{}'::text[], 'public_relations'),
  ('pr.donations', 1, '{"de":"Gegebenenfalls Spenden einwerben","en":"Raising donations where it fits","tr":"Gerekirse bağış toplamak","ar":"جمع التبرعات عند الحاجة","ru":"При необходимости — сбор пожертвований","uk":"За потреби — збір пожертв","easy":"Wir bekommen Spenden."}'::jsonb, array['pr_training']::text[], array['foerderung']::text[], 'funding_sources'),
  ('umbrella.known', 1, '{"de":"Kenntnis relevanter Dachverbände","en":"Knowing the relevant umbrella organisations","tr":"İlgili çatı örgütlerini tanımak","ar":"معرفة الاتحادات الجامعة المعنية","ru":"Знание важных головных объединений","uk":"Знання важливих головних об’єднань","easy":"Wir kennen die Dach-Verbände, die für uns wichtig sind."}'::jsonb, array['regional_network_meeting', 'state_network_meeting']::text[], '{}'::text[], 'other'),
  ('umbrella.weighed', 1, '{"de":"Eine Mitgliedschaft in einem Verband abwägen","en":"Having weighed membership of an umbrella organisation","tr":"Bir çatı örgütüne üyeliği değerlendirmek","ar":"دراسة الانضمام إلى اتحاد","ru":"Обдумать членство в объединении","uk":"Зважити членство в об’єднанні","easy":"Wir haben überlegt: Werden wir Mitglied in einem Dach-Verband?"}'::jsonb, array['state_network_meeting']::text[], '{}'::text[], 'other'),
  ('info.funding', 1, '{"de":"Informationen über Fördergelder: Kommune, Land, Bund, Stiftungen und andere","en":"Information on funding: municipal, state, federal, foundations and others","tr":"Destek fonları hakkında bilgi: belediye, eyalet, federal, vakıflar ve diğerleri","ar":"معلومات عن التمويل: البلدية والولاية والاتحاد والمؤسسات وغيرها","ru":"Информация о финансировании: муниципалитет, земля, федерация, фонды и другие","uk":"Інформація про фінансування: громада, земля, федерація, фонди та інші","easy":"Wir wissen, wo es Geld für Vereine gibt."}'::jsonb, array['training_application']::text[], array['foerderung']::text[], 'funding_sources'),
  ('info.partners', 1, '{"de":"Informationen über geeignete Kooperationspartner und (Dach-)Verbände","en":"Information on suitable partners and umbrella organisations","tr":"Uygun iş birliği ortakları ve çatı örgütleri hakkında bilgi","ar":"معلومات عن شركاء تعاون واتحادات مناسبة","ru":"Информация о подходящих партнёрах и объединениях","uk":"Інформація про відповідних партнерів та об’єднання","easy":"Wir wissen, mit wem wir zusammen-arbeiten können."}'::jsonb, array['regional_network_meeting']::text[], '{}'::text[], 'other'),
  ('info.support', 1, '{"de":"Informationen über Unterstützungsstrukturen, z. B. das Kompetenzzentrum Vielfalt","en":"Information on support structures such as the competence centre","tr":"Destek yapıları hakkında bilgi, ör. Yetkinlik Merkezi","ar":"معلومات عن جهات الدعم، مثل مركز الكفاءة","ru":"Информация о структурах поддержки, например, о Центре компетенций","uk":"Інформація про структури підтримки, наприклад, Центр компетенцій","easy":"Wir wissen, wer uns hilft. Zum Beispiel das Kompetenz-Zentrum."}'::jsonb, '{}'::text[], array['migrationsberatung']::text[], 'other'),
  ('info.law', 1, '{"de":"Informationen über Vereinsrecht und Vorstandstätigkeiten","en":"Information on association law and board duties","tr":"Dernekler hukuku ve yönetim kurulu görevleri hakkında bilgi","ar":"معلومات عن قانون الجمعيات ومهام مجلس الإدارة","ru":"Информация о праве объединений и обязанностях правления","uk":"Інформація про право об’єднань та обов’язки правління","easy":"Wir kennen die Regeln für Vereine und für den Vorstand."}'::jsonb, '{}'::text[], array['vereinsrecht']::text[], 'association_law'),
  ('training.law_bookkeeping', 1, '{"de":"Fortbildung zu Vereinsrecht, Buchführung, Projektmittel- und Spendenakquise","en":"Training on association law, bookkeeping, project funds and fundraising","tr":"Dernekler hukuku, muhasebe, proje fonu ve bağış toplama eğitimi","ar":"تدريب على قانون الجمعيات والمحاسبة وجمع أموال المشاريع والتبرعات","ru":"Обучение праву объединений, бухгалтерии, привлечению средств и пожертвований","uk":"Навчання з права об’єднань, бухгалтерії, залучення коштів і пожертв","easy":"Wir lernen in Kursen: Regeln für Vereine, Geld-Bücher führen, Geld für Projekte finden."}'::jsonb, array['training_application']::text[], array['vereinsrecht']::text[], 'association_law'),
  ('training.pr', 1, '{"de":"Fortbildung zu Öffentlichkeitsarbeit","en":"Training on public relations","tr":"Halkla ilişkiler eğitimi","ar":"تدريب على العلاقات العامة","ru":"Обучение работе с общественностью","uk":"Навчання зі зв’язків із громадськістю","easy":"Wir lernen in Kursen: Wie machen wir unseren Verein bekannt?"}'::jsonb, array['pr_training']::text[], '{}'::text[], 'public_relations'),
  ('training.projects', 1, '{"de":"Fortbildung zu Projektantrag, Projektentwicklung, Projektmanagement und Verwendungsnachweis","en":"Training on applications, project development and management, proof of use","tr":"Proje başvurusu, geliştirme, yönetim ve harcama belgesi eğitimi","ar":"تدريب على طلب المشاريع وتطويرها وإدارتها وإثبات استخدام الأموال","ru":"Обучение подаче заявок, разработке и управлению проектами, отчёту об использовании средств","uk":"Навчання з подання заявок, розробки та управління проєктами, звіту про використання коштів","easy":"Wir lernen in Kursen: Einen Antrag schreiben, ein Projekt planen und zeigen, wofür wir das Geld ausgegeben haben."}'::jsonb, array['training_application', 'writing_workshop', 'training_implementation', 'training_reporting']::text[], array['foerderung']::text[], 'application'),
  ('training.agg', 1, '{"de":"Fortbildung zum AGG (Allgemeines Gleichbehandlungsgesetz)","en":"Training on the General Equal Treatment Act (AGG)","tr":"Genel Eşit Muamele Yasası (AGG) eğitimi","ar":"تدريب على قانون المساواة في المعاملة (AGG)","ru":"Обучение по Общему закону о равном обращении (AGG)","uk":"Навчання щодо Загального закону про рівне ставлення (AGG)","easy":"Wir kennen das Gesetz gegen Benachteiligung. Es heißt AGG."}'::jsonb, '{}'::text[], array['antidiskriminierung']::text[], 'discrimination'),
  ('training.other', 1, '{"de":"Andere Fortbildungen","en":"Other training","tr":"Diğer eğitimler","ar":"دورات تدريبية أخرى","ru":"Другое обучение","uk":"Інше навчання","easy":"Wir besuchen andere Kurse."}'::jsonb, array['other']::text[], '{}'::text[], 'other'),
  ('advice.referral', 1, '{"de":"Wissen um andere Beratungs- und Unterstützungsangebote vor Ort, um kompetent weiterzuverweisen","en":"Knowing other local advice services, to refer people well","tr":"İnsanları doğru yönlendirmek için yerel danışma hizmetlerini bilmek","ar":"معرفة خدمات الاستشارة المحلية الأخرى لتوجيه الناس بشكل صحيح","ru":"Знание других местных консультационных служб, чтобы правильно направлять людей","uk":"Знання інших місцевих консультаційних служб, щоб правильно скеровувати людей","easy":"Wir wissen, wo Menschen Hilfe und Beratung bekommen. So können wir ihnen sagen: Gehen Sie dort hin."}'::jsonb, '{}'::text[], array['migrationsberatung', 'antidiskriminierung', 'bildung-sprache', 'arbeit']::text[], 'other'),
  ('advice.reflection', 1, '{"de":"Reflexionsfähigkeit als Haltung und Fertigkeit von Vorstand und beratenden Mitgliedern","en":"Reflection as attitude and skill of the board and advising members","tr":"Yönetim kurulu ve danışman üyelerde öz değerlendirme tutumu ve becerisi","ar":"القدرة على التأمل الذاتي لدى مجلس الإدارة والأعضاء المستشارين","ru":"Способность к рефлексии у правления и консультирующих членов","uk":"Здатність до рефлексії у правління та членів-консультантів","easy":"Der Vorstand denkt über die eigene Arbeit nach und lernt daraus."}'::jsonb, '{}'::text[], '{}'::text[], 'other'),
  ('funding.calls', 1, '{"de":"Förder- und Projektausschreibungen im Blick haben","en":"Following calls for funding and projects","tr":"Destek ve proje çağrılarını takip etmek","ar":"متابعة إعلانات التمويل والمشاريع","ru":"Следить за конкурсами на финансирование и проекты","uk":"Стежити за конкурсами на фінансування та проєкти","easy":"Wir wissen, wann man Geld für ein Projekt beantragen kann."}'::jsonb, array['training_application']::text[], array['foerderung']::text[], 'funding_sources'),
  ('funding.writing', 1, '{"de":"Fertigkeit, Anträge zu verfassen und Projekte zu entwickeln","en":"Writing applications and developing projects","tr":"Başvuru yazma ve proje geliştirme becerisi","ar":"مهارة كتابة الطلبات وتطوير المشاريع","ru":"Умение писать заявки и разрабатывать проекты","uk":"Уміння писати заявки та розробляти проєкти","easy":"Wir können einen Antrag schreiben und ein Projekt planen."}'::jsonb, array['training_application', 'writing_workshop']::text[], array['foerderung']::text[], 'application'),
  ('funding.management', 1, '{"de":"Projekte sachgemäß durchführen (Projektmanagement)","en":"Running projects properly (project management)","tr":"Projeleri usulüne uygun yürütmek (proje yönetimi)","ar":"تنفيذ المشاريع بشكل سليم (إدارة المشاريع)","ru":"Правильно проводить проекты (управление проектами)","uk":"Правильно виконувати проєкти (управління проєктами)","easy":"Wir führen unser Projekt gut durch."}'::jsonb, array['training_implementation']::text[], '{}'::text[], 'application'),
  ('funding.evaluation', 1, '{"de":"Gegebenenfalls Projekte selbst auswerten (Selbstevaluation)","en":"Evaluating our own projects where it fits","tr":"Gerekirse projeleri kendimiz değerlendirmek (öz değerlendirme)","ar":"تقييم مشاريعنا بأنفسنا عند الحاجة","ru":"При необходимости — самостоятельная оценка проектов","uk":"За потреби — самостійне оцінювання проєктів","easy":"Nach dem Projekt fragen wir uns: Was war gut? Was machen wir besser?"}'::jsonb, array['training_reporting']::text[], '{}'::text[], 'application'),
  ('funding.proof', 1, '{"de":"Die Verwendung der Mittel ordnungsgemäß nachweisen","en":"Proving the use of funds properly","tr":"Fonların kullanımını usulüne uygun belgelemek","ar":"إثبات استخدام الأموال بشكل صحيح","ru":"Правильно отчитываться об использовании средств","uk":"Правильно звітувати про використання коштів","easy":"Wir zeigen richtig, wofür wir das Geld ausgegeben haben."}'::jsonb, array['training_reporting']::text[], '{}'::text[], 'proof_of_use'),
  ('rooms.municipal', 1, '{"de":"Zugang zu Räumen, die die Kommune zur Verfügung stellt","en":"Access to rooms provided by the municipality","tr":"Belediyenin sağladığı mekânlara erişim","ar":"الوصول إلى أماكن توفرها البلدية","ru":"Доступ к помещениям, которые предоставляет муниципалитет","uk":"Доступ до приміщень, які надає громада","easy":"Wir können Räume von der Stadt oder der Gemeinde benutzen."}'::jsonb, '{}'::text[], '{}'::text[], 'rooms'),
  ('office.paid_staff', 1, '{"de":"Hauptamtlich finanzierte Stelle(n) in einer Geschäftsstelle","en":"Paid staff in an office","tr":"Bir ofiste ücretli personel","ar":"موظفون بأجر في مكتب إداري","ru":"Оплачиваемые сотрудники в офисе","uk":"Оплачувані працівники в офісі","easy":"Unser Verein hat ein Büro. Dort arbeiten Menschen und bekommen Geld dafür."}'::jsonb, '{}'::text[], array['foerderung']::text[], 'funding_sources'),
  ('office.hiring', 1, '{"de":"Stellen sachgerecht besetzen: nach Qualifikation, Kompetenzen und Durchhaltevermögen","en":"Hiring by qualification, competence and perseverance","tr":"Kadroları nitelik, yetkinlik ve dayanıklılığa göre doldurmak","ar":"التوظيف حسب المؤهلات والكفاءات والمثابرة","ru":"Подбор сотрудников по квалификации, компетенциям и выносливости","uk":"Добір працівників за кваліфікацією, компетенціями та витривалістю","easy":"Wir suchen Mitarbeiter gut aus. Sie können die Arbeit gut machen."}'::jsonb, '{}'::text[], array['arbeit']::text[], 'mini_job'),
  ('provider.services', 1, '{"de":"Trägerschaft von öffentlich oder kommunal geförderten sozialen oder Bildungsangeboten","en":"Running publicly funded social or educational services","tr":"Kamu veya belediye desteğiyle sosyal ya da eğitim hizmetleri yürütmek","ar":"إدارة خدمات اجتماعية أو تعليمية بتمويل عام أو بلدي","ru":"Проведение социальных или образовательных программ с государственным финансированием","uk":"Проведення соціальних або освітніх програм із державним фінансуванням","easy":"Unser Verein macht eigene Angebote für andere Menschen. Der Staat oder die Stadt bezahlt dafür."}'::jsonb, array['training_application']::text[], array['foerderung']::text[], 'funding_sources'),
  ('statute.current', 1, '{"de":"Ziele und Zweck stehen in einer aktuellen Satzung, ggf. auch in einem Leitbild","en":"Aims and purpose are in an up-to-date statute, possibly a mission statement","tr":"Amaçlar güncel bir tüzükte, gerekirse bir misyon metninde yazılı","ar":"الأهداف والغرض مكتوبة في نظام أساسي محدّث وربما في بيان رؤية","ru":"Цели записаны в актуальном уставе, возможно, и в миссии","uk":"Цілі записані в чинному статуті, можливо, і в місії","easy":"In unserer Satzung steht, was der Verein will. Die Satzung ist aktuell."}'::jsonb, '{}'::text[], array['vereinsrecht']::text[], 'association_law'),
  ('statute.published', 1, '{"de":"Satzung und Ziele sind auf einer Website veröffentlicht","en":"Statute and aims are published on a website","tr":"Tüzük ve amaçlar bir web sitesinde yayımlanmış","ar":"النظام الأساسي والأهداف منشورة على موقع إلكتروني","ru":"Устав и цели опубликованы на сайте","uk":"Статут і цілі опубліковані на вебсайті","easy":"Auf unserer Internet-Seite steht, was der Verein will."}'::jsonb, array['pr_training']::text[], '{}'::text[], 'public_relations'),
  ('quality.standards', 1, '{"de":"Schriftliche Qualitätsstandards, z. B. erweitertes Führungszeugnis für Ehrenamtliche, die mit Kindern und Jugendlichen arbeiten","en":"Written quality standards, e.g. police clearance certificates for volunteers working with children and young people","tr":"Yazılı kalite standartları, ör. çocuk ve gençlerle çalışan gönüllüler için sabıka kaydı","ar":"معايير جودة مكتوبة، مثل شهادة حسن السيرة للمتطوعين الذين يعملون مع الأطفال والشباب","ru":"Письменные стандарты качества, например, справка о несудимости для волонтёров, работающих с детьми и молодёжью","uk":"Письмові стандарти якості, наприклад, довідка про несудимість для волонтерів, які працюють з дітьми та молоддю","easy":"Wir haben Regeln aufgeschrieben. Zum Beispiel: Wer mit Kindern arbeitet, zeigt ein Führungs-Zeugnis von der Polizei."}'::jsonb, '{}'::text[], array['jugend']::text[], 'association_law');

-- checklist.md: "the pinboard's room offers → rooms.*"; a partner for a joint
-- application (report 6.3) is what an association looking for partners needs
update selfcheck_item_version set pinboard_kinds = array['room_offered']
  where item_key in (select key from selfcheck_item where area_key = 'rooms');
update selfcheck_item_version set pinboard_kinds = array['partner_sought'] where item_key = 'info.partners';
