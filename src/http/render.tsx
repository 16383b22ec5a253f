import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren, VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { Layout } from '../ui/layout.js';
import { sendKeptPage } from './kept-response.js';

export interface PageOptions {
  title: string;
  /** The page's meta description (search engines, link previews). */
  description?: string;
  body: ComponentChildren;
  /** Staff navigation is shown to signed-in accounts unless this is false. */
  navigation?: boolean;
  /**
   * Keep the whole page, compressed, for a signed-in reader until the data
   * changes (src/http/kept-response.ts): for big pages whose body is itself
   * kept per data version (the dashboard).
   */
  keep?: boolean;
}

/** Renders a whole HTML page (layout around the body) and sends it. */
export function renderPage(request: FastifyRequest, reply: FastifyReply, page: PageOptions) {
  if (page.keep) return sendKeptPage(request, reply, () => pageHtml(request, page));
  return reply.type('text/html; charset=utf-8').send(pageHtml(request, page));
}

function pageHtml(request: FastifyRequest, page: PageOptions): string {
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
  return `<!doctype html>\n${html}`;
}

export function renderFragment(node: VNode): string {
  return render(node);
}
