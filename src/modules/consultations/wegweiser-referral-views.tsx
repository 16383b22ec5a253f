import type { Translate } from '../../i18n/index.js';
import { Choices } from '../../ui/choices.js';
import { FieldFrame, FieldGroup, inputClass } from '../../ui/forms.js';
import type { ReferralService } from '../wegweiser/index.js';
import type { FormInput } from './form.js';

/**
 * The consultation form's "Verweis an den Wegweiser" group: a text field for
 * the service's name (its id in a hidden field once known) and, when the
 * name matched several services, the list to choose one from.
 * A group of its own (not inside the expert referral's) so that either can
 * change without the other (wegweiser-referral.ts resolves what was typed).
 */
export function WegweiserReferralFields({ t, input, error, candidates = [] }: { t: Translate; input: FormInput; error?: string; candidates?: ReferralService[] }) {
  const w = (key: string) => t(`consultations.form.wegweiser.${key}`);
  return (
    <FieldGroup legend={w('legend')}>
      <FieldFrame name="wegweiser_service" label={t('consultations.form.labels.wegweiser_service')} hint={w('hint')} error={error}>
        {(describedBy) => (
          <input
            class={inputClass(error)}
            id="wegweiser_service"
            name="wegweiser_service"
            type="text"
            value={input.wegweiser_service ?? ''}
            aria-describedby={describedBy}
            aria-invalid={error ? 'true' : undefined}
          />
        )}
      </FieldFrame>
      {input.wegweiser_service_id && <input type="hidden" name="wegweiser_service_id" value={input.wegweiser_service_id} />}
      {candidates.length > 1 && (
        <Choices
          name="wegweiser_service_choice"
          type="radio"
          legend={w('choose')}
          options={candidates.map((service) => [service.id, `${service.name} (${service.organizationName})`])}
          checked={input.wegweiser_service_choice ? [input.wegweiser_service_choice] : []}
        />
      )}
      <p>
        <a class="kern-link" href="/wegweiser" target="_blank" rel="noopener">
          {w('browse')}
        </a>
      </p>
    </FieldGroup>
  );
}

/** A referred service on the consultation's page: its name, linked to its public Wegweiser entry, and its organisation. */
export function WegweiserServiceLink({ service }: { service: ReferralService }) {
  return (
    <>
      <a class="kern-link" href={`/wegweiser/${service.id}`}>
        {service.name}
      </a>{' '}
      ({service.organizationName})
    </>
  );
}
