import { describe, expect, it } from 'vitest';
import { boolean } from './cells.js';
import { formatProblems, ProblemList, type ImportProblem } from './errors.js';
import { parseCsv } from './parse.js';
import type { ImportKind } from './schemas.js';
import { recordsToTable, validateTable } from './validate.js';
import { columnAliases, columnOfHeading, headingKey } from './column-aliases.js';
import { columnsOf } from './schemas.js';

/** Checks a CSV text of one kind: the valid rows and the problems, as the import sees them. */
function check(kind: ImportKind, lines: string[]) {
  const problems = new ProblemList();
  const rows = validateTable<Record<string, unknown>>(kind, parseCsv(lines.join('\n')), problems);
  return { rows, problems: problems.list() };
}

/** The single problem of a one-row file; asserts it names the line and column in both languages. */
function onlyProblem(kind: ImportKind, lines: string[], column: string | null, line = 2): ImportProblem {
  const { problems } = check(kind, lines);
  expect(problems).toHaveLength(1);
  const [problem] = problems;
  expect(problem).toMatchObject({ line, column });
  const location = column ? `list.csv:${line}:${column}: ` : `list.csv:${line}: `;
  expect(formatProblems({ fileName: 'list.csv', problems }, 'de')[0].startsWith(location)).toBe(true);
  expect(formatProblems({ fileName: 'list.csv', problems }, 'en')[0].startsWith(location)).toBe(true);
  expect(problem.message.de).not.toBe(problem.message.en);
  expect(problem.message.de).not.toContain('{column}');
  expect(problem.message.en).not.toContain('{column}');
  return problem;
}

const event = (start: string, extra = { format: 'regional_network_meeting', organizer: '' }) => [
  'event_key,title,format,start_date,organizer',
  `ev-1,Netzwerktreffen,${extra.format},${start},${extra.organizer}`,
];
const grant = (cells: Partial<Record<'year' | 'application_type' | 'status' | 'approved_on' | 'amount_eur' | 'duration_months', string>>) => {
  const row = { year: '2019', application_type: 'new', status: 'approved', approved_on: '', amount_eur: '', duration_months: '', ...cells };
  return [
    'year,organization,application_type,status,approved_on,amount_eur,duration_months',
    `${row.year},DTKV Gießen,${row.application_type},${row.status},${row.approved_on},"${row.amount_eur}","${row.duration_months}"`,
  ];
};
const organisation = (column: string, value: string) => [`org_key,name,${column}`, `V-1,Afrika Forum Kassel,"${value}"`];

describe('dates (YYYY-MM-DD or DD.MM.YYYY)', () => {
  it('reads both spellings as the same calendar day', () => {
    expect(check('events', event('2019-06-01')).rows[0].value.start_date).toBe('2019-06-01');
    expect(check('events', event('01.06.2019')).rows[0].value.start_date).toBe('2019-06-01');
    expect(check('events', event('1.6.2019')).rows[0].value.start_date).toBe('2019-06-01');
    expect(check('events', event('29.02.2020')).rows[0].value.start_date).toBe('2020-02-29');
  });

  it('refuses an impossible date such as 31.02.2019, saying how many days the month has', () => {
    const problem = onlyProblem('events', event('31.02.2019'), 'start_date');
    expect(problem.message.de).toContain('Februar 2019 hat 28 Tage');
    expect(problem.message.en).toContain('February 2019 has 28 days');
  });

  it.each([
    ['2019-13-01', 'date_month'],
    ['29.02.2019', 'date_day'],
    ['01.06.19', 'date_short_year'],
    ['1. Juni 2019', 'date_format'],
    ['2019/06/01', 'date_format'],
  ])('refuses %s', (value, code) => {
    expect(onlyProblem('events', event(value), 'start_date').code).toBe(code);
  });

  it('requires start_date to hold a value', () => {
    const problem = onlyProblem('events', event(''), 'start_date');
    expect(problem.code).toBe('required');
    expect(problem.message.de).toContain('start_date');
    expect(problem.message.en).toContain('start_date');
  });
});

