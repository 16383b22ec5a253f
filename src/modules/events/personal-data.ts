import { type CatalogueEntry } from '../catalogue.js';

/**
 * This module's tables in the personal-data catalogue (src/modules/privacy):
 * what each holds, why, for whom, how long, and how one person's rows are
 * found and erased. Export, erasure, retention and docs/privacy.md are built
 * from the whole catalogue; this module erases its own rows here.
 * A function, read when the catalogue is needed (src/modules/registry.ts).
 */
export const personalData = (): CatalogueEntry[] => [
  { table: 'event', personal: false, why: 'Veranstaltungen des Zentrums und seiner Partner (öffentliche Angaben)' },
  { table: 'event_documentation', personal: false, why: 'Dokumentation eines Treffens für die Öffentlichkeit: Programm, Vorträge, Ergebnisse der Workshops; wer sie geschrieben hat, steht nur im Protokoll (audit_log)' },
  {
    table: 'event_documentation_photo',
    personal: false,
    why: 'Fotos der Pinnwände und Flipcharts der Workshops mit Bildbeschreibung, ohne Kamera-Metadaten (Ort); das Formular bittet, keine Personen zu zeigen, und Mitarbeitende können jedes Foto sofort entfernen',
  },
  { table: 'event_documentation_download', personal: false, why: 'Welche Handouts der Bibliothek eine Dokumentation zum Herunterladen anbietet' },
];
