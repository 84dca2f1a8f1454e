/**
 * A stand-in for login.botframework.com on loopback, so that Bot Framework token checks run for real but offline:
 * it serves the OpenID configuration and the signing keys of this test run, and signs channel tokens with them.
 *
 * botframework-connector keeps one OpenIdMetadata per metadata URL in a static cache; install() points the cache
 * entry of the channel metadata URL at this server (in this process only) and uninstall() removes it again.
 */
import { createHash, generateKeyPairSync, createSign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthenticationConstants } from 'botframework-connector';
import { JwtTokenExtractor } from 'botframework-connector/lib/auth/jwtTokenExtractor';
import { OpenIdMetadata } from 'botframework-connector/lib/auth/openIdMetadata';

export const TRUSTED_KEY_ID = 'license-desk-test-key';

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

export function newSigningKey(kid: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

/** An RS256 JWT: header and claims as given, signed with the key (or not at all for alg "none"). */
export function signToken(claims: Record<string, unknown>, key: SigningKey | undefined, header: Record<string, unknown> = {}): string {
  const encode = (part: unknown) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const head = encode({ alg: key ? 'RS256' : 'none', typ: 'JWT', ...(key ? { kid: key.kid } : {}), ...header });
  const body = encode(claims);
  if (!key) return `${head}.${body}.`;
  const signature = createSign('RSA-SHA256').update(`${head}.${body}`).sign(key.privateKey).toString('base64url');
  return `${head}.${body}.${signature}`;
}

/** The claims of a Bot Framework channel token for the app and service URL, valid for an hour. */
export function channelClaims(appId: string, serviceUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: AuthenticationConstants.ToBotFromChannelTokenIssuer, aud: appId, serviceurl: serviceUrl, nbf: now - 60, exp: now + 3600, ...overrides };
}

export class BotFrameworkLogin {
  private server?: http.Server;
  private url = '';

  constructor(private readonly trusted: SigningKey) {}

  async install(): Promise<void> {
    const jwk = this.trusted.publicKey.export({ format: 'jwk' });
    this.server = http.createServer((req, res) => {
      const send = (body: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.url === '/v1/.well-known/openidconfiguration') return send({ issuer: AuthenticationConstants.ToBotFromChannelTokenIssuer, jwks_uri: `${this.url}/v1/.well-known/keys` });
      if (req.url === '/v1/.well-known/keys') return send({ keys: [{ kty: 'RSA', use: 'sig', kid: this.trusted.kid, n: jwk.n, e: jwk.e, x5t: fingerprint(jwk.n ?? ''), endorsements: ['msteams'] }] });
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    metadataCache().set(AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl, new OpenIdMetadata(`${this.url}/v1/.well-known/openidconfiguration`));
  }

  /** Points the channel metadata at a loopback port where nothing listens: the signing keys cannot be fetched. */
  static installUnreachable(): void {
    metadataCache().set(AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl, new OpenIdMetadata('http://127.0.0.1:9/v1/.well-known/openidconfiguration'));
  }

  async uninstall(): Promise<void> {
    metadataCache().delete(AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl);
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function metadataCache(): Map<string, OpenIdMetadata> {
  return (JwtTokenExtractor as unknown as { openIdMetadataCache: Map<string, OpenIdMetadata> }).openIdMetadataCache;
}

function fingerprint(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}
