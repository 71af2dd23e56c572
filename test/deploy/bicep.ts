/**
 * A small structural reader for the Bicep this project writes (no Bicep compiler is available on
 * our machines): parameters with their decorators, variables, resources with their type, API
 * version and body, and outputs. Object and array literals become plain values; anything else
 * (a reference, a function call, an interpolated string, a condition) is kept as its source text.
 * Statements it does not know (module, import, type, func ...) are refused, so a template that
 * outgrows it fails loudly instead of being half read.
 */

export interface Expr {
  expr: string;
}
export type BicepValue =
  string | number | boolean | null | Expr | BicepValue[] | { [key: string]: BicepValue };

export interface BicepParam {
  name: string;
  type: string;
  default?: BicepValue;
  decorators: Record<string, BicepValue | undefined>;
}
export interface BicepResource {
  symbol: string;
  type: string;
  apiVersion: string;
  condition?: string;
  body: Record<string, BicepValue>;
}
export interface BicepOutput {
  name: string;
  type: string;
  value: BicepValue;
}
export interface BicepFile {
  params: Map<string, BicepParam>;
  vars: Map<string, BicepValue>;
  resources: Map<string, BicepResource>;
  outputs: Map<string, BicepOutput>;
}

export function isExpr(value: BicepValue | undefined): value is Expr {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'expr' in value;
}

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /-?\d+(?:\.\d+)?/y;

class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  fail(message: string): never {
    const line = this.text.slice(0, this.pos).split('\n').length;
    throw new Error(`Bicep line ${line}: ${message}`);
  }

  /** Skips blanks and comments; newlines too unless `inLine`. */
  skip(inLine = false): void {
    for (;;) {
      const c = this.text[this.pos];
      if (c === ' ' || c === '\t' || c === '\r' || (!inLine && c === '\n')) this.pos++;
      else if (this.text.startsWith('//', this.pos)) {
        const end = this.text.indexOf('\n', this.pos);
        this.pos = end === -1 ? this.text.length : end;
      } else if (this.text.startsWith('/*', this.pos)) {
        const end = this.text.indexOf('*/', this.pos);
        if (end === -1) this.fail('unclosed comment');
        this.pos = end + 2;
      } else return;
    }
  }

  peek(): string {
    return this.text[this.pos] ?? '';
  }

  expect(s: string): void {
    this.skip(true);
    if (!this.text.startsWith(s, this.pos)) this.fail(`expected "${s}"`);
    this.pos += s.length;
  }

  ident(): string {
    this.skip(true);
    IDENT.lastIndex = this.pos;
    const m = IDENT.exec(this.text);
    if (!m) this.fail('expected a name');
    this.pos += m[0].length;
    return m[0];
  }

  /** A quoted string's raw source, quotes included (''' multi-line strings too). */
  rawString(): string {
    const start = this.pos;
    if (this.text.startsWith("'''", this.pos)) {
      const end = this.text.indexOf("'''", this.pos + 3);
      if (end === -1) this.fail('unclosed multi-line string');
      this.pos = end + 3;
      return this.text.slice(start, this.pos);
    }
    this.pos++;
    let depth = 0;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === '\\') this.pos += 2;
      else if (depth === 0 && c === "'") return this.text.slice(start, ++this.pos);
      else if (this.text.startsWith('${', this.pos)) {
        depth++;
        this.pos += 2;
      } else if (depth > 0 && c === '}') {
        depth--;
        this.pos++;
      } else if (depth > 0 && c === "'") this.rawString();
      else this.pos++;
    }
    return this.fail('unclosed string');
  }

  /** Source text of an expression up to the end of its line, or a `,` `)` `]` `}` closing its container. */
  expression(stopAt: string): string {
    const start = this.pos;
    let depth = 0;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === "'") {
        this.rawString();
        continue;
      }
      if (this.text.startsWith('//', this.pos) && depth === 0) break;
      if ('([{'.includes(c)) depth++;
      else if (')]}'.includes(c)) {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (c === '\n' || stopAt.includes(c))) break;
      this.pos++;
    }
    const source = this.text.slice(start, this.pos).trim();
    if (!source) this.fail('expected a value');
    return source;
  }

  /** A value; `stopAt` are the characters that end it besides a newline. */
  value(stopAt = ''): BicepValue {
    this.skip(true);
    const start = this.pos;
    const literal = this.literal();
    const after = this.pos;
    this.skip(true);
    const next = this.peek();
    if (
      literal !== undefined &&
      (next === '' || next === '\n' || ')]}'.includes(next) || stopAt.includes(next))
    )
      return ((this.pos = after), literal);
    this.pos = start;
    return { expr: this.expression(stopAt) };
  }

  private literal(): BicepValue | undefined {
    const c = this.peek();
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === "'") return unquote(this.rawString());
    NUMBER.lastIndex = this.pos;
    const n = NUMBER.exec(this.text);
    if (n) {
      this.pos += n[0].length;
      return Number(n[0]);
    }
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (
        this.text.startsWith(word, this.pos) &&
        !/[A-Za-z0-9_.(]/.test(this.text[this.pos + word.length] ?? '')
      ) {
        this.pos += word.length;
        return v;
      }
    }
    return undefined;
  }

  /** Items between `open` and `close`, separated by newlines or commas. */
  private items(open: string, close: string, item: () => void): void {
    this.expect(open);
    for (;;) {
      this.skip();
      if (this.peek() === ',') this.pos++;
      else if (this.peek() === close) {
        this.pos++;
        return;
      } else item();
    }
  }

  object(): Record<string, BicepValue> {
    const out: Record<string, BicepValue> = {};
    this.items('{', '}', () => {
      const key = this.peek() === "'" ? this.rawString().slice(1, -1) : this.ident();
      this.expect(':');
      if (key in out) this.fail(`"${key}" is set twice`);
      out[key] = this.value(',}');
    });
    return out;
  }

  array(): BicepValue[] {
    const out: BicepValue[] = [];
    this.items('[', ']', () => out.push(this.value(',]')));
    return out;
  }
}

