import { describe, expect, it } from 'vitest';
import {
  distanceKm, districtsOfHessen, findDistrict, findMunicipality, findPostcode, hessenMap, isInHessen, municipalitiesOfHessen, nearestFirst,
  nearestMunicipality, projectToMap,
} from './index.js';

describe('places: Hessen as data', () => {
  it('knows the 26 districts: 21 Landkreise and 5 kreisfreie Städte', () => {
    const districts = districtsOfHessen();
    expect(districts).toHaveLength(26);
    expect(districts.filter((district) => district.kind === 'kreisfreie Stadt').map((district) => district.name).sort()).toEqual([
      'Darmstadt', 'Frankfurt am Main', 'Kassel', 'Offenbach am Main', 'Wiesbaden',
    ]);
    expect(new Set(districts.map((district) => district.code)).size).toBe(26);
  });

  it('finds a district by the names the directory holds', () => {
    expect(findDistrict('Landkreis Gießen')?.code).toBe('06531');
    expect(findDistrict('Gießen')?.code).toBe('06531');
    expect(findDistrict('Marburg-Biedenkopf')?.name).toBe('Landkreis Marburg-Biedenkopf');
    expect(findDistrict('Kreis Bergstraße')?.code).toBe('06431');
    expect(findDistrict('Kassel')?.kind).toBe('kreisfreie Stadt');
    expect(findDistrict('Landkreis Kassel')?.code).toBe('06633');
    expect(findDistrict('06412')?.name).toBe('Frankfurt am Main');
    expect(findDistrict('Rhein-Neckar-Kreis')).toBeUndefined();
    expect(findDistrict('')).toBeUndefined();
  });

  it('lists the municipalities with their district and a centre inside Hessen', () => {
    const municipalities = municipalitiesOfHessen();
    expect(municipalities.length).toBeGreaterThan(400);
    const giessen = findMunicipality('Gießen')!;
    expect(giessen.district.name).toBe('Landkreis Gießen');
    expect(findMunicipality('Friedberg')?.name).toBe('Friedberg (Hessen)');
    expect(findMunicipality('Lautertal')).toBeUndefined(); // two of them: in the Odenwald and the Vogelsberg
    expect(municipalities.filter((municipality) => !isInHessen(municipality.lat, municipality.lon)).map((municipality) => municipality.name)).toEqual([]);
  });

  it('looks up a postcode: municipality, district and coordinates', () => {
    const frankfurt = findPostcode('60311')!;
    expect(frankfurt).toMatchObject({ postcode: '60311', municipality: 'Frankfurt am Main', district: { name: 'Frankfurt am Main' } });
    expect(frankfurt.lat).toBeCloseTo(50.12, 1);
    expect(frankfurt.lon).toBeCloseTo(8.68, 1);
    expect(findPostcode('35390')?.district.name).toBe('Landkreis Gießen');
    expect(findPostcode('61169')?.municipality).toBe('Friedberg (Hessen)');
    expect(findPostcode(' 34117 ')?.district.kind).toBe('kreisfreie Stadt');
    // Mainz-Kastel belongs to Wiesbaden, though its postcode begins like Mainz's
    expect(findPostcode('55252')?.district.name).toBe('Wiesbaden');
  });

  it('answers undefined for postcodes outside Hessen and for malformed ones', () => {
    expect(findPostcode('55116')).toBeUndefined(); // Mainz
    expect(findPostcode('10115')).toBeUndefined(); // Berlin
    expect(findPostcode('69429')).toBeUndefined(); // Waldbrunn in Baden-Württemberg, a namesake
    expect(findPostcode('6031')).toBeUndefined();
    expect(findPostcode('abcde')).toBeUndefined();
    expect(findPostcode(undefined)).toBeUndefined();
  });

  it('tells points in Hessen from points outside', () => {
    expect(isInHessen(50.1109, 8.6821)).toBe(true); // Frankfurt, Römer
    expect(isInHessen(51.3127, 9.4797)).toBe(true); // Kassel
    expect(isInHessen(49.6, 8.95)).toBe(true); // Odenwald
    expect(isInHessen(49.9929, 8.2473)).toBe(false); // Mainz, across the Rhine
    expect(isInHessen(49.4875, 8.466)).toBe(false); // Mannheim
    expect(isInHessen(50.9787, 11.0328)).toBe(false); // Erfurt
    expect(isInHessen(51.4556, 7.0116)).toBe(false); // Essen (Minijob-Zentrale)
    expect(isInHessen(Number.NaN, 8)).toBe(false);
  });

  it('measures distances and sorts nearest first', () => {
    const frankfurt = { lat: 50.1109, lon: 8.6821 };
    const kassel = { lat: 51.3127, lon: 9.4797 };
    expect(distanceKm(frankfurt, kassel)).toBeGreaterThan(140);
    expect(distanceKm(frankfurt, kassel)).toBeLessThan(150);
    expect(distanceKm(frankfurt, frankfurt)).toBe(0);
    const sorted = nearestFirst(findPostcode('34117')!, [{ name: 'far', at: frankfurt }, { name: 'none', at: null }, { name: 'near', at: kassel }], (item) => item.at);
    expect(sorted.map((item) => item.name)).toEqual(['near', 'far', 'none']);
    expect(sorted[2].distanceKm).toBeNull();
    expect(nearestMunicipality({ lat: 50.585, lon: 8.67 }).name).toBe('Gießen');
  });

  it('projects onto the SVG map: north up, inside the canvas, the districts drawn', () => {
    const map = hessenMap();
    const kassel = projectToMap(51.3127, 9.4797);
    const darmstadt = projectToMap(49.8728, 8.6512);
    expect(kassel.y).toBeLessThan(darmstadt.y);
    expect(kassel.x).toBeGreaterThan(darmstadt.x);
    for (const municipality of municipalitiesOfHessen()) {
      const point = projectToMap(municipality.lat, municipality.lon);
      expect(point.x).toBeGreaterThan(0);
      expect(point.x).toBeLessThan(map.width);
      expect(point.y).toBeGreaterThan(0);
      expect(point.y).toBeLessThan(map.height);
    }
    expect(map.districts).toHaveLength(26);
    for (const district of map.districts) expect(district.path).toMatch(/^M[\d. L]+Z/);
    expect(map.outline).toMatch(/^M/);
    expect(map.attribution.join(' ')).toContain('GeoBasis-DE / BKG');
    expect(map.attribution.join(' ')).toContain('OpenStreetMap');
  });
});
