import { check } from './random.js';

/**
 * Grants and consultations of the demo, by organisation index (plan.ts:
 * 0–33 holders of 2019 reached, 34–122 other organisations reached,
 * 123–144 on the distribution list but never at a centre event). The roles
 * below reproduce chapter 5.5 of the evaluation report:
 *
 * 2019: 42 approved (25 new, 17 follow-up) = the 34 reached holders + 8 never
 * reached (indexes 123–130); 24 consulted = 18 reached + 6 never reached.
 * 17 follow-ups = 15 holders of 2018 (12 reached, 3 consulted only) + 2 whose
 * earlier project predates the records (indexes 14, 21).
 * 2018: 32 approved = those 15 + 7 reached organisations without a 2019 grant
 * (2 of them consulted) + 2 consulted only + 8 neither reached nor consulted:
 * 24 supported, 13 consulted.
 */

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Holders of both years: reached (the reporting-training attendees and six of the A+I holders) and three never reached. */
const bothYearsReached = [0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13];
const bothYearsUnreached = [123, 124, 125];
const unreachedHolders2019 = range(123, 130);
const followUpWithoutRecord = [14, 21];
/** Reached holders of 2019 with consultations: 6 of both years, 12 others. */
const consultedReached2019 = [0, 2, 3, 8, 9, 10, 6, 7, 15, 16, 18, 19, 22, 23, 25, 27, 30, 32];
const consultedUnreached2019 = [123, 124, 125, 126, 127, 128];
/** Holders of 2018 only: reached (they came to implementation or reporting trainings), of whom two consulted. */
const reachedHolders2018Only = [38, 44, 45, 109, 110, 120, 121];
const consultedHolders2018Only = [44, 109, 131, 132];
const unsupportedHolders2018 = range(133, 140);
/** Consultations of organisations without a grant: they count nowhere in chapter 5.5. */
const consultedOthers = [34, 40, 46, 47, 70, 92, 101, 141, 142];

export interface PlannedGrant {
  organisation: number;
  year: 2018 | 2019;
  applicationType: 'new' | 'follow_up';
  status: 'approved' | 'rejected' | 'withdrawn';
}

export function plannedGrants(): PlannedGrant[] {
  const approved2019: PlannedGrant[] = [...range(0, 33), ...unreachedHolders2019].map((organisation) => ({
    organisation,
    year: 2019,
    applicationType: bothYears().includes(organisation) || followUpWithoutRecord.includes(organisation) ? 'follow_up' : 'new',
    status: 'approved',
  }));
  const approved2018: PlannedGrant[] = [...bothYears(), ...reachedHolders2018Only, 131, 132, ...unsupportedHolders2018].map((organisation, i) => ({
    organisation,
    year: 2018,
    // some of 2018's holders continued a project of 2017
    applicationType: i % 5 === 4 ? 'follow_up' : 'new',
    status: 'approved',
  }));
  const refused: PlannedGrant[] = [
    { organisation: 92, year: 2018, applicationType: 'new', status: 'rejected' },
    { organisation: 69, year: 2018, applicationType: 'new', status: 'withdrawn' },
    { organisation: 46, year: 2019, applicationType: 'new', status: 'rejected' },
    { organisation: 101, year: 2019, applicationType: 'new', status: 'rejected' },
    { organisation: 38, year: 2019, applicationType: 'follow_up', status: 'rejected' },
    { organisation: 143, year: 2019, applicationType: 'new', status: 'withdrawn' },
  ];
  const grants = [...approved2018, ...approved2019, ...refused];
  checkGrants(grants);
  return grants;
}

/** Organisations with consultations in the period. */
export function consultedOrganisations(): number[] {
  return [...consultedReached2019, ...consultedUnreached2019, ...consultedHolders2018Only, ...consultedOthers];
}

const bothYears = () => [...bothYearsReached, ...bothYearsUnreached];
/** Organisations 0–122 took part in centre events (plan.ts). */
const isReached = (organisation: number) => organisation <= 122;

function checkGrants(grants: PlannedGrant[]) {
  const consulted = new Set(consultedOrganisations());
  check(consulted.size === consultedOrganisations().length, 'an organisation is listed twice as consulted');
  const holders = (year: number) => grants.filter((grant) => grant.year === year && grant.status === 'approved');
  const holders2019 = holders(2019);
  const holders2018 = holders(2018);
  const count = (list: PlannedGrant[], test: (grant: PlannedGrant) => boolean) => list.filter(test).length;
  check(holders2019.length === 42, '42 approved in 2019');
  check(count(holders2019, (grant) => grant.applicationType === 'new') === 25, '25 new applications approved in 2019');
  check(count(holders2019, (grant) => grant.applicationType === 'follow_up') === 17, '17 follow-up applications approved in 2019');
  check(count(holders2019, (grant) => isReached(grant.organisation)) === 34, '34 holders of 2019 reached');
  check(count(holders2019, (grant) => consulted.has(grant.organisation)) === 24, '24 holders of 2019 consulted');
  check(holders2018.length === 32, '32 approved in 2018');
  check(count(holders2018, (grant) => consulted.has(grant.organisation)) === 13, '13 holders of 2018 consulted');
  check(count(holders2018, (grant) => isReached(grant.organisation) || consulted.has(grant.organisation)) === 24, '24 holders of 2018 supported');
  const in2018 = new Set(holders2018.map((grant) => grant.organisation));
  check(count(holders2019, (grant) => grant.applicationType === 'follow_up' && in2018.has(grant.organisation)) === 15, '15 follow-ups of 2019 held a grant in 2018');
  check(count(holders2019, (grant) => in2018.has(grant.organisation)) === 15, 'only follow-ups of 2019 held a grant in 2018');
  const identities = new Set(grants.map((grant) => `${grant.year}|${grant.organisation}|${grant.applicationType}`));
  check(identities.size === grants.length, 'two grant rows with the same year, organisation and type');
  const approvedSameYear = new Set(grants.filter((grant) => grant.status === 'approved').map((grant) => `${grant.year}|${grant.organisation}`));
  for (const grant of grants.filter((item) => item.status !== 'approved')) {
    check(!approvedSameYear.has(`${grant.year}|${grant.organisation}`), `organisation ${grant.organisation} has an approved and a refused grant in ${grant.year}`);
  }
}
