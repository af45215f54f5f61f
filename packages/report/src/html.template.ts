/**
 * A tiny auto-escaping template tag. Document text is untrusted (an excerpt
 * may hold `<script>`), so escaping is the default: every interpolated value
 * is escaped unless it is markup this package built itself (`SafeHtml`).
 * Forgetting to escape would need an explicit `raw()`, which only the
 * stylesheet uses.
 */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

/** Escapes the five characters that matter in text and in double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

type Interpolation = SafeHtml | string | number | boolean | null | undefined | readonly Interpolation[];

function toHtml(value: Interpolation): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(toHtml).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += toHtml(v) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Trusted markup only (the package's own stylesheet). */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Stable, URL-safe anchor for a vendor section; the index keeps two vendors with the same name apart. */
export function vendorAnchor(index: number, name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `fournisseur-${index + 1}${slug ? `-${slug}` : ''}`;
}
