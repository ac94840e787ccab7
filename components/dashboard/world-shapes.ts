// Country outlines for the dashboard's map: Natural Earth 1:110m from the world-atlas package (shipped
// in node_modules, never fetched from a CDN), projected once per process with d3-geo and keyed by
// ISO 3166-1 alpha-2 code, as the country dimension stores it. Server-only: the paths go out as SVG.
import { geoEqualEarth, geoPath } from 'd3-geo';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;

export interface CountryShape {
  code: string;
  path: string;
}

let shapes: CountryShape[] | null = null;

export function worldShapes(): CountryShape[] {
  if (shapes) return shapes;
  const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  // Antarctica takes much room and gets no visitors.
  const land = collection.features.filter((country) => country.id !== '010');
  const projection = geoEqualEarth().fitSize([MAP_WIDTH, MAP_HEIGHT], { type: 'FeatureCollection', features: land });
  const toPath = geoPath(projection).digits(1);
  shapes = land.flatMap((country) => {
    const code = country.id === undefined ? undefined : countries.numericToAlpha2(String(country.id));
    const path = toPath(country);
    return code && path ? [{ code, path }] : [];
  });
  return shapes;
}
