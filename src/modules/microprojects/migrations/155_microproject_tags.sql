-- What the micro-projects are about (issue 13, chapter 5.6 of the evaluation
-- report): a staff-kept list of target groups and goals, and the tags staff
-- confirmed on each project. Suggestions are computed from the summary text
-- with the list's keywords (tags.ts) and never stored: only a confirmed tag
-- is a row.

create table microproject_tag (
  -- a stable key the report's JSON uses ("women", "integration.education"); a
  -- dot makes a sub-goal, which implies nothing about its parent
  key text primary key check (key ~ '^[a-z][a-z_]*(\.[a-z][a-z_]*)?$' and length(key) <= 60),
  kind text not null check (kind in ('target_group', 'goal')),
  label_de text not null check (length(label_de) between 1 and 120),
  label_en text not null check (length(label_en) between 1 and 120),
  -- comma-separated word beginnings that suggest the tag ("Frauen, Mütter")
  keywords text not null default '' check (length(keywords) <= 1000),
  position integer not null default 0,
  updated_at timestamptz not null default now()
);

create table microproject_project_tag (
  project_id integer not null references microproject (id) on delete cascade,
  tag_key text not null references microproject_tag (key) on update cascade on delete cascade,
  confirmed_by integer references account (id) on delete set null,
  confirmed_at timestamptz not null default now(),
  primary key (project_id, tag_key)
);
-- the analysis of a year counts projects per tag
create index microproject_project_tag_key on microproject_project_tag (tag_key, project_id);
-- the analysis joins the funder's list rows of a year to their projects
create index microproject_grant on microproject (grant_application_id);

-- The report's clusters (chapter 5.6), as the starting list staff keep on /microprojects/tags.
insert into microproject_tag (key, kind, label_de, label_en, keywords, position) values
  ('children_youth', 'target_group', 'Kinder und Jugendliche', 'Children and youth', 'Kinder, Jugend, Schüler, Kita', 10),
  ('women', 'target_group', 'Frauen', 'Women', 'Frauen, Mädchen', 20),
  ('parents', 'target_group', 'Eltern', 'Parents', 'Eltern, Väter, Familien', 30),
  ('refugees', 'target_group', 'Geflüchtete', 'Refugees', 'Geflüchtete, Flüchtling, Flucht', 40),
  ('integration', 'goal', 'Integration', 'Integration', 'Integration, Teilhabe', 110),
  ('integration.education', 'goal', 'Integration: Bildung', 'Integration: education', 'Bildung, Schule, Hausaufgaben, Nachhilfe, Lesepat, Lernen, Lernwerkstatt, Sprachkurs', 120),
  ('integration.labour_market', 'goal', 'Integration: Arbeitsmarkt', 'Integration: labour market', 'Arbeitsmarkt, Ausbildung, Beruf, Bewerbung, Arbeit, Job', 130),
  ('integration.media_literacy', 'goal', 'Integration: Medienkompetenz', 'Integration: media literacy', 'Medienkompetenz, Medien, soziale Netzwerke, Fake News', 140),
  ('empowerment', 'goal', 'Empowerment, Selbsthilfe, Resilienz', 'Empowerment, self-help, resilience', 'Empowerment, Selbsthilfe, Selbstvertrauen, Resilienz, Stärkung', 150),
  ('intercultural_dialogue', 'goal', 'Interkulturelle Begegnung und Dialog', 'Intercultural encounter and dialogue', 'Begegnung, Dialog, interkulturell, Nachbarschaftsfest', 160),
  ('art_culture', 'goal', 'Kunst, Kultur, Theater', 'Art, culture, theatre', 'Kunst, Theater, Musik, Tanz, Kultur, Film, Ausstellung', 170),
  ('everyday_support', 'goal', 'Alltagshilfe (Asyl, Wohnen, „Deutschland verstehen“)', 'Everyday support (asylum, housing, "understanding Germany")', 'Alltag, Asyl, Wohnung, Behörde, Deutschland verstehen, Orientierung', 180),
  ('professionalisation', 'goal', 'Professionalisierung der ehrenamtlichen Strukturen', 'Professionalising the volunteer structure', 'Professionalisierung, professionalisieren, Vereinsarbeit, Vereinsführung, Ehrenamtsgewinnung', 190),
  ('municipal_networking', 'goal', 'Vernetzung mit der Kommune und Integrationsdiensten', 'Networking with the municipality and integration services', 'Vernetzung, Kommune, kommunal, Runder Tisch', 200);
