-- A consultation can refer the association to a service of the Wegweiser
-- (issue 12): which one, chosen on the consultation form; it shows on the
-- consultation and in the organisation's timeline. Beside the external
-- expert referral of 034 (referral_expert), which is a paid engagement that
-- staff approve; a Wegweiser referral needs no approval.
-- On delete set null: the Wegweiser never deletes a service (it marks it
-- defunct), and if one went, the consultation itself must stay.
alter table consultation add column wegweiser_service_id uuid references wegweiser_service (id) on delete set null;

-- the organisation timeline's referral entries (organisations/timeline.ts) go through
-- consultation_organisation; this one serves "which consultations referred to this service"
create index consultation_wegweiser_service on consultation (wegweiser_service_id) where wegweiser_service_id is not null;
