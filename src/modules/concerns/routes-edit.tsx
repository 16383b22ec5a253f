import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formTexts } from '../../http/validation.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { DomainError } from '../domain-error.js';
import { EntryProblems, recordEntry } from './commands/record.js';
import { updateEntry } from './commands/update.js';
import { draftOf, idOf, organisationsOf, text, type FormBody } from './form.js';
import { editorRoles, scopeOf } from './policy.js';
import { consultationForEntry, feedbackAnswer, findEntry } from './queries.js';
import { EntryForm, type EntryFormProps } from './views/form.js';
import { fieldErrors } from './views/shared.js';
import { DescriptionList, Detail } from '../../ui/description-list.js';

/**
 * New entries and their edit form (staff). A new entry may come from an open
 * answer of a feedback form (?response=&question=: the answer's text is
 * offered as the wording, the respondent is never copied) or from a
 * consultation (?consultation=: its organisation and date).
 */

const editors = { access: editorRoles };
const idParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
const newQuery = z.object({ response: z.string().optional(), question: z.string().optional(), consultation: z.string().optional(), kind: z.string().optional() });

type Source = NonNullable<EntryFormProps['source']>;

/** The source named by the query or the hidden fields; 404 when it does not exist (a stale link). */
async function sourceOf(request: FastifyRequest, ids: { response: number | null; question: number | null; consultation: number | null }): Promise<{ source: Source | null; values: Record<string, string>; organisations: { id: number; name: string; checked: boolean }[] }> {
  const db = request.server.db;
  if (ids.response !== null && ids.question !== null) {
    const answer = await feedbackAnswer(db, ids.response, ids.question);
    if (!answer) throw new HttpProblem(404, 'notFound');
    const earlier = await db.selectFrom('concern_source').select('entry_id').where('feedback_response_id', '=', ids.response).where('feedback_question_id', '=', ids.question).executeTakeFirst();
    const label = request.t('concerns.fromFeedback', { event: answer.event_title }) + (earlier ? ` ${request.t('concerns.alreadyRecorded', { id: earlier.entry_id })}` : '');
    const source: Source = { hidden: { sourceKind: 'feedback', responseId: String(ids.response), questionId: String(ids.question) }, label, quote: answer.text_value ?? '' };
    return { source, values: { title: (answer.text_value ?? '').slice(0, 300), raisedOn: answer.start_date, district: answer.district ?? '' }, organisations: [] };
  }
  if (ids.consultation !== null) {
    const consultation = await consultationForEntry(db, ids.consultation);
    if (!consultation) throw new HttpProblem(404, 'notFound');
    const source: Source = { hidden: { sourceKind: 'consultation', consultationId: String(consultation.id) }, label: request.t('concerns.fromConsultation', { organisation: consultation.organisation_name }) };
    return { source, values: { raisedOn: consultation.consulted_on, district: consultation.district ?? '' }, organisations: [{ id: consultation.organisation_id, name: consultation.organisation_name, checked: true }] };
  }
  return { source: null, values: {}, organisations: [] };
}

