-- Suggestions of missing services (issue 12), moderated: staff turn one into
-- an entry straight from the queue (the form comes filled with the
-- suggestion's text, and saving links the two), or decline it with a reason
-- the association reads on its suggestion page.
alter table wegweiser_suggestion
  add column service_id uuid references wegweiser_service (id) on delete set null,
  add column decision_note text check (length(decision_note) <= 2000);

-- an association's own suggestions, newest first (/wegweiser/suggest)
create index wegweiser_suggestion_account on wegweiser_suggestion (account_id, id desc);
