import { addDays, addMonths, midpoint } from './days.js';
import type { Stage } from './tables.js';

/**
 * The checklist of a micro-project: each stage brings its tasks, with a due
 * date computed from the dates the project has (the year's application
 * deadline, the approval notice, the start, the end) and from the rules of
 * its funding year. Sources of the periods: wave2.md "Micro-projects" (the
 * Minijob-Zentrale: registration with the first payroll, at the latest six
 * weeks after the start; working-time records within seven days, § 17 MiLoG;
 * ANBest-P: proof of use usually six months after the end, a rule of the year).
 * Nothing here reads a clock: `today` is passed in.
 */

export type TaskGroup = 'application' | 'approval' | 'minijob' | 'running' | 'proof';

/** The dates a checklist is computed from. */
export interface ChecklistDates {
  stage: Stage;
  applicationDeadline: string | null;
  approvedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  proofDueMonths: number;
  hasMinijob: boolean;
  hasTaxAdviser: boolean;
}

interface TaskRule {
  key: string;
  group: TaskGroup;
  /** The due date, or null while the date it depends on is not known. */
  due: (dates: ChecklistDates) => string | null;
  applies?: (dates: ChecklistDates) => boolean;
  optional?: boolean;
}

const fromDeadline = (days: number) => (d: ChecklistDates) => (d.applicationDeadline ? addDays(d.applicationDeadline, days) : null);
const fromNotice = (days: number) => (d: ChecklistDates) => (d.approvedOn ? addDays(d.approvedOn, days) : null);
const fromStart = (days: number) => (d: ChecklistDates) => (d.startsOn ? addDays(d.startsOn, days) : null);
export const proofDueOf = (d: Pick<ChecklistDates, 'endsOn' | 'proofDueMonths'>) => (d.endsOn ? addMonths(d.endsOn, d.proofDueMonths) : null);
const minijob = (d: ChecklistDates) => d.hasMinijob;

export const taskRules: TaskRule[] = [
  { key: 'concept', group: 'application', due: fromDeadline(-28) },
  { key: 'financePlan', group: 'application', due: fromDeadline(-21) },
  { key: 'integrationOfficeLetter', group: 'application', due: fromDeadline(-14) },
  { key: 'submitApplication', group: 'application', due: fromDeadline(0) },
  { key: 'readNotice', group: 'approval', due: fromNotice(14) },
  { key: 'visibility', group: 'approval', due: (d) => fromStart(30)(d) ?? fromNotice(30)(d) },
  { key: 'personnelQuestionnaire', group: 'minijob', due: fromStart(0), applies: minijob },
  { key: 'accidentInsurance', group: 'minijob', due: fromStart(0), applies: minijob },
  { key: 'employerNumber', group: 'minijob', due: fromStart(0), applies: minijob },
  { key: 'employmentContract', group: 'minijob', due: fromStart(0), applies: minijob },
  { key: 'workingTimeRecords', group: 'minijob', due: fromStart(7), applies: minijob },
  { key: 'minijobRegistration', group: 'minijob', due: fromStart(42), applies: minijob },
  { key: 'monthlyLevies', group: 'minijob', due: (d) => (d.startsOn ? addMonths(d.startsOn, 1) : null), applies: minijob },
  { key: 'taxAdviser', group: 'minijob', due: fromStart(0), applies: (d) => d.hasMinijob || d.hasTaxAdviser, optional: true },
  { key: 'interimCheck', group: 'running', due: (d) => (d.startsOn && d.endsOn ? midpoint(d.startsOn, d.endsOn) : null) },
  { key: 'receiptsKept', group: 'running', due: (d) => d.endsOn },
  { key: 'sachbericht', group: 'proof', due: proofDueOf },
  { key: 'numericalProof', group: 'proof', due: proofDueOf },
  { key: 'submitProof', group: 'proof', due: proofDueOf },
];

/** The position of a stage on the normal path; rejected and withdrawn end the path after the application. */
const pathOrder: Record<Stage, number> = {
  idea: 0, in_consultation: 1, application_submitted: 2, approved: 3, running: 4, proof_due: 5, proof_submitted: 6, closed: 7, rejected: 2, withdrawn: 2,
};
/** The stage from which a group's tasks are shown, and the stage that completes them all. */
const groupStages: Record<TaskGroup, { from: Stage; completedBy: Stage | null }> = {
  application: { from: 'idea', completedBy: 'application_submitted' },
  approval: { from: 'approved', completedBy: null },
  minijob: { from: 'approved', completedBy: null },
  running: { from: 'approved', completedBy: 'proof_submitted' },
  proof: { from: 'approved', completedBy: 'proof_submitted' },
};
const declined = (stage: Stage) => stage === 'rejected' || stage === 'withdrawn';
/** Stages in which nothing is due any more: no reminders. */
export const finishedStages: readonly Stage[] = ['rejected', 'withdrawn', 'proof_submitted', 'closed'];

export type TaskState = 'done' | 'overdue' | 'dueSoon' | 'open' | 'undated';

export interface ChecklistTask {
  key: string;
  group: TaskGroup;
  due: string | null;
  optional: boolean;
  /** Ticked, or completed by the stage the project reached (a submitted application). */
  done: boolean;
  state: TaskState;
}

/** "Due soon": within this many days; the reminder before the due date goes out as soon as a task is due soon. */
export const dueSoonDays = 7;

export function checklistOf(dates: ChecklistDates, ticked: ReadonlySet<string>, today: string): ChecklistTask[] {
  const reached = pathOrder[dates.stage];
  // the end of "due soon", once per checklist rather than once per task
  const soon = addDays(today, dueSoonDays);
  return taskRules
    .filter((rule) => (rule.applies ?? (() => true))(dates))
    .filter((rule) => (declined(dates.stage) ? rule.group === 'application' : reached >= pathOrder[groupStages[rule.group].from]))
    .map((rule) => {
      const due = rule.due(dates);
      const completedBy = groupStages[rule.group].completedBy;
      const done = ticked.has(rule.key) || (completedBy !== null && reached >= pathOrder[completedBy]);
      return { key: rule.key, group: rule.group, due, optional: rule.optional === true, done, state: stateOf(done, due, today, soon) };
    });
}

function stateOf(done: boolean, due: string | null, today: string, soon: string): TaskState {
  if (done) return 'done';
  if (due === null) return 'undated';
  if (due < today) return 'overdue';
  if (due <= soon) return 'dueSoon';
  return 'open';
}

/** The task to do next: the earliest open one with a date (optional tasks last). */
export function nextTask(tasks: ChecklistTask[]): ChecklistTask | undefined {
  return tasks
    .filter((task) => !task.done && task.due !== null)
    .sort((a, b) => Number(a.optional) - Number(b.optional) || (a.due! < b.due! ? -1 : a.due! > b.due! ? 1 : 0))[0];
}

export const knownTasks: ReadonlySet<string> = new Set(taskRules.map((rule) => rule.key));
