import { z } from 'zod';
import { isIsoDay } from '../../ui/dates.js';
import { isConcernTopic, type ConcernTopic } from '../concerns/index.js';
import { followupStatuses, interviewChannels, interviewKinds, type FollowupStatus, type InterviewChannel, type InterviewKind } from './tables.js';

/**
 * What the workspace's forms send, read into checked input. One reader per
 * form, shared by the page and the tests (the workspace has no write API).
 * A problem names its field and an i18n code (evaluation.errors.<code>,
 * German and English, saying what to do); nothing is stored while there are
 * problems.
 */

export const formBody = z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({});
export type FormBody = z.infer<typeof formBody>;

export interface FormProblem {
  field: string;
  code: string;
  parameters?: Record<string, string | number>;
}

const text = (body: FormBody, name: string, max = 20000) => {
  const value = body[name];
  return (Array.isArray(value) ? value.join('\n') : (value ?? '')).replace(/\r\n/g, '\n').trim().slice(0, max);
};

function day(body: FormBody, name: string, problems: FormProblem[], required = true): string | null {
  const value = text(body, name, 20);
  if (value === '') {
    if (required) problems.push({ field: name, code: 'dayMissing' });
    return null;
  }
  if (!isIsoDay(value)) {
    problems.push({ field: name, code: 'dayInvalid' });
    return null;
  }
  return value;
}

const oneOf = <T extends string>(values: readonly T[], value: string): T | null => (values.includes(value as T) ? (value as T) : null);

/** Lines of a textarea, each trimmed, empty ones dropped. */
export const linesOf = (value: string) => value.split('\n').map((line) => line.trim()).filter(Boolean);

export const maxWorkshops = 8;

export interface ObservationInput {
  course: string;
  topics: string;
  worked: string;
  suggestions: string;
  /** The needs raised, one per line of the form, each stored as its own row. */
  needs: string[];
  /** The needs log's topic for these needs (optional in the form: 'other' leaves the sorting to staff). */
  needsTopic: ConcernTopic;
  workshops: { title: string; notes: string; needs: string[]; needsTopic: ConcernTopic }[];
}

/** The topic select of a part of the protocol: empty is 'other'; a value outside the concerns vocabulary is a problem (a stale or forged form). */
function needsTopic(body: FormBody, name: string, problems: FormProblem[], parameters?: Record<string, number>): ConcernTopic {
  const value = text(body, name, 40);
  if (value === '') return 'other';
  if (isConcernTopic(value)) return value;
  problems.push(parameters ? { field: name, code: 'workshopNeedsTopicUnknown', parameters } : { field: name, code: 'needsTopicUnknown' });
  return 'other';
}

export function parseObservation(body: FormBody): { input: ObservationInput; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const workshops: ObservationInput['workshops'] = [];
  for (let index = 1; index <= maxWorkshops; index++) {
    const title = text(body, `workshop_${index}_title`, 200);
    const notes = text(body, `workshop_${index}_notes`);
    const needs = linesOf(text(body, `workshop_${index}_needs`)).map((need) => need.slice(0, 1000));
    const topic = needsTopic(body, `workshop_${index}_needs_topic`, problems, { number: index });
    if (!title && (notes || needs.length > 0)) problems.push({ field: `workshop_${index}_title`, code: 'workshopTitleMissing', parameters: { number: index } });
    if (title) workshops.push({ title, notes, needs, needsTopic: topic });
  }
  const needs = linesOf(text(body, 'needs')).map((need) => need.slice(0, 1000));
  const topic = needsTopic(body, 'needs_topic', problems);
  const input = { course: text(body, 'course'), topics: text(body, 'topics'), worked: text(body, 'worked'), suggestions: text(body, 'suggestions'), needs, needsTopic: topic, workshops };
  if (needs.length + workshops.reduce((sum, workshop) => sum + workshop.needs.length, 0) > 100) problems.push({ field: 'needs', code: 'tooManyNeeds' });
  if (!input.course && !input.topics && !input.worked && !input.suggestions && workshops.length === 0) problems.push({ field: 'course', code: 'protocolEmpty' });
  return { input, problems };
}

export interface GuideInput {
  kind: InterviewKind;
  title: string;
  questions: string;
}

export function parseGuide(body: FormBody): { input: GuideInput; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const kind = oneOf(interviewKinds, text(body, 'kind'));
  if (!kind) problems.push({ field: 'kind', code: 'kindMissing' });
  const title = text(body, 'title', 200);
  if (!title) problems.push({ field: 'title', code: 'titleMissing' });
  const questions = text(body, 'questions');
  if (!questions) problems.push({ field: 'questions', code: 'questionsMissing' });
  return { input: { kind: kind ?? 'association', title, questions }, problems };
}

export interface InterviewInput {
  heldOn: string;
  kind: InterviewKind;
  channel: InterviewChannel;
  durationMinutes: number | null;
  guideId: number;
  /** The pseudonym the evaluator entered (O-…), resolved by the command; '' for none. */
  organisation: string;
  consentSignedOn: string;
  consentVersion: string;
  consentScope: 'evaluation_only';
  notes: string;
  portrait: string;
}

