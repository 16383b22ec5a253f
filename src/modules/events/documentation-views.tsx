import type { Language, Translate } from '../../i18n/index.js';
import { Button, LinkButton } from '../../ui/button.js';
import { Choices } from '../../ui/choices.js';
import { Alert, CsrfField, ErrorSummary, FieldFrame, inputClass, type FieldError } from '../../ui/forms.js';
import { formatSize, MaterialListItem, type MaterialSummary } from '../materials/index.js';
import type { Documentation, DocumentationPhoto, DocumentationTexts } from './documentation.js';
import { documentationPhotoLimits, documentationPhotoSizes } from './documentation.js';
import type { EventRecord } from './queries.js';
import { formatDay } from './views.js';

/** A meeting's documentation: the public page (six languages) and the staff form. */

const sections = ['programme', 'talks', 'results'] as const;

/** A photo as its thumbnail (when it has one), linked to the photo itself; the caption is its text alternative. */
function Photo({ photo, src }: { photo: DocumentationPhoto; src: string }) {
  const small = photo.thumbnail_width !== null && photo.thumbnail_height !== null;
  return (
    <figure class="mosaik-documentation-photo">
      <a href={src}>
        <img
          src={small ? `${src}/thumbnail` : src}
          alt={photo.caption}
          width={small ? photo.thumbnail_width! : photo.width}
          height={small ? photo.thumbnail_height! : photo.height}
          loading="lazy"
          decoding="async"
        />
      </a>
      <figcaption class="kern-body--small">{photo.caption}</figcaption>
    </figure>
  );
}

export const publicPhotoPath = (eventId: number, photoId: number) => `/calendar/${eventId}/documentation/photos/${photoId}`;

