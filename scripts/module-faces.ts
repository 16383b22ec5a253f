/**
 * module-faces: the codemod that keeps every module behind its face
 * (docs/architecture.md). Run it from the repository root:
 *
 *   npx tsx scripts/module-faces.ts            move, rewrite imports, update faces
 *   npx tsx scripts/module-faces.ts --moves    only move the files of merged modules (a pure rename)
 *   npx tsx scripts/module-faces.ts --check    change nothing; list what would change, exit 1 if anything
 *
 * What it does, in order:
 *  1. Moves every file still under a merged module's folder (`dashboard` →
 *     `reports`, `accounts` → `identity`) to its new place with `git mv`, so that
 *     files another branch added there after the merge follow.
 *  2. Repairs relative imports that point at a moved file.
 *  3. Rewrites every import of `src/modules/A/<file>` from outside module A
 *     (another module, src/http, src/cli.ts, test/, bench/) to `A/index.js`,
 *     keeping names and aliases. Allowed to stay deep (see `mayImportDeeply`):
 *     a module's own files, `*.test-support.ts` from tests, and the entry points
 *     (route plugins, `cli.ts`) from the composition roots src/http/modules.ts
 *     src/http/app.ts and src/cli.ts, and from tests.
 *  4. Rewrites the generated block at the end of each `A/index.ts` so that it
 *     re-exports exactly the names outsiders import from A and that index.ts
 *     does not already export by hand: `export { a, type B } from './file.js'`.
 *
 * It is idempotent: a second run changes nothing. After a merge, re-run it:
 * conflicting generated blocks can be resolved by taking either side, because
 * the block is recomputed from the imports of the whole code base.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { importSites as importSitesOf, isSource, isTest, mayImportDeeply, moduleOf, normalise, parse, resolveFile, walk, type ImportSite } from './module-graph.js';


const root = process.cwd();
const args = new Set(process.argv.slice(2));
const checkOnly = args.has('--check');
const movesOnly = args.has('--moves');

/** Modules merged into another (issue 9): their files move, their names keep working. */
const folderMoves: Record<string, string> = {
  'src/modules/dashboard/': 'src/modules/reports/',
  'src/modules/accounts/': 'src/modules/identity/',
};
/** Files whose name would collide (or mislead) in the new folder. */
const fileRenames: Record<string, string> = {
  'src/modules/dashboard/tables.ts': 'src/modules/reports/report-tables.ts',
  'src/modules/dashboard/routes.tsx': 'src/modules/reports/dashboard-routes.tsx',
  'src/modules/dashboard/views.tsx': 'src/modules/reports/dashboard-views.tsx',
  'src/modules/accounts/mails.ts': 'src/modules/identity/account-mails.ts',
  'src/modules/accounts/routes.ts': 'src/modules/identity/account-routes.ts',
  'src/modules/accounts/browser.test.ts': 'src/modules/identity/accounts-browser.test.ts',
  // name normalisation is a leaf that the import's worker thread needs: its own module keeps the worker light
  'src/modules/organisations/normalise.ts': 'src/modules/names/normalise.ts',
  'src/modules/organisations/normalise.test.ts': 'src/modules/names/normalise.test.ts',
  // a module's strings keep their namespace ("dashboard.*", "accounts.*"): src/i18n/index.ts reads i18n/<namespace>/<language>.json
  ...Object.fromEntries(
    ['de', 'en', 'tr', 'ar', 'ru', 'uk'].flatMap((language) => [
      [`src/modules/dashboard/i18n/${language}.json`, `src/modules/reports/i18n/dashboard/${language}.json`],
      [`src/modules/accounts/i18n/${language}.json`, `src/modules/identity/i18n/accounts/${language}.json`],
    ]),
  ),
};

