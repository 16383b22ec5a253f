import type { MosaikModule } from './module.js';
import { module as portal } from './portal/index.js';

/**
 * The modules that plug in through src/modules/module.ts, one line each. The
 * older modules (events, organisations, …) are still wired by hand in
 * src/http/modules.ts, src/cli.ts and the privacy catalogue; a module that
 * moves over adds itself here and leaves those lists.
 *
 * A function, not a constant: the modules are imported by the faces that ask
 * for them (privacy, organisations, layout), and they in turn import those
 * faces; reading the list only when it is needed keeps that circle harmless.
 */
export function registeredModules(): MosaikModule[] {
  return [
    portal,
  ];
}
