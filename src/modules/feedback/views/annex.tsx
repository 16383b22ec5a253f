import type { ComponentChildren } from 'preact';
import type { Translate } from '../../../i18n/index.js';
import { ErrorSummary, TextField, type FieldError } from '../../../ui/forms.js';
import { Table } from '../../../ui/table.js';
import type { NumberFormats } from '../../reports/index.js';
import { reportFormats } from '../../reports/index.js';
import { printMean, type AnnexBlock, type AnnexCell, type AnnexRow } from '../annex.js';
import { smallSample } from '../evaluation.js';
import { annexEventCount, pdfEventLimit } from '../annex-pdf.js';
import { PrintStylesheet } from './shared.js';
import { Button } from '../../../ui/button.js';

export interface AnnexProps {
  t: Translate;
  language: 'de' | 'en';
  formats: NumberFormats;
  values: { from: string; to: string; format: string };
  errors: FieldError[];
  blocks: AnnexBlock[] | null;
  /** The page of event columns shown when one format is chosen (1-based). */
  page?: number;
}

/**
 * Event columns per block on the page. With every format shown, each block is
 * folded to its first columns and links to its format on its own; with one
 * format chosen, its columns are paged. The PDF holds them all.
 */
export const annexColumnsPerPage = 12;

/** A block with only the event columns from `start` (0-based) to before `end`. */
export function blockColumns(block: AnnexBlock, start: number, end: number): AnnexBlock {
  return { ...block, events: block.events.slice(start, end), rows: block.rows.map((row) => ({ ...row, cells: row.cells.slice(start, end) })) };
}

export function AnnexPage({ t, language, formats, values, errors, blocks, page }: AnnexProps) {
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
        <Button>{t('feedback.annex.show')}</Button>
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
      {blocks?.map((block) => (
        <PagedBlock key={block.format} t={t} language={language} formats={formats} block={block} values={values} page={page ?? 1} />
      ))}
    </div>
  );
}

interface PagedBlockProps {
  t: Translate;
  language: 'de' | 'en';
  formats: NumberFormats;
  block: AnnexBlock;
  values: AnnexProps['values'];
  page: number;
}

/** A block folded to its first columns (every format shown) or one page of them (its format chosen). */
function PagedBlock({ t, language, formats, block, values, page }: PagedBlockProps) {
  const total = block.events.length;
  if (total <= annexColumnsPerPage) return <Block t={t} language={language} formats={formats} block={block} />;
  const format = t(`feedback.formats.${block.format}`);
  const link = (query: Record<string, string>) => `/feedback/annex?${new URLSearchParams({ from: values.from, to: values.to, ...query }).toString()}`;
  if (!values.format) {
    return (
      <Block t={t} language={language} formats={formats} block={blockColumns(block, 0, annexColumnsPerPage)}>
        <p class="kern-body--small">
          {t('feedback.annex.folded', { shown: annexColumnsPerPage, total })}{' '}
          <a class="kern-link" href={link({ format: block.format })}>
            {t('feedback.annex.showFormat', { total, format })}
          </a>
        </p>
      </Block>
    );
  }
  const pages = Math.ceil(total / annexColumnsPerPage);
  const current = Math.min(pages, Math.max(1, page));
  const first = (current - 1) * annexColumnsPerPage;
  const last = Math.min(total, first + annexColumnsPerPage);
  return (
    <Block t={t} language={language} formats={formats} block={blockColumns(block, first, last)}>
      <nav class="kern-stack-xs mosaik-no-print" aria-label={t('feedback.annex.pagerLabel', { format })}>
        <p class="kern-body--small">{t('feedback.annex.pagerStatus', { page: current, pages, first: first + 1, last, total })}</p>
        <p class="kern-body--small">
          {current > 1 && (
            <a class="kern-link" href={link({ format: block.format, page: String(current - 1) })} rel="prev">
              {t('feedback.annex.previous')}
            </a>
          )}
          {current > 1 && current < pages && ' · '}
          {current < pages && (
            <a class="kern-link" href={link({ format: block.format, page: String(current + 1) })} rel="next">
              {t('feedback.annex.next')}
            </a>
          )}
        </p>
      </nav>
    </Block>
  );
}

function Block({ t, language, formats, block, children }: { t: Translate; language: 'de' | 'en'; formats: NumberFormats; block: AnnexBlock; children?: ComponentChildren }) {
  const captionId = `annex-${block.format}`;
  const hasSmall = block.rows.some((row) => row.kind === 'rating' && row.cells.some((cell) => cell && cell.mean !== null && cell.n < smallSample));
  return (
    <section class="feedback-annex__block kern-stack-sm" data-format={block.format} aria-labelledby={`${captionId}-title`}>
      <h2 id={`${captionId}-title`} class="kern-heading-medium">
        {t(`feedback.formats.${block.format}`)}
      </h2>
      {block.events.length > 0 && (
        <Table
          caption={t('feedback.annex.blockCaption', { format: t(`feedback.formats.${block.format}`) })}
          captionVisible
          className="feedback-annex__table"
          rows={block.rows}
          rowKey={(row) => `${row.kind}-${row.ordinal}`}
          rowProps={(row) => ({ 'data-row': `${row.kind}-${row.ordinal}` })}
          columns={[
            { key: 'question', label: t('feedback.annex.question'), rowHeader: true, cell: (row) => row.texts[language].join(' / ') },
            ...block.events.map((event, column) => ({
              key: `event-${event.event_key}`,
              label: `${event.title} – ${formats.day(event.start_date)}`,
              header: (
                <>
                  {event.title}
                  <br />
                  {formats.day(event.start_date)} – {t('feedback.annex.formsN', { forms: event.forms })}
                </>
              ),
              headerProps: { 'data-event': event.event_key },
              numeric: (row: AnnexRow) => row.kind !== 'open',
              cell: (row: AnnexRow) => <Cell t={t} language={language} row={row} cell={row.cells[column]} forms={event.forms} />,
            })),
          ]}
        />
      )}
      {children}
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
