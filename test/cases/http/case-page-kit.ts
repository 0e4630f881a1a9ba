// The web forms of the case pages as a signed-in person uses them: shared by the case page tests.
import assert from 'node:assert/strict';
import type { Session, TestApp } from '../../helpers/test-app.ts';

export function post(
  app: TestApp,
  session: Session,
  path: string,
  fields: Record<string, string | string[]>,
): Promise<Response> {
  const body = new URLSearchParams();
  body.set('_csrf', session.csrf);
  for (const [k, v] of Object.entries(fields)) for (const value of Array.isArray(v) ? v : [v]) body.append(k, value);
  return Promise.resolve(
    app.request(path, {
      method: 'POST',
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    }),
  );
}

export function upload(
  app: TestApp,
  session: Session,
  path: string,
  file: File,
  extra: Record<string, string> = {},
): Promise<Response> {
  const body = new FormData();
  body.set('_csrf', session.csrf);
  body.set('file', file);
  for (const [k, v] of Object.entries(extra)) body.set(k, v);
  return Promise.resolve(app.request(path, { method: 'POST', headers: { cookie: session.cookie }, body }));
}

export function get(app: TestApp, session: Session, path: string): Promise<Response> {
  return Promise.resolve(app.request(path, { headers: { cookie: session.cookie } }));
}

export async function html(app: TestApp, session: Session, path: string): Promise<string> {
  const response = await get(app, session, path);
  assert.equal(response.status, 200, `GET ${path}`);
  return response.text();
}

/** Reports a case through the form and returns its reference from the redirect. */
export async function report(
  app: TestApp,
  session: Session,
  fields: Record<string, string | string[]>,
): Promise<string> {
  const response = await post(app, session, '/cases', fields);
  assert.equal(response.status, 303, await response.text());
  const location = response.headers.get('location') ?? '';
  const reference = /^\/cases\/(NIVA-\d+)\?done=created$/.exec(location)?.[1];
  assert.ok(reference, `redirected to ${location}`);
  return reference;
}
