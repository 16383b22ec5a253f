import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren, VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { Layout } from '../ui/layout.js';

export interface PageOptions {
  title: string;
  /** The page's meta description (search engines, link previews). */
  description?: string;
  body: ComponentChildren;
  /** Staff navigation is shown to signed-in accounts unless this is false. */
  navigation?: boolean;
}

/** Renders a whole HTML page (layout around the body) and sends it. */
export function renderPage(request: FastifyRequest, reply: FastifyReply, page: PageOptions) {
  const html = render(
    <Layout
      title={page.title}
      description={page.description}
      language={request.language ?? 'de'}
      t={request.t}
      account={request.account ?? null}
      csrfToken={request.csrfToken ?? ''}
      path={request.url}
      navigation={page.navigation !== false}
    >
      {page.body}
    </Layout>,
  );
  return reply.type('text/html; charset=utf-8').send(`<!doctype html>\n${html}`);
}

export function renderFragment(node: VNode): string {
  return render(node);
}
