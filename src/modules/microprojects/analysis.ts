import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, Role } from '../../db/tables.js';
import { hidesCount } from '../reports/index.js';
import { listTags } from './tags.js';

/**
 * The analysis of chapter 5.6 for one funding year (docs/exchange.md, "The
 * micro-project analysis (`report projects`)"): the approved rows of the
 * funder's list, how many carry a summary, the orientation of their
 * holders, and per key of the staff-kept list the approved projects staff
 * tagged with it. One document for the command, the API and the page.
 */

type Db = Kysely<Database>;

export const analysisQuerySchema = z.object({
  year: z.coerce
    .number({ message: 'Das Jahr muss eine Zahl sein, z. B. 2019. / The year must be a number, e.g. 2019.' })
    .int({ message: 'Das Jahr muss eine ganze Zahl sein, z. B. 2019. / The year must be a whole number, e.g. 2019.' })
    .min(2000, { message: 'Das Jahr muss zwischen 2000 und 2100 liegen, z. B. 2019. / The year must be between 2000 and 2100, e.g. 2019.' })
    .max(2100, { message: 'Das Jahr muss zwischen 2000 und 2100 liegen, z. B. 2019. / The year must be between 2000 and 2100, e.g. 2019.' })
    .optional()
    .describe('The funding year; without it, the latest year with an approved row on the funder\'s list'),
});

const counts = z.record(z.string(), z.number().int().min(0));
export const projectAnalysisSchema = z
  .object({
    year: z.number().int(),
    approved: z.number().int().min(0).describe('approved rows of the funder\'s list of the year'),
    with_summary: z.number().int().min(0).describe('approved rows whose summary is not empty'),
    orientation: z.object({ community: z.number().int().min(0), cross_community: z.number().int().min(0) })
      .describe('distinct holders by orientation; `mixed` counts under both'),
    target_groups: counts.describe('per key of the staff-kept list: approved projects of the year tagged with it'),
    goals: counts.describe('per key of the staff-kept list: approved projects of the year tagged with it; a sub-goal implies nothing about its parent'),
  })
  .describe('Chapter 5.6 of the evaluation report for one funding year');
export type ProjectAnalysis = z.infer<typeof projectAnalysisSchema>;

/** The latest year with an approved row on the funder's list, or null when there is none. */
export async function latestApprovedYear(db: Db): Promise<number | null> {
  const row = await db.selectFrom('grant_application').select((eb) => eb.fn.max('year').as('year')).where('status', '=', 'approved').executeTakeFirst();
  return row?.year == null ? null : Number(row.year);
}

/** Three reads: the funder's list of the year, its holders' orientation, the confirmed tags; the list of keys. */
export async function projectAnalysis(db: Db, year: number): Promise<ProjectAnalysis> {
  const [totals, orientation, tagged, tags] = await Promise.all([
    db.selectFrom('grant_application')
      .select([(eb) => eb.fn.countAll<string>().as('approved'), sql<string>`count(*) filter (where coalesce(btrim(summary), '') <> '')`.as('with_summary')])
      .where('year', '=', year).where('status', '=', 'approved')
      .executeTakeFirstOrThrow(),
    db.selectFrom('organisation as o')
      .select([
        sql<string>`count(*) filter (where o.orientation in ('community', 'mixed'))`.as('community'),
        sql<string>`count(*) filter (where o.orientation in ('cross_community', 'mixed'))`.as('cross_community'),
      ])
      .where('o.id', 'in', (eb) => eb.selectFrom('grant_application').select('organisation_id').where('year', '=', year).where('status', '=', 'approved'))
      .executeTakeFirstOrThrow(),
    db.selectFrom('microproject_project_tag as t')
      .innerJoin('microproject as p', 'p.id', 't.project_id')
      .innerJoin('grant_application as g', 'g.id', 'p.grant_application_id')
      .select(['t.tag_key', sql<string>`count(distinct g.id)`.as('projects')])
      .where('g.year', '=', year).where('g.status', '=', 'approved')
      .groupBy('t.tag_key')
      .execute(),
    listTags(db),
  ]);
  const byKey = new Map(tagged.map((row) => [row.tag_key, Number(row.projects)]));
  const countsOf = (kind: 'target_group' | 'goal') => Object.fromEntries(tags.filter((tag) => tag.kind === kind).map((tag) => [tag.key, byKey.get(tag.key) ?? 0]));
  return {
    year,
    approved: Number(totals.approved),
    with_summary: Number(totals.with_summary),
    orientation: { community: Number(orientation.community), cross_community: Number(orientation.cross_community) },
    target_groups: countsOf('target_group'),
    goals: countsOf('goal'),
  };
}

/**
 * Funder and evaluator: the small-number rule of the reports module. Of this
 * document only the orientation breaks a figure down by a sensitive
 * dimension; a count from 1 to threshold − 1 there reads 0 and its path is
 * listed in `suppressed`. Target groups and goals name no place and no
 * community and stay exact, as the report prints them.
 */
export function suppressAnalysis(analysis: ProjectAnalysis, role: Role | undefined, threshold: number): ProjectAnalysis & { suppressed?: string[] } {
  if (role !== 'funder' && role !== 'evaluator') return analysis;
  const limit = threshold > 1 ? threshold : null;
  const suppressed: string[] = [];
  const orientation = { ...analysis.orientation };
  for (const key of ['community', 'cross_community'] as const) {
    if (hidesCount(orientation[key], ['orientation'], limit)) {
      orientation[key] = 0;
      suppressed.push(`orientation.${key}`);
    }
  }
  return { ...analysis, orientation, suppressed };
}

const percent = (part: number, whole: number) => (whole === 0 ? '0' : String(Math.round((100 * part) / whole)));

/** The German summary of `mosaik report projects` (--format text). */
export function analysisText(analysis: ProjectAnalysis, labels: Map<string, string>): string {
  const lines = [
    `Mikroprojekte ${analysis.year} (Bericht 5.6)`,
    `Bewilligt: ${analysis.approved}, davon mit Kurzbeschreibung: ${analysis.with_summary}`,
    `Ausrichtung der Träger: herkunftsorientiert ${analysis.orientation.community} (${percent(analysis.orientation.community, analysis.approved)} %), ` +
      `herkunftsübergreifend ${analysis.orientation.cross_community} (gemischt zählt bei beiden)`,
    '',
    'Zielgruppen:',
    ...Object.entries(analysis.target_groups).map(([key, value]) => `  ${labels.get(key) ?? key}: ${value}`),
    '',
    `Ziele (Anteil an ${analysis.with_summary} Kurzbeschreibungen):`,
    ...Object.entries(analysis.goals).map(([key, value]) => `  ${key.includes('.') ? '  ' : ''}${labels.get(key) ?? key}: ${value} (${percent(value, analysis.with_summary)} %)`),
  ];
  return lines.join('\n');
}
