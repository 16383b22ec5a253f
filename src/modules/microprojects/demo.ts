import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { addDays, addMonths } from './days.js';
import { listTags, suggestTags } from './tags.js';

/**
 * The demo's programme rules. Sources: the WIR programme as published by the
 * Land Hessen (wave2.md: €3,000 project, €7,200 mini-job a year; deadline
 * 31.12. of the year before, 2018 extended to May); minimum wage (MiLoG:
 * 2019 €9.19, 2020 €9.35, 2026 €13.90) and the mini-job ceiling (€450 until
 * 09/2022, €603 in 2026) from the Minijob-Zentrale. Staff change them on
 * /microprojects/rules.
 */
export const demoYearRules = [
  { year: 2018, project_limit_cents: 300_000, minijob_limit_cents: 720_000, application_deadline: '2018-05-31', minimum_wage_cents: 884, minijob_monthly_ceiling_cents: 45_000, source: 'WIR-Förderrichtlinie (Frist auf Mai verlegt, Bericht 5.4); MiLoG 2018: 8,84 €; Minijob-Zentrale: 450 €' },
  { year: 2019, project_limit_cents: 300_000, minijob_limit_cents: 720_000, application_deadline: '2018-12-31', minimum_wage_cents: 919, minijob_monthly_ceiling_cents: 45_000, source: 'WIR-Förderrichtlinie Hessen; MiLoG 2019: 9,19 €; Minijob-Zentrale: 450 €' },
  { year: 2020, project_limit_cents: 300_000, minijob_limit_cents: 720_000, application_deadline: '2019-12-31', minimum_wage_cents: 935, minijob_monthly_ceiling_cents: 45_000, source: 'WIR-Förderrichtlinie Hessen; MiLoG 2020: 9,35 €; Minijob-Zentrale: 450 €' },
  { year: 2026, project_limit_cents: 300_000, minijob_limit_cents: 720_000, application_deadline: '2025-12-31', minimum_wage_cents: 1390, minijob_monthly_ceiling_cents: 60_300, source: 'WIR-Förderrichtlinie Hessen (wave2.md); MiLoG 2026: 13,90 €; Minijob-Zentrale: 603 €' },
];

/**
 * The rules of the demo years, and one running project of the organisation
 * the demo representative speaks for (the first with people, as
 * ensureDemoAccount chooses it), dated from the demo's `today`: some tasks
 * done, one overdue, receipts kept, so that /microprojects shows the whole
 * cycle. A year without rules gets the 2026 values, its source saying so.
 */
export async function loadMicroprojectDemo(db: Kysely<Database>, context: { today?: string } = {}): Promise<void> {
  await db.insertInto('microproject_year_rule').values(demoYearRules).onConflict((oc) => oc.column('year').doNothing()).execute();
  await loadAnalysedProjects(db);
  if (!context.today) return;
  const startsOn = addDays(context.today, -60);
  const year = Number(startsOn.slice(0, 4));
  const latest = demoYearRules.at(-1)!;
  await db.insertInto('microproject_year_rule').values({ ...latest, year, application_deadline: `${year - 1}-12-31`, source: `wie ${latest.year}: ${latest.source}` }).onConflict((oc) => oc.column('year').doNothing()).execute();
  const withPeople = await db.selectFrom('person_role').select('organisation_id').orderBy('organisation_id').executeTakeFirst();
  if (!withPeople) return;
  const grant = await db.selectFrom('grant_application').select('id').where('organisation_id', '=', withPeople.organisation_id).orderBy('year', 'desc').executeTakeFirst();
  const project = await db
    .insertInto('microproject')
    .values({
      organisation_id: withPeople.organisation_id, grant_application_id: grant?.id ?? null, title: 'Nähcafé und Lernwerkstatt',
      summary: 'Ein wöchentliches Nähcafé für Frauen mit Hausaufgabenhilfe für ihre Kinder; eine Minijobberin organisiert die Treffen.',
      year, stage: 'running', approved_on: addDays(startsOn, -20), starts_on: startsOn, ends_on: addDays(addMonths(startsOn, 10), -1),
      planned_project_costs_cents: 250_000, planned_minijob_cents: 480_000, planned_tax_adviser_cents: 30_000, minijob_monthly_hours: 30, minijob_monthly_pay_cents: 48_000,
      integration_office: 'Integrationsbüro der Stadt',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('microproject_contact').values({ project_id: project.id, name: 'Vorstand (Demo)', email: 'vorstand-demo@example.org', language: 'tr' }).execute();
  await db.insertInto('microproject_task_done').values(['readNotice', 'visibility', 'personnelQuestionnaire', 'accidentInsurance', 'employerNumber', 'employmentContract'].map((task) => ({ project_id: project.id, task }))).execute();
  await db.insertInto('microproject_receipt').values([
    { project_id: project.id, paid_on: addDays(startsOn, 3), payee: 'Stoffhaus am Markt', purpose: 'Stoffe und Garn', budget_line: 'project_costs', amount_cents: 18_450, kept_where: 'Ordner Vereinsbüro' },
    { project_id: project.id, paid_on: addDays(startsOn, 10), payee: 'Nähmaschinen Service', purpose: 'Zwei gebrauchte Nähmaschinen', budget_line: 'project_costs', amount_cents: 42_000, kept_where: 'Ordner Vereinsbüro' },
    { project_id: project.id, paid_on: addDays(startsOn, 30), payee: 'Minijob Lohn Monat 1', purpose: 'Lohn der Minijobberin', budget_line: 'minijob', amount_cents: 48_000, kept_where: 'Lohnordner' },
  ]).execute();
}

/**
 * Chapter 5.6: a closed project for each approved row of 2019 on the funder's
 * list (linked, not copied: its summary is the ministry's), with the tags
 * Mosaik suggests from the summary confirmed as staff would, so that
 * `report projects --year 2019` reproduces the report's figures. Only
 * projects not there yet are added (the demo may load onto a database that has them).
 */
async function loadAnalysedProjects(db: Kysely<Database>): Promise<void> {
  const grants = await db
    .selectFrom('grant_application as g')
    .leftJoin('microproject as p', 'p.grant_application_id', 'g.id')
    .select(['g.id', 'g.organisation_id', 'g.application_type', 'g.approved_on', 'g.summary', 'g.duration_months'])
    .where('g.year', '=', 2019).where('g.status', '=', 'approved').where('p.id', 'is', null)
    .orderBy('g.id')
    .execute();
  if (grants.length === 0) return;
  const tags = await listTags(db);
  await db.transaction().execute(async (trx) => {
    for (const grant of grants) {
      const summary = grant.summary?.trim() ?? '';
      const startsOn = grant.approved_on ? addDays(grant.approved_on, 14) : '2019-06-01';
      const project = await trx
        .insertInto('microproject')
        .values({
          organisation_id: grant.organisation_id, grant_application_id: grant.id, year: 2019, stage: 'closed',
          title: summary === '' ? 'Mikroprojekt 2019' : summary.split(/ für | in |;/)[0]!.slice(0, 200),
          summary, application_type: grant.application_type === 'follow_up' ? 'follow_up' : 'new', approved_on: grant.approved_on,
          starts_on: startsOn, ends_on: addDays(addMonths(startsOn, grant.duration_months ?? 10), -1),
          planned_project_costs_cents: 250_000,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const keys = suggestTags(summary, tags);
      if (keys.length > 0) await trx.insertInto('microproject_project_tag').values(keys.map((key) => ({ project_id: project.id, tag_key: key }))).execute();
    }
  });
}
