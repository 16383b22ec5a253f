-- Indexes for the impact report (src/modules/reports/impact.ts).

-- The (event, organisation) pairs of centre events: reach, formats and the
-- holders' participations read only these two columns. An index-only scan in
-- this order lets PostgreSQL group the pairs as it reads them instead of
-- hashing half a million participations (participation_identity cannot serve:
-- it indexes coalesce(organisation_id, 0), not the column).
create index participation_event_organisation on participation (event_id, organisation_id);
