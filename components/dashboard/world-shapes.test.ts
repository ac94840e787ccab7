import { describe, expect, it } from 'vitest';

import { MAP_HEIGHT, MAP_WIDTH, worldShapes } from './world-shapes';

describe('world map shapes', () => {
  it('has an outline for the countries the dashboard names, keyed by ISO alpha-2 code, inside the map', () => {
    const shapes = worldShapes();
    const codes = new Set(shapes.map((shape) => shape.code));
    expect(shapes.length).toBeGreaterThan(160);
    expect(codes.size).toBe(shapes.length);
    for (const code of ['DE', 'US', 'GB', 'IN', 'FR', 'NL', 'CA', 'BR', 'JP', 'AU', 'ZA'])
      expect(codes).toContain(code);
    expect(codes).not.toContain('AQ');
    const numbers = shapes.flatMap((shape) => shape.path.match(/-?\d+(\.\d+)?/g)!.map(Number));
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...numbers)).toBeLessThanOrEqual(Math.max(MAP_WIDTH, MAP_HEIGHT) + 1);
  });
});