describe('booleans and lists', () => {
  it.each([
    ['true', true], ['false', false], ['ja', true], ['nein', false], ['1', true], ['0', false], ['Ja', true], ['', null],
  ])('reads %s as %s', (value, expected) => {
    expect(boolean().parse(value)).toBe(expected);
  });

  it('refuses other yes/no words', () => {
    expect(boolean().safeParse('vielleicht').success).toBe(false);
  });

  it('splits list cells at |, drops blanks and repeats', () => {
    expect(check('organizations', organisation('fields', 'culture| youth ||culture')).rows[0].value.fields).toEqual(['culture', 'youth']);
    expect(check('organizations', organisation('fields', '')).rows[0].value.fields).toEqual([]);
  });

  it('names a list item that is not one of the keys', () => {
    const problem = onlyProblem('organizations', organisation('fields', 'culture|Kultur'), 'fields');
    expect(problem.message.de).toContain('„Kultur“');
    expect(problem.message.en).toContain('education, counselling, culture');
  });

  it('reads aliases as names', () => {
    const value = check('organizations', organisation('aliases', 'AFK | Afrika-Forum')).rows[0].value;
    expect(value.aliases).toEqual([
      { name: 'AFK', normalisedName: 'afk' },
      { name: 'Afrika-Forum', normalisedName: 'afrika forum' },
    ]);
  });
});

describe('enumerations, written as the spec writes them', () => {
  it.each([
    ['organizations', 'legal_form', ['initiative', 'ev_in_gruendung', 'ev', 'ev_gemeinnuetzig', 'ggmbh', 'other'], 'e.V.'],
    ['organizations', 'orientation', ['community', 'cross_community', 'mixed'], 'migrantisch'],
  ] as const)('%s.%s', (kind, column, tokens, wrong) => {
    for (const token of tokens) expect(check(kind, organisation(column, token)).problems).toEqual([]);
    const problem = onlyProblem(kind, organisation(column, wrong), column);
    expect(problem.message.de).toContain(tokens.join(', '));
    expect(problem.message.en).toContain(tokens.join(', '));
  });

  it('events.format and events.organizer (centre by default)', () => {
    for (const format of ['regional_network_meeting', 'state_network_meeting', 'training_application', 'training_implementation', 'training_reporting', 'writing_workshop', 'pr_training', 'other']) {
      expect(check('events', event('2019-06-01', { format, organizer: 'partner' })).rows[0].value).toMatchObject({ format, organizer: 'partner' });
    }
    expect(check('events', event('2019-06-01')).rows[0].value.organizer).toBe('centre');
    expect(onlyProblem('events', event('2019-06-01', { format: 'Netzwerktreffen', organizer: '' }), 'format').code).toBe('choice');
    const wrongCase = onlyProblem('events', event('2019-06-01', { format: 'regional_network_meeting', organizer: 'Centre' }), 'organizer');
    expect(wrongCase.message.de).toContain('Gemeint ist wohl centre');
    expect(wrongCase.message.en).toContain('You probably mean centre');
  });

  it('consultations.channel', () => {
    const file = (channel: string) => ['date,organization,channel', `2019-03-01,DTKV Gießen,${channel}`];
    for (const channel of ['phone', 'in_person', 'email', 'video']) expect(check('consultations', file(channel)).problems).toEqual([]);
    expect(onlyProblem('consultations', file('Telefon'), 'channel').message.en).toContain('phone, in_person, email, video');
  });

  it('grants.application_type, also Erstantrag and Folgeantrag', () => {
    expect(check('grants', grant({ application_type: 'new' })).rows[0].value.application_type).toBe('new');
    expect(check('grants', grant({ application_type: 'follow_up' })).rows[0].value.application_type).toBe('follow_up');
    expect(check('grants', grant({ application_type: 'Erstantrag' })).rows[0].value.application_type).toBe('new');
    expect(check('grants', grant({ application_type: 'folgeantrag' })).rows[0].value.application_type).toBe('follow_up');
    expect(onlyProblem('grants', grant({ application_type: 'Neuantrag' }), 'application_type').message.de).toContain('Erstantrag');
  });

  it('grants.status', () => {
    for (const status of ['submitted', 'approved', 'rejected', 'withdrawn']) expect(check('grants', grant({ status })).problems).toEqual([]);
    expect(onlyProblem('grants', grant({ status: 'bewilligt' }), 'status').code).toBe('choice');
  });
});