/** The files the merge moved (their old paths): their imports were written for the old place. */
const movedInIssue9 = [
  'src/modules/organisations/normalise.ts',
  'src/modules/organisations/normalise.test.ts',
  'src/modules/accounts/account-form.ts',
  'src/modules/accounts/mails.ts',
  'src/modules/accounts/routes.ts',
  'src/modules/accounts/browser.test.ts',
  'src/modules/accounts/accounts.test.ts',
  'src/modules/accounts/admin-routes.tsx',
  'src/modules/accounts/admin-views.tsx',
  'src/modules/accounts/claim-form.ts',
  'src/modules/accounts/claims-routes.tsx',
  'src/modules/accounts/claims-views.tsx',
  'src/modules/accounts/claims.test.ts',
  'src/modules/accounts/claims.ts',
  'src/modules/accounts/fields.tsx',
  'src/modules/accounts/i18n/de.json',
  'src/modules/accounts/i18n/en.json',
  'src/modules/accounts/invitation-links.test.ts',
  'src/modules/accounts/invitations.ts',
  'src/modules/accounts/my-routes.tsx',
  'src/modules/accounts/my-views.tsx',
  'src/modules/accounts/own-account.test.ts',
  'src/modules/accounts/own-account.ts',
  'src/modules/accounts/own-routes.tsx',
  'src/modules/accounts/own-views.tsx',
  'src/modules/accounts/tables.ts',
  'src/modules/dashboard/charts.ts',
  'src/modules/dashboard/routes.tsx',
  'src/modules/dashboard/views.tsx',
  'src/modules/dashboard/dashboard.test.ts',
  'src/modules/dashboard/demo.test.ts',
  'src/modules/dashboard/export.ts',
  'src/modules/dashboard/i18n/de.json',
  'src/modules/dashboard/i18n/en.json',
  'src/modules/dashboard/numbers.ts',
  'src/modules/dashboard/period.ts',
  'src/modules/dashboard/tables.ts',
  'src/modules/dashboard/suppression.test.ts',
  'src/modules/dashboard/suppression.ts',
];
const movedEarlier = new Map(movedInIssue9.map((file) => [destinationOf(file)!, file]));

const beginMarker = '// module-faces: begin — generated by scripts/module-faces.ts from what other modules import; edit above this line';
const endMarker = '// module-faces: end';

const changes: string[] = [];
const problems: string[] = [];

// ---------------------------------------------------------------- 1. moves

function destinationOf(file: string): string | undefined {
  if (fileRenames[file]) return fileRenames[file];
  for (const [from, to] of Object.entries(folderMoves)) if (file.startsWith(from)) return to + file.slice(from.length);
  return undefined;
}

/** Where each file moved in this run came from (new path → old path). */
const movedFrom = new Map<string, string>();

function moveFiles() {
  const singles = Object.keys(fileRenames).filter((file) => !Object.keys(folderMoves).some((folder) => file.startsWith(folder)) && existsSync(path.join(root, file)));
  for (const file of [...Object.keys(folderMoves).flatMap((folder) => walk(folder.replace(/\/$/, ''))), ...singles]) {
    {
      const destination = destinationOf(file)!;
      if (existsSync(path.join(root, destination))) {
        problems.push(`cannot move ${file}: ${destination} exists`);
        continue;
      }
      changes.push(`move ${file} → ${destination}`);
      if (checkOnly) continue;
      mkdirSync(path.dirname(path.join(root, destination)), { recursive: true });
      execFileSync('git', ['mv', file, destination], { cwd: root });
      movedFrom.set(destination, file);
    }
  }
}

// ---------------------------------------------------------------- resolving (after the moves)

/** The repository file an import specifier of `importer` means, after the moves. */
function resolveSpecifier(importer: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const original = movedFrom.get(importer) ?? movedEarlier.get(importer);
  if (original) {
    // a moved file: its specifiers were written for its old place
    const meant = normalise(path.posix.join(path.posix.dirname(original), specifier));
    const resolved = resolveFile(meant) ?? resolveMoved(meant);
    if (resolved) return resolved;
  }
  const meant = normalise(path.posix.join(path.posix.dirname(importer), specifier));
  return resolveFile(meant) ?? resolveMoved(meant);
}

function resolveMoved(meant: string): string | undefined {
  const base = meant.replace(/\.(js|jsx)$/, '');
  for (const option of [`${base}.ts`, `${base}.tsx`, meant]) {
    const destination = destinationOf(option);
    if (destination && existsSync(path.join(root, destination))) return destination;
  }
  return undefined;
}

function specifierFor(importer: string, target: string): string {
  let relative = path.posix.relative(path.posix.dirname(importer), target).replace(/\.tsx?$/, '.js');
  if (target.endsWith('.json')) relative = path.posix.relative(path.posix.dirname(importer), target);
  return relative.startsWith('.') ? relative : `./${relative}`;
}

// ---------------------------------------------------------------- exported names and whether they are values

let program: ts.Program;
let checker: ts.TypeChecker;

function loadProgram(files: string[]) {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  program = ts.createProgram({ rootNames: files.map((file) => path.join(root, file)), options: config?.options ?? {} });
  checker = program.getTypeChecker();
}

