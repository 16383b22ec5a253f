import type { FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';

/**
 * Secrets never reach the log (issue 8, finding 13: `/imports?_csrf=…`,
 * `/set-password?token=…` and manage links stood in every info line). The
 * request serializer logs each URL with its secret parts replaced; main.ts
 * builds the one pino logger of the process from loggerOptions.
 */

export const redacted = '[redacted]';

// token, reset_token, manageToken, _csrf, csrf, key, api_key, client_secret, password
const secretParameter = /^(?:.*token.*|_?csrf|(?:api_?)?key|.*secret.*|.*password.*)$/i;
// path segments that are secrets themselves: the registration manage link
const secretPath = /^(\/(?:registrations|set-password)\/)[^/?#]+/;

/** The URL with every secret query value and token path segment replaced. */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?');
  const path = (queryStart === -1 ? url : url.slice(0, queryStart)).replace(secretPath, `$1${redacted}`);
  if (queryStart === -1) return path;
  const query = url
    .slice(queryStart + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const rawName = equals === -1 ? pair : pair.slice(0, equals);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        // a malformed escape: judge the name as written
      }
      return equals !== -1 && secretParameter.test(name) ? `${rawName}=${redacted}` : pair;
    })
    .join('&');
  return `${path}?${query}`;
}

/** Fastify's request serializer, with the URL redacted. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** Options of the process's pino logger (main.ts) and of any other built for requests. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    serializers: { req: serializeRequest as (value: unknown) => unknown },
    // should a header or body ever be logged whole, its secrets are cut out too
    redact: { paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization', '*.password', '*.token', '*._csrf'], censor: redacted },
  };
}