export async function editRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/concerns/new', { config: editors, schema: { querystring: newQuery, hide: true } }, async (request, reply) => {
    const { source, values, organisations } = await sourceOf(request, { response: idOf(request.query.response ?? ''), question: idOf(request.query.question ?? ''), consultation: idOf(request.query.consultation ?? '') });
    return renderPage(request, reply, {
      title: request.t('concerns.staff.new'),
      body: <EntryForm t={request.t} language={request.language} csrfToken={request.csrfToken} action="/concerns" values={{ kind: request.query.kind === 'concern' ? 'concern' : request.query.kind === 'need' ? 'need' : '', ...values }} organisations={organisations} source={source} errors={[]} />,
    });
  });

  app.post('/concerns', { config: editors, schema: { body: formTexts, hide: true } }, async (request, reply) => {
    const body = request.body;
    const sourceKind = text(body, 'sourceKind');
    const { source, organisations: offered } = await sourceOf(request, {
      response: sourceKind === 'feedback' ? idOf(text(body, 'responseId')) : null,
      question: sourceKind === 'feedback' ? idOf(text(body, 'questionId')) : null,
      consultation: sourceKind === 'consultation' ? idOf(text(body, 'consultationId')) : null,
    });
    const { ids, problems } = await organisationsOf(app.db, body);
    // the source is the one looked up, never what the hidden fields claim beyond it
    const draft = draftOf({ ...body, sourceKind: source ? sourceKind : 'other' }, ids);
    try {
      if (problems.length > 0) throw new EntryProblems(problems);
      const id = await recordEntry(app.db, request.account!.id, draft);
      return reply.redirect(`/concerns/${id}?saved=1`, 303);
    } catch (error) {
      if (!(error instanceof EntryProblems)) throw error;
      reply.code(400);
      const values = Object.fromEntries(Object.keys(body).map((key) => [key, text(body, key)]));
      const organisations = offered.map((o) => ({ ...o, checked: ids.includes(o.id) }));
      return renderPage(request, reply, {
        title: request.t('concerns.staff.new'),
        body: <EntryForm t={request.t} language={request.language} csrfToken={request.csrfToken} action="/concerns" values={values} organisations={organisations} source={source} errors={fieldErrors(request.t, [...problems, ...error.problems.filter((p) => !problems.includes(p))])} />,
      });
    }
  });

  async function editForm(request: FastifyRequest, reply: FastifyReply, id: number, body?: FormBody, errors: { field: string; message: string }[] = [], conflict?: string) {
    const entry = await findEntry(app.db, await scopeOf(app.db, request.account!), id);
    if (!entry || entry.merged_into !== null) throw new HttpProblem(404, 'notFound');
    const values = body
      ? Object.fromEntries(Object.keys(body).map((key) => [key, text(body, key)]))
      : { kind: entry.kind, title: entry.title, description: entry.description, topic: entry.topic, raisedOn: entry.raised_on, district: entry.district ?? '', isPublic: entry.is_public ? 'yes' : '', publicWording: entry.public_wording };
    const checked = body ? new Set((Array.isArray(body.organisationId) ? body.organisationId : [body.organisationId ?? '']).map(Number)) : new Set(entry.organisations.map((o) => o.id));
    return renderPage(request, reply, {
      title: request.t('concerns.staff.edit'),
      body: <EntryForm t={request.t} language={request.language} csrfToken={request.csrfToken} action={`/concerns/${id}/edit`} values={values} organisations={entry.organisations.map((o) => ({ id: o.id, name: o.name, checked: checked.has(o.id) }))} source={null} errors={errors} version={conflict ? entry.version : Number(values.version ?? entry.version)} conflict={conflict} />,
    });
  }

  app.get('/concerns/:id/edit', { config: editors, schema: { params: idParams, hide: true } }, async (request, reply) => editForm(request, reply, request.params.id));

  app.post('/concerns/:id/edit', { config: editors, schema: { params: idParams, body: formTexts, hide: true } }, async (request, reply) => {
    const id = request.params.id;
    const scope = await scopeOf(app.db, request.account!);
    if (!(await findEntry(app.db, scope, id))) throw new HttpProblem(404, 'notFound');
    const body = request.body;
    const { ids, problems } = await organisationsOf(app.db, body);
    try {
      if (problems.length > 0) throw new EntryProblems(problems);
      const { source: _source, ...draft } = draftOf(body, ids);
      await updateEntry(app.db, request.account!.id, id, idOf(text(body, 'version')) ?? 0, draft);
      return reply.redirect(`/concerns/${id}?saved=1`, 303);
    } catch (error) {
      if (error instanceof EntryProblems) {
        reply.code(400);
        return editForm(request, reply, id, body, fieldErrors(request.t, error.problems));
      }
      if (error instanceof DomainError && error.code === 'stale') {
        // what was typed stays in the form; the version becomes the current one, so a second save means "mine wins"
        reply.code(409);
        return editForm(request, reply, id, body, [], request.t('concerns.errors.staleForm'));
      }
      if (error instanceof DomainError && error.code === 'merged') {
        reply.code(409);
        return renderPage(request, reply, { title: request.t('concerns.staff.edit'), body: <MergedNotice t={request.t} into={Number(error.parameters.id)} body={body} /> });
      }
      throw error;
    }
  });
}

/** The entry was merged while being edited: say where it went and show what was typed, so nothing is lost. */
function MergedNotice({ t, into, body }: { t: (key: string, options?: Record<string, unknown>) => string; into: number; body: FormBody }) {
  return (
    <div class="kern-stack">
      <h1 class="kern-heading-large">{t('concerns.staff.edit')}</h1>
      <div class="kern-alert kern-alert--warning" role="alert">
        <div class="kern-alert__body">
          <p class="kern-body">{t('concerns.errors.mergedForm', { id: into })}</p>
        </div>
      </div>
      <DescriptionList>
        {(['title', 'description', 'publicWording'] as const).filter((key) => text(body, key) !== '').map((key) => (
          <Detail key={key} label={t(`concerns.fields.${key}`)} valueClass="mosaik-pre-line">{text(body, key)}</Detail>
        ))}
      </DescriptionList>
      <a class="kern-link" href={`/concerns/${into}/edit`}>{t('concerns.errors.mergedOpen', { id: into })}</a>
    </div>
  );
}
