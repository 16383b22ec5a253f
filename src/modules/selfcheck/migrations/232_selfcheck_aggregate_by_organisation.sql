-- The staff aggregate (aggregate.ts, itemAggregate) over every organisation's
-- latest answers. EXPLAIN on the benchmark's data (20,000 organisations, 60,000
-- checks, 640,000 latest of 1,920,000 answers; BENCHMARKS.md) showed that
-- PostgreSQL never used 160_selfcheck.sql's selfcheck_answer_latest
-- (item_key, answer, organisation_id): every case, the unfiltered one and the
-- floor included, read the whole table (a parallel seq scan that threw away
-- two answers in three). With the organisation first, the same entries serve
-- both ways: all latest answers in one index-only scan, and a selection by
-- district (or a coordinator's districts) only its organisations' entries, by
-- a nested loop over them; openItemsOf (one organisation's open items) reads it too.
create index selfcheck_answer_latest_organisation on selfcheck_answer (organisation_id, item_key, answer) where latest;
drop index selfcheck_answer_latest;
