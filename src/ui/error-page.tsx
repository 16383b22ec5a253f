import type { Translate } from '../i18n/index.js';

export function ErrorPage({ title, message, details, t }: { title: string; message: string; details?: string[]; t: Translate }) {
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{title}</h1>
      <div class="kern-alert kern-alert--danger" role="alert">
        <div class="kern-alert__body">
          <p class="kern-body">{message}</p>
          {details && details.length > 0 ? (
            <ul class="kern-list">
              {details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
      <p>
        <a class="kern-link" href="/">
          {t('errors.home')}
        </a>
      </p>
    </div>
  );
}
