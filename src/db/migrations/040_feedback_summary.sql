-- Mosaik schema: a per-(event, question) summary of the feedback answers, for
-- the annex (src/modules/feedback/annex.ts). Only additive changes.
--
-- The annex of all years aggregates every answer (900,000 at national scale);
-- on PGlite, one WebAssembly thread, that alone took over a second. The
-- summary holds the same counts per event and question, so the annex reads
-- one row per cell instead. It holds no personal data: counts and sums only
-- (the open answers' texts stay in feedback_answer).
--
-- Kept up to date by the triggers below in the same transaction as the write,
-- whatever writes: the online form, paper entry, the import, the demo, the
-- benchmark's generator, a hand-written statement. Statement-level triggers
-- with transition tables: a bulk insert of thousands of answers updates each
-- summary row once.
create table feedback_summary (
  event_id    integer not null references event (id) on delete cascade,
  question_id integer not null references feedback_question (id) on delete cascade,
  -- answer rows (a rating, a yes/no or a text)
  answers     integer not null default 0,
  -- ratings given (N of a rating question) and their sum: mean = rating_sum / rated
  rated       integer not null default 0,
  rating_sum  integer not null default 0,
  grade_1     integer not null default 0,
  grade_2     integer not null default 0,
  grade_3     integer not null default 0,
  grade_4     integer not null default 0,
  yes         integer not null default 0,
  no          integer not null default 0,
  texts       integer not null default 0,
  primary key (event_id, question_id)
);

-- The open answers of the annex: only the few rows with a text, by question.
create index feedback_answer_texts on feedback_answer (question_id) where text_value is not null;

-- Counts the events' answers again from scratch (after responses were deleted or moved).
create function feedback_summary_recount(events integer[]) returns void language sql as $$
  delete from feedback_summary where event_id = any(events);
  insert into feedback_summary (event_id, question_id, answers, rated, rating_sum, grade_1, grade_2, grade_3, grade_4, yes, no, texts)
  select r.event_id, a.question_id, count(*), count(a.rating), coalesce(sum(a.rating), 0),
    count(*) filter (where a.rating = 1), count(*) filter (where a.rating = 2),
    count(*) filter (where a.rating = 3), count(*) filter (where a.rating = 4),
    count(*) filter (where a.yes_no), count(*) filter (where not a.yes_no), count(a.text_value)
  from feedback_response r join feedback_answer a on a.response_id = r.id
  where r.event_id = any(events)
  group by r.event_id, a.question_id;
$$;

-- Takes the old answers' counts away and adds the new ones' (an update does
-- both). A transition table exists only in the trigger function of its own
-- operation, not in a function it calls: hence the statements are here.
create function feedback_summary_answers_changed() returns trigger language plpgsql as $$
begin
  if tg_op in ('DELETE', 'UPDATE') then
    -- an update of the rows there are, never an insert: when a question or an
    -- event is deleted, its summary rows go by cascade, maybe before its answers
    update feedback_summary s set
      answers = s.answers - d.answers, rated = s.rated - d.rated, rating_sum = s.rating_sum - d.rating_sum,
      grade_1 = s.grade_1 - d.grade_1, grade_2 = s.grade_2 - d.grade_2, grade_3 = s.grade_3 - d.grade_3, grade_4 = s.grade_4 - d.grade_4,
      yes = s.yes - d.yes, no = s.no - d.no, texts = s.texts - d.texts
    from (
      select r.event_id, a.question_id, count(*) as answers, count(a.rating) as rated, coalesce(sum(a.rating), 0) as rating_sum,
        count(*) filter (where a.rating = 1) as grade_1, count(*) filter (where a.rating = 2) as grade_2,
        count(*) filter (where a.rating = 3) as grade_3, count(*) filter (where a.rating = 4) as grade_4,
        count(*) filter (where a.yes_no) as yes, count(*) filter (where not a.yes_no) as no, count(a.text_value) as texts
      from old_answers a
      -- answers of a response deleted in this transaction are not found here: see feedback_summary_responses_changed
      join feedback_response r on r.id = a.response_id
      group by r.event_id, a.question_id
    ) d
    where s.event_id = d.event_id and s.question_id = d.question_id;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into feedback_summary as s (event_id, question_id, answers, rated, rating_sum, grade_1, grade_2, grade_3, grade_4, yes, no, texts)
    select r.event_id, a.question_id,
      count(*), count(a.rating), coalesce(sum(a.rating), 0),
      count(*) filter (where a.rating = 1), count(*) filter (where a.rating = 2),
      count(*) filter (where a.rating = 3), count(*) filter (where a.rating = 4),
      count(*) filter (where a.yes_no), count(*) filter (where not a.yes_no), count(a.text_value)
    from new_answers a
    join feedback_response r on r.id = a.response_id
    group by r.event_id, a.question_id
    on conflict (event_id, question_id) do update set
      answers = s.answers + excluded.answers, rated = s.rated + excluded.rated, rating_sum = s.rating_sum + excluded.rating_sum,
      grade_1 = s.grade_1 + excluded.grade_1, grade_2 = s.grade_2 + excluded.grade_2,
      grade_3 = s.grade_3 + excluded.grade_3, grade_4 = s.grade_4 + excluded.grade_4,
      yes = s.yes + excluded.yes, no = s.no + excluded.no, texts = s.texts + excluded.texts;
  end if;
  return null;
end
$$;

create trigger feedback_summary_answers_inserted after insert on feedback_answer
  referencing new table as new_answers for each statement execute function feedback_summary_answers_changed();
create trigger feedback_summary_answers_updated after update on feedback_answer
  referencing old table as old_answers new table as new_answers for each statement execute function feedback_summary_answers_changed();
create trigger feedback_summary_answers_deleted after delete on feedback_answer
  referencing old table as old_answers for each statement execute function feedback_summary_answers_changed();

-- A deleted response takes its answers with it (on delete cascade); the
-- cascade's own statement runs first, when the response is already gone and
-- its event no longer known, so the response's events are counted again here.
create function feedback_summary_responses_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    perform feedback_summary_recount(array(select distinct event_id from old_responses));
  else
    perform feedback_summary_recount(array(
      select o.event_id from old_responses o join new_responses n on n.id = o.id where o.event_id <> n.event_id
      union select n.event_id from old_responses o join new_responses n on n.id = o.id where o.event_id <> n.event_id));
  end if;
  return null;
end
$$;

create trigger feedback_summary_responses_deleted after delete on feedback_response
  referencing old table as old_responses for each statement execute function feedback_summary_responses_changed();
create trigger feedback_summary_responses_moved after update on feedback_response
  referencing old table as old_responses new table as new_responses for each statement execute function feedback_summary_responses_changed();

-- truncate fires no delete triggers: emptying the answers empties the summary
create function feedback_summary_truncated() returns trigger language plpgsql as $$
begin
  delete from feedback_summary;
  return null;
end
$$;

create trigger feedback_summary_answers_truncated after truncate on feedback_answer
  for each statement execute function feedback_summary_truncated();
create trigger feedback_summary_responses_truncated after truncate on feedback_response
  for each statement execute function feedback_summary_truncated();

-- Answers stored before this migration.

insert into feedback_summary (event_id, question_id, answers, rated, rating_sum, grade_1, grade_2, grade_3, grade_4, yes, no, texts)
select r.event_id, a.question_id, count(*), count(a.rating), coalesce(sum(a.rating), 0),
  count(*) filter (where a.rating = 1), count(*) filter (where a.rating = 2),
  count(*) filter (where a.rating = 3), count(*) filter (where a.rating = 4),
  count(*) filter (where a.yes_no), count(*) filter (where not a.yes_no), count(a.text_value)
from feedback_response r join feedback_answer a on a.response_id = r.id
group by r.event_id, a.question_id;
