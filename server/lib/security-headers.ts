// Security headers from helmet, its middleware made once. @fastify/helmet makes it again for every request (to allow
// per-route options, which this app does not use), parsing the CSP directives each time: about 6% of the server's CPU
// in a CPU profile of authenticated GETs under load.
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

export function registerSecurityHeaders(app: FastifyInstance, { upgradeInsecureRequests }: { upgradeInsecureRequests: boolean }): void {
  const setHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd writes its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // Only behind HTTPS: on a plain-HTTP intranet address it would break every asset.
        upgradeInsecureRequests: upgradeInsecureRequests ? [] : null,
      },
    },
  });
  app.addHook('onRequest', (request, reply, done) => setHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)));
}
