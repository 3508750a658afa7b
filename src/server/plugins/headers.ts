import type { FastifyInstance } from 'fastify';

/**
 * What the browser may use: fullscreen for the projector views and writing to the clipboard for
 * the copy buttons, on our own pages only; nothing else (no camera, microphone, location, payment,
 * USB, sensors), so an injected script or a framed page cannot ask for them either.
 */
export const permissionsPolicy = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'clipboard-read=()',
  'clipboard-write=(self)',
  'display-capture=()',
  'fullscreen=(self)',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/**
 * Headers every answer carries. API answers are never stored by a browser or a proxy unless a route
 * says otherwise: they are about a signed-in person or their organisation (and a shared computer at
 * a city hall must not show the next person someone else's results from its cache).
 */
export function registerResponseHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('permissions-policy', permissionsPolicy);
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });
}
