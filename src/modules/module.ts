import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { VNode } from 'preact';
import type { Language, Translate } from '../i18n/index.js';
import type { Kysely, Transaction } from 'kysely';
import type { Database, Role } from '../db/tables.js';
import type { CliCommand } from '../cli.js';
import type { CatalogueEntry } from './catalogue.js';

/**
 * What a domain module tells the rest of Mosaik about itself: the one object a
 * new module exports from its index.ts as `module` and adds, in one line, to
 * src/modules/registry.ts. Everything a module needs from outside its folder
 * goes through these hooks, so adding a module edits no other module:
 *
 *  - its tables: SQL files in src/modules/<name>/migrations/ (found by
 *    src/db/migrate.ts; file names are numbered globally, e.g.
 *    130_wegweiser.sql, and must not repeat a number of another folder), the
 *    Kysely types by augmenting `Database` from its own tables.ts
 *    (`declare module '../../db/tables.js' { interface Database { … } }`),
 *    `ownedTables` in its index.ts (test/architecture.test.ts);
 *  - its strings: src/modules/<name>/i18n/<language>.json ("<name>.<key>");
 *  - the access rules of its routes: test/access/<name>.ts
 *    (test/authorisation.test.ts reads every file there).
 *
 * Every hook is optional. Hooks are read lazily (registeredModules() is a
 * function), so a module's index.ts may import the faces of other modules.
 */
export interface MosaikModule {
  /** The folder name under src/modules/. */
  name: string;
  /** Fastify plugins with its pages and API routes (each route declares config.access). */
  routes?: FastifyPluginAsync[];
  /**
   * Entries of the personal-data catalogue for every table it owns
   * (src/modules/privacy/personal-data.ts). A function may be given so that
   * the list is built only when the catalogue is read.
   */
  personalData?: CatalogueEntry[] | (() => CatalogueEntry[]);
  /**
   * Moves this module's rows from the merged organisation to the survivor, in
   * the merge's transaction (src/modules/organisations/merge.ts). Required
   * when one of its tables references `organisation` (test/module-contract.test.ts).
   */
  mergeOrganisations?: (trx: Transaction<Database>, merge: OrganisationMerge) => Promise<MergeMoves>;
  /**
   * Erases what this module holds about an organisation, in the transaction of
   * the organisation's erasure (src/modules/privacy/organisation-erasure.ts):
   * its names, contacts, free texts and anything public about it.
   */
  eraseOrganisation?: (trx: Transaction<Database>, organisationId: number) => Promise<void>;
  /**
   * A section of an organisation's page for the centre's staff, shown below
   * the profile (src/modules/organisations/directory-routes.tsx): what this
   * module holds about the organisation that staff keep there, e.g. the
   * newsletter module's consent to receive the brochure by post. Lets a
   * module below the organisations (in the graph of docs/architecture.md)
   * appear on its page without an import circle. Null: nothing to show.
   */
  organisationSection?: (db: Kysely<Database>, context: OrganisationSectionContext) => Promise<VNode | null>;
  /**
   * A section of "Mein Bereich" (/my, src/modules/identity/my-routes.tsx) for
   * an association representative: what this module holds for the
   * representative's organisations, e.g. the micro-projects with what is due
   * next, the latest Vereins-Check, their pinboard posts. Sections are shown
   * by `order` (smaller first), below the organisations and claims; render
   * gives null when there is nothing to show. The section must work on a
   * 390 px phone and without JavaScript, in the six public languages.
   */
  representativeSection?: RepresentativeSection;
  /** Entries of the main navigation, per role (src/ui/layout.tsx); label is an i18n key. */
  navigation?: NavigationEntry[];
  /**
   * Links for visitors: the public menu in the header ('header': calendar,
   * handouts, FAQ, …) and the footer ('footer': imprint, privacy notice,
   * accessibility statement); label is an i18n key, order sorts (default 50).
   */
  publicNavigation?: PublicNavigationEntry[];
  /** Public pages for sitemap.xml (paths such as '/faq/12'), with their last change (ISO date). */
  sitemap?: (db: Kysely<Database>) => Promise<{ path: string; lastModified?: string }[]>;
  /** Sub-commands of `mosaik`, e.g. `{ 'export hsds': … }`: the first one or two words of the command line. */
  commands?: Record<string, CliCommand>;
  /** Work the server does on a timer (src/main.ts): reminders, link checks, sending. */
  jobs?: ScheduledJob[];
  /**
   * Fills the module's part of the demo dataset, after the core demo
   * (src/modules/demo/load.ts); `today` is the demo's today (YYYY-MM-DD, Berlin),
   * so that dates relative to it (due, overdue) come out the same in tests.
   */
  loadDemo?: (db: Kysely<Database>, context: { today: string }) => Promise<void>;
}

type RoutePlugin = (app: FastifyInstance) => Promise<void>;

/**
 * A route plugin of a module, loaded when the server registers it:
 * `routes: [lazy(() => import('./routes.js'), 'eventRoutes')]`. The face
 * (index.ts) then does not load the module's pages, views and Fastify for the
 * command line, a job or a test that only wants its functions, and a routes
 * file may import its own face without an import cycle at load time.
 */
export function lazy<M extends { [P in K]: RoutePlugin }, K extends string>(load: () => Promise<M>, name: K): FastifyPluginAsync {
  return async (app) => (await load())[name](app);
}

/** The two organisations of a merge, and who merges them (null: the system). */
export interface OrganisationMerge {
  survivorId: number;
  mergedId: number;
  accountId: number | null;
}

/**
 * What a module did in a merge, by table: rows moved to the survivor, and rows
 * dropped because the survivor already had the same one (the table's
 * identity). `notes` keeps anything else worth showing or auditing (grants
 * dropped with their amounts, registrations now beyond a limit).
 */
export interface MergeMoves {
  moved: Record<string, number>;
  dropped: Record<string, number>;
  notes?: Record<string, unknown>;
}

export interface OrganisationSectionContext {
  organisationId: number;
  t: Translate;
  language: Language;
  csrfToken: string;
}

export interface RepresentativeSection {
  order: number;
  render: (db: Kysely<Database>, context: RepresentativeSectionContext) => Promise<VNode | null>;
}

export interface RepresentativeSectionContext {
  accountId: number;
  /** The organisations the account represents (confirmed claims), by name. */
  organisations: { id: number; name: string }[];
  t: Translate;
  language: Language;
  /** The time of the request; the centre's day of it decides what is due or overdue. Tests pass a fixed one. */
  now: Date;
  csrfToken: string;
}

export interface NavigationEntry {
  href: string;
  /** An i18n key, e.g. 'wegweiser.nav'. */
  label: string;
  roles: Role[];
}

export interface PublicNavigationEntry {
  href: string;
  label: string;
  place: 'header' | 'footer';
  order?: number;
}

export interface ScheduledJob {
  name: string;
  everyMinutes: number;
  /** `now` is passed in so that tests run the job with a fixed clock. */
  run: (db: Kysely<Database>, now: Date) => Promise<void>;
}

/** A module's catalogue entries, whether it gives a list or a function. */
export function personalDataOf(module: MosaikModule): CatalogueEntry[] {
  return typeof module.personalData === 'function' ? module.personalData() : (module.personalData ?? []);
}
