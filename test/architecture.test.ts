import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { migrationPaths } from '../src/db/migrate.js';
import { importSites, isSource, isTest, mayImportDeeply, moduleOf, normalise, parse, resolveFile, walk } from '../scripts/module-graph.js';

/**
 * The floor plan of docs/architecture.md, held by the code itself. Each rule
 * reads the sources with the TypeScript compiler (no type checking, so it is
 * quick) and names every file that breaks it.
 *
 * Where today's code cannot meet a rule yet, the exception is listed below by
 * name with the reason. The lists may only shrink: an exception that no longer
 * occurs fails the test too, so remove it from the list when you fix it.
 */

// ------------------------------------------------------------------ today's exceptions

/**
 * Module edges that close a circle ("from -> to": what `from` takes from `to`).
 * The module graph without them has no circle, and each one must still close
 * one. They are the upward edges of the layering in docs/architecture.md.
 */
const circleExceptions: Record<string, string> = {
  'identity -> organisations': 'claims: searchOrganisations, createProposedOrganisation (a claim names an organisation or proposes one)',
  'identity -> people': 'claims: personRoles, personForAccount, ensureRole (a confirmed claim gives a person a role)',
  'organisations -> people': 'the profile page shows the people section (OrganisationPeopleSection)',
  'consultations -> registrations': 'request mails use compose and mailLanguages of registrations/mails.ts; they belong to mail',
  'registrations -> events': 'staff routes ask events: assertEditable, eventScopeOf',
  'events -> feedback': 'an event gets its default feedback form: assignDefaultForm',
  'feedback -> reports': 'the annex and the evaluation pages use reportFormats, numberFormats, choosePeriod',
};

/**
 * Writes to a table another module owns, per module: the tables it writes and
 * why. The owner's face should offer the operation instead (docs/architecture.md,
 * "Cross-module work"); then remove the table here.
 */
const foreignWriteExceptions: Record<string, { tables: string[]; why: string }> = {
  privacy: {
    tables: ['account_scope', 'audit_log', 'consultation', 'consultation_request', 'event', 'import_upload', 'mail_outbox', 'organisation', 'organisation_claim', 'organisation_name', 'participation', 'password_token', 'registration', 'registration_group', 'session'],
    why: 'retention (retention.ts) and the erasure of an organisation (organisation-erasure.ts) write rows themselves; each owner should, as its catalogue entries in <module>/personal-data.ts already do for a person',
  },
  events: { tables: ['feedback_form'], why: 'events/queries.ts writes the feedback form of an event' },
  feedback: { tables: ['event'], why: 'feedback/forms.ts sets an event\'s feedback form' },
};

/** Files other than views longer than 300 lines, to be split. */
const longFileExceptions: Record<string, string> = {
  'src/db/backup.ts': 'backup and restore in one file',
  'src/db/tables.ts': 'the foundation tables of every module; each module should declare its own in tables.ts',
  'src/modules/registrations/queries.ts': 'reads and writes of registrations in one file',
  'src/modules/organisations/directory-routes.tsx': 'the directory pages, the review queue links and the pick list\'s suggestions endpoint; the endpoint should move to its own file',
  'src/modules/events/routes.test.ts': 'one test file for all event routes',
  'src/modules/imports/limits.test.ts': 'one test file for all limits',
  'src/modules/imports/validate.test.ts': 'one test file for all validation',
  'src/modules/registrations/registration.test.ts': 'one test file for registration and the waitlist',
};

// ------------------------------------------------------------------ reading the sources

const files = ['src', 'test', 'bench', 'scripts'].flatMap((folder) => walk(folder)).filter(isSource);
const sources = new Map(files.map((file) => [file, parse(file)]));
const plainResolve = (file: string) => (specifier: string) =>
  specifier.startsWith('.') ? resolveFile(normalise(path.posix.join(path.posix.dirname(file), specifier))) : specifier;
const sites = files.flatMap((file) => importSites(file, sources.get(file)!, plainResolve(file)));
const modules = [...new Set(files.map(moduleOf).filter((module): module is string => !!module))].sort();

