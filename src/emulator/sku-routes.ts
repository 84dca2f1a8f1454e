/** /subscribedSkus and /subscribedSkus/{id}; consumedUnits is computed on every read. */
import { graphErrors } from './graph-error';
import { ok, type RouteHandler } from './handler-types';
import { contextUrl, readQueryOptions } from './odata-query';
import { subscribedSkuJson } from './resource-shapes';

function project(json: Record<string, unknown>, select: readonly string[] | undefined): Record<string, unknown> {
  if (select === undefined) return json;
  return Object.fromEntries(
    select.map((name) => {
      const property = Object.keys(json).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
      if (property === undefined) throw graphErrors.unknownSelectProperty(name, 'subscribedSku');
      return [property, json[property]];
    }),
  );
}

export const listSubscribedSkus: RouteHandler = (request, _params, context) => {
  const { select } = readQueryOptions(request.query, ['$select']);
  return ok({
    '@odata.context': contextUrl(request.serviceRoot, 'subscribedSkus', select),
    value: context.directory.listSkus().map((sku) => project(subscribedSkuJson(context.directory, sku), select)),
  });
};

/** The id is "{tenantId}_{skuId}", as in the collection. */
export const getSubscribedSku: RouteHandler = (request, [id = ''], context) => {
  const { select } = readQueryOptions(request.query, ['$select']);
  const sku = context.directory.listSkus().find((candidate) => `${context.directory.tenantId}_${candidate.skuId}`.toLowerCase() === id.toLowerCase());
  if (!sku) throw graphErrors.resourceNotFound(id);
  return ok({
    '@odata.context': contextUrl(request.serviceRoot, 'subscribedSkus', select, true),
    ...project(subscribedSkuJson(context.directory, sku), select),
  });
};
