/**
 * What a PDF page draws, reduced to what rebuilding a table needs: the straight horizontal and
 * vertical rules (cell borders) in page coordinates. Reads pdf.js's operator list and follows the
 * graphics state (save, restore, transform, form XObjects), so rules come out where they are seen.
 */
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export type Matrix = [number, number, number, number, number, number];
export interface Point { x: number; y: number }

/** A horizontal rule at `at` (y) from `from` to `to` (x), or a vertical one at x from y to y. */
export interface Rule {
  orientation: 'horizontal' | 'vertical';
  at: number;
  from: number;
  to: number;
}

/** The part of pdf.js's operator list this module reads. */
export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** A filled rectangle thinner than this (points) is a drawn line. */
const THIN = 2.5;
/** Slanted by less than this (points) over its length, a segment counts as straight. */
const STRAIGHT = 0.6;

const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;
const STROKES = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const FILLS = new Set<number>([OPS.fill, OPS.eoFill]);

export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

export function apply(m: Matrix, x: number, y: number): Point {
  return { x: m[0] * x + m[2] * y + m[4], y: m[1] * x + m[3] * y + m[5] };
}

/** The rules a page draws, in page coordinates (y up, as pdf.js's text positions). */
export function rulesOf(list: OperatorList): Rule[] {
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  list.fnArray.forEach((fn, i) => {
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === OPS.save || fn === OPS.paintFormXObjectBegin) stack.push(ctm);
    if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    if (fn === OPS.transform && args) ctm = multiply(args as Matrix, ctm);
    if (fn === OPS.paintFormXObjectBegin && Array.isArray(args?.[0])) ctm = multiply(args[0] as Matrix, ctm);
    if (fn === OPS.constructPath && args) rules.push(...pathRules(args, ctm));
  });
  return rules;
}

/** constructPath's arguments in pdf.js 5: [painting op, [path data], bounding box]. */
function pathRules(args: unknown[], ctm: Matrix): Rule[] {
  const [paint, data] = args as [number, [ArrayLike<number> | null] | null];
  const path = data?.[0];
  if (!path || typeof path !== 'object' || !('length' in path)) return [];
  const polylines = polylinesOf(path, ctm);
  if (STROKES.has(paint)) return polylines.flatMap(segmentsToRules);
  if (FILLS.has(paint)) return polylines.flatMap(thinRectangleRule);
  return [];
}

/** The path as lists of points; curves are not rules and end the current line. */
function polylinesOf(path: ArrayLike<number>, ctm: Matrix): Point[][] {
  const lines: Point[][] = [];
  let current: Point[] = [];
  for (let i = 0; i < path.length; ) {
    const op = path[i]!;
    if (op === DRAW.moveTo || op === DRAW.lineTo) {
      if (op === DRAW.moveTo && current.length > 0) lines.push(current), (current = []);
      current.push(apply(ctm, path[i + 1]!, path[i + 2]!));
      i += 3;
    } else if (op === DRAW.closePath) {
      if (current.length > 1) current.push(current[0]!);
      i += 1;
    } else {
      if (current.length > 0) lines.push(current), (current = []);
      i += op === DRAW.curveTo ? 7 : op === DRAW.quadraticCurveTo ? 5 : path.length;
    }
  }
  if (current.length > 0) lines.push(current);
  return lines;
}

function segmentsToRules(points: Point[]): Rule[] {
  const rules: Rule[] = [];
  for (let i = 1; i < points.length; i++) {
    const rule = straight(points[i - 1]!, points[i]!);
    if (rule) rules.push(rule);
  }
  return rules;
}

function straight(a: Point, b: Point): Rule | null {
  if (Math.abs(a.y - b.y) < STRAIGHT && Math.abs(a.x - b.x) >= STRAIGHT) {
    return { orientation: 'horizontal', at: (a.y + b.y) / 2, from: Math.min(a.x, b.x), to: Math.max(a.x, b.x) };
  }
  if (Math.abs(a.x - b.x) < STRAIGHT && Math.abs(a.y - b.y) >= STRAIGHT) {
    return { orientation: 'vertical', at: (a.x + b.x) / 2, from: Math.min(a.y, b.y), to: Math.max(a.y, b.y) };
  }
  return null;
}

/** Some producers draw borders as thin filled rectangles: such a rectangle is one rule. */
function thinRectangleRule(points: Point[]): Rule[] {
  if (points.length < 4) return [];
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  if (y1 - y0 <= THIN && x1 - x0 > THIN) return [{ orientation: 'horizontal', at: (y0 + y1) / 2, from: x0, to: x1 }];
  if (x1 - x0 <= THIN && y1 - y0 > THIN) return [{ orientation: 'vertical', at: (x0 + x1) / 2, from: y0, to: y1 }];
  return [];
}