/** What each module says it owns: `export const ownedTables = [...]` in its index.ts. */
function ownedTablesOf(module: string): string[] | undefined {
  const source = sources.get(`src/modules/${module}/index.ts`);
  if (!source) return undefined;
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || declaration.name.text !== 'ownedTables' || !declaration.initializer) continue;
      let list: ts.Expression = declaration.initializer;
      while (ts.isAsExpression(list) || ts.isSatisfiesExpression(list)) list = list.expression;
      if (ts.isArrayLiteralExpression(list)) return list.elements.filter(ts.isStringLiteral).map((element) => element.text);
    }
  }
  return undefined;
}

const tablesInMigrations = [
  ...new Set(
    [...migrationPaths().values()].flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/create table (?:if not exists )?([a-z_]+)/gi)].map((match) => match[1])),
  ),
].sort();

/** Tables a file writes: Kysely's insertInto/updateTable/deleteFrom, and raw SQL in sql`…` and sql.raw(…). */
function tablesWritten(file: string): string[] {
  const written = new Set<string>();
  const known = new Set(tablesInMigrations);
  const fromSql = (text: string) => {
    for (const match of text.matchAll(/\b(?:insert\s+into|update|delete\s+from)\s+([a-z_]+)/gi)) if (known.has(match[1].toLowerCase())) written.add(match[1].toLowerCase());
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ['insertInto', 'updateTable', 'deleteFrom'].includes(node.expression.name.text)) {
      const [table] = node.arguments;
      if (table && ts.isStringLiteralLike(table)) written.add(table.text.split(' ')[0]);
    }
    if (ts.isTaggedTemplateExpression(node) && /^sql\b/.test(node.tag.getText())) fromSql(node.template.getText());
    if (ts.isCallExpression(node) && node.expression.getText() === 'sql.raw') for (const argument of node.arguments) fromSql(argument.getText());
    ts.forEachChild(node, visit);
  };
  visit(sources.get(file)!);
  return [...written];
}

const production = (file: string) => !isTest(file) && !file.endsWith('.test-support.ts');

// ------------------------------------------------------------------ the rules

