import {
  createHmac,
  createSign,
  generateKeyPairSync,
  randomUUID,
  type KeyObject,
} from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The issuer of tokens the Bot Framework sends to bots (botframework-connector checks it). */
export const CHANNEL_ISSUER = 'https://api.botframework.com';

const b64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

export interface TokenOptions {
  /** Header fields to use instead of `{ alg: 'RS256', kid }`. */
  header?: Record<string, unknown>;
  /** Claims to add or replace; `undefined` removes one. */
  claims?: Record<string, unknown>;
  /** How to sign: the issuer's key (default), another RSA key, HMAC with a secret, or not at all. */
  sign?: { rsa: KeyObject } | { hmac: string | Buffer } | 'none';
}

/**
 * A stand-in for login.botframework.com on loopback: it publishes an OpenID metadata document
 * and the RSA key (with its `kid` and a Teams endorsement) that signs the tokens it mints, as
 * the Bot Framework signs the requests it sends to a bot.
 */
export class TokenIssuer {
  readonly kid = randomUUID();
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private server?: Server;
  /** How many times the metadata and the keys were fetched. */
  fetches = 0;

  get metadataUrl(): string {
    return `${this.base}/v1/.well-known/openidconfiguration`;
  }

  private get base(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  /** The public key as PEM text: what an attacker knows. */
  get publicKeyPem(): string {
    return this.keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.fetches++;
      const jwk = this.keys.publicKey.export({ format: 'jwk' });
      const body =
        req.url === '/v1/.well-known/openidconfiguration'
          ? {
              issuer: CHANNEL_ISSUER,
              jwks_uri: `${this.base}/v1/.well-known/keys`,
              id_token_signing_alg_values_supported: ['RS256'],
            }
          : req.url === '/v1/.well-known/keys'
            ? {
                keys: [
                  {
                    kty: 'RSA',
                    use: 'sig',
                    kid: this.kid,
                    n: jwk.n,
                    e: jwk.e,
                    endorsements: ['msteams'],
                  },
                ],
              }
            : undefined;
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body ?? {}));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** A channel token for `appId` and `serviceUrl`, valid for an hour, unless `options` change it. */
  token(appId: string, serviceUrl: string, options: TokenOptions = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      iss: CHANNEL_ISSUER,
      aud: appId,
      serviceurl: serviceUrl,
      nbf: now - 60,
      iat: now - 60,
      exp: now + 3600,
      ...options.claims,
    };
    const header = options.header ?? { alg: 'RS256', typ: 'JWT', kid: this.kid };
    const signed = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const how = options.sign ?? { rsa: this.keys.privateKey };
    if (how === 'none') return `${signed}.`;
    if ('hmac' in how)
      return `${signed}.${b64url(createHmac('sha256', how.hmac).update(signed).digest())}`;
    return `${signed}.${b64url(createSign('RSA-SHA256').update(signed).sign(how.rsa))}`;
  }
}
