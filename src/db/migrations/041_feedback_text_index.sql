-- The annex lists the open answers of a period: find the few answers with a
-- text without reading every rating (~900,000 answers at national scale).
create index feedback_answer_text on feedback_answer (response_id) where text_value is not null;
