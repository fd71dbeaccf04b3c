import type { BlueprintProblem } from './resolved.js';

/** A position in a source file, 1-based. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** Builds a problem at a location. */
export function problemAt(location: SourceLocation, path: string, message: string): BlueprintProblem {
  return { file: location.file, line: location.line, column: location.column, path, message };
}

/** The one-line form the CLI prints: `FILE:LINE:COL: message`. */
export function formatProblem(problem: BlueprintProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

/**
 * Orders problems by file (in the order files first appear, so the blueprint comes before its
 * overlays), then line and column, and drops exact duplicates, so output is stable.
 */
export function sortProblems(problems: BlueprintProblem[]): BlueprintProblem[] {
  const fileOrder = new Map<string, number>();
  const seen = new Set<string>();
  const unique: BlueprintProblem[] = [];
  for (const problem of problems) {
    if (!fileOrder.has(problem.file)) fileOrder.set(problem.file, fileOrder.size);
    const key = `${formatProblem(problem)}\u0000${problem.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(problem);
  }
  return unique.sort(
    (a, b) => fileOrder.get(a.file)! - fileOrder.get(b.file)! || a.line - b.line || a.column - b.column,
  );
}
