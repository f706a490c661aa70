// A real OpenID provider for LearningHub's sign-in tests: the certified oidc-provider package, with two clients
// (one per board), a few test people, and login and consent pages of its own. Started and stopped by the tests
// (OidcTestProvider), never in production.
//
//   PORT=5601 SITES=http://localhost,http://127.0.0.1:5123 node server.js
//
// PORT: where it listens (127.0.0.1); the issuer is http://127.0.0.1:PORT. SITES: the LearningHub addresses
// (comma-separated) whose callbacks the clients may use.
import http from 'node:http';
import Provider from 'oidc-provider';

const port = Number(process.env.PORT ?? 5601);
const issuer = `http://127.0.0.1:${port}`;
const sites = (process.env.SITES ?? 'http://localhost').split(',').map((s) => s.trim().replace(/\/$/, '')).filter(Boolean);
// The providers' short names the tests give them on each board: the callback is /{board}/account/oidc/{key}/callback.
const keys = ['nhs', 'police'];

const client = (board, secret) => ({
  client_id: `learninghub-${board}`,
  client_secret: secret,
  client_name: `LearningHub ${board}`,
  grant_types: ['authorization_code'],
  response_types: ['code'],
  redirect_uris: sites.flatMap((site) => keys.map((key) => `${site}/${board}/account/oidc/${key}/callback`)),
  post_logout_redirect_uris: sites.flatMap((site) => keys.map((key) => `${site}/${board}/account/oidc/${key}/signed-out`)),
});

export const clients = [client('norfolk', 'norfolk-test-client-secret'), client('essex', 'essex-test-client-secret')];

// Test people. The password of each is 'password-' + sub.
const people = [
  { sub: 'alex', email: 'alex.nurse@nhs.test', email_verified: true, name: 'Alex Nurse' },
  { sub: 'blake', email: 'blake.visitor@nhs.test', email_verified: true, name: 'Blake Visitor' },
  { sub: 'casey', email: 'casey.unverified@nhs.test', email_verified: false, name: 'Casey Unverified' },
  { sub: 'drew', email: 'drew@elsewhere.test', email_verified: true, name: 'Drew Elsewhere' },
  { sub: 'ellis', email: 'ellis.linked@nhs.test', email_verified: true, name: 'Ellis Linked' },
  { sub: 'frankie', email: 'frankie.browser@nhs.test', email_verified: true, name: 'Frankie Browser' },
  { sub: 'gale', email: 'gale.must@nhs.test', email_verified: true, name: 'Gale Must' },
];

const escape = (value) => String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const page = (title, body) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${escape(title)} - Test identity provider</title></head>
<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;

const provider = new Provider(issuer, {
  clients,
  async findAccount(ctx, sub) {
    const person = people.find((p) => p.sub === sub);
    return person && { accountId: sub, claims: async () => ({ ...person }) };
  },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  cookies: { keys: ['learninghub-test-provider-only'] },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource: async (ctx, form) => {
        ctx.body = page('Sign out of the test identity provider', `${form}
          <button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>`);
      },
    },
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  pkce: { required: () => true },
  renderError: async (ctx, out) => {
    ctx.type = 'html';
    ctx.body = page('Something went wrong', Object.entries(out).map(([k, v]) => `<p>${escape(k)}: ${escape(v)}</p>`).join(''));
  },
});

const readForm = (req) => new Promise((resolve, reject) => {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => resolve(new URLSearchParams(body)));
  req.on('error', reject);
});

const send = (res, status, html) => {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
};

const loginPage = (uid, error = '') => page('Sign in to your work account', `
  ${error ? `<p role="alert">${escape(error)}</p>` : ''}
  <form method="post" action="/interaction/${uid}/login">
    <label for="email">Email address</label> <input id="email" name="email" type="email" autocomplete="username">
    <label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password">
    <button type="submit">Sign in</button>
  </form>
  <form method="post" action="/interaction/${uid}/abort"><button type="submit">Cancel</button></form>`);

const consentPage = (uid, clientName) => page('Allow access', `
  <p>${escape(clientName)} would like your name and email address.</p>
  <form method="post" action="/interaction/${uid}/confirm"><button type="submit">Allow</button></form>
  <form method="post" action="/interaction/${uid}/abort"><button type="submit">Cancel</button></form>`);

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (req.method === 'GET' && !action) {
    if (details.prompt.name === 'login') {
      return send(res, 200, loginPage(uid));
    }
    const registered = await provider.Client.find(details.params.client_id);
    return send(res, 200, consentPage(uid, registered?.clientName ?? details.params.client_id));
  }

  if (req.method !== 'POST') {
    return send(res, 405, page('Not allowed', ''));
  }

  if (action === 'login') {
    const form = await readForm(req);
    const person = people.find((p) => p.email === form.get('email') && form.get('password') === `password-${p.sub}`);
    if (!person) {
      return send(res, 200, loginPage(uid, 'Wrong email address or password'));
    }
    return provider.interactionFinished(req, res, { login: { accountId: person.sub } }, { mergeWithLastSubmission: false });
  }

  if (action === 'confirm') {
    const { prompt: { details: missing }, params, session, grantId } = details;
    const grant = grantId ? await provider.Grant.find(grantId) : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  }

  if (action === 'abort') {
    return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The person cancelled signing in' }, { mergeWithLastSubmission: false });
  }

  return send(res, 404, page('Not found', ''));
}

const handle = provider.callback();
http.createServer(async (req, res) => {
  const match = /^\/interaction\/([^/?]+)(?:\/([a-z]+))?/.exec(req.url);
  if (!match) {
    return handle(req, res);
  }
  try {
    await interaction(req, res, match[1], match[2]);
  } catch (error) {
    send(res, 400, page('Something went wrong', `<p>${escape(error.message)}</p>`));
  }
}).listen(port, '127.0.0.1', () => console.log(`test identity provider at ${issuer}`));