describe('e-mail addresses, checked the one way Mosaik checks them (src/modules/mail/address.ts)', () => {
  it('refuses an umlaut before the @, naming row and column, saying what to do in German and English', () => {
    const file = (email: string) => ['event_key,person,email', `ev-1,Jürgen Schäfer,${email}`];
    expect(check('participants', file('juergen@example.org')).problems).toEqual([]);
    const problem = onlyProblem('participants', file('jürgen@example.org'), 'email');
    expect(problem.message.de).toContain('„jürgen@example.org“ hat vor dem @ Umlaute');
    expect(problem.message.de).toContain('„ae“ statt „ä“');
    expect(problem.message.en).toContain('"jürgen@example.org" has accents or other special letters before the @');
    expect(onlyProblem('participants', file('juergen@example'), 'email').message.en).toContain('is not an e-mail address');
  });
});

describe('numbers', () => {
  const thisYear = new Date().getFullYear();

  it('founded_year: four digits, not in the future', () => {
    expect(check('organizations', organisation('founded_year', String(thisYear))).rows[0].value.founded_year).toBe(thisYear);
    const future = onlyProblem('organizations', organisation('founded_year', String(thisYear + 1)), 'founded_year');
    expect(future.code).toBe('founded_year_future');
    expect(future.message.de).toContain(`bis ${thisYear}`);
    expect(onlyProblem('organizations', organisation('founded_year', '98'), 'founded_year').code).toBe('founded_year');
  });

  it('duration_months: 1 to 24', () => {
    expect(check('grants', grant({ duration_months: '1' })).problems).toEqual([]);
    expect(check('grants', grant({ duration_months: '24' })).rows[0].value.duration_months).toBe(24);
    for (const wrong of ['0', '25', '6,5', 'zwölf']) {
      const problem = onlyProblem('grants', grant({ duration_months: wrong }), 'duration_months');
      expect(problem.message.de).toContain('24');
      expect(problem.message.en).toContain('24');
    }
  });

  it('amount_eur in German or plain notation', () => {
    expect(check('grants', grant({ amount_eur: '4.500,00' })).rows[0].value.amount_eur).toBe(4500);
    expect(check('grants', grant({ amount_eur: '1.234,50 €' })).rows[0].value.amount_eur).toBe(1234.5);
    expect(check('grants', grant({ amount_eur: '4500.5' })).rows[0].value.amount_eur).toBe(4500.5);
    expect(onlyProblem('grants', grant({ amount_eur: '-50' }), 'amount_eur').code).toBe('amount');
  });

  it('ratings 1 to 4; 16 is refused with a message naming q3 and the fix', () => {
    const file = (q3: string) => ['event_key,response_key,q1,q2,q3', `ev-1,7,1,2,"${q3}"`];
    expect(check('feedback', file('4')).rows[0].value).toMatchObject({ q1: 1, q2: 2, q3: 4, q4: null });
    expect(check('feedback', file('')).rows[0].value.q3).toBeNull();
    const problem = onlyProblem('feedback', file('16'), 'q3');
    expect(problem.message.de).toBe('In q3 steht „16“. Bewertungen reichen von 1 (sehr gut) bis 4: tragen Sie 1, 2, 3 oder 4 ein, oder lassen Sie die Zelle leer (keine Angabe).');
    expect(problem.message.en).toContain('q3 holds "16"');
    expect(problem.message.en).toContain('enter 1, 2, 3 or 4');
    for (const wrong of ['0', '5', '1,5', 'gut']) expect(onlyProblem('feedback', file(wrong), 'q3').code).toBe('rating');
  });
});

describe('the header', () => {
  it('names every unknown column, with a hint for a near miss', () => {
    const { rows, problems } = check('participants', ['event_key,organizaton,Bemerkung', 'ev-1,DTKV,x']);
    expect(rows).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 1, column: null, code: 'unknown_columns' });
    expect(problems[0].message.de).toContain('„organizaton“, „Bemerkung“');
    expect(problems[0].message.de).toContain('ist wohl organization gemeint');
    expect(problems[0].message.en).toContain('"organizaton", "Bemerkung"');
  });

  it('names a missing required column', () => {
    const { problems } = check('events', ['event_key,title,start_date', 'ev-1,Treffen,2019-06-01']);
    expect(problems).toEqual([expect.objectContaining({ line: 1, column: 'format', code: 'missing_column' })]);
    expect(problems[0].message.de).toContain('Pflichtspalte format fehlt');
    expect(problems[0].message.en).toContain('required column format is missing');
  });

  it('reads headings in any case and with surrounding spaces; optional columns may be left out', () => {
    const { rows, problems } = check('participants', [' Event_Key ,PERSON', 'ev-1,Jana Schulz']);
    expect(problems).toEqual([]);
    expect(rows[0].value).toEqual({ event_key: 'ev-1', organization: null, person: 'Jana Schulz', email: null });
  });

  it('refuses a column named twice and values below an empty heading', () => {
    expect(check('participants', ['event_key,person,person', 'ev-1,a,b']).problems[0]).toMatchObject({ code: 'duplicate_column', column: 'person' });
    expect(check('participants', ['event_key,,person', 'ev-1,x,a']).problems[0]).toMatchObject({ code: 'column_without_heading', line: 1 });
  });

  it('refuses cells beyond the last heading, naming the line', () => {
    expect(onlyProblem('participants', ['event_key,person', 'ev-1,a,b'], null).code).toBe('extra_cells');
  });
});

