/**
 * k-anonymity for the evaluator's organisation list. A pseudonym hides the
 * name, but the description around it — where an association sits, its
 * legal form, when it was founded, its orientation and fields — can single it
 * out again (the probe of issue 8 found 106 of 151 demo organisations unique
 * by municipality, legal form and founding decade). So every page and export
 * of the evaluation describes organisations only by coarse quasi-identifiers,
 * and each combination of them must be shared by at least
 * `minimumGroupSize` organisations:
 *
 *  - district, never municipality;
 *  - legal form in three groups (registered association, initiative, other);
 *  - founding period: before 2000, 2000–2009, 2010–2014, 2015 and later;
 *  - orientation and fields of activity as recorded.
 *
 * Where a combination is rarer, the rows of that combination lose one
 * field after the other (`generalisationOrder`, least useful to the
 * evaluation first), shown as "–" (`withheld`), until their group is large
 * enough; if even rows with every field withheld are too few, the smallest
 * remaining groups are withheld too, so that no group is left below k.
 */

/**
 * k = 5: the smallest group for which the evaluation's statements about "the
 * associations like this one" no longer point at one of them. Below five,
 * the centre's staff (and the associations themselves) can often tell from
 * a district and a founding period which two or three are meant; the
 * ministry's own statistics use the same minimum for published cells.
 */
export const minimumGroupSize = 5;

/** What a withheld field reads as, on the page and in the CSV. */
export const withheld = '–';

export const foundingPeriods = ['vor 2000', '2000–2009', '2010–2014', '2015 und später'] as const;
export type FoundingPeriod = (typeof foundingPeriods)[number];

export function foundingPeriodOf(year: number | null): FoundingPeriod | null {
  if (year === null) return null;
  if (year < 2000) return 'vor 2000';
  if (year < 2010) return '2000–2009';
  if (year < 2015) return '2010–2014';
  return '2015 und später';
}

export const legalFormGroups = ['registered', 'initiative', 'other'] as const;
export type LegalFormGroup = (typeof legalFormGroups)[number];

/** e. V. with or without charitable status; initiatives and associations being founded; everything else. */
export function legalFormGroupOf(legalForm: string | null): LegalFormGroup | null {
  if (legalForm === null) return null;
  if (legalForm === 'ev' || legalForm === 'ev_gemeinnuetzig') return 'registered';
  if (legalForm === 'initiative' || legalForm === 'ev_in_gruendung') return 'initiative';
  return 'other';
}

/** The quasi-identifiers of one organisation as the evaluator may see them; `withheld` where generalised away. */
export interface Profile {
  district: string | null;
  legalForm: LegalFormGroup | null | typeof withheld;
  foundingPeriod: FoundingPeriod | null | typeof withheld;
  orientation: string | null;
  /** Sorted codes, or [withheld]. */
  fields: string[];
}

export type ProfileField = keyof Profile;

/** Which field goes first when a group is too small: the least useful to the evaluation first. */
export const generalisationOrder: readonly ProfileField[] = ['fields', 'foundingPeriod', 'legalForm', 'orientation', 'district'];

export interface OrganisationFacts {
  id: number;
  district: string | null;
  legal_form: string | null;
  founded_year: number | null;
  orientation: string | null;
  fields: string[];
}

export const coarsen = (row: OrganisationFacts): Profile => ({
  district: row.district,
  legalForm: legalFormGroupOf(row.legal_form),
  foundingPeriod: foundingPeriodOf(row.founded_year),
  orientation: row.orientation,
  fields: [...row.fields].sort(),
});

export const profileKey = (profile: Profile) => JSON.stringify([profile.district, profile.legalForm, profile.foundingPeriod, profile.orientation, profile.fields]);

function withhold(profile: Profile, field: ProfileField): Profile {
  return field === 'fields' ? { ...profile, fields: [withheld] } : { ...profile, [field]: withheld };
}

const groupSizes = (profiles: Iterable<Profile>) => {
  const sizes = new Map<string, number>();
  for (const profile of profiles) sizes.set(profileKey(profile), (sizes.get(profileKey(profile)) ?? 0) + 1);
  return sizes;
};

/**
 * The profiles of every organisation, generalised until each combination
 * occurs at least k times (when there are at least k organisations at all).
 * Groups already large enough are never touched: generalising a small group
 * only moves its rows elsewhere.
 */
export function anonymiseProfiles(rows: readonly OrganisationFacts[], k: number = minimumGroupSize): Map<number, Profile> {
  const profiles = new Map(rows.map((row) => [row.id, coarsen(row)]));
  for (const field of generalisationOrder) {
    const sizes = groupSizes(profiles.values());
    for (const [id, profile] of profiles) if (sizes.get(profileKey(profile))! < k) profiles.set(id, withhold(profile, field));
  }
  // rows with everything withheld are one group; if it is still too small, the smallest other groups join it
  const everything = generalisationOrder.reduce((profile, field) => withhold(profile, field), coarsen({ id: 0, district: null, legal_form: null, founded_year: null, orientation: null, fields: [] }));
  const allKey = profileKey(everything);
  let sizes = groupSizes(profiles.values());
  while ((sizes.get(allKey) ?? 0) > 0 && sizes.get(allKey)! < k && sizes.size > 1) {
    const [smallest] = [...sizes].filter(([key]) => key !== allKey).sort(([a, x], [b, y]) => x - y || (a < b ? -1 : 1))[0];
    for (const [id, profile] of profiles) if (profileKey(profile) === smallest) profiles.set(id, everything);
    sizes = groupSizes(profiles.values());
  }
  return profiles;
}

/** The size of the smallest group of equal profiles: the k the release achieves (Infinity when empty). */
export function smallestGroup(profiles: Iterable<Profile>): number {
  const sizes = [...groupSizes(profiles).values()];
  return sizes.length === 0 ? Infinity : Math.min(...sizes);
}