export function parseInterview(body: FormBody): { input: InterviewInput; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const heldOn = day(body, 'heldOn', problems);
  const kind = oneOf(interviewKinds, text(body, 'kind'));
  if (!kind) problems.push({ field: 'kind', code: 'kindMissing' });
  const channel = oneOf(interviewChannels, text(body, 'channel'));
  if (!channel) problems.push({ field: 'channel', code: 'channelMissing' });
  const durationText = text(body, 'durationMinutes', 10);
  const duration = durationText === '' ? null : Number(durationText);
  if (duration !== null && !(Number.isInteger(duration) && duration >= 1 && duration <= 600)) problems.push({ field: 'durationMinutes', code: 'durationInvalid' });
  const guideId = Number(text(body, 'guideId', 12));
  if (!Number.isInteger(guideId) || guideId < 1) problems.push({ field: 'guideId', code: 'guideMissing' });
  // the consent: without it nothing of the interview is stored
  const consentGiven = text(body, 'consent', 10) === 'yes';
  const consentSignedOn = day(body, 'consentSignedOn', problems, false);
  const consentVersion = text(body, 'consentVersion', 40);
  const consentScope = text(body, 'consentScope', 40);
  if (!consentGiven || !consentSignedOn || !consentVersion || consentScope !== 'evaluation_only') {
    if (!problems.some((problem) => problem.field === 'consentSignedOn')) problems.push({ field: 'consent', code: 'consentMissing' });
  }
  if (heldOn && consentSignedOn && consentSignedOn > heldOn) problems.push({ field: 'consentSignedOn', code: 'consentAfterInterview' });
  const organisation = text(body, 'organisation', 20).toUpperCase();
  if (organisation && !/^O-[0-9A-HJKMNP-TV-Z]{8}$/.test(organisation)) problems.push({ field: 'organisation', code: 'pseudonymInvalid' });
  return {
    input: {
      heldOn: heldOn ?? '',
      kind: kind ?? 'association',
      channel: channel ?? 'in_person',
      durationMinutes: duration !== null && Number.isInteger(duration) ? duration : null,
      guideId,
      organisation,
      consentSignedOn: consentSignedOn ?? '',
      consentVersion,
      consentScope: 'evaluation_only',
      notes: text(body, 'notes', 50000),
      portrait: text(body, 'portrait', 5000),
    },
    problems,
  };
}

export interface FollowupInput {
  position: number;
  task: string;
  owner: string;
  dueOn: string;
}

export const maxFollowups = 8;

export interface ReflectionInput {
  heldOn: string;
  agenda: string;
  decisions: string;
  followups: FollowupInput[];
  /** What came of the previous meeting's follow-ups, by follow-up id. */
  outcomes: { id: number; status: FollowupStatus; outcome: string }[];
}

export function parseReflection(body: FormBody): { input: ReflectionInput; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const heldOn = day(body, 'heldOn', problems);
  const followups: FollowupInput[] = [];
  for (let index = 1; index <= maxFollowups; index++) {
    const task = text(body, `followup_${index}_task`, 1000);
    const owner = text(body, `followup_${index}_owner`, 200);
    const dueText = text(body, `followup_${index}_due`, 20);
    if (!task && !owner && !dueText) continue;
    if (!task) problems.push({ field: `followup_${index}_task`, code: 'followupTaskMissing', parameters: { number: index } });
    if (!owner) problems.push({ field: `followup_${index}_owner`, code: 'followupOwnerMissing', parameters: { number: index } });
    const dueOn = day(body, `followup_${index}_due`, problems);
    if (task && owner && dueOn) followups.push({ position: index, task, owner, dueOn });
  }
  const outcomes: ReflectionInput['outcomes'] = [];
  for (const [name, value] of Object.entries(body)) {
    const match = /^previous_(\d{1,9})_status$/.exec(name);
    if (!match) continue;
    const status = oneOf(followupStatuses, Array.isArray(value) ? (value[0] ?? '') : value) ?? 'open';
    outcomes.push({ id: Number(match[1]), status, outcome: text(body, `previous_${match[1]}_outcome`, 5000) });
  }
  return { input: { heldOn: heldOn ?? '', agenda: text(body, 'agenda'), decisions: text(body, 'decisions'), followups, outcomes }, problems };
}

/** The withdrawal form of an interview: the day the interviewee withdrew the consent. */
export function parseWithdrawal(body: FormBody): { withdrawnOn: string | null; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const withdrawnOn = day(body, 'withdrawnOn', problems);
  return { withdrawnOn, problems: problems.map((problem) => ({ ...problem, code: problem.code === 'dayMissing' ? 'withdrawnOnMissing' : problem.code })) };
}

export function parseSettings(body: FormBody): { endsOn: string | null; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  return { endsOn: day(body, 'endsOn', problems, false), problems };
}