describe('rows', () => {
  it('reports every bad cell of every row with its line, and keeps the good rows', () => {
    const { rows, problems } = check('events', [
      'event_key,title,format,start_date',
      'ev-1,Eins,other,2019-06-01',
      ',Zwei,Treffen,31.02.2019',
      '',
      'ev-4,Vier,other,2019-06-04',
    ]);
    expect(rows.map((row) => row.line)).toEqual([2, 5]);
    expect(problems.map((problem) => [problem.line, problem.column])).toEqual([
      [3, 'event_key'],
      [3, 'format'],
      [3, 'start_date'],
    ]);
  });

  it('refuses a cell holding a NUL character or a broken character (the database cannot store them)', () => {
    // records as the JSON API sends them can hold what no CSV file can
    const problems = new ProblemList();
    const table = recordsToTable([{ event_key: 'ev-1', person: 'Jana\u0000Schulz' }, { event_key: 'ev-1', person: 'Ali \ud800' }]);
    expect(validateTable('participants', table, problems)).toEqual([]);
    expect(problems.list()).toEqual([
      expect.objectContaining({ line: 2, column: 'person', code: 'invalid_character' }),
      expect.objectContaining({ line: 3, column: 'person', code: 'invalid_character' }),
    ]);
  });
});

describe('the header row (findHeader)', () => {
  it("finds the header below a title row and a blank line, keeping the file's line numbers", () => {
    const { rows, problems } = check('events', [
      'Veranstaltungen 2024;;;',
      ';;;',
      'event_key;title;format;start_date',
      'ev-1;Treffen;regional_network_meeting;2024-03-15',
      'ev-2;Treffen;no_such_format;2024-03-16',
    ]);
    expect(rows.map((row) => row.line)).toEqual([4]);
    expect(problems).toEqual([expect.objectContaining({ line: 5, column: 'format' })]);
  });

  it("reports header problems on the header's own line when rows sit above it", () => {
    const { problems } = check('events', ['Liste der Treffen', 'event_key,title,start_date', 'ev-1,Treffen,2019-06-01']);
    expect(problems).toEqual([expect.objectContaining({ line: 2, column: 'format', code: 'missing_column' })]);
    expect(problems[0].message.de).toContain('format (oder Format)');
  });

  it('says the first row must name the columns, naming them, when no row of the top ten does', () => {
    const { rows, problems } = check('participants', ['Anwesenheit Netzwerktreffen', 'Wer,Woher', 'Ana,Gießen']);
    expect(rows).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ line: 1, column: null, code: 'header_not_found' })]);
    expect(problems[0].message.de).toContain('Die erste Zeile muss die Spalten benennen, z. B. event_key (Veranstaltung)');
    expect(problems[0].message.de).toContain('„Anwesenheit Netzwerktreffen“');
    expect(problems[0].message.en).toContain('The first row must name the columns, e.g. event_key (Veranstaltung)');
    // a header further down than ten rows is not looked for
    const deep = check('participants', [...Array.from({ length: 10 }, (_, index) => `Notiz ${index + 1}`), 'event_key,person', 'ev-1,Ana']);
    expect(deep.problems).toEqual([expect.objectContaining({ code: 'header_not_found' })]);
  });
});

