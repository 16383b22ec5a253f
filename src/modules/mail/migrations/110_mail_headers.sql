-- Extra header lines of one mail (newsletter: List-Unsubscribe and
-- List-Unsubscribe-Post of RFC 8058), as a JSON object of name → value;
-- null for the mails that need none. The sender adds them to its own.
alter table mail_outbox add column headers jsonb;
