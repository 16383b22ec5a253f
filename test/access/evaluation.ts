import type { Access } from '../../src/http/access.js';

const evaluationReaders: Access = ['admin', 'evaluator'];
/** The workspace's own material (protocols, interviews under consent "only for the evaluation", meetings): evaluators only. */
const workspace: Access = ['evaluator'];
/** The methods table holds counts of events only. */
const methodsReaders: Access = ['admin', 'staff', 'evaluator'];
const settingsEditors: Access = ['admin', 'evaluator'];

const get = (urls: string[], access: Access) => urls.flatMap((url) => [[`GET ${url}`, access], [`HEAD ${url}`, access]] as [string, Access][]);
const post = (urls: string[], access: Access) => urls.map((url) => [`POST ${url}`, access] as [string, Access]);

/** Routes of the evaluator's pseudonymised records (src/modules/evaluation/routes.tsx) and workspace (routes-workspace.tsx, api-routes.ts). */
export const expectedAccess: Record<string, Access> = Object.fromEntries([
  ...get(['/evaluation', '/evaluation/organisations', '/evaluation/organisations.csv', '/evaluation/organisations/:pseudonym', '/evaluation/participations', '/evaluation/participations.csv'], evaluationReaders),
  ...get(
    ['/evaluation/observations', '/evaluation/observations/:id', '/evaluation/interviews', '/evaluation/interviews/new', '/evaluation/interviews/:id', '/evaluation/guides', '/evaluation/guides/new', '/evaluation/guides/:id', '/evaluation/reflections', '/evaluation/reflections/new', '/evaluation/reflections/:id', '/evaluation/export.xlsx'],
    workspace,
  ),
  ...post(['/evaluation/observations/:id', '/evaluation/observations/:id/remove', '/evaluation/interviews', '/evaluation/interviews/:id', '/evaluation/interviews/:id/withdraw', '/evaluation/guides', '/evaluation/guides/:id', '/evaluation/reflections', '/evaluation/reflections/:id'], workspace),
  ...get(['/evaluation/methods', '/api/v1/reports/evaluation'], methodsReaders),
  ...get(['/evaluation/settings'], settingsEditors),
  ...post(['/evaluation/settings'], settingsEditors),
]);
