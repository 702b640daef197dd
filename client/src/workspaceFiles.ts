/**
 * Which workspace files "govsec: Check workspace" reads: Markdown and YAML, not under node_modules, not
 * excluded by search.exclude (files.exclude is applied by workspace.findFiles itself). Editor-free.
 */

import picomatch from 'picomatch';

/** What workspace.findFiles is asked for. */
export const CHECKED_GLOB = '**/*.{md,markdown,yaml,yml}';

/**
 * The patterns of an exclude setting (files.exclude, search.exclude) that are on. A `{ when: … }` entry
 * depends on sibling files, which this check does not look at, so it excludes nothing here.
 */
export function enabledPatterns(setting: Record<string, unknown> | undefined): string[] {
  return Object.entries(setting ?? {})
    .filter(([, value]) => value === true)
    .map(([pattern]) => pattern);
}

/**
 * Whether a path relative to its workspace folder (forward slashes) is excluded: node_modules anywhere, or a
 * pattern matching the path or one of its folders (VS Code's `**\/build` excludes everything under build/).
 */
export function isExcluded(relativePath: string, patterns: readonly string[]): boolean {
  const parts = relativePath.split('/');
  if (parts.slice(0, -1).includes('node_modules')) {
    return true;
  }
  const matchers = patterns.map((pattern) => picomatch(pattern.replace(/^\.\//, ''), { dot: true }));
  for (let length = 1; length <= parts.length; length++) {
    const prefix = parts.slice(0, length).join('/');
    if (matchers.some((matches) => matches(prefix))) {
      return true;
    }
  }
  return false;
}
