import type { Translate } from '../../i18n/index.js';
import type { RepresentedOrganisation } from '../identity/index.js';

/**
 * The organisation field for a signed-in representative: a choice among the
 * organisations they speak for (one: fixed and shown). The form sends the id;
 * the route refuses any other (routes.tsx). The field sits on the public
 * registration form, offered in six languages, so its keys are in the public
 * section `register` of every language file.
 */
export function OrganisationChoice({ t, organisations, selected, error }: { t: Translate; organisations: RepresentedOrganisation[]; selected?: number; error?: string }) {
  const errorBlock = error && (
    <p class="kern-error" id="organisation_id-error">
      {error}
    </p>
  );
  if (organisations.length === 1) {
    const [only] = organisations;
    return (
      <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`} id="organisation">
        <p class="kern-label">{t('registrations.register.representative.organisation')}</p>
        {errorBlock}
        <p>{only.name}</p>
        <input type="hidden" name="organisation_id" value={String(only.id)} />
      </div>
    );
  }
  return (
    <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for="organisation">
        {t('registrations.register.representative.organisation')}
      </label>
      <div class="kern-hint" id="organisation-hint">
        {t('registrations.register.representative.chooseHint')}
      </div>
      {errorBlock}
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" id="organisation" name="organisation_id" aria-describedby={error ? 'organisation-hint organisation_id-error' : 'organisation-hint'} aria-invalid={error ? 'true' : undefined}>
          {organisations.map((organisation) => (
            <option value={String(organisation.id)} selected={organisation.id === selected}>
              {organisation.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** The refusal when the form names an organisation the representative does not speak for (403). */
export const notYourOrganisation = (t: Translate) => t('registrations.register.representative.notYours');
