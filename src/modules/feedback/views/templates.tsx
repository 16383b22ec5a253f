import type { EventFormat } from '../../../db/tables.js';
import type { Translate } from '../../../i18n/index.js';
import { Alert, CsrfField, ErrorSummary, TextField, type FieldError } from '../../../ui/forms.js';
import { optionalLanguages, questionKinds, type TemplateRow } from '../templates.js';
import { Button } from '../../../ui/button.js';

export function TemplateListPage({ t, templates }: { t: Translate; templates: { format: EventFormat; questions: number }[] }) {
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{t('feedback.templates.title')}</h1>
      <p class="kern-body">{t('feedback.templates.intro')}</p>
      <ul class="kern-list">
        {templates.map((template) => (
          <li key={template.format}>
            <a class="kern-link" href={`/feedback/templates/${template.format}`}>
              {t(`feedback.formats.${template.format}`)}
            </a>{' '}
            ({t('feedback.templates.questions', { count: template.questions })})
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface TemplateEditProps {
  t: Translate;
  csrfToken: string;
  format: EventFormat;
  rows: TemplateRow[];
  errors?: FieldError[];
  notice?: string;
}

/** One fieldset per question: kind, order, German and English text (required), four optional languages, remove. */
export function TemplateEditPage({ t, csrfToken, format, rows, errors = [], notice }: TemplateEditProps) {
  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{t('feedback.templates.formatTitle', { format: t(`feedback.formats.${format}`) })}</h1>
      <p class="kern-body">{t('feedback.templates.intro')}</p>
      <p class="kern-body kern-body--bold">{t('feedback.scale')}</p>
      {notice && <Alert kind="success">{notice}</Alert>}
      <ErrorSummary title={t('errors.summary')} errors={errors} />
      <form method="post" action={`/feedback/templates/${format}`} class="kern-stack-lg" novalidate>
        <CsrfField token={csrfToken} />
        {rows.map((row) => {
          const i = row.index;
          const legend = row.isNew ? t('feedback.templates.newQuestion', { number: i + 1 }) : t('feedback.templates.question', { number: i + 1 });
          return (
            <fieldset key={i} class="kern-fieldset" data-row={i}>
              <legend class="kern-label">{legend}</legend>
              <div class="kern-fieldset__body kern-stack-sm">
                {row.isNew && <input type="hidden" name={`new_${i}`} value="1" />}
                {row.key && <input type="hidden" name={`key_${i}`} value={row.key} />}
                <div class={`kern-form-input${errorOf(`kind_${i}`) ? ' kern-form-input--error' : ''}`}>
                  <label class="kern-label" for={`kind_${i}`}>
                    {t('feedback.templates.kind')}
                  </label>
                  {errorOf(`kind_${i}`) && <p class="kern-error">{errorOf(`kind_${i}`)}</p>}
                  <div class="kern-form-input__select-wrapper">
                    <select class="kern-form-input__select" id={`kind_${i}`} name={`kind_${i}`}>
                      {questionKinds.map((kind) => (
                        <option key={kind} value={kind} selected={row.kind === kind}>
                          {t(`feedback.kinds.${kind}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                </div>
                <TextField name={`order_${i}`} label={t('feedback.templates.order')} value={String(row.order)} type="number" />
                <TextField name={`de_${i}`} label={t('feedback.templates.textDe')} value={row.texts.de ?? ''} error={errorOf(`de_${i}`)} />
                <TextField name={`en_${i}`} label={t('feedback.templates.textEn')} value={row.texts.en ?? ''} error={errorOf(`en_${i}`)} />
                <details class="kern-accordion">
                  <summary class="kern-accordion__header">
                    <span class="kern-title">{t('feedback.templates.otherLanguages')}</span>
                  </summary>
                  <div class="kern-accordion__body kern-stack-sm">
                    {optionalLanguages.map((language) => (
                      <TextField key={language} name={`${language}_${i}`} label={t(`feedback.templates.languageNames.${language}`)} value={row.texts[language] ?? ''} error={errorOf(`${language}_${i}`)} />
                    ))}
                  </div>
                </details>
                {!row.isNew && (
                  <div class="kern-form-check">
                    <input class="kern-form-check__checkbox" type="checkbox" id={`remove_${i}`} name={`remove_${i}`} value="1" checked={row.remove} />
                    <label class="kern-label" for={`remove_${i}`}>
                      {t('feedback.templates.remove')}
                    </label>
                  </div>
                )}
              </div>
            </fieldset>
          );
        })}
        <Button>{t('feedback.templates.save')}</Button>
      </form>
    </div>
  );
}
