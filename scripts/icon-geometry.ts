/**
 * Tiny vector drawing for the app icons: shapes as signed distance functions, anti-aliased by
 * turning the distance at each pixel's centre into coverage. Pure functions, no I/O.
 * The hot paths avoid Math.*: under jest's vm context each Math call costs ~0.5 µs (300x slower).
 */

export interface Point {
  x: number;
  y: number;
}

/** x limited to [0, 1]. */
export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** Distance from p to the segment a-b. */
export function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0 ? 0 : clamp01(((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared);
  const ex = p.x - (a.x + t * dx);
  const ey = p.y - (a.y + t * dy);
  return (ex * ex + ey * ey) ** 0.5;
}

/** Is p inside the closed polygon (even-odd rule)? */
export function insidePolygon(p: Point, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i];
    const b = polygon[j];
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x)
      inside = !inside;
  }
  return inside;
}

/** Signed distance to a closed polygon: negative inside, positive outside. */
export function polygonDistance(p: Point, polygon: readonly Point[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const d = segmentDistance(p, polygon[j], polygon[i]);
    if (d < best) best = d;
  }
  return insidePolygon(p, polygon) ? -best : best;
}

/** Distance to an open polyline (a stroke's centre line). */
export function polylineDistance(p: Point, line: readonly Point[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 1; i < line.length; i++) {
    const d = segmentDistance(p, line[i - 1], line[i]);
    if (d < best) best = d;
  }
  return best;
}

/** How much of a pixel a shape covers, from the signed distance (in pixels) at the pixel's centre. */
export function coverage(signedDistance: number): number {
  return clamp01(0.5 - signedDistance);
}

function quadratic(a: Point, c: Point, b: Point, t: number): Point {
  const u = 1 - t;
  return {
    x: u * u * a.x + 2 * u * t * c.x + t * t * b.x,
    y: u * u * a.y + 2 * u * t * c.y + t * t * b.y,
  };
}

function cubic(a: Point, c1: Point, c2: Point, b: Point, t: number): Point {
  const u = 1 - t;
  const w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return {
    x: w[0] * a.x + w[1] * c1.x + w[2] * c2.x + w[3] * b.x,
    y: w[0] * a.y + w[1] * c1.y + w[2] * c2.y + w[3] * b.y,
  };
}

/**
 * The shield's outline as a polygon, in a box at (left, top) of the given width; the height is
 * 1.2 times the width. A swooping top edge, straight sides, and curves meeting in a point.
 */
export function shieldPolygon(left: number, top: number, width: number, steps = 48): Point[] {
  const at = (x: number, y: number): Point => ({ x: left + x * width, y: top + y * width });
  const right: Point[] = [];
  for (let i = 0; i <= steps; i++)
    right.push(quadratic(at(0.5, 0), at(0.76, 0.13), at(1, 0.13), i / steps));
  right.push(at(1, 0.58));
  for (let i = 1; i <= steps; i++)
    right.push(cubic(at(1, 0.58), at(1, 0.88), at(0.78, 1.08), at(0.5, 1.2), i / steps));
  // The left half mirrors the right one around the vertical centre line.
  const centre = left + width / 2;
  const left_ = right
    .slice(1, -1)
    .reverse()
    .map((p) => ({ x: 2 * centre - p.x, y: p.y }));
  return [...right, ...left_];
}
