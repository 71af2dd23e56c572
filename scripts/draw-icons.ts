/**
 * Draws the Teams app icons (a shield with a check mark) into appPackage/:
 *   color.png   192x192, the white shield on the app's accent colour;
 *   outline.png 32x32, the shield's outline and the check, white on transparent.
 * Deterministic: the same code draws the same bytes (test/app-package checks the committed files).
 * Run: npm run icons
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import {
  clamp01,
  coverage,
  polygonDistance,
  polylineDistance,
  shieldPolygon,
  type Point,
} from './icon-geometry.js';

type Rgb = readonly [number, number, number];

/** The manifest's accentColor (#0F548C), the shield's white, and its shaded right half. */
export const ACCENT: Rgb = [0x0f, 0x54, 0x8c];
const WHITE: Rgb = [255, 255, 255];
const SHADE: Rgb = [0xd6, 0xe6, 0xf5];

/** The check mark inside a shield drawn at (left, top) with this width. */
function checkMark(left: number, top: number, width: number): Point[] {
  const at = (x: number, y: number): Point => ({ x: left + x * width, y: top + y * width });
  return [at(0.25, 0.62), at(0.43, 0.8), at(0.76, 0.43)];
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
];

function put(png: PNG, x: number, y: number, rgb: Rgb, alpha: number): void {
  const i = (y * png.width + x) * 4;
  // Rounding without Math.round (all values are >= 0), for the reason in icon-geometry.ts.
  png.data[i] = (rgb[0] + 0.5) | 0;
  png.data[i + 1] = (rgb[1] + 0.5) | 0;
  png.data[i + 2] = (rgb[2] + 0.5) | 0;
  png.data[i + 3] = (alpha * 255 + 0.5) | 0;
}

/** 192x192: the whole square in the accent colour, a two-tone white shield, the check cut in accent. */
export function drawColorIcon(size = 192): PNG {
  const png = new PNG({ width: size, height: size });
  const width = size * 0.54;
  const left = (size - width) / 2;
  const top = (size - width * 1.2) / 2;
  const shield = shieldPolygon(left, top, width);
  const check = checkMark(left, top, width);
  const stroke = width * 0.13;
  const centre = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const p = { x: x + 0.5, y: y + 0.5 };
      const inShield = coverage(polygonDistance(p, shield));
      const inCheck = coverage(polylineDistance(p, check) - stroke / 2);
      const rightHalf = clamp01(p.x - centre + 0.5);
      const face = mix(WHITE, SHADE, rightHalf);
      const rgb = mix(mix(ACCENT, face, inShield), ACCENT, inCheck);
      put(png, x, y, rgb, 1);
    }
  }
  return png;
}

/** 32x32: the shield's outline and the check mark, white, everything else fully transparent. */
export function drawOutlineIcon(size = 32): PNG {
  const png = new PNG({ width: size, height: size });
  const width = size * 0.74;
  const left = (size - width) / 2;
  const top = (size - width * 1.2) / 2;
  const shield = shieldPolygon(left, top, width);
  const check = checkMark(left, top, width);
  const outline = size / 16;
  const stroke = size / 12;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const p = { x: x + 0.5, y: y + 0.5 };
      // The outline sits just inside the shield's edge, so nothing is clipped at the border.
      const inset = polygonDistance(p, shield) + outline / 2;
      const edge = coverage((inset < 0 ? -inset : inset) - outline / 2);
      const tick = coverage(polylineDistance(p, check) - stroke / 2);
      const alpha = edge > tick ? edge : tick;
      put(png, x, y, WHITE, alpha);
    }
  }
  return png;
}

export function pngBytes(png: PNG): Buffer {
  return PNG.sync.write(png, { colorType: 6 });
}

if (require.main === module) {
  const dir = join(process.cwd(), 'appPackage');
  writeFileSync(join(dir, 'color.png'), pngBytes(drawColorIcon()));
  writeFileSync(join(dir, 'outline.png'), pngBytes(drawOutlineIcon()));
  console.log(`Wrote ${join(dir, 'color.png')} (192x192) and ${join(dir, 'outline.png')} (32x32).`);
}
