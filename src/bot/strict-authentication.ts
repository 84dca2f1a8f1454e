/**
 * Bot Framework authentication that answers every bad token with 401. botframework-connector 4.23 rethrows the
 * JWT library's own errors (a forged or tampered signature: "invalid signature") instead of an AuthenticationError,
 * and CloudAdapter answers anything but an AuthenticationError with 500 — a forged token would look like a fault of
 * the bot. Errors that are not about the token (the signing keys could not be fetched) become
 * AuthenticationUnavailableError: the server answers 503 (try again later) without their text.
 */
import { ConfigurationBotFrameworkAuthentication, StatusCodes, type Activity } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';

/** The error classes of jsonwebtoken, by name: every one means the token is not acceptable. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

export class StrictBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      throw asUnauthorized(error);
    }
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateStreamingRequest(authHeader, channelIdHeader);
    } catch (error) {
      throw asUnauthorized(error);
    }
  }
}

/** The token could not be checked (the signing keys or metadata could not be fetched): nobody's fault but ours. */
export class AuthenticationUnavailableError extends Error {
  override name = 'AuthenticationUnavailableError';
  constructor(override readonly cause: unknown) {
    super(`Bot Framework token could not be checked: ${String(cause)}`);
  }
}

function asUnauthorized(error: unknown): unknown {
  if (error instanceof AuthenticationError) return error;
  if (error instanceof Error && TOKEN_ERRORS.has(error.name)) return new AuthenticationError(`Unauthorized: ${error.message}`, StatusCodes.UNAUTHORIZED);
  return new AuthenticationUnavailableError(error);
}
