-- Mosaik schema: a version of the data the figures are computed from (issue
-- 16), so that the impact report, the dashboard and the annex are computed
-- once per change and served from a cache until the next one
-- (src/modules/reports/figures-cache.ts). Only additive changes.
--
-- Every statement that writes one of the tables the figures read adds a row
-- here, by the statement-level triggers below, in the same transaction as the
-- write: whatever writes (a form, an import, a merge, an erasure, the demo,
-- the benchmark's generator, a hand-written statement), nothing can forget to
-- invalidate. The version is the sum of `changes`: it grows by at least one
-- with every committed write and never goes back, so a cache entry computed
-- at version v is exactly right for anyone who still reads v.
--
-- Insert-only, not one counter row updated by everyone: an insert takes no
-- lock another writer waits for, so two check-ins, an import and a merge never
-- queue behind each other here, and no new lock order (and no deadlock) comes
-- into any transaction. The readers fold old rows into one from time to time
-- (data_version_compact), which keeps the sum.
-- No personal data: a number and a time.
create table data_change (
  id         bigserial primary key,
  changes    bigint not null default 1,
  changed_at timestamptz not null default now()
);

create function data_change_record() returns trigger language plpgsql as $$
begin
  insert into data_change default values;
  return null;
end;
$$;

-- The tables the impact report (src/modules/reports/impact.ts), the annex
-- (src/modules/feedback/annex.ts) and the dashboard's feedback policy read;
-- test/figures-recount.test.ts checks that every table they name is here.
create trigger event_data_change after insert or update or delete or truncate on event for each statement execute function data_change_record();
create trigger participation_data_change after insert or update or delete or truncate on participation for each statement execute function data_change_record();
create trigger grant_application_data_change after insert or update or delete or truncate on grant_application for each statement execute function data_change_record();
create trigger consultation_data_change after insert or update or delete or truncate on consultation for each statement execute function data_change_record();
create trigger feedback_form_data_change after insert or update or delete or truncate on feedback_form for each statement execute function data_change_record();
create trigger feedback_question_data_change after insert or update or delete or truncate on feedback_question for each statement execute function data_change_record();
create trigger feedback_response_data_change after insert or update or delete or truncate on feedback_response for each statement execute function data_change_record();
create trigger feedback_answer_data_change after insert or update or delete or truncate on feedback_answer for each statement execute function data_change_record();
create trigger feedback_summary_data_change after insert or update or delete or truncate on feedback_summary for each statement execute function data_change_record();

-- Folds the committed rows into one with their sum: the version stays the
-- same. Two readers folding at once do not count a row twice (a row deleted
-- by the other is skipped, and only rows this statement deleted are summed).
create function data_version_compact() returns void language sql as $$
  with folded as (delete from data_change returning changes)
  insert into data_change (changes) select sum(changes) from folded having count(*) > 0;
$$;
