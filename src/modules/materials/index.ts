import type { MosaikModule } from '../module.js';
import { checkMaterialLinks } from './link-check.js';
import { loadMaterialsDemo } from './demo.js';
import { allMaterials } from './queries.js';
import { publicMaterialRoutes } from './routes-public.js';
import { staffMaterialRoutes } from './routes-staff.js';
import './tables.js';

/**
 * The handout library (issue 11): files with versions behind one stable
 * address, links to the Land's forms checked by a job, the basic PDF check.
 * Other modules may show the handouts of an event format or a checklist item
 * (read-only, published only) with these functions and MaterialListItem.
 */
export { materialsForChecklistItem, materialsForEventFormat, type MaterialSummary } from './queries.js';
export { MaterialListItem } from './public-views.js';

/** The tables only this module writes (test/architecture.test.ts holds every module to its list). */
export const ownedTables = ['material', 'material_version'] as const;

export const module: MosaikModule = {
  name: 'materials',
  routes: [publicMaterialRoutes, staffMaterialRoutes],
  personalData: [
    { table: 'material', personal: false, why: 'Handouts und Links des Zentrums für die Öffentlichkeit: Titel, Beschreibung, Thema; wer sie angelegt hat, steht nur im Protokoll (audit_log)' },
    { table: 'material_version', personal: false, why: 'Dateien der Handouts und ihre Versionen (Name, Größe, Seiten, PDF-Prüfung); keine Angaben zu Personen, die Hochladenden stehen nur im Protokoll' },
  ],
  navigation: [{ href: '/materials', label: 'materials.nav', roles: ['admin', 'staff'] }],
  publicNavigation: [{ href: '/handouts', label: 'materials.publicNav', place: 'header', order: 30 }],
  sitemap: async (db) => [
    { path: '/handouts' },
    ...(await allMaterials(db)).filter((material) => material.published).map((material) => ({ path: `/handouts/${material.id}`, lastModified: new Date(material.updated_at).toISOString().slice(0, 10) })),
  ],
  jobs: [{ name: 'materials.link-check', everyMinutes: 60, run: async (db, now) => void (await checkMaterialLinks(db, now)) }],
  loadDemo: (db) => loadMaterialsDemo(db),
};
