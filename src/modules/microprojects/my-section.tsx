import type { Kysely } from 'kysely';
import type { VNode } from 'preact';
import type { Database } from '../../db/tables.js';
import { berlinDay } from '../../ui/dates.js';
import type { RepresentativeSectionContext } from '../module.js';
import { adviserOverview, type OverviewRow } from './queries.js';
import { day } from './views/parts.js';

/**
 * The micro-projects on "Mein Bereich" (/my): each project of the
 * representative's organisations with its stage, the task due next and what
 * is overdue, each linking to the project record. Only the organisations the
 * account represents are asked for (the representative's viewer of
 * policy.ts), so another organisation's project cannot appear. A list, not a
 * table: it reads on a 390 px phone without scrolling sideways.
 */

/** More projects than this: the list links to the overview. */
const shown = 10;
/** Overdue tasks named on /my; the count says how many there are, the project page lists them all. */
const namedOverdue = 3;

export async function microprojectsSection(db: Kysely<Database>, context: RepresentativeSectionContext): Promise<VNode | null> {
  if (context.organisations.length === 0) return null;
  const viewer = { kind: 'representative' as const, accountId: context.accountId, organisationIds: context.organisations.map((organisation) => organisation.id) };
  const { rows, total } = await adviserOverview(db, viewer, berlinDay(context.now), { limit: shown });
  const { t, language } = context;
  const m = (key: string, values?: Record<string, unknown>) => t(`microprojects.my.${key}`, values);
  const task = (key: string) => t(`microprojects.tasks.${key}`);
  return (
    <section aria-labelledby="my-microprojects" class="kern-stack-sm" id="microprojects">
      <h2 class="kern-heading-medium" id="my-microprojects">{t('microprojects.overview.title')}</h2>
      {rows.length === 0 && <p>{t('microprojects.overview.none')}</p>}
      {rows.length > 0 && (
        <ul class="kern-list kern-stack-sm">
          {rows.map((row) => (
            <ProjectItem key={row.id} row={row} m={m} stage={t(`microprojects.stages.${row.stage}`)} task={task} language={language} />
          ))}
        </ul>
      )}
      {total > rows.length && (
        <p>
          <a class="kern-link" href="/microprojects">{m('all', { count: total })}</a>
        </p>
      )}
    </section>
  );
}

interface ItemProps {
  row: OverviewRow;
  m: (key: string, values?: Record<string, unknown>) => string;
  stage: string;
  task: (key: string) => string;
  language: RepresentativeSectionContext['language'];
}

function ProjectItem({ row, m, stage, task, language }: ItemProps) {
  return (
    <li data-project={row.id} class="kern-stack-xs">
      <div>
        <a class="kern-link" href={`/microprojects/${row.id}`}>{row.title}</a>
      </div>
      <div class="kern-body--small">{m('meta', { organisation: row.organisationName, year: row.year })}</div>
      <div>{m('stage', { stage })}</div>
      <div data-next={row.next?.key ?? ''}>{row.next ? m('next', { task: task(row.next.key), due: day(row.next.due, language) }) : m('nothingDue')}</div>
      {row.overdue.length > 0 && (
        <div data-overdue={row.overdue.map((entry) => entry.key).join(' ')}>
          <strong>{m('overdue', { number: row.overdue.length, tasks: row.overdue.slice(0, namedOverdue).map((entry) => task(entry.key)).join(', ') + (row.overdue.length > namedOverdue ? ' …' : '') })}</strong>
        </div>
      )}
    </li>
  );
}
