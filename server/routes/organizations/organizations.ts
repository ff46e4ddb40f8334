/**
 * `/api/organizations`: every signed-in user can list the network's organisations (to pick
 * a city, to see who is who); only the network admin changes them.
 */
import express, { type Router } from 'express';
import { IdParams } from '../../../shared/api/fields';
import {
  CreateOrganizationBody,
  ListOrganizationsQuery,
  UpdateOrganizationBody,
} from '../../../shared/api/organizations';
import {
  createOrganization,
  deleteOrganization,
  updateOrganization,
} from '../../commands/manageOrganizations';
import { getActor, requireAdmin, requireUser } from '../../http/authentication';
import { clientIp } from '../../http/requestContext';
import { validate } from '../../http/validate';
import { presentOrganization } from '../../presenters/organizations';
import type { RouteDeps } from '../deps';

/** Router for `/api/organizations*`. */
export function createOrganizationsRouter(deps: Pick<RouteDeps, 'storage'>): Router {
  const { storage } = deps;
  const router = express.Router();

  router.get('/organizations', requireUser, async (req, res) => {
    const { query } = validate(req, { query: ListOrganizationsQuery });
    const organizations = await storage.listOrganizations(query.type ? { type: query.type } : {});
    const byName = [...organizations].sort((a, b) => a.name.localeCompare(b.name));
    res.json({ organizations: byName.map(presentOrganization) });
  });

  router.post('/organizations', requireAdmin, async (req, res) => {
    const { body } = validate(req, { body: CreateOrganizationBody });
    const organization = await createOrganization({
      storage,
      actor: getActor(res),
      input: body,
      ip: clientIp(req),
    });
    res.status(201).json({ organization: presentOrganization(organization) });
  });

  router.patch('/organizations/:id', requireAdmin, async (req, res) => {
    const { params, body } = validate(req, { params: IdParams, body: UpdateOrganizationBody });
    const organization = await updateOrganization({
      storage,
      actor: getActor(res),
      id: params.id,
      patch: body,
      ip: clientIp(req),
    });
    res.json({ organization: presentOrganization(organization) });
  });

  router.delete('/organizations/:id', requireAdmin, async (req, res) => {
    const { params } = validate(req, { params: IdParams });
    await deleteOrganization({ storage, actor: getActor(res), id: params.id, ip: clientIp(req) });
    res.status(204).end();
  });

  return router;
}
