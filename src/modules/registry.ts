import type { MosaikModule } from './module.js';
import { module as consultations } from './consultations/index.js';
import { module as demo } from './demo/index.js';
import { module as evaluation } from './evaluation/index.js';
import { module as events } from './events/index.js';
import { module as experts } from './experts/index.js';
import { module as feedback } from './feedback/index.js';
import { module as grants } from './grants/index.js';
import { module as identity } from './identity/index.js';
import { module as imports } from './imports/index.js';
import { module as mail } from './mail/index.js';
import { module as organisations } from './organisations/index.js';
import { module as people } from './people/index.js';
import { module as registrations } from './registrations/index.js';
import { module as reports } from './reports/index.js';
import { module as wegweiser } from './wegweiser/index.js';
import { module as places } from './places/index.js';
import { module as faq } from './faq/index.js';
import { module as materials } from './materials/index.js';
import { module as newsletter } from './newsletter/index.js';
import { module as portraits } from './portraits/index.js';
import { module as microprojects } from './microprojects/index.js';
import { module as portal } from './portal/index.js';
import { module as selfcheck } from './selfcheck/index.js';
import { module as audit } from './audit/index.js';
import { module as privacy } from './privacy/index.js';
import { module as pinboard } from './pinboard/index.js';
import { module as concerns } from './concerns/index.js';

/**
 * The modules that plug in through src/modules/module.ts, one line each: their
 * routes (src/http/modules.ts), commands (src/cli.ts), catalogue entries,
 * merge and erasure hooks, menus, jobs and demo data all come from here.
 *
 * A function, not a constant: the modules are imported by the faces that ask
 * for them (privacy, organisations, layout), and they in turn import those
 * faces; reading the list only when it is needed keeps that circle harmless.
 */
export function registeredModules(): MosaikModule[] {
  return [
    // The order is the order of the personal-data catalogue and of
    // docs/privacy.md, and the order in which routes are registered.
    identity,
    organisations,
    people,
    demo,
    events,
    registrations,
    mail,
    feedback,
    reports,
    consultations,
    evaluation,
    grants,
    imports,
    places,
    materials,
    faq,
    newsletter,
    portraits,
    microprojects,
    wegweiser,
    experts,
    portal,
    pinboard,
    concerns,
    selfcheck,
    // the audit log's pages, and privacy last: its catalogue entry closes the list
    audit,
    privacy,
  ];
}
