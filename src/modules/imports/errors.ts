/**
 * What goes wrong in an import, said in German first and English, with the
 * line and column a spreadsheet user can find (spec/exchange.md: "standard
 * error names the file, the line, the column and what is wrong").
 */

export interface Message {
  de: string;
  en: string;
}

export interface ImportProblem {
  /** Line as a spreadsheet user sees it: the header is line 1. 0 = the file as a whole. */
  line: number;
  column: string | null;
  code: string;
  /** What is wrong and how to fix it. */
  message: Message;
  /** Only on the final "… and N more" entry: how many problems were left off. */
  more?: number;
}

/** A file that cannot be read as a table at all (encoding, quoting, not a spreadsheet). */
export class ImportError extends Error {
  constructor(
    readonly code: string,
    readonly text: Message,
    readonly line = 0,
    readonly column: string | null = null,
  ) {
    super(`${text.de} / ${text.en}`);
    this.name = 'ImportError';
  }

  toProblem(): ImportProblem {
    return { line: this.line, column: this.column, code: this.code, message: this.text };
  }
}

/** The outcome keeps this many problems; the rest are summed up in one entry. */
export const problemCap = 200;

const germanNumber = new Intl.NumberFormat('de-DE');
const englishNumber = new Intl.NumberFormat('en-GB');

export function moreProblems(count: number): ImportProblem {
  return {
    line: 0,
    column: null,
    code: 'more_problems',
    more: count,
    message: {
      de: `… und ${germanNumber.format(count)} weitere Probleme. Beheben Sie die genannten und prüfen Sie die Datei erneut.`,
      en: `… and ${englishNumber.format(count)} more problems. Fix the ones listed and check the file again.`,
    },
  };
}

/**
 * Collects every problem of a file, remembering which lines are bad so that
 * later checks skip them. Keeps the first `problemCap` for the report.
 */
export class ProblemList {
  private readonly kept: ImportProblem[] = [];
  private total = 0;
  readonly badLines = new Set<number>();

  /** A list as a plain object, to cross from the worker that validated the rows (prepare.ts). */
  snapshot(): ProblemSnapshot {
    return { kept: this.kept, total: this.total, badLines: this.badLines };
  }

  static restore(snapshot: ProblemSnapshot): ProblemList {
    const list = new ProblemList();
    list.kept.push(...snapshot.kept);
    list.total = snapshot.total;
    for (const line of snapshot.badLines) list.badLines.add(line);
    return list;
  }

  add(line: number, column: string | null, code: string, message: Message): void {
    this.total += 1;
    this.badLines.add(line);
    if (this.kept.length < problemCap) this.kept.push({ line, column, code, message });
  }

  get count(): number {
    return this.total;
  }

  /** The problems for the outcome, by line: at most `problemCap`, then one summary entry. */
  list(): ImportProblem[] {
    // checks of the database (an unknown event, say) come after the checks of the cells; users read by line
    const kept = [...this.kept].sort((a, b) => a.line - b.line);
    const hidden = this.total - kept.length;
    return hidden > 0 ? [...kept, moreProblems(hidden)] : kept;
  }
}

export interface ProblemSnapshot {
  kept: ImportProblem[];
  total: number;
  badLines: Set<number>;
}

/** "file:line:column: " (column and line left out when there is none). */
export function problemLocation(fileName: string, problem: ImportProblem): string {
  if (problem.line === 0) return `${fileName}: `;
  return problem.column ? `${fileName}:${problem.line}:${problem.column}: ` : `${fileName}:${problem.line}: `;
}

/** One line per problem, "file:line:column: message", at most `cap` of them plus a summary. */
export function formatProblems(outcome: { fileName: string; problems: ImportProblem[] }, language: 'de' | 'en', cap = problemCap): string[] {
  const real = outcome.problems.filter((problem) => problem.code !== 'more_problems');
  const alreadyHidden = outcome.problems.reduce((sum, problem) => sum + (problem.more ?? 0), 0);
  const shown = real.slice(0, Math.max(0, cap));
  const hidden = real.length - shown.length + alreadyHidden;
  const entries = hidden > 0 ? [...shown, moreProblems(hidden)] : shown;
  return entries.map((problem) => problemLocation(outcome.fileName, problem) + problem.message[language]);
}