describe('the floor plan (docs/architecture.md)', () => {
  it('other code imports a module only through its index.ts', () => {
    const deep = sites.filter((site) => site.target && moduleOf(site.target) && !mayImportDeeply(site.file, site.target));
    expect(deep.map((site) => `${site.file} imports ${site.target} (run: npx tsx scripts/module-faces.ts)`)).toEqual([]);
  });

  const edges = new Map<string, Set<string>>(modules.map((module) => [module, new Set()]));
  for (const site of sites) {
    const from = moduleOf(site.file);
    const to = site.target ? moduleOf(site.target) : undefined;
    if (from && to && from !== to && production(site.file)) edges.get(from)!.add(to);
  }
  const reaches = (from: string, to: string, skip: Set<string>) => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length) {
      const module = stack.pop()!;
      for (const next of edges.get(module) ?? []) {
        if (skip.has(`${module} -> ${next}`)) continue;
        if (next === to) return true;
        if (!seen.has(next)) seen.add(next), stack.push(next);
      }
    }
    return false;
  };

  it('modules do not import each other in a circle', () => {
    const allowed = new Set(Object.keys(circleExceptions));
    const circles: string[] = [];
    for (const [from, targets] of edges) for (const to of targets) if (!allowed.has(`${from} -> ${to}`) && reaches(to, from, allowed)) circles.push(`${from} -> ${to}`);
    expect(circles, 'edges that close a circle').toEqual([]);
    const stale = [...allowed].filter((edge) => {
      const [from, to] = edge.split(' -> ');
      return !edges.get(from)?.has(to) || !reaches(to, from, new Set());
    });
    expect(stale, 'exceptions that no longer close a circle: remove them from circleExceptions').toEqual([]);
  });

  it('docs/architecture.md draws the module graph as it is', () => {
    const drawing = /```mermaid\n([\s\S]*?)```/.exec(readFileSync('docs/architecture.md', 'utf8'))?.[1] ?? '';
    const drawn = new Set<string>();
    for (const line of drawing.split('\n')) {
      const match = /^\s*([a-z]+) (-->|-\.->) (.+)$/.exec(line);
      if (match) for (const to of match[3].split('&')) drawn.add(`${match[1]} -> ${to.trim()}${match[2] === '-.->' ? ' (dotted)' : ''}`);
    }
    const actual = [...edges].flatMap(([from, targets]) => [...targets].map((to) => `${from} -> ${to}${`${from} -> ${to}` in circleExceptions ? ' (dotted)' : ''}`));
    expect([...drawn].sort(), 'update the mermaid graph of docs/architecture.md').toEqual(actual.sort());
  });

  it('every table has one owner, and only its owner writes it', () => {
    const owners = new Map<string, string[]>();
    for (const module of modules) for (const table of ownedTablesOf(module) ?? []) owners.set(table, [...(owners.get(table) ?? []), module]);
    expect(tablesInMigrations.filter((table) => owners.get(table)?.length !== 1).map((table) => `${table}: owned by ${owners.get(table)?.join(', ') || 'nobody'}`)).toEqual([]);
    const foreign = new Map<string, string[]>();
    for (const file of files.filter((file) => moduleOf(file) && production(file))) {
      for (const table of tablesWritten(file)) {
        const module = moduleOf(file)!;
        if (owners.get(table)?.[0] === module) continue;
        const key = `${module} writes ${table}`;
        foreign.set(key, [...(foreign.get(key) ?? []), file]);
      }
    }
    const excepted = new Set(Object.entries(foreignWriteExceptions).flatMap(([module, { tables }]) => tables.map((table) => `${module} writes ${table}`)));
    expect([...foreign].filter(([key]) => !excepted.has(key)).map(([key, where]) => `${key} (${where.join(', ')})`)).toEqual([]);
    expect([...excepted].filter((key) => !foreign.has(key)), 'exceptions that no longer occur: remove them from foreignWriteExceptions').toEqual([]);
  });

  it('commands, queries, policies and presenters know nothing of HTTP', () => {
    const pure = (file: string) => /\/(commands\/[^/]+|[a-z-]*queries|policy|present)\.tsx?$/.test(file) && production(file);
    const http = sites.filter((site) => pure(site.file) && (/^(fastify|@fastify\/)/.test(site.specifier.text) || site.target?.startsWith('src/http/')));
    expect(http.map((site) => `${site.file} imports ${site.specifier.text}`)).toEqual([]);
  });

  it('no file but a view passes 300 lines', () => {
    const isView = (file: string) => /(^|[/-])views?\.tsx$|\/views\//.test(file);
    const lines = (file: string) => sources.get(file)!.text.replace(/\n$/, '').split('\n').length;
    const long = files.filter((file) => file.startsWith('src/') && !isView(file) && lines(file) > 300);
    expect(long.filter((file) => !(file in longFileExceptions)).map((file) => `${file}: ${lines(file)} lines`)).toEqual([]);
    expect(Object.keys(longFileExceptions).filter((file) => !long.includes(file)), 'exceptions that are short now').toEqual([]);
  });

  it('the registration statuses are listed in one place', () => {
    const home = 'src/modules/registrations/statuses.ts';
    const statuses = new Set(['registered', 'waitlisted', 'promoted', 'cancelled', 'attended', 'no_show']);
    const isStatus = (node: ts.Node) => ts.isStringLiteralLike(node) && statuses.has(node.text);
    const comparesStatus = (node: ts.Node) =>
      ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken && (isStatus(node.left) || isStatus(node.right));
    const found: string[] = [];
    for (const file of files.filter((file) => production(file) && file !== home && !file.startsWith('scripts/'))) {
      const source = sources.get(file)!;
      const report = (node: ts.Node) => found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText().slice(0, 80)}`);
      const visit = (node: ts.Node) => {
        if (ts.isArrayLiteralExpression(node) && node.elements.length >= 2 && node.elements.every(isStatus)) report(node);
        else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.BarBarToken && comparesStatus(node.left) && comparesStatus(node.right)) report(node);
        else if ((ts.isTemplateLiteral(node) || ts.isStringLiteral(node)) && /'(registered|waitlisted|promoted|cancelled|attended|no_show)'\s*,\s*'(registered|waitlisted|promoted|cancelled|attended|no_show)'/.test(node.getText())) report(node);
        else ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(found, `use the lists of ${home}`).toEqual([]);
  });
});
