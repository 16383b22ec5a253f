import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EventFormat } from '../../db/tables.js';
import { HttpProblem } from '../../http/errors.js';
import { cachedBody } from '../../http/page-cache.js';
import { renderPage } from '../../http/render.js';
import { anyFields } from '../../http/validation.js';
import { eventFormats } from './form.js';
import { calendarDisposition, calendarText } from './ical.js';
import { isLanguage, publicLanguages, translator } from '../../i18n/index.js';
import { PublicCalendar, PublicEventPage } from './public-views.js';
import { eventDistricts, eventsInOrder, findEvent, todayInBerlin } from './queries.js';
import { documentedEventIds, recentlyDocumentedEvents } from './documentation.js';
import { materialsForEventFormat } from '../materials/index.js';

/**
 * The public event calendar: upcoming events by month, each event's page,
 * and both as iCalendar feeds. No account needed; six languages (?lang=).
 */

const eventParams = z.object({ id: z.string() });

export async function publicCalendarRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  async function upcoming(request: FastifyRequest) {
    const query = anyFields.parse(request.query);
    const filters = {
      format: eventFormats.includes(query.format as EventFormat) ? (query.format as EventFormat) : undefined,
      district: typeof query.district === 'string' && query.district !== '' ? query.district.slice(0, 200) : undefined,
    };
    const events = await eventsInOrder(app.db, { ...filters, upcomingFrom: await todayInBerlin(app.db) });
    return { filters, events };
  }

  async function publicEvent(request: FastifyRequest) {
    const event = await findEvent(app.db, Number(eventParams.parse(request.params).id));
    if (!event) throw new HttpProblem(404, 'notFound');
    return event;
  }

  /**
   * Calendar apps subscribe without cookies or a browser language: a feed is
   * German unless its address says ?lang=, so that it reads the same for
   * every subscriber of that address.
   */
  const feedOptions = (request: FastifyRequest) => {
    const lang = anyFields.parse(request.query).lang;
    const t = translator(isLanguage(lang) && publicLanguages.includes(lang as never) ? lang : 'de');
    return { baseUrl: app.settings.baseUrl, name: t('events.public.title'), cancelledPrefix: t('events.ical.cancelledPrefix') };
  };

  app.get('/calendar', { config: { access: 'public' }, schema: { querystring: anyFields } }, async (request, reply) => {
    // once per change of the data, address, language and day (src/http/page-cache.tsx)
    const body = await cachedBody(request, async () => {
      const { filters, events } = await upcoming(request);
      return <PublicCalendar t={request.t} language={request.language} events={events} filters={filters} districts={await eventDistricts(app.db)} documented={await recentlyDocumentedEvents(app.db)} />;
    });
    return renderPage(request, reply, { title: request.t('events.public.title'), body });
  });

  app.get('/calendar.ics', { config: { access: 'public' }, schema: { querystring: anyFields } }, async (request, reply) => {
    const { events } = await upcoming(request);
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', calendarDisposition('veranstaltungen'))
      .send(calendarText(events, feedOptions(request)));
  });

  app.get('/calendar/:id', { config: { access: 'public' }, schema: { params: eventParams } }, async (request, reply) => {
    const event = await publicEvent(request);
    return renderPage(request, reply, {
      title: event.title,
      body: (
        <PublicEventPage
          t={request.t}
          language={request.language}
          event={event}
          now={new Date()}
          handouts={await materialsForEventFormat(app.db, event.format)}
          documented={(await documentedEventIds(app.db, [event.id])).has(event.id)}
        />
      ),
    });
  });

  app.get('/calendar/:id.ics', { config: { access: 'public' }, schema: { params: eventParams, querystring: anyFields } }, async (request, reply) => {
    const event = await publicEvent(request);
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', calendarDisposition(event.event_key))
      .send(calendarText([event], feedOptions(request)));
  });
}
