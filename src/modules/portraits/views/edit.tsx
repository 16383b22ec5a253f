import type { Language, Translate } from '../../../i18n/index.js';
import { formatInstant } from '../../../ui/dates.js';
import { Alert, CsrfField, DateField, ErrorSummary, FieldFrame, TextField, inputClass, type FieldError } from '../../../ui/forms.js';
import { uploadedPhotoLimits } from '../photo.js';
import type { EditablePortrait, PortraitListRow } from '../queries.js';
import { Button } from '../../../ui/button.js';

/**
 * Writing, releasing and withdrawing a portrait: the same form for an
 * association's representative (/my/portraits, six languages) and for centre
 * staff (/staff/portraits, who release on a consent given on paper).
 */

export type Done = 'saved' | 'released' | 'withdrawn' | undefined;

export interface EditPortraitProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  portrait: EditablePortrait;
  /** Where the form posts: /my/portraits/12 or /staff/portraits/12. */
  base: string;
  staff: boolean;
  errors: FieldError[];
  values?: { text?: string; photo_alt?: string; paper_consent_by?: string; paper_consent_on?: string };
  done: Done;
}

function State({ t, language, portrait }: { t: Translate; language: Language; portrait: EditablePortrait }) {
  if (portrait.releasedAt) return <Alert kind="success">{t('portraits.edit.stateReleased', { date: formatInstant(portrait.releasedAt, language) })}</Alert>;
  if (portrait.withdrawnAt) return <Alert kind="info">{t('portraits.edit.stateWithdrawn', { date: formatInstant(portrait.withdrawnAt, language) })}</Alert>;
  return <Alert kind="info">{t('portraits.edit.stateNotReleased')}</Alert>;
}

export function EditPortraitPage({ t, language, csrfToken, portrait, base, staff, errors, values = {}, done }: EditPortraitProps) {
  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
  const text = values.text ?? portrait.text;
  return (
    <div class="kern-stack-lg">
      <link rel="stylesheet" href="/map/map.css" />
      <h1 class="kern-heading-large">{t('portraits.edit.title', { name: portrait.organisationName })}</h1>
      <ErrorSummary title={t('errors.summary')} errors={errors} />
      {done && <Alert kind="success">{t(`portraits.edit.${done}`)}</Alert>}
      <State t={t} language={language} portrait={portrait} />
      {portrait.releasedAt && (
        <p>
          <a class="kern-link" href={`/portraits/${portrait.organisationId}`}>
            {t('portraits.edit.view')}
          </a>
        </p>
      )}
      {/* the route reads the token from the multipart body; it comes before the file */}
      <form method="post" action={base} enctype="multipart/form-data" class="kern-stack-md">
        <CsrfField token={csrfToken} />
        <FieldFrame name="text" label={t('portraits.edit.text')} hint={t('portraits.edit.textHint')} error={errorOf('text')}>
          {(describedBy) => (
            <textarea class={inputClass(errorOf('text'))} id="text" name="text" rows={10} maxLength={5000} aria-describedby={describedBy} aria-invalid={errorOf('text') ? 'true' : undefined}>
              {text}
            </textarea>
          )}
        </FieldFrame>
        {portrait.hasPhoto && (
          <div class="kern-stack-xs">
            <p class="kern-label">{t('portraits.edit.currentPhoto')}</p>
            <img class="mosaik-portrait-photo--small" src={`${base}/photo`} alt={portrait.photoAlt} />
            <div class="kern-form-check">
              <input class="kern-form-check__checkbox" type="checkbox" id="remove_photo" name="remove_photo" value="yes" />
              <label class="kern-label" for="remove_photo">
                {t('portraits.edit.removePhoto')}
              </label>
            </div>
          </div>
        )}
        <FieldFrame name="photo" label={t('portraits.edit.photo')} hint={t('portraits.edit.photoHint', { max: uploadedPhotoLimits.bytes / 1024 / 1024 })} error={errorOf('photo')}>
          {(describedBy) => (
            <input class="kern-form-input__input" type="file" id="photo" name="photo" accept="image/jpeg,image/png,image/webp" aria-describedby={describedBy} aria-invalid={errorOf('photo') ? 'true' : undefined} />
          )}
        </FieldFrame>
        <TextField name="photo_alt" label={t('portraits.edit.photoAlt')} hint={t('portraits.edit.photoAltHint')} value={values.photo_alt ?? portrait.photoAlt} error={errorOf('photo_alt')} />
        <div>
          <Button>{t('portraits.edit.save')}</Button>
        </div>
      </form>
      <section class="kern-stack-sm" aria-labelledby="release-title">
        <h2 class="kern-heading-medium" id="release-title">
          {t('portraits.edit.releaseTitle')}
        </h2>
        {portrait.releasedAt ? (
          <form method="post" action={`${base}/withdraw`} class="kern-stack-sm">
            <CsrfField token={csrfToken} />
            <p>{t('portraits.edit.withdrawExplain')}</p>
            <Button kind="secondary">{t('portraits.edit.withdraw')}</Button>
          </form>
        ) : (
          <form method="post" action={`${base}/release`} class="kern-stack-sm">
            <CsrfField token={csrfToken} />
            <p>{t('portraits.edit.releaseExplain')}</p>
            {staff ? (
              <>
                <p class="kern-hint">{t('portraits.staff.releaseExplain')}</p>
                <TextField name="paper_consent_by" label={t('portraits.staff.paperConsentBy')} value={values.paper_consent_by} error={errorOf('paper_consent_by')} />
                <DateField t={t} language={language} name="paper_consent_on" label={t('portraits.staff.paperConsentOn')} value={values.paper_consent_on} error={errorOf('paper_consent_on')} />
              </>
            ) : (
              <div class={`kern-form-check${errorOf('consent') ? ' kern-form-check--error' : ''}`}>
                {errorOf('consent') && (
                  <p class="kern-error" id="consent-error">
                    {errorOf('consent')}
                  </p>
                )}
                <input class="kern-form-check__checkbox" type="checkbox" id="consent" name="consent" value="yes" aria-describedby={errorOf('consent') ? 'consent-error' : undefined} />
                <label class="kern-label" for="consent">
                  {t('portraits.edit.consent')}
                </label>
              </div>
            )}
            <Button>{staff ? t('portraits.staff.release') : t('portraits.edit.release')}</Button>
          </form>
        )}
      </section>
      <p>
        <a class="kern-link" href={staff ? '/staff/portraits' : '/my/portraits'}>
          {t('portraits.edit.back')}
        </a>
      </p>
    </div>
  );
}

