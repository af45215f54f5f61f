import type { PageText } from '@hds/core';

/** Builds PageText[] from page strings ("\f" inside one string also splits pages). */
export function toPages(...texts: string[]): PageText[] {
  return texts
    .flatMap((t) => t.split('\f'))
    .map((text, i) => ({ page: i + 1, text: text.replace(/^\n/, ''), source: 'text-layer' as const, confidence: null }));
}

/** Joins cells the way the extract stage does (3 spaces). */
export function row(...cells: string[]): string {
  return cells.join('   ');
}
