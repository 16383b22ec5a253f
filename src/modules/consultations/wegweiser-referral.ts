import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { findReferralServices, isReferableService, referralServicesById, type ReferralService } from '../wegweiser/index.js';
import type { FormError, FormInput } from './form.js';

export type { ReferralService };

/**
 * The consultation form's referral to a Wegweiser service (issue 12): staff
 * type the service's name; one match is taken, several are offered to choose
 * from (the form comes back with a radio list, no JavaScript needed), none is
 * an error naming the field. The chosen id travels in a hidden field, so that
 * saving again does not search again.
 */

export type ServiceReferral =
  | { ok: true; serviceId: string | null }
  | { ok: false; error: FormError; candidates: ReferralService[] };

export async function resolveServiceReferral(db: Kysely<Database>, input: FormInput): Promise<ServiceReferral> {
  const typed = (input.wegweiser_service ?? '').trim();
  const choice = (input.wegweiser_service_choice ?? '').trim();
  // a choice from the offered list wins, as long as the service can still be chosen
  if (choice !== '' && (await isReferableService(db, choice))) return { ok: true, serviceId: choice };
  if (typed === '') return { ok: true, serviceId: null };
  const known = (input.wegweiser_service_id ?? '').trim();
  if (known !== '') {
    // the service shown before, kept while its name is still what the field says (also when it was unpublished meanwhile)
    const service = (await referralServicesById(db, [known])).get(known);
    if (service && service.name.toLowerCase() === typed.toLowerCase()) return { ok: true, serviceId: known };
  }
  const candidates = await findReferralServices(db, typed);
  const exact = candidates.filter((service) => service.name.toLowerCase() === typed.toLowerCase());
  if (exact.length === 1) return { ok: true, serviceId: exact[0].id };
  if (candidates.length === 1) return { ok: true, serviceId: candidates[0].id };
  if (candidates.length === 0) return { ok: false, error: { field: 'wegweiser_service', code: 'serviceUnknown' }, candidates };
  return { ok: false, error: { field: 'wegweiser_service', code: 'servicePick' }, candidates };
}

/** The form's referral fields for a stored referral (the edit page). */
export const referralInputOf = (service: ReferralService | null): FormInput => ({ wegweiser_service: service?.name ?? '', wegweiser_service_id: service?.id ?? '' });

/** The referral's name for the form and the detail page, or null when there is none. */
export async function referredService(db: Kysely<Database>, serviceId: string | null): Promise<ReferralService | null> {
  if (!serviceId) return null;
  return (await referralServicesById(db, [serviceId])).get(serviceId) ?? null;
}
