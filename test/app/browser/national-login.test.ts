// The national login in a real browser: `niva serve --demo` relies on the test provider (oidc-provider on this
// machine, ID-porten-like), Chromium follows every redirect itself, and axe-core checks the pages it shows.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  type BrowserSession,
  checkAccessibility,
  heading,
  newPage,
  sessionOrSkip,
  startBrowserSession,
} from '../../helpers/browser.ts';
import { startTestProvider, type TestProvider } from '../../helpers/test-oidc-provider.ts';

const skatteetaten = '974761076';
const nav = '889640782';
const resource = 'urn:altinn:resource:niva-tilgang';

let provider: TestProvider;
let session: BrowserSession | null = null;

before(async () => {
  provider = await startTestProvider();
  session = await startBrowserSession({
    NIVA_OIDC_DISCOVERY_URL: provider.discoveryUrl,
    NIVA_OIDC_CLIENT_ID: provider.clientId,
    NIVA_OIDC_CLIENT_SECRET: provider.clientSecret,
    NIVA_OIDC_SCOPES: 'openid profile email',
    NIVA_OIDC_RESOURCE: resource,
    NIVA_OIDC_RULES: JSON.stringify([
      { organisation: skatteetaten, role: 'owner-member' },
      { organisation: nav, role: 'owner-member' },
    ]),
  });
  // Without NIVA_PUBLIC_URL the server's links (and its redirect URI) name localhost and the port it listens on.
  if (session) provider.allowRedirects(`http://localhost:${session.port}`);
});

after(async () => {
  await session?.close();
  await provider.close();
});

void test(
  'a person logs in through the provider in Chromium, chooses an organisation and lands on the home page',
  { timeout: 120_000 },
  async (t) => {
    const s = sessionOrSkip(t, session);
    if (!s) return;
    const origin = `http://localhost:${s.port}`;
    provider.loginAs({
      pid: '06068010487',
      acr: 'idporten-loa-substantial',
      name: 'Sara Skattesen',
      email: 'sara.skattesen@test.niva.no',
      parties: [skatteetaten, nav],
    });
    const page = await newPage(s);
    try {
      const login = await page.goto(`${origin}/login`);
      assert.equal(login?.status(), 200);
      await checkAccessibility(page, '/login with the national login');
      // Given two organisations, the person chooses which one to act for.
      await Promise.all([
        page.waitForURL((url) => url.origin === origin && url.pathname === '/login/national/callback'),
        page.getByRole('link', { name: 'Logg inn med ID-porten' }).click(),
      ]);
      assert.equal(await heading(page), 'Velg virksomhet');
      await checkAccessibility(page, 'the organisation choice');
      await Promise.all([
        page.waitForURL((url) => url.origin === origin && url.pathname === '/'),
        page.getByRole('button', { name: `Skatteetaten (${skatteetaten})` }).click(),
      ]);
      assert.ok((await heading(page)).length > 0);
      assert.match(await page.locator('.niva-user').innerText(), /sara\.skattesen@test\.niva\.no/);
      await checkAccessibility(page, '/ after the national login');
      // Logging out leads through the provider's own logout (the page's CSP lets the form end there) and back.
      await Promise.all([
        page.waitForURL((url) => url.origin === provider.issuer),
        page.getByRole('button', { name: 'Logg ut' }).click(),
      ]);
      await Promise.all([
        page.waitForURL((url) => url.origin === origin && url.pathname === '/logged-out'),
        page.getByRole('button', { name: 'Yes' }).click(),
      ]);
      assert.equal(await heading(page), 'Du er logget ut');
      await checkAccessibility(page, '/logged-out');
      const home = await page.goto(`${origin}/`);
      assert.equal(new URL(home?.url() ?? '').pathname, '/login', 'the session is over');
    } finally {
      await page.context().close();
    }
  },
);

void test('someone with nothing in Nivå gets a clear page, usable at 320 px', { timeout: 120_000 }, async (t) => {
  const s = sessionOrSkip(t, session);
  if (!s) return;
  const origin = `http://localhost:${s.port}`;
  // The rule applies, but the provider gives no address to make the account with.
  provider.loginAs({ pid: '07078010597', parties: [skatteetaten] });
  const page = await newPage(s, { width: 320, height: 640 });
  try {
    await page.goto(`${origin}/login`);
    await checkAccessibility(page, '/login at 320 px');
    await Promise.all([
      page.waitForURL((url) => url.origin === origin && url.pathname === '/login/national/callback'),
      page.getByRole('link', { name: 'Logg inn med ID-porten' }).click(),
    ]);
    assert.equal(await heading(page), 'Du har ikke tilgang til Nivå');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
    await checkAccessibility(page, 'no access at 320 px');
  } finally {
    await page.context().close();
  }
});
