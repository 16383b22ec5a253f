import type { Translate } from '../../../i18n/index.js';
import { ErrorSummary, TextField, type FieldError } from '../../../ui/forms.js';
import type { NumberFormats } from '../../reports/index.js';
import { reportFormats } from '../../reports/index.js';
import { printMean, type AnnexBlock, type AnnexCell, type AnnexRow } from '../annex.js';
import { smallSample } from '../evaluation.js';
import { annexEventCount, pdfEventLimit } from '../annex-pdf.js';
import { PrintStylesheet } from './shared.js';

export interface AnnexProps {
  t: Translate;
  language: 'de' | 'en';
  formats: NumberFormats;
  values: { from: string; to: string; format: string };
  errors: FieldError[];
  blocks: AnnexBlock[] | null;
}

export function AnnexPage({ t, language, formats, values, errors, blocks }: AnnexProps) {
  return (
    <div class="kern-stack-lg feedback-annex">
      <PrintStylesheet />
      <h1 class="kern-heading-large">{t('feedback.annex.title')}</h1>
      <form method="get" action="/feedback/annex" class="kern-stack-md mosaik-no-print" novalidate>
        <ErrorSummary title={t('errors.summary')} errors={errors} />
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{t('feedback.annex.period')}</legend>
          <div class="kern-fieldset__body kern-fieldset__body--horizontal">
            <TextField name="from" type="date" label={t('feedback.annex.from')} value={values.from} error={errors.find((error) => error.field === 'from')?.message} required />
            <TextField name="to" type="date" label={t('feedback.annex.to')} value={values.to} />
          </div>
        </fieldset>
        <div class="kern-form-input">
          <label class="kern-label" for="format">
            {t('feedback.annex.format')}
          </label>
          <div class="kern-form-input__select-wrapper">
            <select class="kern-form-input__select" id="format" name="format">
              <option value="">{t('feedback.annex.allFormats')}</option>
              {reportFormats.map((format) => (
                <option key={format} value={format} selected={values.format === format}>
                  {t(`feedback.formats.${format}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">{t('feedback.annex.show')}</span>
        </button>
        <p class="kern-body--small">{t('feedback.annex.print')}</p>
      </form>
      {blocks && annexEventCount(blocks) > pdfEventLimit && <p class="kern-body mosaik-no-print">{t('feedback.annexPdf.tooMany', { count: annexEventCount(blocks), limit: pdfEventLimit })}</p>}
      {blocks && blocks.length > 0 && annexEventCount(blocks) <= pdfEventLimit && (
        <p class="kern-body mosaik-no-print">
          <a class="kern-link" href={`/feedback/annex.pdf?${new URLSearchParams({ from: values.from, to: values.to, ...(values.format ? { format: values.format } : {}) }).toString()}`} type="application/pdf" download>
            {t('feedback.annexPdf.download')}
          </a>
        </p>
      )}
      <p class="kern-body">{t('feedback.annex.intro')}</p>
      {blocks && blocks.length === 0 && <p class="kern-body">{t('feedback.annex.none')}</p>}
      {blocks?.map((block) => <Block key={block.format} t={t} language={language} formats={formats} block={block} />)}
    </div>
  );
}

function Block({ t, language, formats, block }: { t: Translate; language: 'de' | 'en'; formats: NumberFormats; block: AnnexBlock }) {
  const captionId = `annex-${block.format}`;
  const hasSmall = block.rows.some((row) => row.kind === 'rating' && row.cells.some((cell) => cell && cell.mean !== null && cell.n < smallSample));
  return (
    <section class="feedback-annex__block kern-stack-sm" data-format={block.format} aria-labelledby={`${captionId}-title`}>
      <h2 id={`${captionId}-title`} class="kern-heading-medium">
        {t(`feedback.formats.${block.format}`)}
      </h2>
      {block.events.length > 0 && (
        <div class="kern-table-responsive" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table class="kern-table kern-table--small feedback-annex__table">
            <caption id={captionId} class="kern-body--small">
              {t('feedback.annex.blockCaption', { format: t(`feedback.formats.${block.format}`) })}
            </caption>
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__header">
                  {t('feedback.annex.question')}
                </th>
                {block.events.map((event) => (
                  <th key={event.event_key} scope="col" class="kern-table__header" data-event={event.event_key}>
                    {event.title}
                    <br />
                    {formats.day(event.start_date)} – {t('feedback.annex.formsN', { forms: event.forms })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {block.rows.map((row) => (
                <tr key={`${row.kind}-${row.ordinal}`} class="kern-table__row" data-row={`${row.kind}-${row.ordinal}`}>
                  <th scope="row" class="kern-table__header">
                    {row.texts[language].join(' / ')}
                  </th>
                  {row.cells.map((cell, column) => (
                    <td key={column} class={`kern-table__cell${row.kind === 'open' ? '' : ' kern-table__cell--numeric'}`}>
                      <Cell t={t} language={language} row={row} cell={cell} forms={block.events[column].forms} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {hasSmall && <p class="kern-body--small">{t('feedback.annex.small')}</p>}
      {block.withoutForms.length > 0 && (
        <p class="kern-body--small">
          {t('feedback.annex.withoutForms', { events: block.withoutForms.map((event) => `${event.title} (${formats.day(event.start_date)})`).join('; ') })}
        </p>
      )}
    </section>
  );
}

function Cell({ t, language, row, cell, forms }: { t: Translate; language: 'de' | 'en'; row: AnnexRow; cell: AnnexCell | null; forms: number }) {
  if (!cell) return <>–</>;
  if (row.kind === 'rating') {
    if (cell.mean === null) return <>–</>;
    return (
      <span data-mean={printMean(cell.mean, 'de')} data-n={cell.n}>
        {printMean(cell.mean, language)}
        {cell.n !== forms && ` (${cell.n})`}
        {cell.n < smallSample && '*'}
      </span>
    );
  }
  if (row.kind === 'yes_no') return <>{t('feedback.annex.yesNo', { yes: cell.yes, no: cell.no })}</>;
  if (cell.texts.length === 0) return <>–</>;
  return (
    <ul class="kern-list feedback-annex__texts">
      {cell.texts.map((text, index) => (
        <li key={index}>{text}</li>
      ))}
    </ul>
  );
}
