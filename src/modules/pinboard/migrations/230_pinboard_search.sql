-- The board's search (queries.ts, searchPosts; bench/pinboard.ts): published
-- posts newest first, a page of twenty, filtered by kind, district and topic.
-- Partial indexes over the published posts only, each in the order of the
-- page (published_at desc, id desc), so that a page is read from the front of
-- one index and stops after twenty matches, whatever share of the table is
-- pending, expired or withdrawn; the count of the same search reads the
-- narrowest of them alone (expires_at is included: "not past its hour" is
-- decided in the index, without visiting the table). 180_pinboard.sql's
-- (state, kind, district, published_at) served only searches that named a
-- kind, and its order left out the id.
create index pinboard_post_published on pinboard_post (published_at desc, id desc) include (expires_at) where state = 'published';
create index pinboard_post_published_kind on pinboard_post (kind, published_at desc, id desc) include (expires_at) where state = 'published';
create index pinboard_post_published_district on pinboard_post (district, published_at desc, id desc) include (expires_at) where state = 'published';
-- a topic: topics @> array[topic] (the search's condition), answered by the array's GIN index
create index pinboard_post_published_topics on pinboard_post using gin (topics) where state = 'published';
drop index pinboard_post_search;
