import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

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

export async function loadMicroprojectDemo(db: Kysely<Database>): Promise<void> {
  await db.insertInto('microproject_year_rule').values(demoYearRules).onConflict((oc) => oc.column('year').doNothing()).execute();
}
