/**
 * Reading the code base as a graph of modules: which files there are, which
 * module a file belongs to, what each file imports, and the one rule of who
 * may import a module's inner files. Shared by the codemod
 * (scripts/module-faces.ts) and the floor-plan test (test/architecture.test.ts),
 * so that both hold the code to the same rule. Paths are relative to the
 * repository root (the working directory).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = process.cwd();

// ---------------------------------------------------------------- files

export function walk(folder: string, out: string[] = []): string[] {
  if (!existsSync(path.join(root, folder))) return out;
  for (const entry of readdirSync(path.join(root, folder))) {
    const relative = `${folder}/${entry}`;
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    if (statSync(path.join(root, relative)).isDirectory()) walk(relative, out);
    else out.push(relative);
  }
  return out;
}

export const isSource = (file: string) => /\.(ts|tsx)$/.test(file) && !file.endsWith('.d.ts');

/** `src/modules/<m>/…` → m; anything else → undefined. */
export function moduleOf(file: string): string | undefined {
  return /^src\/modules\/([^/]+)\//.exec(file)?.[1];
}

const compositionRoots = new Set(['src/http/modules.ts', 'src/http/app.ts', 'src/cli.ts']);
const isEntryPoint = (file: string) => /\/(routes[a-z-]*|[a-z-]+-routes|api|cli)\.tsx?$/.test(file);
export const isTest = (file: string) => /\.test\.tsx?$/.test(file) || file.startsWith('test/');

/** The one rule of who may import a module's inner file (shared with test/architecture.test.ts). */
export function mayImportDeeply(importer: string, target: string): boolean {
  const owner = moduleOf(target);
  if (!owner) return true;
  if (moduleOf(importer) === owner) return true;
  if (target === `src/modules/${owner}/index.ts`) return true;
  if (target.endsWith('.test-support.ts') && isTest(importer)) return true;
  // entry points (route plugins, commands) are not part of a face: the composition roots wire them, tests drive them
  if ((compositionRoots.has(importer) || isTest(importer)) && isEntryPoint(target)) return true;
  return false;
}

// ---------------------------------------------------------------- resolving

export function resolveFile(candidate: string): string | undefined {
  const base = candidate.replace(/\.(js|jsx|ts|tsx)$/, '');
  for (const option of [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, candidate]) {
    if (existsSync(path.join(root, option)) && statSync(path.join(root, option)).isFile()) return option;
  }
  return undefined;
}

export const normalise = (file: string) => path.posix.normalize(file);

// ---------------------------------------------------------------- reading imports

export interface ImportSite {
  file: string;
  node: ts.ImportDeclaration | ts.ExportDeclaration | ts.CallExpression | ts.ImportTypeNode;
  specifier: ts.StringLiteral;
  target: string | undefined;
}

export function parse(file: string): ts.SourceFile {
  const text = readFileSync(path.join(root, file), 'utf8');
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

/** Every place a file names another file: static and dynamic imports, re-exports, `import('…').Type`. */
export function importSites(file: string, source: ts.SourceFile, resolve: (specifier: string) => string | undefined): ImportSite[] {
  const sites: ImportSite[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      sites.push({ file, node, specifier: node.moduleSpecifier, target: resolve(node.moduleSpecifier.text) });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      sites.push({ file, node, specifier: node.arguments[0], target: resolve(node.arguments[0].text) });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      sites.push({ file, node, specifier: node.argument.literal, target: resolve(node.argument.literal.text) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return sites;
}
