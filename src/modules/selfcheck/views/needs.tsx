import type { Language, Translate } from '../../../i18n/index.js';
import { Button } from '../../../ui/button.js';
import { Choices } from '../../../ui/choices.js';
import { Alert, CsrfField } from '../../../ui/forms.js';
import type { CarriableItem } from '../commands/needs.js';
import { textIn } from '../items.js';

/**
 * For the centre's staff on a check's result: the open items to carry into
 * the needs log as needs of the organisation, those already carried linked
 * to their entry. Shown for the organisation's latest check only.
 */
export function CarryToNeeds({ t, language, csrfToken, checkId, items, done }: { t: Translate; language: Language; csrfToken: string; checkId: number; items: CarriableItem[]; done?: { recorded: number; already: number } }) {
  const waiting = items.filter((item) => item.entryId === null);
  const carried = items.filter((item) => item.entryId !== null);
  return (
    <section class="kern-stack-sm" aria-labelledby="section-needs" data-carry-needs>
      <h2 class="kern-heading-medium" id="section-needs">{t('selfcheck.needs.title')}</h2>
      {done && <Alert kind="success">{t('selfcheck.needs.done', { recorded: done.recorded, already: done.already })}</Alert>}
      <p class="kern-body">{t('selfcheck.needs.intro')}</p>
      {carried.length > 0 && (
        <ul class="kern-list" data-carried>
          {carried.map((item) => (
            <li key={item.itemKey}>{textIn(item.texts, language)}: <a class="kern-link" href={`/concerns/${item.entryId}`}>{t('selfcheck.needs.entry', { id: item.entryId })}</a></li>
          ))}
        </ul>
      )}
      {waiting.length === 0 ? <p class="kern-body">{t('selfcheck.needs.allCarried')}</p> : (
        <form method="post" action={`/selfcheck/checks/${checkId}/needs`} class="kern-stack-sm">
          <CsrfField token={csrfToken} />
          <Choices name="item" type="checkbox" legend={t('selfcheck.needs.legend')} hint={t('selfcheck.needs.hint')}
            options={waiting.map((item) => [item.itemKey, `${textIn(item.texts, language)} (${t(`selfcheck.answers.${item.answer}`)})`])} checked={waiting.map((item) => item.itemKey)} />
          <Button>{t('selfcheck.needs.submit')}</Button>
        </form>
      )}
    </section>
  );
}