describe('German headings (column-aliases.ts)', () => {
  const german: Record<ImportKind, { lines: string[]; expected: Record<string, unknown> }> = {
    organizations: {
      lines: ['Schlüssel;Organisation/Verein;Rechtsform;Gründungsjahr;Ort;Landkreis;PLZ;E-Mail;Telefon', 'org-1;DTKV Gießen e.V.;ev;1998;Gießen;Landkreis Gießen;35390;info@dtkv.example;0641 1'],
      expected: { org_key: 'org-1', name: expect.objectContaining({ name: 'DTKV Gießen e.V.' }), legal_form: 'ev', founded_year: 1998, municipality: 'Gießen', district: 'Landkreis Gießen', postcode: '35390', email: 'info@dtkv.example' },
    },
    events: {
      lines: ['Kennung;Veranstaltung;Format;Datum;Ort;Landkreis;Plätze', 'ev-1;Netzwerktreffen;regional_network_meeting;15.03.2024;Gießen;Landkreis Gießen;40'],
      expected: { event_key: 'ev-1', title: 'Netzwerktreffen', format: 'regional_network_meeting', municipality: 'Gießen', capacity: 40 },
    },
    participants: {
      lines: ['VERANSTALTUNG;organisation / verein;Name;e_mail', 'ev-1;DTKV;Ayşe Yılmaz;ayse@example.org'],
      expected: { event_key: 'ev-1', organization: expect.objectContaining({ name: 'DTKV' }), person: 'Ayşe Yılmaz', email: 'ayse@example.org' },
    },
    feedback: {
      lines: ['Veranstaltung;Bogennummer;Frage 1;Frage 2;Kommentar;Verbesserungsvorschläge;Sprache', 'ev-1;b-1;1;2;Gut;Mehr Zeit;de'],
      expected: { event_key: 'ev-1', response_key: 'b-1', q1: 1, q2: 2, comment_more: 'Gut', comment_improve: 'Mehr Zeit', language: 'de' },
    },
    consultations: {
      lines: ['Datum;Verein;Kanal;Thema;Dauer (Minuten)', '02.04.2024;DTKV;phone;Antrag;30'],
      expected: { organization: expect.objectContaining({ name: 'DTKV' }), channel: 'phone', topic: 'Antrag', duration_minutes: 30 },
    },
    grants: {
      lines: ['Förderjahr;Organisation;Antragsart;Status;Bewilligt am;Betrag (EUR);Laufzeit (Monate)', '2024;DTKV;Erstantrag;approved;15.05.2024;2500;6'],
      expected: { year: 2024, organization: expect.objectContaining({ name: 'DTKV' }), application_type: 'new', status: 'approved', duration_months: 6 },
    },
  };
  for (const [kind, { lines, expected }] of Object.entries(german) as [ImportKind, (typeof german)[ImportKind]][]) {
    it(`reads a ${kind} list with German headings`, () => {
      const { rows, problems } = check(kind, lines);
      expect(problems).toEqual([]);
      expect(rows).toHaveLength(1);
      expect(rows[0].value).toMatchObject(expected);
    });
  }

  it('finds German headings below a title row too', () => {
    const { rows, problems } = check('participants', ['Teilnehmerliste Netzwerktreffen 15.03.2024', 'Veranstaltung;Organisation;Name', 'ev-1;DTKV;Ana']);
    expect(problems).toEqual([]);
    expect(rows).toEqual([{ line: 3, value: expect.objectContaining({ event_key: 'ev-1', person: 'Ana' }) }]);
  });

  it('counts a German heading and its spec column as the same column', () => {
    const { problems } = check('events', ['event_key,title,Veranstaltung,format,start_date', 'ev-1,a,b,regional_network_meeting,2024-01-01']);
    expect(problems).toEqual([expect.objectContaining({ code: 'duplicate_column', column: 'title' })]);
  });

  it('gives every alias of a kind one column only', () => {
    for (const kind of Object.keys(columnAliases) as ImportKind[]) {
      const seen = new Map<string, string>();
      for (const [column, aliases] of Object.entries(columnAliases[kind])) {
        expect(columnsOf(kind)).toContain(column);
        for (const alias of aliases) {
          const key = headingKey(alias);
          expect(seen.get(key) ?? column, `${kind}: ${alias}`).toBe(column);
          seen.set(key, column);
          expect(columnOfHeading(kind, alias)).toBe(column);
        }
      }
    }
  });

  it('ignores the "Fehler / Problem" column of a returned file of rejected rows, and undoes its formula guard', () => {
    const { rows, problems } = check('organizations', ['Fehler / Problem;org_key;name;phone', "name: fehlt;org-1;DTKV;'+49 641 1"]);
    expect(problems).toEqual([]);
    expect(rows[0].value).toMatchObject({ org_key: 'org-1', phone: '+49 641 1' });
  });
});
