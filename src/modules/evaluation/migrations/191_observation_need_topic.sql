-- The topic of the needs log ("Listening and connecting", concerns vocabulary)
-- the evaluator chose for the needs of a protocol or of one workshop, passed to
-- the log with each need. Optional in the form: 'other' leaves the sorting to staff.
-- The list of topics lives in code (src/modules/concerns/vocabulary.ts), as for
-- concern_entry.topic; the form checks the value.
alter table observation_need add column topic text not null default 'other';