/** A single-quoted literal without interpolation becomes its text; with `${...}` it stays an expression. */
function unquote(raw: string): BicepValue {
  if (raw.startsWith("'''")) return raw.slice(3, -3);
  const inner = raw.slice(1, -1);
  if (/(^|[^\\])\$\{/.test(inner)) return { expr: raw };
  return inner.replace(/\\(['\\nrt$])/g, (_, c: string) =>
    c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c,
  );
}

export function parseBicep(text: string): BicepFile {
  const r: Reader = new Reader(text);
  const file: BicepFile = {
    params: new Map(),
    vars: new Map(),
    resources: new Map(),
    outputs: new Map(),
  };
  let decorators: Record<string, BicepValue | undefined> = {};
  for (;;) {
    r.skip();
    if (r.pos >= text.length) return file;
    if (r.peek() === '@') {
      r.pos++;
      const name = r.ident();
      r.expect('(');
      r.skip();
      decorators[name] = r.peek() === ')' ? undefined : r.value(')');
      r.skip();
      r.expect(')');
      continue;
    }
    const keyword = r.ident();
    if (keyword === 'param') {
      const name = r.ident();
      const type = r.ident();
      r.skip(true);
      const param: BicepParam = { name, type, decorators };
      if (r.peek() === '=') {
        r.pos++;
        param.default = r.value();
      }
      file.params.set(name, param);
    } else if (keyword === 'var') {
      const name = r.ident();
      r.expect('=');
      file.vars.set(name, r.value());
    } else if (keyword === 'resource') {
      const symbol = r.ident();
      r.skip(true);
      const typeText = unquote(r.rawString());
      if (typeof typeText !== 'string' || !typeText.includes('@'))
        r.fail('expected a resource type');
      const [type, apiVersion] = typeText.split('@');
      r.expect('=');
      r.skip(true);
      let condition: string | undefined;
      if (text.startsWith('if', r.pos)) {
        r.pos += 2;
        r.expect('(');
        condition = r.expression('');
        r.expect(')');
      }
      r.skip(true);
      if (r.peek() !== '{') r.fail(`resource ${symbol}: only a plain body { ... } is read here`);
      if (file.resources.has(symbol)) r.fail(`resource ${symbol} is declared twice`);
      file.resources.set(symbol, { symbol, type, apiVersion, condition, body: r.object() });
    } else if (keyword === 'output') {
      const name = r.ident();
      const type = r.ident();
      r.expect('=');
      file.outputs.set(name, { name, type, value: r.value() });
    } else {
      r.fail(`"${keyword}" statements are not read by this checker`);
    }
    decorators = {};
  }
}

/** `cond ? a : b` split at its top-level `?` and `:`, each branch read as a value. */
export function ternary(
  value: BicepValue | undefined,
): { condition: string; whenTrue: BicepValue; whenFalse: BicepValue } | undefined {
  if (!isExpr(value)) return undefined;
  const r: Reader = new Reader(value.expr);
  const condition = r.expression('?');
  if (r.peek() !== '?') return undefined;
  r.pos++;
  const whenTrue = r.value(':');
  r.expect(':');
  const whenFalse = r.value();
  return { condition, whenTrue, whenFalse };
}
