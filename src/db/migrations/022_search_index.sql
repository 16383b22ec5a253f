-- The directory search at national scale (issue 4,
-- src/modules/organisations/directory.ts). The gin trigram index of
-- 001_foundation.sql answers "which names share trigrams with the query",
-- but the generated and real names share common words ("kulturverein",
-- "giessen"), so it narrows little and PostgreSQL scanned every name. A gist
-- trigram index hands out names in order of word-similarity distance
-- (`q <<-> normalised_name`), so the best few hundred candidates cost one
-- short index walk. siglen = 256 bytes: names are long and share words, the
-- default 12-byte signature makes nearly every page a candidate.
create index organisation_name_trgm_gist on organisation_name using gist (normalised_name gist_trgm_ops (siglen = 256));

-- Names starting with the query (ranked first): the primary key's btree
-- serves `like 'q%'` only under the C collation, text_pattern_ops under any.
create index organisation_name_prefix on organisation_name (normalised_name text_pattern_ops);
