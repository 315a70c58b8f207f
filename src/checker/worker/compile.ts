import { existsSync, readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import * as path from 'node:path';
import * as ts from 'typescript';
import { LAB_TASK_IDS, type LabTaskId } from '../../lesson/labTasks';
import { LAB_ENTRY } from '../labApi';
import type { SourceLocation } from '../location';
import type { CompiledLab, CompileProblem } from '../workerIpc';

/**
 * Compiles the student's lab with TypeScript's own transpiler (`transpileModule`): pure JavaScript,
 * so the .vsix stays universal, and it reports syntax errors with positions. It strips types
 * without type-checking (the editor does that through the lab's tsconfig.json), which keeps it fast.
 * Starts at rnn.ts and follows relative imports; anything outside the lab folder is refused.
 */
export type CompileResult =
  | { readonly ok: true; readonly lab: CompiledLab }
  | { readonly ok: false; readonly problems: readonly CompileProblem[]; readonly compileMs: number };

const OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  sourceMap: true,
};

export function compileLab(labDir: string): CompileResult {
  const t0 = performance.now();
  const modules: Record<string, string> = {};
  const imports: Record<string, Record<string, string>> = {};
  const sourceMaps: Record<string, string> = {};
  const sources = new Map<string, ts.SourceFile>();
  const problems: CompileProblem[] = [];
  const pending = [LAB_ENTRY];

  while (pending.length > 0) {
    const rel = pending.pop() as string;
    if (rel in modules) continue;
    const text = readFileSync(path.join(labDir, rel), 'utf8');
    // One parse: a no-op transformer hands us the tree transpileModule parsed (for imports and locations).
    let parsed: ts.SourceFile | undefined;
    const keepTree = (): ts.Transformer<ts.SourceFile> => (sf) => { parsed = sf; return sf; };
    const out = ts.transpileModule(text, { compilerOptions: OPTIONS, fileName: rel, reportDiagnostics: true, transformers: { before: [keepTree] } });
    const source = parsed ?? ts.createSourceFile(rel, text, ts.ScriptTarget.ES2022, true);
    sources.set(rel, source);
    for (const d of out.diagnostics ?? []) {
      if (d.category !== ts.DiagnosticCategory.Error) continue;
      problems.push({ message: ts.flattenDiagnosticMessageText(d.messageText, '\n'), location: locate(source, d.start ?? 0) });
    }
    modules[rel] = out.outputText;
    sourceMaps[rel] = out.sourceMapText ?? '';
    imports[rel] = {};
    for (const ref of moduleReferences(source)) {
      const resolved = resolveImport(labDir, rel, ref.text);
      if (typeof resolved === 'string') {
        imports[rel][ref.text] = resolved;
        pending.push(resolved);
      } else {
        problems.push({ message: resolved.problem, location: locate(source, ref.getStart(source)) });
      }
    }
  }
  const compileMs = performance.now() - t0;
  if (problems.length > 0) return { ok: false, problems, compileMs };
  return { ok: true, lab: { labDir, modules, imports, sourceMaps, declarations: findDeclarations(sources), compileMs } };
}

/** The module names a file imports or re-exports (`import … from`, `export … from`, `import x = require()`, `require()`). */
function moduleReferences(source: ts.SourceFile): ts.StringLiteralLike[] {
  const refs: ts.StringLiteralLike[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteralLike(node.moduleSpecifier)) {
      // Type-only imports vanish when compiled: they need no file at run time.
      const typeOnly = ts.isImportDeclaration(node) ? node.importClause?.isTypeOnly === true : node.isTypeOnly;
      if (!typeOnly) refs.push(node.moduleSpecifier);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteralLike(node.moduleReference.expression)) {
      refs.push(node.moduleReference.expression);
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0])) {
      refs.push(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return refs;
}

/** A relative import → the lab file it means, trying what TypeScript would (x.ts, x/index.ts, x.js → x.ts). */
function resolveImport(labDir: string, fromRel: string, spec: string): string | { problem: string } {
  if (isBuiltin(spec)) {
    return { problem: `${fromRel} imports Node's "${spec}" module, which the checker refuses: a checked lab may only read its own folder and compute (no files written, no processes, workers or network). Import only the lab's own files, with relative paths such as "./linalg"` };
  }
  if (!spec.startsWith('./') && !spec.startsWith('../')) {
    return { problem: `${fromRel} imports "${spec}": a lab may import only its own files, with relative paths such as "./linalg". Copy what you need into the lab folder.` };
  }
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(fromRel), spec));
  if (base.startsWith('../') || base === '..') {
    return { problem: `${fromRel} imports "${spec}", which is outside the lab folder. Keep every file of the lab inside its folder.` };
  }
  const stem = base.replace(/\.(js|mjs|cjs)$/, '');
  const candidates = [`${stem}.ts`, `${stem}/index.ts`, base.endsWith('.ts') ? base : '', `${stem}.js`].filter((c) => c !== '');
  for (const c of candidates) {
    const abs = path.join(labDir, c);
    if (existsSync(abs) && statSync(abs).isFile()) return c;
  }
  return { problem: `${fromRel} imports "${spec}", but there is no ${candidates.slice(0, 2).join(' or ')} in the lab folder. Check the file name and path.` };
}

function locate(source: ts.SourceFile, pos: number): SourceLocation {
  const { line, character } = source.getLineAndCharacterOfPosition(Math.min(pos, source.text.length));
  return { file: source.fileName, line: line + 1, column: character + 1 };
}

/**
 * Where each task's function is written: its declaration in rnn.ts (`export function bptt`,
 * `export const bptt = …`), else a declaration of that name in another lab file (re-exported),
 * else the `export { bptt }` that names it.
 */
function findDeclarations(sources: ReadonlyMap<string, ts.SourceFile>): Partial<Record<LabTaskId, SourceLocation>> {
  const found: Partial<Record<LabTaskId, SourceLocation>> = {};
  const ordered = [...sources.values()].sort((a, b) => Number(b.fileName === LAB_ENTRY) - Number(a.fileName === LAB_ENTRY));
  for (const id of LAB_TASK_IDS) {
    for (const source of ordered) {
      const node = declarationOf(source, id);
      if (node) { found[id] = locate(source, node.getStart(source)); break; }
    }
    if (found[id]) continue;
    const entry = sources.get(LAB_ENTRY);
    const specifier = entry ? exportSpecifierOf(entry, id) : undefined;
    if (entry && specifier) found[id] = locate(entry, specifier.getStart(entry));
  }
  return found;
}

/** The name node of a top-level function or variable called `name`. */
function declarationOf(source: ts.SourceFile, name: string): ts.Node | undefined {
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === name && statement.body) return statement.name;
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === name) return d.name;
      }
    }
  }
  return undefined;
}

function exportSpecifierOf(source: ts.SourceFile, name: string): ts.Node | undefined {
  for (const statement of source.statements) {
    if (!ts.isExportDeclaration(statement) || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) continue;
    const spec = statement.exportClause.elements.find((e) => e.name.text === name);
    if (spec) return spec;
  }
  return undefined;
}
