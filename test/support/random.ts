/** Characters people and attackers type: ASCII, markup, control characters, CJK, emoji, RTL. */
const ALPHABETS = [
  'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789',
  '<>&"\'`\\/{}[]()*_#~|!@$%^=+:;,.?-',
  '\u0000\u0001\u0007\b\t\n\r\u001b\u007f\u2028\u2029\ufeff\u200b',
  '漢字仮名한국어中文',
  '😀🔐🛡️👩‍💻',
  'مرحباשלום',
];

/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence, so a
 * failing generated case can be replayed from its seed.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** Up to `max` characters from a mix of alphabets. */
  text(max: number): string {
    const alphabet = [...this.pick(ALPHABETS)];
    let out = '';
    for (let i = this.int(max + 1); i > 0; i--) out += this.pick(alphabet);
    return out;
  }

  bytes(n: number): Buffer {
    return Buffer.from(Array.from({ length: n }, () => this.int(256)));
  }

  /** Any JSON value, nested up to `depth`. */
  value(depth: number): unknown {
    const kind = this.int(depth > 0 ? 8 : 6);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return this.chance(0.5);
      case 2:
        return this.pick([0, -1, 1e308, 3.14, Number.MAX_SAFE_INTEGER, -0]);
      case 3:
      case 4:
        return this.text(40);
      case 5:
        return '';
      case 6:
        return Array.from({ length: this.int(4) }, () => this.value(depth - 1));
      default:
        return Object.fromEntries(
          Array.from({ length: this.int(4) }, () => [this.text(10), this.value(depth - 1)]),
        );
    }
  }
}
