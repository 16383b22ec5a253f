import type { Language, Translate } from '../../../i18n/index.js';
import { Alert, CsrfField, ErrorSummary, type FieldError } from '../../../ui/forms.js';
import { Table } from '../../../ui/table.js';
import { Button, LinkButton } from '../../../ui/button.js';

/** Staff: the topic taxonomy (names editable, codes stable) and the queue of suggested services. */

export function TopicsPage({ t, csrfToken, topics, errors, saved }: { t: Translate; csrfToken: string; topics: { id: string; code: string; name: string }[]; errors: FieldError[]; saved: boolean }) {
  return (
    <>
      <h1 class="kern-heading-large">{t('wegweiser.topicsPage.title')}</h1>
      {saved && <Alert kind="success">{t('wegweiser.topicsPage.saved')}</Alert>}
      <ErrorSummary title={t('wegweiser.errors.summary')} errors={errors} />
      <p class="kern-body">{t('wegweiser.topicsPage.intro')}</p>
      <form method="post" action="/wegweiser/manage/topics" class="kern-stack-sm">
        <CsrfField token={csrfToken} />
        {topics.map((topic) => (
          <div class="kern-form-input" key={topic.id}>
            <label class="kern-label" for={`name_${topic.code}`}>{`${t('wegweiser.topicsPage.name')} (${topic.code})`}</label>
            <input class="kern-form-input__input" id={`name_${topic.code}`} name={`name_${topic.code}`} value={topic.name} />
          </div>
        ))}
        <div class="kern-form-input">
          <label class="kern-label" for="new_code">{t('wegweiser.topicsPage.newCode')}</label>
          <div class="kern-hint" id="new_code-hint">{t('wegweiser.topicsPage.newCodeHint')}</div>
          <input class="kern-form-input__input" id="new_code" name="new_code" aria-describedby="new_code-hint" />
        </div>
        <div class="kern-form-input">
          <label class="kern-label" for="new_name">{t('wegweiser.topicsPage.newName')}</label>
          <input class="kern-form-input__input" id="new_name" name="new_name" />
        </div>
        <Button>{t('wegweiser.staff.save')}</Button>
      </form>
    </>
  );
}

export function SuggestionsPage({ t, language, csrfToken, rows }: {
  t: Translate; language: Language; csrfToken: string;
  rows: { id: number; name: string; description: string; district: string | null; contact: string | null; created_at: Date; suggested_by: string | null }[];
}) {
  return (
    <>
      <h1 class="kern-heading-large">{t('wegweiser.suggestionsPage.title')}</h1>
      <Table caption={t('wegweiser.suggestionsPage.title')} rows={rows} rowKey={(row) => row.id} empty={<p class="kern-body">{t('wegweiser.suggestionsPage.none')}</p>}
        columns={[
          { key: 'name', label: t('wegweiser.suggest.name'), rowHeader: true, cell: (row) => row.name },
          { key: 'description', label: t('wegweiser.suggest.description'), cell: (row) => row.description },
          { key: 'district', label: t('wegweiser.suggest.district'), cell: (row) => row.district ?? '' },
          { key: 'contact', label: t('wegweiser.suggest.contact'), cell: (row) => row.contact ?? '' },
          { key: 'by', label: t('wegweiser.suggestionsPage.by'), cell: (row) => `${row.suggested_by ?? '–'}, ${new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(new Date(row.created_at))}` },
          {
            key: 'decide', label: t('wegweiser.freshnessPage.review'), action: true,
            // make the entry from the suggestion's text (the form comes filled), mark it added when the entry exists already, or decline with a reason the association reads
            cell: (row) => (
              <div class="kern-stack-sm">
                <LinkButton href={`/wegweiser/manage/new?suggestion=${row.id}`}>{t('wegweiser.suggestionsPage.create')}</LinkButton>
                <form method="post" action={`/wegweiser/manage/suggestions/${row.id}`} class="kern-stack-sm">
                  <CsrfField token={csrfToken} />
                  <Button kind="secondary" name="decision" value="added">{t('wegweiser.suggestionsPage.exists')}</Button>
                  <div class="kern-form-input">
                    <label class="kern-label" for={`note-${row.id}`}>{t('wegweiser.suggestionsPage.note')}</label>
                    <div class="kern-hint" id={`note-${row.id}-hint`}>{t('wegweiser.suggestionsPage.noteHint')}</div>
                    <textarea class="kern-form-input__input" id={`note-${row.id}`} name="note" rows={2} maxLength={2000} aria-describedby={`note-${row.id}-hint`} />
                  </div>
                  <Button kind="tertiary" name="decision" value="declined">{t('wegweiser.suggestionsPage.declined')}</Button>
                </form>
              </div>
            ),
          },
        ]}
      />
    </>
  );
}
