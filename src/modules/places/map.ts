import { placesData } from './data.js';

/** What a server-rendered SVG map of Hessen needs: the canvas, the Land's outline and each district's shape. */
export interface HessenMap {
  width: number;
  height: number;
  /** For the svg element's viewBox attribute. */
  viewBox: string;
  /** SVG path data of the Land's outline. */
  outline: string;
  districts: { code: string; name: string; path: string; label: { x: number; y: number } }[];
  /** Lines to show with the map: source, attribution and licence of the geometry. */
  attribution: string[];
}

export function hessenMap(): HessenMap {
  const data = placesData();
  const { width, height } = data.projection;
  return {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    outline: data.outline,
    districts: data.districts.map(({ code, name, path, label: [x, y] }) => ({ code, name, path, label: { x, y } })),
    attribution: data.sources.map((source) => `${source.attribution}, ${source.licence} (${source.name})`),
  };
}
