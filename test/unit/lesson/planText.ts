import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The instructor's lesson plan as shipped in test/fixtures (a copy of the course's plan text). */
export function readPlan(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${__dirname}: run the tests from the repository.`);
    dir = parent;
  }
  return readFileSync(join(dir, 'test', 'fixtures', 'lesson', 'week10-recurrent-networks.txt'), 'utf8');
}

/** The non-empty lines strictly between the line starting with `from` and the line starting with `to`. */
export function planSection(plan: string, from: string, to: string): string[] {
  const lines = plan.split(/\r?\n/);
  const start = lines.findIndex((l) => l.startsWith(from));
  const end = lines.findIndex((l, i) => i > start && l.startsWith(to));
  if (start < 0 || end < 0) throw new Error(`Plan section "${from}" … "${to}" not found.`);
  return lines.slice(start + 1, end).filter((l) => l.trim() !== '');
}
