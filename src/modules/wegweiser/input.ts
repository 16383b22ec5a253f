import { serviceStatuses, type ServiceStatus } from './tables.js';
import { findPostcode, isHessianDistrict, isInHessen } from './geography.js';
import { defaultRecheckMonths } from './freshness.js';

/**
 * One Wegweiser entry as the staff form, the demo and tests hand it in, and
 * its checks. Every refusal names a field and a code; the message is
 * `wegweiser.errors.<code>` (de/en … say what to do). The HSDS import checks
 * its records with the same rules (hsds-import.ts).
 */

export const translatedLanguages = ['en', 'tr', 'ar', 'ru', 'uk'] as const;
export type TranslatedLanguage = (typeof translatedLanguages)[number];

export interface LocationInput {
  name: string | null;
  address_1: string | null;
  postal_code: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  transportation: string | null;
  accessibility: string | null;
}

export interface ServiceInput {
  organizationName: string;
  name: string;
  description: string;
  status: ServiceStatus | '';
  published: boolean;
  url: string | null;
  email: string | null;
  phone: string | null;
  applicationProcess: string | null;
  feesDescription: string | null;
  openingHours: string | null;
  assurerName: string | null;
  assurerEmail: string | null;
  recheckMonths: number;
  /** Topic codes of the taxonomy. */
  topics: string[];
  /** Districts of Hessen the service helps in. */
  areas: string[];
  /** ISO 639-1 codes. */
  languages: string[];
  /** Where the service is offered (HSDS service_at_location), in the form's order; may be none (a phone or online service). */
  locations: LocationInput[];
  translations: Partial<Record<TranslatedLanguage, { name?: string; description?: string }>>;
  easyRead: string | null;
  /** The person saving says they read and checked the Leichte Sprache summary. */
  easyReadChecked: boolean;
}

export interface Problem {
  field: string;
  code: string;
  parameters?: Record<string, string>;
}

export const emptyServiceInput = (): ServiceInput => ({
  organizationName: '', name: '', description: '', status: 'active', published: true, url: null, email: null, phone: null,
  applicationProcess: null, feesDescription: null, openingHours: null, assurerName: null, assurerEmail: null,
  recheckMonths: defaultRecheckMonths, topics: [], areas: [], languages: ['de'], locations: [], translations: {}, easyRead: null, easyReadChecked: false,
});

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const urlPattern = /^https?:\/\/[^\s]+$/;
export const isEmail = (value: string) => emailPattern.test(value);
export const isUrl = (value: string) => urlPattern.test(value);

/** The checks of one entry; `knownTopics` are the taxonomy's codes. Returns every problem, in the form's order. */
export async function serviceProblems(input: ServiceInput, knownTopics: string[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  if (input.organizationName.trim() === '') problems.push({ field: 'organization', code: 'organizationMissing' });
  if (input.name.trim() === '') problems.push({ field: 'name', code: 'nameMissing' });
  if (input.name.length > 200) problems.push({ field: 'name', code: 'tooLong' });
  if (!(serviceStatuses as readonly string[]).includes(input.status)) problems.push({ field: 'status', code: 'statusMissing' });
  if (input.description.length > 5000) problems.push({ field: 'description', code: 'tooLong' });
  if (input.url && !isUrl(input.url)) problems.push({ field: 'url', code: 'urlInvalid' });
  if (input.email && !isEmail(input.email)) problems.push({ field: 'email', code: 'emailInvalid' });
  if (input.assurerEmail && !isEmail(input.assurerEmail)) problems.push({ field: 'assurer_email', code: 'emailInvalid' });
  if (!Number.isInteger(input.recheckMonths) || input.recheckMonths < 1 || input.recheckMonths > 36) problems.push({ field: 'recheck_months', code: 'recheckInvalid' });
  for (const code of input.topics) if (!knownTopics.includes(code)) problems.push({ field: 'topics', code: 'topicUnknown', parameters: { value: code } });
  for (const area of input.areas) if (!isHessianDistrict(area)) problems.push({ field: 'areas', code: 'districtUnknown', parameters: { value: area } });
  for (const language of input.languages) if (!/^[a-z]{2,3}$/.test(language)) problems.push({ field: 'languages', code: 'languageInvalid', parameters: { value: language } });
  if (input.locations.length > maxLocations) problems.push({ field: locationField('address_1', maxLocations + 1), code: 'tooManyLocations', parameters: { value: String(maxLocations) } });
  for (const [index, location] of input.locations.entries()) {
    for (const problem of await locationProblems(location)) problems.push({ ...problem, field: locationField(problem.field, index + 1) });
  }
  return problems;
}

/** Most locations one entry has on the staff form (an import may bring more; they are kept). */
export const maxLocations = 10;

/** The form field of a location's field: the first location's fields keep their plain names (address_1), the n-th gets `_n` (address_1_2). */
export const locationField = (field: string, position: number) => (position === 1 ? field : `${field}_${position}`);

/** Whether a location names a place at all: one without street, postcode and city is no location (the form's empty block). */
export const isLocationGiven = (location: LocationInput) => Boolean(location.address_1 || location.postal_code || location.city);

export async function locationProblems(location: Pick<LocationInput, 'postal_code' | 'latitude' | 'longitude'>): Promise<Problem[]> {
  const problems: Problem[] = [];
  if (location.postal_code && !(await findPostcode(location.postal_code))) problems.push({ field: 'postal_code', code: 'postcodeUnknown', parameters: { value: location.postal_code } });
  const { latitude, longitude } = location;
  if ((latitude !== null && !Number.isFinite(latitude)) || (longitude !== null && !Number.isFinite(longitude))) problems.push({ field: 'latitude', code: 'coordinatesInvalid' });
  else if ((latitude === null) !== (longitude === null)) problems.push({ field: 'latitude', code: 'coordinatesIncomplete' });
  else if (latitude !== null && longitude !== null && !isInHessen(latitude, longitude)) problems.push({ field: 'latitude', code: 'coordinatesOutsideHessen', parameters: { value: `${latitude}, ${longitude}` } });
  return problems;
}
