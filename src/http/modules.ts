import type { FastifyPluginAsync } from 'fastify';
import { importsApi } from '../modules/imports/api.js';
import { importsRoutes } from '../modules/imports/routes.js';
import { organisationRoutes } from '../modules/organisations/routes.js';
import { directoryRoutes } from '../modules/organisations/directory-routes.js';
import { dashboardRoutes } from '../modules/reports/dashboard-routes.js';
import { reportsApi } from '../modules/reports/api.js';
import { registrationRoutes } from '../modules/registrations/routes.js';
import { feedbackRoutes } from '../modules/feedback/routes.js';
import { eventRoutes } from '../modules/events/routes.js';
import { staffRegistrationRoutes } from '../modules/registrations/staff-routes.js';
import { checkInRoutes } from '../modules/registrations/checkin-routes.js';
import { mailRoutes } from '../modules/mail/routes.js';
import { consultationRoutes } from '../modules/consultations/routes.js';
import { peopleRoutes } from '../modules/people/routes.js';
import { peopleApi } from '../modules/people/api.js';
import { accountsRoutes } from '../modules/identity/account-routes.js';
import { auditRoutes } from '../modules/audit/routes.js';
import { evaluationRoutes } from '../modules/evaluation/routes.js';
import { privacyRoutes } from '../modules/privacy/routes.js';
import { registeredModules } from '../modules/registry.js';

/**
 * The route plugins of the domain modules, in the order they are registered:
 * the older modules by hand, then those of src/modules/registry.ts.
 * src/http/app.ts stays untouched.
 */
export const moduleRoutes = (): FastifyPluginAsync[] => [importsRoutes, importsApi, organisationRoutes, directoryRoutes, dashboardRoutes, reportsApi, registrationRoutes, feedbackRoutes, staffRegistrationRoutes, checkInRoutes, mailRoutes, eventRoutes, consultationRoutes, peopleRoutes, peopleApi, accountsRoutes, auditRoutes, evaluationRoutes, privacyRoutes, ...registeredModules().flatMap((module) => module.routes ?? [])];
