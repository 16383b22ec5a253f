-- Issue 15 (report 7): the dialogue forum between a municipal administration
-- and associations is an event format of its own (db/tables.ts eventFormats);
-- its staffing and outcomes live in src/modules/experts.
alter table event drop constraint if exists event_format_check;
alter table event add constraint event_format_check check (format in ('regional_network_meeting', 'state_network_meeting', 'training_application',
  'training_implementation', 'training_reporting', 'writing_workshop', 'pr_training', 'dialogue_forum', 'other'));
