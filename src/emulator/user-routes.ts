/** /users, /users/{id | userPrincipalName} and the navigations and actions under a user. */
import { graphErrors } from './graph-error';
import { ok, type EmulatorContext, type EmulatorResponse, type RouteHandler } from './handler-types';
import { parseLicenceChange, planAssignment } from './license-assignment';
import { matchesFilter, parseUserFilter } from './odata-filter';
import { contextUrl, pageOf, readQueryOptions } from './odata-query';
import { asDirectoryObject, groupJson, resolveSelect, userJson } from './resource-shapes';
import type { UserRecord } from './tenant-directory';

const MAX_CHECKED_GROUPS = 20;

export function findUserOrThrow(context: EmulatorContext, idOrUpn: string): UserRecord {
  const user = context.directory.findUser(idOrUpn);
  if (!user) throw graphErrors.resourceNotFound(idOrUpn);
  return user;
}

export const listUsers: RouteHandler = (request, _params, context) => {
  const options = readQueryOptions(request.query, ['$select', '$filter', '$top', '$skiptoken']);
  const select = resolveSelect(options.select, 'user');
  const filter = options.filter === undefined ? undefined : parseUserFilter(options.filter);
  const users = context.directory.listUsers().filter((user) => filter === undefined || matchesFilter(filter, user.profile));
  const page = pageOf(users, options, `${request.serviceRoot}/users`, request.query);
  return ok({
    '@odata.context': contextUrl(request.serviceRoot, 'users', select),
    ...(page.nextLink === undefined ? {} : { '@odata.nextLink': page.nextLink }),
    value: page.value.map((user) => userJson(context.directory, user, select)),
  });
};

export const getUser: RouteHandler = (request, [idOrUpn = ''], context) => {
  const select = resolveSelect(readQueryOptions(request.query, ['$select']).select, 'user');
  const user = findUserOrThrow(context, idOrUpn);
  return ok({ '@odata.context': contextUrl(request.serviceRoot, 'users', select, true), ...userJson(context.directory, user, select) });
};

export const getManager: RouteHandler = (request, [idOrUpn = ''], context) => {
  const select = resolveSelect(readQueryOptions(request.query, ['$select']).select, 'user');
  const user = findUserOrThrow(context, idOrUpn);
  const manager = user.managerId === undefined ? undefined : context.directory.findUser(user.managerId);
  if (!manager) throw graphErrors.noManager();
  return ok({
    '@odata.context': contextUrl(request.serviceRoot, 'directoryObjects', select, true),
    ...asDirectoryObject('user', userJson(context.directory, manager, select)),
  });
};

export const listMemberOf: RouteHandler = (request, [idOrUpn = ''], context) => {
  const options = readQueryOptions(request.query, ['$select', '$top', '$skiptoken']);
  const select = resolveSelect(options.select, 'group');
  const user = findUserOrThrow(context, idOrUpn);
  const groups = context.directory.groupsOf(user.profile.id);
  const page = pageOf(groups, options, `${request.serviceRoot}/users/${encodeURIComponent(idOrUpn)}/memberOf`, request.query);
  return ok({
    '@odata.context': contextUrl(request.serviceRoot, 'directoryObjects', select),
    ...(page.nextLink === undefined ? {} : { '@odata.nextLink': page.nextLink }),
    value: page.value.map((group) => asDirectoryObject('group', groupJson(group, select))),
  });
};

export const checkMemberGroups: RouteHandler = (request, [idOrUpn = ''], context) => {
  const user = findUserOrThrow(context, idOrUpn);
  const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
  const groupIds = body.groupIds;
  if (groupIds === undefined || groupIds === null) throw graphErrors.missingParameters('checkMemberGroups', ['groupIds']);
  if (!Array.isArray(groupIds) || !groupIds.every((id) => typeof id === 'string')) throw graphErrors.invalidPropertyValue('groupIds', 'checkMemberGroups');
  if (groupIds.length > MAX_CHECKED_GROUPS) throw graphErrors.tooManyGroupIds();
  const memberOf = new Set(context.directory.groupsOf(user.profile.id).map((group) => group.id.toLowerCase()));
  return ok({
    '@odata.context': `${request.serviceRoot}/$metadata#Collection(Edm.String)`,
    value: groupIds.filter((id: string) => memberOf.has(id.toLowerCase())),
  });
};

export const assignLicense: RouteHandler = (request, [idOrUpn = ''], context): EmulatorResponse => {
  const user = findUserOrThrow(context, idOrUpn);
  const change = parseLicenceChange(request.body);
  const plan = planAssignment(context.directory, user, change);
  const at = context.now();
  context.directory.replaceDirectLicences(user, plan.direct, at);
  context.recordWrite({
    userId: user.profile.id,
    userPrincipalName: user.profile.userPrincipalName,
    addedSkuIds: plan.addedSkuIds,
    removedSkuIds: plan.removedSkuIds,
    addLicenses: change.addLicenses.map((licence) => ({ skuId: licence.skuId, disabledPlans: [...licence.disabledPlans] })),
    at: at.toISOString(),
  });
  return ok({ '@odata.context': contextUrl(request.serviceRoot, 'users', undefined, true), ...userJson(context.directory, user, undefined) });
};

