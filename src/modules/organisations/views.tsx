import type { Language, Translate } from '../../i18n/index.js';
import { Alert, CsrfField } from '../../ui/forms.js';
import type { MergePreview, OrganisationSummary, ReviewItem, ReviewQueue } from './review.js';
import { PageNav } from '../../ui/pagination.js';
import { formatInstant } from '../../ui/dates.js';
import { Table } from '../../ui/table.js';
import { Button, LinkButton } from '../../ui/button.js';
import { DescriptionList, Detail } from '../../ui/description-list.js';

export type DoneMessage = 'merged' | 'distinct' | 'confirmed';

interface QueueProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  queue: ReviewQueue;
  page: number;
  pageSize: number;
  done?: DoneMessage;
}

const percent = (similarity: number, language: Language) =>
  new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'de-DE', { style: 'percent', maximumFractionDigits: 0 }).format(similarity);

const day = (iso: string, language: Language) => formatInstant(iso, language);

/** The review queue: one card per flagged organisation, its likely duplicates in a table. */
export function ReviewQueuePage({ t, language, csrfToken, queue, page, pageSize, done }: QueueProps) {
  const pages = Math.max(1, Math.ceil(queue.total / pageSize));
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{t('organisations.review.title')}</h1>
      {done && <Alert kind="success">{t(`organisations.review.done.${done}`)}</Alert>}
      <p>{t('organisations.review.intro')}</p>
      {queue.total === 0 ? (
        <Alert kind="info">{t('organisations.review.empty')}</Alert>
      ) : (
        <>
          <p class="kern-body--bold">{t('organisations.review.total', { count: queue.total })}</p>
          <div class="kern-stack-lg">
            {queue.items.map((item) => (
              <ReviewCard key={item.id} t={t} language={language} csrfToken={csrfToken} item={item} />
            ))}
          </div>
          <PageNav t={t} label={t('organisations.review.pagination')} page={page} pages={pages} href={(target) => `/organisations/review?page=${target}`} />
        </>
      )}
    </div>
  );
}

function ReviewCard({ t, language, csrfToken, item }: { t: Translate; language: Language; csrfToken: string; item: ReviewItem }) {
  return (
    <article class="kern-card kern-card--hug" aria-labelledby={`organisation-${item.id}`}>
      <div class="kern-card__container">
        <header class="kern-card__header">
          <h2 class="kern-heading-medium" id={`organisation-${item.id}`}>
            {item.name}
          </h2>
        </header>
        <div class="kern-card__body">
          <DescriptionList>
            <Detail label={t('organisations.review.names')}>
              <NameList t={t} names={item.names} />
            </Detail>
            <Detail label={t('organisations.review.source')}>{t(`organisations.review.sources.${item.createdFrom}`)}</Detail>
            <Detail label={t('organisations.review.createdAt')}>{day(item.createdAt, language)}</Detail>
            <Detail label={t('organisations.review.records')}>{t('organisations.review.recordCounts', { ...item.records })}</Detail>
          </DescriptionList>
          <DuplicateTable t={t} language={language} csrfToken={csrfToken} item={item} />
        </div>
        <footer class="kern-card__footer">
          <form method="post" action="/organisations/review/confirm">
            <CsrfField token={csrfToken} />
            <input type="hidden" name="id" value={String(item.id)} />
            {/* the description tells screen-reader users which organisation; a kern-sr-only inside a KERN button makes it an icon button */}
            <span class="kern-sr-only" id={`confirm-${item.id}`}>
              {t('organisations.review.confirmHidden', { name: item.name })}
            </span>
            <Button kind="secondary" aria-describedby={`confirm-${item.id}`}>{t('organisations.review.confirm')}</Button>
          </form>
        </footer>
      </div>
    </article>
  );
}

function DuplicateTable({ t, language, csrfToken, item }: { t: Translate; language: Language; csrfToken: string; item: ReviewItem }) {
  if (item.duplicates.length === 0) return <p class="kern-body">{t('organisations.review.noDuplicates')}</p>;
  return (
    <Table
      caption={t('organisations.review.duplicatesCaption', { name: item.name })}
      captionVisible
      rows={item.duplicates}
      rowKey={(duplicate) => duplicate.id}
      columns={[
        {
          key: 'organisation',
          label: t('organisations.review.organisation'),
          rowHeader: true,
          cell: (duplicate) => (
            <>
              <span class="kern-body--bold">{duplicate.name}</span>
              {duplicate.matchedName !== duplicate.name && <span class="kern-body--small"> ({t('organisations.review.matchedName', { name: duplicate.matchedName })})</span>}
              {duplicate.orgKey && <div class="kern-body--small">{t('organisations.review.orgKey', { key: duplicate.orgKey })}</div>}
              {duplicate.needsReview && <div class="kern-body--small">{t('organisations.review.alsoInQueue')}</div>}
            </>
          ),
        },
        { key: 'similarity', label: t('organisations.review.similarity'), numeric: true, cell: (duplicate) => percent(duplicate.similarity, language) },
        {
          key: 'actions',
          label: t('organisations.review.actions'),
          cell: (duplicate) => (
            <div class="kern-stack-xs">
              <form method="get" action="/organisations/review/merge">
                <input type="hidden" name="from" value={String(item.id)} />
                <input type="hidden" name="into" value={String(duplicate.id)} />
                <Button size="x-small">{t('organisations.review.mergeInto', { name: duplicate.name })}</Button>
              </form>
              <form method="post" action="/organisations/review/distinct">
                <CsrfField token={csrfToken} />
                <input type="hidden" name="id" value={String(item.id)} />
                <input type="hidden" name="other" value={String(duplicate.id)} />
                <span class="kern-sr-only" id={`distinct-${item.id}-${duplicate.id}`}>
                  {t('organisations.review.distinctHidden', { name: item.name, other: duplicate.name })}
                </span>
                <Button kind="secondary" size="x-small" aria-describedby={`distinct-${item.id}-${duplicate.id}`}>{t('organisations.review.distinct')}</Button>
              </form>
            </div>
          ),
        },
      ]}
    />
  );
}


