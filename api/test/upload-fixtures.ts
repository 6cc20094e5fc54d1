/** Files and catalog lookups shared by the tests that book with uploaded documents. */
import type { GqlClient } from './gql-client.js';

/** The smallest PDF the type check accepts. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
/** 1×1 grey PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

export type RequiredDoc = { documentId: string; name: string; uploadable: boolean };
export type Office = { id: string; services: { id: string; name: string; requiredDocuments: RequiredDoc[] }[] };
const OFFICE = `query($slug: String!) { office(slug: $slug) {
  id services { id name requiredDocuments { documentId name uploadable } } } }`;

/** The public office with its services and their required documents. */
export async function publicOffice(client: GqlClient, slug: string): Promise<Office> {
  return (await client.ok<{ office: Office }>(OFFICE, { slug })).office;
}

/** Where a booking with an upload goes: the office, the service and its uploadable document (by their names). */
export async function uploadTarget(
  client: GqlClient,
  slug: string,
  serviceName: string,
  documentName: string,
): Promise<{ officeId: string; serviceId: string; documentId: string }> {
  const office = await publicOffice(client, slug);
  const service = office.services.find((s) => s.name === serviceName);
  const document = service?.requiredDocuments.find((d) => d.name === documentName && d.uploadable);
  if (!service || !document) throw new Error(`no uploadable ${documentName} for ${serviceName}`);
  return { officeId: office.id, serviceId: service.id, documentId: document.documentId };
}