/** The names a file exports, each marked as value or type only. */
function exportsOf(file: string): Map<string, 'value' | 'type'> {
  const names = new Map<string, 'value' | 'type'>();
  const source = program.getSourceFile(path.join(root, file));
  const symbol = source && checker.getSymbolAtLocation(source);
  if (!symbol) return names;
  for (const exported of checker.getExportsOfModule(symbol)) {
    const resolved = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    names.set(exported.name, resolved.flags & ts.SymbolFlags.Value ? 'value' : 'type');
  }
  return names;
}

// ---------------------------------------------------------------- reading imports

/** Every import site of a file, resolved as after the moves. */
const importSites = (file: string, source: ts.SourceFile) => importSitesOf(file, source, (specifier) => resolveSpecifier(file, specifier));

/** The names one import site takes from its target (undefined: it takes the whole module, e.g. `import * as`). */
function namesTaken(site: ImportSite): string[] | undefined {
  const node = site.node;
  if (ts.isImportDeclaration(node)) {
    const clause = node.importClause;
    if (!clause) return undefined; // side effect only
    if (clause.name) return undefined; // default import
    if (!clause.namedBindings) return [];
    if (ts.isNamespaceImport(clause.namedBindings)) return undefined;
    return clause.namedBindings.elements.map((element) => (element.propertyName ?? element.name).text);
  }
  if (ts.isExportDeclaration(node)) {
    if (!node.exportClause || !ts.isNamedExports(node.exportClause)) return undefined;
    return node.exportClause.elements.map((element) => (element.propertyName ?? element.name).text);
  }
  if (ts.isImportTypeNode(node)) {
    const qualifier = node.qualifier;
    if (!qualifier) return undefined;
    let first: ts.EntityName = qualifier;
    while (ts.isQualifiedName(first)) first = first.left;
    return [first.text];
  }
  // import('…'): the names destructured from it, `const { a, b } = await import('…')`
  let parent: ts.Node = node.parent;
  if (ts.isAwaitExpression(parent)) parent = parent.parent;
  if (ts.isVariableDeclaration(parent) && ts.isObjectBindingPattern(parent.name)) {
    const names: string[] = [];
    for (const element of parent.name.elements) {
      const name = element.propertyName ?? element.name;
      if (!ts.isIdentifier(name)) return undefined;
      names.push(name.text);
    }
    return names;
  }
  if (ts.isPropertyAccessExpression(parent.parent) && ts.isParenthesizedExpression(parent)) return [parent.parent.name.text];
  return undefined;
}

// ---------------------------------------------------------------- the faces

interface Face {
  module: string;
  file: string; // src/modules/<m>/index.ts
  text: string; // without the generated block
  handExported: Set<string>;
  generated: Map<string, string>; // name → origin file, from the block found
}

function readFace(module: string): Face {
  const file = `src/modules/${module}/index.ts`;
  const full = existsSync(path.join(root, file)) ? readFileSync(path.join(root, file), 'utf8') : '';
  const begin = full.indexOf(beginMarker);
  const end = full.indexOf(endMarker);
  const text = begin >= 0 ? full.slice(0, begin).replace(/\n+$/, '\n') + (end >= 0 ? full.slice(end + endMarker.length).replace(/^\n/, '') : '') : full;
  const block = begin >= 0 ? full.slice(begin, end >= 0 ? end : undefined) : '';
  const handExported = new Set<string>();
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) handExported.add(element.name.text);
    } else if (ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) {
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) handExported.add(declaration.name.text);
      } else if ('name' in statement && statement.name && ts.isIdentifier(statement.name as ts.Node)) {
        handExported.add((statement.name as ts.Identifier).text);
      }
    }
  }
  const generated = new Map<string, string>();
  const blockSource = ts.createSourceFile(file, block, ts.ScriptTarget.Latest, true);
  for (const statement of blockSource.statements) {
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      const origin = resolveFile(normalise(path.posix.join(path.posix.dirname(file), statement.moduleSpecifier.text)));
      if (origin) for (const element of statement.exportClause.elements) generated.set(element.name.text, origin);
    }
  }
  return { module, file, text, handExported, generated };
}

