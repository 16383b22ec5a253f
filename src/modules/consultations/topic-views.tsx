import type { Translate } from '../../i18n/index.js';
import { Alert, CsrfField } from '../../ui/forms.js';
import type { ConsultationTopic } from './topics.js';
import { Table } from '../../ui/table.js';
import { Button } from '../../ui/button.js';

/** Maintaining the topic list: rename (de/en), deactivate, reorder, add. Each row is its own small form. */
export function TopicsPage({ t, csrfToken, topics, saved, error }: { t: Translate; csrfToken: string; topics: ConsultationTopic[]; saved: boolean; error: boolean }) {
  const p = (key: string, options?: Record<string, unknown>) => t(`consultations.topics.${key}`, options);
  const actionButton = (topic: ConsultationTopic, action: string, label: string) => (
    <form method="post" action="/consultations/topics" class="mosaik-inline-form">
      <CsrfField token={csrfToken} />
      <input type="hidden" name="key" value={topic.key} />
      <Button kind="tertiary" name="action" value={action} aria-label={p('actionFor', { action: label, topic: topic.de })}>{label}</Button>
    </form>
  );
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{p('title')}</h1>
      <p class="kern-body">{p('intro')}</p>
      {saved && <Alert kind="success">{p('saved')}</Alert>}
      {error && <Alert kind="danger">{p('error')}</Alert>}
      <Table
        caption={p('caption')}
        rows={topics}
        rowKey={(topic) => topic.key}
        columns={[
          { key: 'key', label: p('key'), rowHeader: true, cell: (topic) => <code>{topic.key}</code> },
          {
            key: 'de',
            label: `${p('de')} / ${p('en')}`,
            cell: (topic) => (
              <form method="post" action="/consultations/topics" class="mosaik-inline-form">
                <CsrfField token={csrfToken} />
                <input type="hidden" name="key" value={topic.key} />
                <input class="kern-form-input__input" name="de" value={topic.de} aria-label={p('deFor', { key: topic.key })} />
                <input class="kern-form-input__input" name="en" value={topic.en} aria-label={p('enFor', { key: topic.key })} />
                <Button kind="secondary" name="action" value="rename" aria-label={p('actionFor', { action: p('rename'), topic: topic.de })}>{p('rename')}</Button>
              </form>
            ),
          },
          { key: 'state', label: p('state'), cell: (topic) => (topic.active ? p('active') : p('inactive')) },
          {
            key: 'actions',
            label: p('actions'),
            cell: (topic, index) => (
              <div class="mosaik-inline-form">
                {topic.active ? actionButton(topic, 'deactivate', p('deactivate')) : actionButton(topic, 'activate', p('activate'))}
                {index > 0 && actionButton(topic, 'up', p('up'))}
                {index < topics.length - 1 && actionButton(topic, 'down', p('down'))}
              </div>
            ),
          },
        ]}
      />
      <form method="post" action="/consultations/topics" class="kern-stack-sm">
        <h2 class="kern-heading-medium">{p('addTitle')}</h2>
        <CsrfField token={csrfToken} />
        <div class="kern-form-input">
          <label class="kern-label" for="new-de">
            {p('de')}
          </label>
          <input class="kern-form-input__input" id="new-de" name="de" />
        </div>
        <div class="kern-form-input">
          <label class="kern-label" for="new-en">
            {p('en')}
          </label>
          <input class="kern-form-input__input" id="new-en" name="en" />
        </div>
        <Button name="action" value="add">{p('add')}</Button>
      </form>
      <a class="kern-link" href="/consultations">
        {t('consultations.detail.back')}
      </a>
    </div>
  );
}