const stateOf = (t: Translate, row: PortraitListRow) =>
  row.releasedAt ? t('portraits.staff.released') : row.withdrawnAt ? t('portraits.staff.withdrawn') : row.started ? t('portraits.staff.notReleased') : t('portraits.staff.notStarted');

function PortraitRows({ t, rows, base }: { t: Translate; rows: PortraitListRow[]; base: string }) {
  return (
    <ul class="kern-list">
      {rows.map((row) => (
        <li key={row.organisationId}>
          <a class="kern-link" href={`${base}/${row.organisationId}`}>
            {row.name}
          </a>
          {row.municipality && <span> · {row.municipality}</span>} · {stateOf(t, row)}
        </li>
      ))}
    </ul>
  );
}

export function MyPortraitsPage({ t, rows }: { t: Translate; rows: PortraitListRow[] }) {
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{t('portraits.my.title')}</h1>
      <p>{t('portraits.my.intro')}</p>
      {rows.length === 0 ? <p>{t('portraits.my.none')}</p> : <PortraitRows t={t} rows={rows} base="/my/portraits" />}
    </div>
  );
}

export function StaffPortraitsPage({ t, rows, search }: { t: Translate; rows: PortraitListRow[]; search: string }) {
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{t('portraits.staff.title')}</h1>
      <p>{t('portraits.staff.intro')}</p>
      <form method="get" action="/staff/portraits" class="mosaik-inline-form">
        <TextField name="q" label={t('portraits.staff.search')} value={search} />
        <Button kind="secondary">{t('portraits.staff.searchButton')}</Button>
      </form>
      {rows.length === 0 ? <p>{t('portraits.staff.empty')}</p> : <PortraitRows t={t} rows={rows} base="/staff/portraits" />}
    </div>
  );
}
