-- Faster Wegweiser searches (issue 12, BENCHMARKS.md "Issue 12"), found by
-- EXPLAIN ANALYZE on the benchmark's 20,000 services and 60,000 locations.

-- "Serves the district" (queries.ts servesDistrict) looks for locations in a
-- district: without an index PostgreSQL read all 60,000 locations and all
-- service_at_location rows for every district search (~85 of 128 ms).
create index wegweiser_location_district on wegweiser_location (district) where district is not null;

-- /api/hsds/services pages in name order (hsds.ts publicServiceIds): read in
-- index order up to the page instead of sorting every public service.
create index wegweiser_service_public_name on wegweiser_service (name, id) where published;

-- Free text (queries.ts textMatches: `q <% search_text`). pg_trgm declares its
-- word-similarity operator functions at the default cost of 1, as cheap as an
-- integer comparison, so the planner preferred computing word_similarity for
-- every service (a sequential scan, ~1 s) over the trigram index
-- wegweiser_service_search (a tenth of that). Their real cost is a hundred
-- times that of a plain operator: saying so lets the planner choose the index.
-- The same holds for every `<%` search (people, organisations), which only
-- gains. Where the database user does not own the extension (it was created
-- by another role), the statement is skipped with a notice and the searches
-- stay correct, only slower.
do $$
begin
  alter function word_similarity_op(text, text) cost 100;
  alter function word_similarity_commutator_op(text, text) cost 100;
exception when insufficient_privilege then
  raise notice 'pg_trgm belongs to another role: word similarity keeps its default cost (Wegweiser free-text search slower)';
end
$$;
