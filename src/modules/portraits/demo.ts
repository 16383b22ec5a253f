import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

/**
 * The demo's portraits: fifteen demo organisations with a postcode, released
 * on a (demo) paper consent, so that /portraits and /map show something. The
 * text is the profile's portrait where the demo has one.
 */
export async function loadPortraitsDemo(db: Kysely<Database>, { today }: { today: string }): Promise<void> {
  await sql`
    insert into portrait (organisation_id, text, released_at, release_basis, paper_consent_by, paper_consent_on)
    select id, coalesce(nullif(portrait, ''), name || ' ist ein Verein in ' || coalesce(municipality, 'Hessen') || '. Wir treffen uns jede Woche und laden alle ein, die mitmachen möchten.'),
           now(), 'paper_consent', 'Vorstand (Demo)', ${today}::date
    from organisation
    where postcode is not null
    order by id
    limit 15
    on conflict (organisation_id) do nothing`.execute(db);
}
