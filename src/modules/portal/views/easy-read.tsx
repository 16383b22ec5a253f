import type { Language, Translate } from '../../../i18n/index.js';
import { formatDay } from '../../../ui/dates.js';
import { Alert, CsrfField, DateField, ErrorSummary, FieldFrame, inputClass, TextField, type FieldError } from '../../../ui/forms.js';
import { easyReadTopics, type EasyRead, type EasyReadInput, type EasyReadTopic } from '../easy-read.js';
import { Button } from '../../../ui/button.js';
import { formatSize } from '../../materials/index.js';
import type { SignLanguageVideo } from '../sign-language.js';
import { formatDuration, maximumVideoBytes } from '../video.js';

/** "Video in DGS: 2:05 min, 18 MB": what a reader learns before pressing play. */
const videoFacts = (t: Translate, language: Language, video: SignLanguageVideo) => t('portal.signLanguage.facts', { duration: formatDuration(video.durationSeconds), size: formatSize(video.byteSize, language) });

/** The start page's Leichte Sprache section: German in every page language (Leichte Sprache is German). */
export function EasyReadSection({ t, language, texts, videos = new Map() }: { t: Translate; language: Language; texts: EasyRead[]; videos?: Map<string, SignLanguageVideo> }) {
  if (texts.length === 0) return null;
  return (
    <section class="kern-stack-sm mosaik-easy-read" aria-labelledby="easy-read-title" lang="de" dir="ltr">
      <h2 class="kern-heading-medium" id="easy-read-title">Leichte Sprache</h2>
      {texts.map((text) => (
        <article class="kern-stack-xs" key={text.topic} data-easy-read={text.topic}>
          <h3 class="kern-heading-small">{text.title}</h3>
          <div class="kern-body" dangerouslySetInnerHTML={{ __html: text.body }} />
          {videos.get(text.topic) && <SignLanguageVideoPlayer t={t} language={language} video={videos.get(text.topic)!} />}
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

/** The DGS video of an explanation: played from Mosaik itself, with its size and duration and a download link. */
function SignLanguageVideoPlayer({ t, language, video }: { t: Translate; language: Language; video: SignLanguageVideo }) {
  const src = `/leichte-sprache/${video.topic}/video`;
  const facts = videoFacts(t, language, video);
  return (
    <figure class="kern-stack-xs" data-sign-language={video.topic}>
      {/* preload="none": the start page stays light; the video loads when played */}
      <video controls preload="none" width={480} style="max-width:100%;height:auto" aria-label={t('portal.signLanguage.label')}>
        <source src={src} type={video.mediaType} />
      </video>
      <figcaption class="kern-body--small">
        {t('portal.signLanguage.label')}: {facts} · <a class="kern-link" href={src} download>{t('portal.signLanguage.download')}</a>
      </figcaption>
    </figure>
  );
}

interface VideoFormProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  topic: EasyReadTopic;
  video: SignLanguageVideo | undefined;
  outcome?: string;
}

/** Staff upload, replace or remove the explanation's DGS video. */
export function SignLanguageVideoForm({ t, language, csrfToken, topic, video, outcome }: VideoFormProps) {
  const action = `/admin/leichte-sprache/${topic}/video`;
  const problem = outcome && outcome !== 'saved' && outcome !== 'removed' ? t(`portal.signLanguage.errors.${outcome}`, { max: formatSize(maximumVideoBytes, language) }) : undefined;
  return (
    <section class="kern-stack-sm" id="sign-language" aria-labelledby="sign-language-title">
      <h2 class="kern-heading-medium" id="sign-language-title">{t('portal.signLanguage.staffTitle')}</h2>
      <ErrorSummary title={t('portal.staff.errorTitle')} errors={problem ? [{ field: 'video', message: problem }] : []} />
      {(outcome === 'saved' || outcome === 'removed') && <Alert kind="success">{t(`portal.signLanguage.${outcome}`)}</Alert>}
      <p class="kern-body" data-video-state>
        {video ? `${videoFacts(t, language, video)} (${t(`portal.signLanguage.durationFrom.${video.durationSource}`)})` : t('portal.signLanguage.none')}
      </p>
      <form method="post" action={action} enctype="multipart/form-data" class="kern-stack-sm">
        <CsrfField token={csrfToken} />
        <FieldFrame name="video" label={t('portal.signLanguage.file')} hint={t('portal.signLanguage.fileHint', { max: formatSize(maximumVideoBytes, language) })} error={problem}>
          {(describedBy) => <input class="kern-form-input__input" type="file" id="video" name="video" accept="video/mp4,video/webm" aria-describedby={describedBy} aria-invalid={problem ? 'true' : undefined} />}
        </FieldFrame>
        <TextField name="duration" label={t('portal.signLanguage.duration')} hint={t('portal.signLanguage.durationHint')} />
        <Button>{t(video ? 'portal.signLanguage.replace' : 'portal.signLanguage.upload')}</Button>
      </form>
      {video && (
        <form method="post" action={`${action}/delete`}>
          <CsrfField token={csrfToken} />
          <Button kind="secondary">{t('portal.signLanguage.remove')}</Button>
        </form>
      )}
    </section>
  );
}
