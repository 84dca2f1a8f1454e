/**
 * Graph's error responses: `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`.
 * Every failure the emulator can produce is built here, so the codes and wordings live in one place.
 * Wordings are Graph's own where public sources show them; the few marked "emulator" are not Graph's.
 */

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

/** Graph prints innerError.date without milliseconds or zone: 2025-01-06T12:25:59. */
export function graphErrorBody(error: GraphError, requestId: string, clientRequestId: string, now = new Date()): GraphErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      innerError: { date: now.toISOString().slice(0, 19), 'request-id': requestId, 'client-request-id': clientRequestId },
    },
  };
}

const notFoundMessage = (what: string) => `Resource '${what}' does not exist or one of its queried reference-property objects are not present.`;

export const graphErrors = {
  resourceNotFound: (idOrName: string) => new GraphError(404, 'Request_ResourceNotFound', notFoundMessage(idOrName)),
  noManager: () => new GraphError(404, 'Request_ResourceNotFound', notFoundMessage('manager')),
  segmentNotFound: (segment: string) => new GraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`),
  invalidVersion: (version: string) => new GraphError(400, 'BadRequest', `Invalid version: ${version}`),
  methodNotAllowed: (method: string) =>
    new GraphError(405, 'Request_BadRequest', `The HTTP method '${method}' is not supported for this resource by the Graph emulator.`),
  unreadableJson: () =>
    new GraphError(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.'),
  missingParameters: (operation: string, missing: readonly string[]) =>
    new GraphError(
      400,
      'Request_BadRequest',
      `One or more parameters of the operation '${operation}' are missing from the request payload. The missing parameters are: ${missing.join(', ')}.`,
    ),
  invalidPropertyValue: (property: string, resource: string) =>
    new GraphError(400, 'Request_BadRequest', `Invalid value specified for property '${property}' of resource '${resource}'.`),
  unsupportedFilter: (property: string) =>
    new GraphError(400, 'Request_UnsupportedQuery', `Unsupported or invalid query filter clause specified for property '${property}' of resource 'User'.`),
  invalidFilter: (detail: string) => new GraphError(400, 'BadRequest', `Invalid filter clause: ${detail}`),
  unknownSelectProperty: (property: string, type: string) =>
    new GraphError(400, 'BadRequest', `Could not find a property named '${property}' on type 'microsoft.graph.${type}'.`),
  invalidPageSize: (raw: string) =>
    new GraphError(400, 'Request_UnsupportedQuery', `Invalid page size specified: '${raw}'. Must be between 1 and 999 inclusive.`),
  invalidSkipToken: () => new GraphError(400, 'Request_BadRequest', 'Invalid paging token (skiptoken).'),
  unsupportedQueryOption: (option: string) =>
    new GraphError(400, 'Request_UnsupportedQuery', `The query option '${option}' is not supported by the Graph emulator.`),
  // assignLicense (messages as Graph returns them)
  invalidCompanyLicense: (skuId: string) =>
    new GraphError(400, 'Request_BadRequest', `License ${skuId} does not correspond to a valid company License.`),
  noAvailableLicenses: (skuId: string) =>
    new GraphError(400, 'Request_BadRequest', `Subscription with SKU ${skuId} does not have any available licenses.`),
  invalidUsageLocation: () =>
    new GraphError(400, 'Request_BadRequest', 'License assignment cannot be done for user with invalid usage location.'),
  mutuallyExclusive: (planIds: readonly string[]) =>
    new GraphError(400, 'Request_BadRequest', `License assignment failed because service plans ${planIds.join(', ')} are mutually exclusive.`),
  dependency: (planId: string, requiredPlanIds: readonly string[]) =>
    new GraphError(
      400,
      'Request_BadRequest',
      `License assignment failed because service plan ${planId} depends on the service plan(s) ${requiredPlanIds.join(', ')}`,
    ),
  inheritedFromGroup: () =>
    new GraphError(400, 'Request_BadRequest', 'User license is inherited from a group membership and it cannot be removed directly from the user.'),
  noCorrespondingLicense: () => new GraphError(400, 'Request_BadRequest', 'User does not have a corresponding license.'),
  addAndRemoveSameLicense: (skuId: string) =>
    new GraphError(400, 'Request_BadRequest', `License ${skuId} cannot be added and removed in the same request.`),
  tooManyGroupIds: () => new GraphError(400, 'Request_BadRequest', 'The groupIds collection can contain at most 20 ids.'),
  // $batch
  batchTooLarge: (count: number) => new GraphError(400, 'BadRequest', `Number of batch requests (${count}) exceeds the limit of 20.`),
  invalidBatchPayload: (detail: string) => new GraphError(400, 'BadRequest', `Invalid batch payload format. ${detail}`),
  failedDependency: () => new GraphError(424, 'FailedDependency', 'Failed dependency.'),
  // Faults
  throttled: (retryAfterSeconds: number | undefined) =>
    new GraphError(
      429,
      'Request_ThrottledTemporarily',
      `Your request is throttled temporarily. Please try after ${retryAfterSeconds ?? 'a few'} seconds.`,
      retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) },
    ),
  serviceUnavailable: () =>
    new GraphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable. Please try again later.'),
  internalServerError: () => new GraphError(500, 'Service_InternalServerError', 'Encountered an internal server error.'),
  /** What Graph answers when the app lacks the permission (e.g. LicenseAssignment.ReadWrite.All not consented). */
  forbidden: () => new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
};
