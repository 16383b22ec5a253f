import type { Language, Translate } from '../../../i18n/index.js';
import { formatDay } from '../../../ui/dates.js';
import { Alert, CsrfField, DateField, ErrorSummary, FieldFrame, inputClass, TextField, type FieldError } from '../../../ui/forms.js';
import { easyReadTopics, type EasyRead, type EasyReadInput, type EasyReadTopic } from '../easy-read.js';
import { Button } from '../../../ui/button.js';

/** The start page's Leichte Sprache section: German in every page language (Leichte Sprache is German). */
export function EasyReadSection({ t, language, texts }: { t: Translate; language: Language; texts: EasyRead[] }) {
  if (texts.length === 0) return null;
  return (
    <section class="kern-stack-sm mosaik-easy-read" aria-labelledby="easy-read-title" lang="de" dir="ltr">
      <h2 class="kern-heading-medium" id="easy-read-title">Leichte Sprache</h2>
      {texts.map((text) => (
        <article class="kern-stack-xs" key={text.topic} data-easy-read={text.topic}>
          <h3 class="kern-heading-small">{text.title}</h3>
          <div class="kern-body" dangerouslySetInnerHTML={{ __html: text.body }} />
          {text.checked_by && text.checked_on && (
            <p class="kern-body--small" data-checked>
              {t('portal.easyRead.checked', { name: text.checked_by, date: formatDay(text.checked_on, 'de', 'long'), lng: 'de' })}
            </p>
          )}
        </article>
      ))}
    </section>
  );
}

export function EasyReadList({ t, language, texts }: { t: Translate; language: Language; texts: EasyRead[] }) {
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{t('portal.easyRead.staffTitle')}</h1>
      <p class="kern-body">{t('portal.easyRead.staffIntro')}</p>
      <ul class="kern-list">
        {easyReadTopics.map((topic) => {
          const text = texts.find((candidate) => candidate.topic === topic);
          const state = !text ? t('portal.statuses.missing') : text.checked_by && text.checked_on ? t('portal.easyRead.checked', { name: text.checked_by, date: formatDay(text.checked_on, language) }) : t('portal.easyRead.unchecked');
          return (
            <li key={topic}>
              <a class="kern-link" href={`/admin/leichte-sprache/${topic}`}>{t(`portal.easyRead.topics.${topic}`)}</a>: {state}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function EasyReadForm({ t, language, csrfToken, topic, input, errors, notices }: { t: Translate; language: Language; csrfToken: string; topic: EasyReadTopic; input: EasyReadInput; errors: FieldError[]; notices: string[] }) {
  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{t(`portal.easyRead.topics.${topic}`)}</h1>
      <ErrorSummary title={t('portal.staff.errorTitle')} errors={errors} />
      {notices.map((notice) => (
        <Alert kind="success" key={notice}>{notice}</Alert>
      ))}
      <form method="post" action={`/admin/leichte-sprache/${topic}`} class="kern-stack-sm">
        <CsrfField token={csrfToken} />
        <div lang="de" class="kern-stack-sm">
          <TextField name="title" label={t('portal.staff.fieldTitle')} value={input.title} error={errorOf('title')} />
          <FieldFrame name="body" label={t('portal.staff.fieldBody')} hint={t('portal.easyRead.bodyHint')} error={errorOf('body')}>
            {(describedBy) => (
              <textarea class={inputClass(errorOf('body'))} id="body" name="body" rows={10} aria-describedby={describedBy} aria-invalid={errorOf('body') ? 'true' : undefined}>
                {input.body}
              </textarea>
            )}
          </FieldFrame>
        </div>
        <TextField name="checkedBy" label={t('portal.easyRead.checkedBy')} hint={t('portal.easyRead.checkedByHint')} value={input.checkedBy} error={errorOf('checkedBy')} />
        <DateField name="checkedOn" label={t('portal.easyRead.checkedOn')} value={input.checkedOn} error={errorOf('checkedOn')} t={t} language={language} />
        <Button>{t('portal.easyRead.save')}</Button>
      </form>
    </div>
  );
}
