-- Issue 15: a referral to an external expert picks the expert from the pool
-- (src/modules/experts). The free text referral_expert stays: older rows have
-- only it, and it keeps the name the referral was made to.
alter table consultation add column referral_expert_id integer references expert (id) on delete set null;
create index consultation_referral_expert on consultation (referral_expert_id) where referral_expert_id is not null;
