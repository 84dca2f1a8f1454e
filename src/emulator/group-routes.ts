/** /groups/{id} and /groups/{id}/members. */
import { graphErrors } from './graph-error';
import { ok, type RouteHandler } from './handler-types';
import { contextUrl, pageOf, readQueryOptions } from './odata-query';
import { asDirectoryObject, groupJson, resolveSelect, userJson } from './resource-shapes';

export const getGroup: RouteHandler = (request, [id = ''], context) => {
  const select = resolveSelect(readQueryOptions(request.query, ['$select']).select, 'group');
  const group = context.directory.findGroup(id);
  if (!group) throw graphErrors.resourceNotFound(id);
  return ok({ '@odata.context': contextUrl(request.serviceRoot, 'groups', select, true), ...groupJson(group, select) });
};

export const listGroupMembers: RouteHandler = (request, [id = ''], context) => {
  const options = readQueryOptions(request.query, ['$select', '$top', '$skiptoken']);
  const select = resolveSelect(options.select, 'user');
  const group = context.directory.findGroup(id);
  if (!group) throw graphErrors.resourceNotFound(id);
  const members = context.directory.groupMembers(group);
  const page = pageOf(members, options, `${request.serviceRoot}/groups/${encodeURIComponent(id)}/members`, request.query);
  return ok({
    '@odata.context': contextUrl(request.serviceRoot, 'directoryObjects', select),
    ...(page.nextLink === undefined ? {} : { '@odata.nextLink': page.nextLink }),
    value: page.value.map((user) => asDirectoryObject('user', userJson(context.directory, user, select))),
  });
};
