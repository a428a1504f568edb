import { readFileSync } from 'node:fs';
import formbody from '@fastify/formbody';
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppOptions } from '../app.js';
import { dashboardPage } from '../edit/dashboard.page.js';
import { draftPage, draftsPage, reviewDraft } from '../edit/drafts.pages.js';
import { formValuesOf } from '../edit/form.js';
import { historyPage } from '../edit/history.page.js';
import { importsPage, submitUpload, submitUploadAction } from '../edit/imports.page.js';
import { decideProposal, ingestPage, submitArticle } from '../edit/ingest.page.js';
import { errorPage } from '../edit/error.page.js';
import { editableKind } from '../edit/kinds.js';
import { mergePage, submitMerge } from '../edit/merge.page.js';
import { editMessagesFor } from '../edit/messages/index.js';
import { formPage, listPage, requireKind, startingState, submitForm } from '../edit/records.js';
import { type EditContext, type EditPage, editLink, renderEditDocument } from '../edit/shell.js';
import { signInPage } from '../edit/sign-in.page.js';
import { createUploadStash } from '../edit/upload-stash.js';
import { submitUser, usersPage } from '../edit/users.page.js';
import { AppError, isAppError } from '../lib/errors.js';
import { tooLarge } from '../modules/import/import.service.js';
import { idSchema } from '../modules/shared/common.schema.js';
import { loginSchema } from '../modules/user/user.schema.js';
import { isLocale, type Locale, localeFromAcceptLanguage } from '../site/locale.js';
import { setSessionCookie, SESSION_COOKIE } from './auth.js';
import { outputOf, sendCached } from './caching.js';
import { withoutInlineStyles } from './site.routes.js';

