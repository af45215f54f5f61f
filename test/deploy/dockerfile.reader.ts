import { readFileSync } from 'node:fs';

/** One Dockerfile instruction, continuation lines joined. */
export interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

export interface Stage {
  image: string;
  name: string | undefined;
  instructions: Instruction[];
}

/** Instructions in order; comments, parser directives and blank lines dropped. */
export function readInstructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let current = lines[i]!;
    if (/^\s*(#|$)/.test(current)) continue;
    // A trailing backslash continues the instruction; comment lines inside it are skipped.
    while (/\\\s*$/.test(current) && i + 1 < lines.length) {
      i++;
      if (/^\s*#/.test(lines[i]!)) continue;
      current = `${current.replace(/\\\s*$/, ' ')}${lines[i]!}`;
    }
    const m = /^\s*([A-Za-z]+)\s+(.*)$/.exec(current);
    if (m) out.push({ keyword: m[1]!.toUpperCase(), args: m[2]!.replace(/\s+/g, ' ').trim(), line: start + 1 });
  }
  return out;
}

/** `${NAME}` / `$NAME` of ARGs declared before the first FROM (the only ones FROM sees). */
function substitute(value: string, args: Record<string, string>): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, a: string | undefined, b: string | undefined) => args[(a ?? b)!] ?? '');
}

/** ARG name=default pairs of a list of instructions. */
export function argDefaults(instructions: Instruction[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of instructions) {
    if (i.keyword !== 'ARG') continue;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/.exec(i.args);
    if (m && m[2] !== undefined) out[m[1]!] = m[2].replace(/^"(.*)"$/, '$1');
  }
  return out;
}

/** The build stages, FROM images resolved with the global ARG defaults. */
export function readStages(file: string): { globalArgs: Record<string, string>; stages: Stage[] } {
  const instructions = readInstructions(readFileSync(file, 'utf8'));
  const firstFrom = instructions.findIndex((i) => i.keyword === 'FROM');
  const globalArgs = argDefaults(instructions.slice(0, firstFrom));
  const stages: Stage[] = [];
  for (const i of instructions.slice(firstFrom)) {
    if (i.keyword === 'FROM') {
      const m = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(i.args);
      stages.push({ image: substitute(m?.[1] ?? '', globalArgs), name: m?.[2], instructions: [] });
    } else stages.at(-1)!.instructions.push(i);
  }
  return { globalArgs, stages };
}

/** Exec form (`["a", "b"]`) as a list; shell form gives null. */
export function execForm(args: string): string[] | null {
  if (!args.startsWith('[')) return null;
  try {
    const list = JSON.parse(args) as unknown;
    return Array.isArray(list) && list.every((x) => typeof x === 'string') ? list : null;
  } catch {
    return null;
  }
}

/** COPY/ADD sources taken from the build context (not `--from` another stage or image). */
export function contextSources(stage: Stage): string[] {
  const out: string[] = [];
  for (const i of stage.instructions) {
    if (i.keyword !== 'COPY' && i.keyword !== 'ADD') continue;
    const words = execForm(i.args) ?? i.args.split(' ');
    const flags = words.filter((w) => w.startsWith('--'));
    if (flags.some((f) => f.startsWith('--from='))) continue;
    const paths = words.filter((w) => !w.startsWith('--'));
    out.push(...paths.slice(0, -1));
  }
  return out;
}

/**
 * A `.dockerignore` as Docker reads it: patterns relative to the context,
 * `*` and `?` within one path segment, `**` across segments, `!` re-includes,
 * the last matching pattern wins, and a pattern matching a directory covers
 * everything under it.
 */
export function dockerignore(text: string): (path: string) => boolean {
  const rules = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const negate = l.startsWith('!');
      const pattern = (negate ? l.slice(1) : l).trim().replace(/^\/+/, '').replace(/\/+$/, '');
      let re = '';
      for (let k = 0; k < pattern.length; k++) {
        const c = pattern[k]!;
        if (pattern.startsWith('**/', k)) {
          re += '(?:.*/)?';
          k += 2;
        } else if (pattern.startsWith('**', k)) {
          re += '.*';
          k += 1;
        } else if (c === '*') re += '[^/]*';
        else if (c === '?') re += '[^/]';
        else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
      }
      return { negate, re: new RegExp(`^${re}$`) };
    });
  return (path: string) => {
    const clean = path.replace(/^\.\/+/, '').replace(/\/+$/, '');
    const segments = clean.split('/');
    const candidates = segments.map((_, i) => segments.slice(0, i + 1).join('/'));
    let ignored = false;
    for (const rule of rules) if (candidates.some((c) => rule.re.test(c))) ignored = !rule.negate;
    return ignored;
  };
}
