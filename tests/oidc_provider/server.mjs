// A real OpenID Provider for the tests: panva's oidc-provider on loopback, over plain http.
//
//   node tests/oidc_provider/server.mjs [PORT] [CONFIG_JSON]
//
// or the environment variables OIDC_PROVIDER_PORT and OIDC_PROVIDER_CONFIG. PORT 0 (the default) takes a free
// port; the issuer is http://127.0.0.1:<port>. Once listening it prints one line, "READY <issuer>", on stdout;
// it exits when its standard input closes, or on SIGTERM / SIGINT. Its own logs go to stderr.
//
// CONFIG_JSON:
//   {
//     "clients": [{"client_id": "portal", "client_secret": "<32 characters or more>",
//                  "redirect_uris": [...], "post_logout_redirect_uris": [...],
//                  "token_endpoint_auth_method": "client_secret_post" | "client_secret_basic"}, ...],
//     "accounts": {"<account id>": {"name": ..., "email": ..., "email_verified": true, "id_number": ...}},
//     "skip_consent": false
//   }
//
// Every client must use PKCE (S256 only: oidc-provider supports no other method). The login form is
// oidc-provider's devInteractions one: the login name is the account id, any password goes; an account id
// missing from "accounts" is refused (the form comes back). Signing keys are made at start and never stored.
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';

import Provider, { interactionPolicy } from 'oidc-provider';

const port = Number(process.argv[2] ?? process.env.OIDC_PROVIDER_PORT ?? 0);
const config = JSON.parse(process.argv[3] ?? process.env.OIDC_PROVIDER_CONFIG ?? '{}');
const accounts = config.accounts ?? {};

function log(...args) {
  console.error('[oidc-provider]', ...args);
}

function clientMetadata(client) {
  return {
    client_id: client.client_id,
    client_secret: client.client_secret,
    redirect_uris: client.redirect_uris,
    post_logout_redirect_uris: client.post_logout_redirect_uris ?? [],
    token_endpoint_auth_method: client.token_endpoint_auth_method ?? 'client_secret_post',
    id_token_signed_response_alg: 'RS256',
    grant_types: ['authorization_code'],
    response_types: ['code'],
  };
}

async function findAccount(ctx, id) {
  if (!Object.hasOwn(accounts, id)) {
    return undefined;
  }
  const account = accounts[id];
  return {
    accountId: id,
    async claims() {
      return { sub: id, ...account };
    },
  };
}

// With skip_consent, the first-party behaviour of most identity platforms: what the client asks for is granted
// without a consent page. Otherwise devInteractions' "Authorize" page comes once per client and account.
async function loadExistingGrant(ctx) {
  const { client, session, result } = ctx.oidc;
  const grantId = result?.consent?.grantId || session.grantIdFor(client.clientId);
  let grant = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
  if (config.skip_consent) {
    grant ??= new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
    grant.addOIDCScope([...ctx.oidc.requestParamOIDCScopes].join(' '));
    await grant.save();
  }
  return grant;
}

// An account id that is not in the table (typed into the login form) gets the login form again, as a wrong
// password would, rather than a session for nobody.
const policy = interactionPolicy.base();
policy.get('login').checks.add(new interactionPolicy.Check(
  'unknown_account',
  'no such account',
  'login_required',
  (ctx) => (ctx.oidc.session.accountId && !ctx.oidc.account
    ? interactionPolicy.Check.REQUEST_PROMPT : interactionPolicy.Check.NO_NEED_TO_PROMPT),
));

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), use: 'sig', alg: 'RS256' };

let handle = (req, res) => {
  res.statusCode = 503;
  res.end();
};
const server = createServer((req, res) => handle(req, res));

server.listen(port, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: (config.clients ?? []).map(clientMetadata),
    findAccount,
    loadExistingGrant,
    interactions: { policy },
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: {
      openid: ['sub'],
      profile: ['name'],
      email: ['email', 'email_verified'],
      id_number: ['id_number'],
    },
    scopes: ['openid', 'profile', 'email', 'id_number'],
    responseTypes: ['code'],
    pkce: { required: () => true },
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      userinfo: { enabled: true },
      revocation: { enabled: false },
      introspection: { enabled: false },
    },
  });
  for (const event of ['server_error', 'authorization.error', 'grant.error', 'userinfo.error', 'end_session.error']) {
    provider.on(event, (ctx, error) => log(event, error.name, error.message, error.error_description ?? ''));
  }
  // oidc-provider's pages @import a web font from the Internet: no page of this test server asks for anything
  // off this machine, so that a browser test stays on loopback.
  provider.use(async (ctx, next) => {
    await next();
    if (typeof ctx.body === 'string' && ctx.response.is('html')) {
      ctx.body = ctx.body.replaceAll(/@import url\(https:[^)]*\);?/g, '');
    }
  });
  handle = provider.callback();
  process.stdout.write(`READY ${issuer}\n`);
});

function stop() {
  server.close();
  server.closeAllConnections();
  process.exit(0);
}

process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
