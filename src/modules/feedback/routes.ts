import type { FastifyInstance } from 'fastify';
import { evaluationRoutes } from './routes-evaluation.js';
import { publicFormRoutes } from './routes-public.js';
import { entryRoutes } from './routes-entry.js';
import { templateRoutes } from './routes-templates.js';

/** The feedback module's pages: evaluation and annex, the online form, paper entry, templates. */
export async function feedbackRoutes(app: FastifyInstance) {
  await app.register(evaluationRoutes);
  await app.register(publicFormRoutes);
  await app.register(entryRoutes);
  await app.register(templateRoutes);
}