export function PublicDocumentationPage({ t, language, event, documentation }: { t: Translate; language: Language; event: EventRecord; documentation: Documentation & { downloads: MaterialSummary[] } }) {
  return (
    <div class="kern-stack-md">
      <p class="kern-body">
        <a class="kern-link" href={`/calendar/${event.id}?lang=${language}`}>{t('events.documentation.backToEvent')}</a>
      </p>
      <h1 class="kern-heading-large">{t('events.documentation.title', { title: event.title })}</h1>
      <p class="kern-body">{t('events.documentation.heldOn', { date: formatDay(event.start_date, language, 'long') })}</p>
      {sections.map((section) =>
        documentation[section] ? (
          <section class="kern-stack-xs" key={section} aria-labelledby={`documentation-${section}`}>
            <h2 class="kern-heading-medium" id={`documentation-${section}`}>{t(`events.documentation.sections.${section}`)}</h2>
            {/* the texts are in the language they were written in (German, as the meeting was) */}
            <p class="kern-body mosaik-pre-line" lang="de">{documentation[section]}</p>
          </section>
        ) : null,
      )}
      {documentation.photos.length > 0 && (
        <section class="kern-stack-xs" aria-labelledby="documentation-photos">
          <h2 class="kern-heading-medium" id="documentation-photos">{t('events.documentation.sections.photos')}</h2>
          <ul class="mosaik-documentation-photos">
            {documentation.photos.map((photo) => (
              <li key={photo.id}>
                <Photo photo={photo} src={publicPhotoPath(event.id, photo.id)} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {documentation.downloads.length > 0 && (
        <section class="kern-stack-xs" aria-labelledby="documentation-downloads">
          <h2 class="kern-heading-medium" id="documentation-downloads">{t('events.documentation.sections.downloads')}</h2>
          <ul class="kern-list mosaik-material-list">
            {documentation.downloads.map((material) => (
              <MaterialListItem key={material.id} t={t} language={language} material={material} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

export interface DocumentationFormValues extends DocumentationTexts {
  downloadIds: number[];
}

interface StaffPageProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  event: EventRecord;
  documentation: Documentation | undefined;
  values: DocumentationFormValues;
  materials: MaterialSummary[];
  errors: FieldError[];
  notice?: string;
}

export function DocumentationStaffPage({ t, language, csrfToken, event, documentation, values, materials, errors, notice }: StaffPageProps) {
  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
  const base = `/events/${event.id}/documentation`;
  const published = Boolean(documentation?.publishedAt);
  return (
    <div class="kern-stack-md">
      <p class="kern-body">
        <a class="kern-link" href={`/events/${event.id}`}>{t('events.documentationStaff.backToStaffEvent')}</a>
      </p>
      <h1 class="kern-heading-large">{t('events.documentation.title', { title: event.title })}</h1>
      <ErrorSummary title={t('events.documentationStaff.errorTitle')} errors={errors} />
      {notice && <Alert kind="success">{notice}</Alert>}
      <p class="kern-body" data-documentation-state>
        {published ? (
          <>
            {t('events.documentationStaff.statePublished')} <a class="kern-link" href={`/calendar/${event.id}/documentation`}>{t('events.documentationStaff.openPublic')}</a>
          </>
        ) : (
          t('events.documentationStaff.stateDraft')
        )}
      </p>
      <form method="post" action={base} class="kern-stack-sm">
        <CsrfField token={csrfToken} />
        {sections.map((section) => (
          <FieldFrame key={section} name={section} label={t(`events.documentation.sections.${section}`)} hint={t(`events.documentationStaff.hints.${section}`)} error={errorOf(section)}>
            {(describedBy) => (
              <textarea class={inputClass(errorOf(section))} id={section} name={section} rows={8} lang="de" aria-describedby={describedBy} aria-invalid={errorOf(section) ? 'true' : undefined}>
                {values[section]}
              </textarea>
            )}
          </FieldFrame>
        ))}
        {materials.length > 0 ? (
          <Choices name="downloads" type="checkbox" legend={t('events.documentation.sections.downloads')} hint={t('events.documentationStaff.hints.downloads')} options={materials.map((material) => [String(material.id), material.title])} checked={values.downloadIds.map(String)} />
        ) : (
          <p class="kern-body">{t('events.documentationStaff.noMaterials')}</p>
        )}
        <Button>{t('events.documentationStaff.save')}</Button>
      </form>

      <h2 class="kern-heading-medium">{t('events.documentation.sections.photos')}</h2>
      {(documentation?.photos ?? []).map((photo) => (
        <div class="kern-stack-xs" key={photo.id} data-photo={photo.id}>
          <Photo photo={photo} src={`${base}/photos/${photo.id}`} />
          <p class="kern-body--small">{t('events.documentationStaff.photoFacts', { width: photo.width, height: photo.height, size: formatSize(photo.byte_size, language) })}</p>
          <form method="post" action={`${base}/photos/${photo.id}/delete`}>
            <CsrfField token={csrfToken} />
            <Button kind="secondary" size="small">{t('events.documentationStaff.removePhoto')}</Button>
          </form>
        </div>
      ))}
      {/* multipart: the route reads the token from the body, so it comes before the file */}
      <form method="post" action={`${base}/photos`} enctype="multipart/form-data" class="kern-stack-sm">
        <CsrfField token={csrfToken} />
        <FieldFrame name="caption" label={t('events.documentationStaff.caption')} hint={t('events.documentationStaff.captionHint')} error={errorOf('caption')}>
          {(describedBy) => (
            <textarea class={inputClass(errorOf('caption'))} id="caption" name="caption" rows={3} lang="de" aria-describedby={describedBy} aria-invalid={errorOf('caption') ? 'true' : undefined} />
          )}
        </FieldFrame>
        <FieldFrame name="photo" label={t('events.documentationStaff.photo')} hint={t('events.documentationStaff.photoHint', { size: formatSize(documentationPhotoLimits.bytes, language), side: documentationPhotoSizes.side })} error={errorOf('photo')}>
          {(describedBy) => <input class="kern-form-input__input" type="file" id="photo" name="photo" accept="image/jpeg,image/png,image/webp" aria-describedby={describedBy} aria-invalid={errorOf('photo') ? 'true' : undefined} />}
        </FieldFrame>
        <Button kind="secondary">{t('events.documentationStaff.addPhoto')}</Button>
      </form>

      <h2 class="kern-heading-medium">{t('events.documentationStaff.publishing')}</h2>
      <form method="post" action={`${base}/publish`} class="kern-stack-sm">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="published" value={published ? 'no' : 'yes'} />
        {errorOf('published') && <p class="kern-error" id="published">{errorOf('published')}</p>}
        <Button kind={published ? 'secondary' : 'primary'}>{t(published ? 'events.documentationStaff.withdraw' : 'events.documentationStaff.publish')}</Button>
      </form>
    </div>
  );
}

/** The link from the public event page and the calendar to a published documentation. */
export function DocumentationLink({ t, language, eventId }: { t: Translate; language: Language; eventId: number }) {
  return (
    <p class="kern-body" data-documentation-link>
      <LinkButton kind="secondary" href={`/calendar/${eventId}/documentation?lang=${language}`}>{t('events.documentation.read')}</LinkButton>
    </p>
  );
}