function NameList({ t, names }: { t: Translate; names: { name: string; isAlias: boolean }[] }) {
  return (
    <ul class="kern-list">
      {names.map((name) => (
        <li key={name.name}>
          {name.name}
          {name.isAlias && <span class="kern-body--small"> ({t('organisations.review.alias')})</span>}
        </li>
      ))}
    </ul>
  );
}

/** The confirmation step: both organisations side by side and what the merge will do. */
export function MergeConfirmPage({ t, csrfToken, preview }: { t: Translate; csrfToken: string; preview: MergePreview }) {
  const { survivor, merged, collisions } = preview;
  const names = { from: merged.name, into: survivor.name };
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{t('organisations.merge.title')}</h1>
      <p>{t('organisations.merge.intro', names)}</p>
      <div class="kern-row">
        <div class="kern-col-12 kern-col-md-6">
          <OrganisationCard t={t} heading={t('organisations.merge.from')} organisation={merged} />
        </div>
        <div class="kern-col-12 kern-col-md-6">
          <OrganisationCard t={t} heading={t('organisations.merge.into')} organisation={survivor} />
        </div>
      </div>
      <section class="kern-stack-sm" aria-labelledby="what-moves">
        <h2 class="kern-heading-medium" id="what-moves">
          {t('organisations.merge.whatMoves')}
        </h2>
        <ul class="kern-list">
          <li>{t('organisations.merge.moves', { ...merged.records, into: survivor.name })}</li>
          <li>{t('organisations.merge.namesMove', names)}</li>
          <li>{t('organisations.merge.fieldsFill', names)}</li>
          {collisions.participations + collisions.consultations + collisions.grants > 0 && <li>{t('organisations.merge.collisions', { ...collisions, into: survivor.name })}</li>}
        </ul>
      </section>
      <form method="post" action="/organisations/review/merge" class="mosaik-inline-form">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="from" value={String(merged.id)} />
        <input type="hidden" name="into" value={String(survivor.id)} />
        <Button>{t('organisations.merge.submit')}</Button>
        <LinkButton kind="secondary" href="/organisations/review">{t('organisations.merge.back')}</LinkButton>
      </form>
    </div>
  );
}

function OrganisationCard({ t, heading, organisation }: { t: Translate; heading: string; organisation: OrganisationSummary }) {
  const none = t('organisations.merge.none');
  return (
    <section class="kern-card kern-card--hug" aria-labelledby={`side-${organisation.id}`}>
      <div class="kern-card__container">
        <header class="kern-card__header">
          <p class="kern-preline">{heading}</p>
          <h2 class="kern-heading-medium" id={`side-${organisation.id}`}>
            {organisation.name}
          </h2>
        </header>
        <div class="kern-card__body">
          <DescriptionList>
            <Detail label={t('organisations.review.names')}>
              <NameList t={t} names={organisation.names} />
            </Detail>
            <Detail label={t('organisations.merge.orgKey')}>{organisation.orgKey ?? none}</Detail>
            <Detail label={t('organisations.merge.municipality')}>{organisation.municipality ?? none}</Detail>
            <Detail label={t('organisations.merge.district')}>{organisation.district ?? none}</Detail>
            <Detail label={t('organisations.merge.email')}>{organisation.email ?? none}</Detail>
            <Detail label={t('organisations.review.source')}>{t(`organisations.review.sources.${organisation.createdFrom}`)}</Detail>
            <Detail label={t('organisations.review.records')}>{t('organisations.review.recordCounts', { ...organisation.records })}</Detail>
          </DescriptionList>
        </div>
      </div>
    </section>
  );
}

/** A refused action (bad id, merge into itself, organisation gone): what is wrong and the way back. */
export function ReviewProblemPage({ t, message }: { t: Translate; message: string }) {
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{t('organisations.errors.title')}</h1>
      <div class="kern-alert kern-alert--danger" role="alert">
        <div class="kern-alert__body">
          <p class="kern-body">{message}</p>
        </div>
      </div>
      <p>
        <a class="kern-link" href="/organisations/review">
          {t('organisations.errors.back')}
        </a>
      </p>
    </div>
  );
}