const asset = (name: string) => readFileSync(new URL(`../edit/assets/${name}`, import.meta.url), 'utf8');
const SCRIPT = asset('edit.js');
const STYLESHEET = asset('edit.css');
const LANGUAGE_COOKIE = 'unfree_edit_lang';
/** Addresses of the editors' interface that the public may open: everything else needs a session. */
const OPEN_PATHS = [/^\/edit\/sign-in(\?|$)/, /^\/edit\/language\//];

/** Only addresses inside the editors' interface are followed after signing in or switching language. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/edit(\/|\?|$)/.test(next) && !next.startsWith('//') ? next : '/edit';
}

function localeOf(request: FastifyRequest): Locale {
  const chosen = request.cookies[LANGUAGE_COOKIE];
  return chosen && isLocale(chosen) ? chosen : localeFromAcceptLanguage(request.headers['accept-language']);
}

/**
 * The editors' interface under /edit (docs/decisions/0012): server-rendered forms for the signed-in
 * viewer, read and written with `servicesFor(viewer)`. Not in the public page registry, so no static
 * export or public crawl includes it; never cached by anyone but the browser that asked.
 */
const SCRIPT_OUTPUT = outputOf(SCRIPT, 'text/javascript; charset=utf-8');
const STYLESHEET_OUTPUT = outputOf(STYLESHEET, 'text/css; charset=utf-8');

export async function registerEditRoutes(app: FastifyInstance, options: AppOptions): Promise<void> {
  app.get('/assets/edit.js', { schema: { hide: true } }, (request, reply) =>
    sendCached(request, reply, SCRIPT_OUTPUT, 'public, max-age=86400'),
  );
  app.get('/assets/edit.css', { schema: { hide: true } }, (request, reply) =>
    sendCached(request, reply, STYLESHEET_OUTPUT, 'public, max-age=86400'),
  );
  await app.register((edit) => editRoutes(edit, options), { prefix: '/edit' });
}

async function editRoutes(edit: FastifyInstance, options: AppOptions): Promise<void> {
  // Plain HTML forms post urlencoded bodies; only this part of the app accepts them.
  await edit.register(formbody);

  const contextOf = (request: FastifyRequest): EditContext => {
    const locale = localeOf(request);
    return {
      services: options.servicesFor(request.viewer),
      viewer: request.viewer,
      locale,
      t: editMessagesFor(locale),
      csrf: request.sessionCsrf ?? '',
      path: request.url,
      params: request.params as Record<string, string>,
      query: request.query as Record<string, unknown>,
    };
  };

  const send = (
    request: FastifyRequest,
    reply: FastifyReply,
    page: EditPage,
    status = page.status ?? 200,
  ) => {
    const locale = localeOf(request);
    return reply
      .status(status)
      .type('text/html; charset=utf-8')
      .send(
        renderEditDocument({
          locale,
          t: editMessagesFor(locale),
          path: request.url,
          viewer: request.viewer,
          csrf: request.sessionCsrf ?? '',
          page,
        }),
      );
  };

  const toSignIn = (request: FastifyRequest, reply: FastifyReply) =>
    reply.redirect(editLink('/sign-in', { next: request.method === 'GET' ? request.url : undefined }), 303);

  edit.addHook('onRequest', async (request, reply) => {
    if (OPEN_PATHS.some((open) => open.test(request.url)) || request.viewer.user) return;
    await toSignIn(request, reply);
  });

  edit.addHook('onSend', async (_request, reply) => {
    void reply.header('cache-control', 'private, no-store').header('x-robots-tag', 'noindex');
    withoutInlineStyles(reply);
    await Promise.resolve();
  });

  edit.setErrorHandler((error, request, reply) => {
    const t = editMessagesFor(localeOf(request));
    const page = (title: string, text: string) =>
      errorPage(t, title, text, isAppError(error) ? error.issues : []);
    const statusCode = (error as { statusCode?: number }).statusCode;
    if (isAppError(error)) {
      if (error.code === 'unauthorized') return toSignIn(request, reply);
      if (error.code === 'not_found')
        return send(request, reply, page(t.errors.notFound, error.message), 404);
      if (error.code === 'forbidden')
        return send(request, reply, page(t.errors.forbidden, error.message), 403);
      if (error.code === 'conflict') return send(request, reply, page(t.errors.conflict, error.message), 409);
      if (error.code === 'too_many_requests')
        return send(request, reply, page(t.signIn.title, t.signIn.locked), 429);
      if (error.code !== 'internal')
        return send(request, reply, page(t.errors.failed, error.message), error.httpStatus);
    } else if (statusCode === 429) {
      return send(request, reply, page(t.signIn.title, t.signIn.locked), 429);
    } else if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) {
      return send(
        request,
        reply,
        page(t.errors.failed, error instanceof Error ? error.message : ''),
        statusCode,
      );
    }
    // Never echo an unexpected error: it may carry data that must not leave.
    request.log.error({ err: error }, 'editors’ page failed');
    return send(request, reply, page(t.errors.failed, t.errors.failed), 500);
  });

  edit.get('/sign-in', { schema: { hide: true } }, (request, reply) => {
    const t = editMessagesFor(localeOf(request));
    const query = request.query as Record<string, unknown>;
    if (request.viewer.user) return reply.redirect(safeNext(query.next), 303);
    return send(
      request,
      reply,
      signInPage(t, {
        next: typeof query.next === 'string' ? safeNext(query.next) : undefined,
        notice: query.signedOut === '1' ? t.signIn.signedOut : undefined,
      }),
    );
  });

  edit.post(
    '/sign-in',
    { schema: { hide: true }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const t = editMessagesFor(localeOf(request));
      const values = formValuesOf(request.body);
      const next = safeNext(values.next);
      const credentials = loginSchema.safeParse({
        email: values.email ?? '',
        password: values.password ?? '',
        totp: values.totp ? values.totp : undefined,
      });
      const again = (error: string) =>
        send(request, reply, signInPage(t, { email: values.email, error, next }));
      if (!credentials.success) return again(t.signIn.wrong);
      try {
        const { email, password, totp } = credentials.data;
        const session = await options.servicesFor(request.viewer).users.login(email, password, totp);
        setSessionCookie(reply, request, options.config, session.sessionToken, session.expiresAt);
        return reply.redirect(next, 303);
      } catch (error) {
        if (!isAppError(error)) throw error;
        if (error.code === 'too_many_requests') return again(t.signIn.locked);
        if (error.code === 'unauthorized' && error.issues.every((issue) => issue.path !== 'totp'))
          return again(t.signIn.wrong);
        return again(error.message);
      }
    },
  );

  edit.post('/sign-out', { schema: { hide: true } }, async (request, reply) => {
    if (request.sessionToken) await options.servicesFor(request.viewer).users.logout(request.sessionToken);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect(editLink('/sign-in', { signedOut: '1' }), 303);
  });

  edit.get('/language/:locale', { schema: { hide: true } }, (request, reply) => {
    const { locale } = request.params as { locale: string };
    const next = safeNext((request.query as Record<string, unknown>).next);
    if (isLocale(locale)) {
      void reply.setCookie(LANGUAGE_COOKIE, locale, { path: '/edit', sameSite: 'lax', httpOnly: true });
    }
    return reply.redirect(next, 303);
  });

  edit.get('/', { schema: { hide: true } }, async (request, reply) =>
    send(request, reply, await dashboardPage(contextOf(request))),
  );

  edit.get('/drafts', { schema: { hide: true } }, async (request, reply) =>
    send(request, reply, await draftsPage(contextOf(request))),
  );
  edit.get('/drafts/:id', { schema: { hide: true } }, async (request, reply) =>
    send(request, reply, await draftPage(contextOf(request))),
  );
  edit.post(
    '/drafts/:id/:decision',
    { schema: { hide: true }, config: { review: 'none' } },
    async (request, reply) => {
      const outcome = await reviewDraft(contextOf(request), formValuesOf(request.body));
      return 'redirect' in outcome
        ? reply.redirect(outcome.redirect, 303)
        : send(request, reply, outcome.page);
    },
  );

  edit.get('/merge', { schema: { hide: true } }, async (request, reply) =>
    send(request, reply, await mergePage(contextOf(request), {})),
  );
  edit.post('/merge', { schema: { hide: true }, config: { review: 'drafts' } }, async (request, reply) => {
    const outcome = await submitMerge(contextOf(request), formValuesOf(request.body));
    return 'redirect' in outcome ? reply.redirect(outcome.redirect, 303) : send(request, reply, outcome.page);
  });

  // Reading an article and deciding its proposals write without review: reviewers only, as in the API.
  edit.get('/ingest', { schema: { hide: true } }, async (request, reply) =>
    send(request, reply, await ingestPage(contextOf(request))),
  );
  edit.post('/ingest', { schema: { hide: true }, bodyLimit: 8 * 1024 * 1024 }, async (request, reply) => {
    const outcome = await submitArticle(contextOf(request), formValuesOf(request.body));
    return 'redirect' in outcome ? reply.redirect(outcome.redirect, 303) : send(request, reply, outcome.page);
  });
  edit.post('/proposals/:id/:decision', { schema: { hide: true } }, async (request, reply) => {
    const outcome = await decideProposal(contextOf(request), formValuesOf(request.body));
    return 'redirect' in outcome ? reply.redirect(outcome.redirect, 303) : send(request, reply, outcome.page);
  });

  // Spreadsheet imports: upload → dry-run report → confirmed run, or a draft for review (0024).
  const uploads = createUploadStash({ maxTotalBytes: 4 * options.config.importMaxBytes });
  const reviewed = { schema: { hide: true }, config: { review: 'drafts' as const } };
  edit.get('/imports', { schema: { hide: true } }, async (request, reply) =>
    send(request, reply, await importsPage(contextOf(request))),
  );
  await edit.register(async (upload) => {
    // The whole multipart body is read in preValidation, so the auth preHandler finds its _csrf
    // field like any form's; the file is bounded while it streams in.
    const maxBytes = options.config.importMaxBytes;
    await upload.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: maxBytes, files: 1, fields: 10 },
      async onFile(part: MultipartFile & { value?: unknown }) {
        try {
          part.value = { name: part.filename, bytes: await part.toBuffer() };
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(null, maxBytes);
          throw error;
        }
      },
    });
    upload.post('/imports', reviewed, async (request, reply) => {
      const outcome = await submitUpload(contextOf(request), uploads, request.body);
      return 'redirect' in outcome
        ? reply.redirect(outcome.redirect, 303)
        : send(request, reply, outcome.page);
    });
  });
  edit.post('/imports/:upload', reviewed, async (request, reply) => {
    const { upload } = request.params as { upload: string };
    const outcome = await submitUploadAction(contextOf(request), uploads, upload, formValuesOf(request.body));
    return 'redirect' in outcome ? reply.redirect(outcome.redirect, 303) : send(request, reply, outcome.page);
  });

  edit.get('/users', { schema: { hide: true } }, async (request, reply) =>
    send(request, reply, await usersPage(contextOf(request), {})),
  );
  edit.post('/users', { schema: { hide: true } }, async (request, reply) => {
    const outcome = await submitUser(contextOf(request), formValuesOf(request.body));
    return 'redirect' in outcome ? reply.redirect(outcome.redirect, 303) : send(request, reply, outcome.page);
  });

  const kindOf = (request: FastifyRequest) => {
    const { kind } = request.params as { kind: string };
    return requireKind(editableKind(kind), kind);
  };
  const recordOf = async (request: FastifyRequest) => {
    const { id } = request.params as { id: string };
    if (!idSchema.safeParse(id).success) throw new AppError('not_found', `no record ${id}`);
    return kindOf(request).service(contextOf(request).services).get(id);
  };

  edit.get('/:kind', { schema: { hide: true } }, async (request, reply) =>
    send(request, reply, await listPage(contextOf(request), kindOf(request))),
  );
  edit.get('/:kind/new', { schema: { hide: true } }, async (request, reply) => {
    const context = contextOf(request);
    const kind = kindOf(request);
    return send(
      request,
      reply,
      await formPage(context, kind, null, startingState(kind, null, context.query)),
    );
  });
  edit.get('/:kind/:id', { schema: { hide: true } }, async (request, reply) => {
    const context = contextOf(request);
    const kind = kindOf(request);
    const record = await recordOf(request);
    return send(
      request,
      reply,
      await formPage(context, kind, record, startingState(kind, record, context.query)),
    );
  });
  edit.get('/:kind/:id/history', { schema: { hide: true } }, async (request, reply) =>
    send(request, reply, await historyPage(contextOf(request), kindOf(request), await recordOf(request))),
  );

  const submit = async (request: FastifyRequest, reply: FastifyReply, withRecord: boolean) => {
    const context = contextOf(request);
    const kind = kindOf(request);
    const record = withRecord ? await recordOf(request) : null;
    const outcome = await submitForm(context, kind, record, request.body);
    if ('redirect' in outcome) return reply.redirect(outcome.redirect, 303);
    return send(request, reply, await formPage(context, kind, record, outcome.state), outcome.status);
  };
  edit.post('/:kind/new', { schema: { hide: true }, config: { review: 'drafts' } }, (request, reply) =>
    submit(request, reply, false),
  );
  edit.post('/:kind/:id', { schema: { hide: true }, config: { review: 'drafts' } }, (request, reply) =>
    submit(request, reply, true),
  );
}