function writeFace(face: Face, names: Map<string, string>) {
  const byOrigin = new Map<string, string[]>();
  for (const [name, origin] of names) {
    if (face.handExported.has(name)) continue;
    const kind = exportsOf(origin).get(name);
    const entry = kind === 'type' ? `type ${name}` : name;
    byOrigin.set(origin, [...(byOrigin.get(origin) ?? []), entry]);
  }
  const sortKey = (entry: string) => entry.replace(/^type /, '');
  const lines = [...byOrigin.entries()]
    .map(([origin, entries]) => [specifierFor(face.file, origin), entries.sort((a, b) => sortKey(a).localeCompare(sortKey(b)))] as const)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([specifier, entries]) => `export { ${entries.join(', ')} } from '${specifier}';`);
  // read again: the import rewriting above may have changed the hand-written part
  let text = checkOnly ? face.text : readFace(face.module).text;
  if (!text.trim()) {
    text = `/**\n * What other modules may use of the ${face.module} module (docs/architecture.md):\n * they import this file and no other of this folder.\n */\n`;
  }
  const next = lines.length ? `${text.replace(/\n*$/, '\n')}\n${beginMarker}\n${lines.join('\n')}\n${endMarker}\n` : text;
  const current = existsSync(path.join(root, face.file)) ? readFileSync(path.join(root, face.file), 'utf8') : '';
  if (next !== current && (lines.length || current)) {
    changes.push(`face ${face.file}: ${[...names.keys()].filter((name) => !face.handExported.has(name)).length} generated names`);
    if (!checkOnly) writeFileSync(path.join(root, face.file), next);
  }
}

// ---------------------------------------------------------------- main

function main() {
  moveFiles();
  if (movesOnly) return;
  const files = ['src', 'test', 'bench', 'scripts'].flatMap((folder) => walk(folder)).filter(isSource);
  loadProgram(files);
  const modules = [...new Set(files.map(moduleOf).filter((module): module is string => !!module))];
  const faces = new Map(modules.map((module) => [module, readFace(module)]));
  /** per module: name → origin file, for every name outsiders take through the face */
  const wanted = new Map<string, Map<string, string>>(modules.map((module) => [module, new Map()]));

  const findOrigin = (module: string, name: string): string | undefined => {
    const face = faces.get(module)!;
    if (face.generated.has(name)) return face.generated.get(name);
    const candidates = files.filter((file) => moduleOf(file) === module && !isTest(file) && !file.endsWith('/index.ts') && exportsOf(file).has(name));
    if (candidates.length === 1) return candidates[0];
    problems.push(`${module}: ${candidates.length ? `several files export ${name}: ${candidates.join(', ')}` : `no file exports ${name}`}`);
    return undefined;
  };

  for (const file of files) {
    const source = parse(file);
    const edits: { start: number; end: number; text: string }[] = [];
    for (const site of importSites(file, source)) {
      if (!site.target) {
        if (site.specifier.text.startsWith('.')) problems.push(`${file}: cannot resolve ${site.specifier.text}`);
        continue;
      }
      const owner = moduleOf(site.target);
      let target = site.target;
      if (owner && !mayImportDeeply(file, site.target)) {
        const names = namesTaken(site);
        if (!names) {
          problems.push(`${file}: imports the whole of ${site.target}; rewrite it by hand to name what it uses`);
        } else {
          let ok = true;
          for (const name of names) {
            const existing = wanted.get(owner)!.get(name);
            const isHand = faces.get(owner)!.handExported.has(name);
            if (existing && existing !== site.target && !isHand) {
              problems.push(`${file}: ${name} of ${site.target} clashes with ${name} of ${existing} in ${owner}'s face; keep the deep import or rename`);
              ok = false;
            }
          }
          if (ok) {
            for (const name of names) if (!faces.get(owner)!.handExported.has(name)) wanted.get(owner)!.set(name, site.target);
            target = `src/modules/${owner}/index.ts`;
          }
        }
      } else if (owner && target === `src/modules/${owner}/index.ts` && moduleOf(file) !== owner) {
        for (const name of namesTaken(site) ?? []) {
          if (faces.get(owner)!.handExported.has(name) || wanted.get(owner)!.has(name)) continue;
          const origin = findOrigin(owner, name);
          if (origin) wanted.get(owner)!.set(name, origin);
        }
      }
      const specifier = specifierFor(file, target);
      if (specifier !== site.specifier.text) {
        edits.push({ start: site.specifier.getStart(source) + 1, end: site.specifier.getEnd() - 1, text: specifier });
      }
    }
    if (edits.length) {
      changes.push(`imports ${file}: ${edits.length}`);
      if (!checkOnly) {
        let text = source.text;
        for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
        writeFileSync(path.join(root, file), text);
      }
    }
  }
  for (const module of modules) writeFace(faces.get(module)!, wanted.get(module)!);
}

// run only when called as a script: test/architecture.test.ts imports the rules above
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main();
  for (const change of changes) console.log(change);
  for (const problem of problems) console.error(`problem: ${problem}`);
  if (checkOnly && changes.length) process.exitCode = 1;
  if (problems.length) process.exitCode = 2;
}
