import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

/**
 * An organisation's timeline: events its people attended, consultations and
 * their referrals to Wegweiser services, grant applications and changes to
 * its record (the audit log), newest first.
 * One UNION query ordered by date with a limit, so a long history costs one
 * page, not the whole history (indexes: participation_organisation,
 * consultation_organisation, grant_application_organisation, audit_log_subject).
 */

export type TimelineEntry =
  | { kind: 'event'; on: string; id: number; title: string; format: string; persons: number }
  | { kind: 'consultation'; on: string; id: number; channel: string; topics: { de: string[]; en: string[] }; durationMinutes: number | null }
  | { kind: 'referral'; on: string; id: number; serviceId: string; serviceName: string; serviceOrganization: string }
  | { kind: 'grant'; on: string; id: number; year: number; applicationType: string; status: string; summary: string | null; amountEur: number | null }
  | { kind: 'change'; on: string; id: number; action: string; fields: string[]; otherName: string | null };

export interface TimelinePage {
  entries: TimelineEntry[];
  /** True when older entries follow this page. */
  more: boolean;
}

interface Row {
  kind: TimelineEntry['kind'];
  on: string | Date;
  id: number | string;
  info: Record<string, unknown>;
}

export async function organisationTimeline(db: Kysely<Database>, organisationId: number, { limit, offset }: { limit: number; offset: number }): Promise<TimelinePage> {
  const { rows } = await sql<Row>`
    select kind, "on", id, info from (
      select 'event' as kind, e.start_date as "on", e.id::bigint as id,
             jsonb_build_object('title', e.title, 'format', e.format, 'persons', count(*)) as info
      from participation p join event e on e.id = p.event_id
      where p.organisation_id = ${organisationId}
      group by e.id
      union all
      select 'consultation', c.consulted_on, c.id,
             jsonb_build_object('channel', c.channel, 'durationMinutes', c.duration_minutes, 'topics', to_jsonb(c.topics))
      from consultation c
      where c.organisation_id = ${organisationId}
      union all
      -- a consultation's referral to a Wegweiser service (consultations' migration 210), an entry of its own;
      -- read here like the consultations above: one UNION keeps the paging in the database
      select 'referral', c.consulted_on, c.id,
             jsonb_build_object('serviceId', s.id, 'serviceName', s.name, 'serviceOrganization', o.name)
      from consultation c
      join wegweiser_service s on s.id = c.wegweiser_service_id
      join wegweiser_organization o on o.id = s.organization_id
      where c.organisation_id = ${organisationId}
      union all
      -- a grant without an approval date stands at the start of its year
      select 'grant', coalesce(g.approved_on, make_date(g.year, 1, 1)), g.id,
             jsonb_build_object('year', g.year, 'applicationType', g.application_type, 'status', g.status, 'summary', g.summary, 'amountEur', g.amount_eur)
      from grant_application g
      where g.organisation_id = ${organisationId}
      union all
      select 'change', (a.at at time zone 'Europe/Berlin')::date, a.id,
             jsonb_build_object('action', a.action, 'fields', coalesce(a.details -> 'fields', '[]'::jsonb), 'otherName', a.details ->> 'mergedName')
      from audit_log a
      where a.subject_type = 'organisation' and a.subject_id = ${String(organisationId)}
        -- reads and exports are in the audit log for the data protection officer, not changes
        and a.action not like '%.read' and a.action not like '%.export%'
    ) timeline
    order by "on" desc, kind, id desc
    limit ${limit + 1} offset ${offset}`.execute(db);
  // every topic named as the staff's topic list names it (an imported line keeps its own text);
  // labels are looked up for the page's entries only, not in the query over the whole timeline
  const topics = await db.selectFrom('consultation_topic').select(['key', 'de', 'en']).execute();
  const label = new Map(topics.map((topic) => [topic.key, topic]));
  const named = (keys: string[], language: 'de' | 'en') => keys.map((key) => label.get(key)?.[language] ?? key);
  return { entries: rows.slice(0, limit).map((row) => toEntry(row, named)), more: rows.length > limit };
}

const day = (value: string | Date) => (typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10));

function toEntry(row: Row, named: (keys: string[], language: 'de' | 'en') => string[]): TimelineEntry {
  const on = day(row.on);
  const id = Number(row.id);
  const info = row.info as Record<string, any>;
  switch (row.kind) {
    case 'event':
      return { kind: 'event', on, id, title: info.title, format: info.format, persons: Number(info.persons) };
    case 'consultation':
      return { kind: 'consultation', on, id, channel: info.channel, topics: { de: named(info.topics ?? [], 'de'), en: named(info.topics ?? [], 'en') }, durationMinutes: info.durationMinutes ?? null };
    case 'referral':
      return { kind: 'referral', on, id, serviceId: info.serviceId, serviceName: info.serviceName, serviceOrganization: info.serviceOrganization };
    case 'grant':
      return {
        kind: 'grant',
        on,
        id,
        year: info.year,
        applicationType: info.applicationType,
        status: info.status,
        summary: info.summary ?? null,
        amountEur: info.amountEur == null ? null : Number(info.amountEur),
      };
    case 'change':
      return { kind: 'change', on, id, action: info.action, fields: Array.isArray(info.fields) ? info.fields : [], otherName: info.otherName ?? null };
  }
}
