import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

export interface ScaffoldResult {
  readonly dir: string;
  /** Files written now (relative to dir). */
  readonly written: readonly string[];
  /** Files that already existed and were left untouched. */
  readonly kept: readonly string[];
}

/** The lab templates ship in the extension at media/lab-template, one folder up from dist/. */
export function defaultTemplateDir(): string {
  return path.join(__dirname, '..', 'media', 'lab-template');
}

/** GitHub Classroom's part (workflow, autograding tests, instructor notes), beside the lab templates. */
export function classroomTemplateDir(): string {
  return path.join(__dirname, '..', 'media', 'classroom-template');
}

/**
 * Writes the lab into `dir` (creating it): every file of the template folder. An existing file is
 * never overwritten: it is reported as kept, so scaffolding twice keeps the student's work.
 */
export function scaffoldLab(dir: string, options: { templateDir?: string } = {}): ScaffoldResult {
  const templateDir = options.templateDir ?? defaultTemplateDir();
  if (!existsSync(templateDir)) throw new Error(`The lab templates are missing (looked in ${templateDir}); reinstall RNN Lab.`);
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new Error(`${dir} is a file, not a folder: choose a folder for the lab.`);
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const kept: string[] = [];
  const files = readdirSync(templateDir, { recursive: true }).map(String)
    .filter((f) => statSync(path.join(templateDir, f)).isFile())
    .sort();
  for (const rel of files) {
    const target = path.join(dir, rel);
    const name = rel.split(path.sep).join('/');
    if (existsSync(target)) { kept.push(name); continue; }
    mkdirSync(path.dirname(target), { recursive: true });
    // COPYFILE_EXCL: even if the file appeared meanwhile, never overwrite it.
    copyFileSync(path.join(templateDir, rel), target, 1);
    written.push(name);
  }
  return { dir, written, kept };
}
