import type { Access } from '../../src/http/access.js';

const evaluationReaders: Access = ['admin', 'evaluator'];

/** Routes of the evaluator's pseudonymised records (src/modules/evaluation/routes.tsx): evaluators and admins. */
export const expectedAccess: Record<string, Access> = Object.fromEntries(
  ['/evaluation', '/evaluation/organisations', '/evaluation/organisations.csv', '/evaluation/organisations/:pseudonym', '/evaluation/participations', '/evaluation/participations.csv'].flatMap(
    (url) => [
      [`GET ${url}`, evaluationReaders],
      [`HEAD ${url}`, evaluationReaders],
    ],
  ),
);
