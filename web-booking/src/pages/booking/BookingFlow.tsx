import { useQuery } from '@apollo/client/react';
import { QueryState } from '@bc/schema';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Navigate, Route, Routes, useParams } from 'react-router';
import { OfficeNotFound } from '../../components/OfficeNotFound';
import { graphql } from '../../gql';
import { type BookingDraft, loadDraft, saveDraft } from '../../lib/draft';
import { contactIssues, type FieldIssue } from '../../lib/field-errors';
import { type Flow, FlowContext, stepPaths } from './booking-flow-context';
import { ContactStep } from './ContactStep';
import { ReviewStep } from './ReviewStep';
import { ServicesStep } from './ServicesStep';
import { TimeStep } from './TimeStep';

const BookingOfficeQueryDoc = graphql(`
  query BookingOffice($slug: String!) {
    office(slug: $slug) {
      id
      slug
      name
      timeZone
      slotMinutes
      leadMinutes
      horizonDays
      address {
        street
        postalCode
        city
      }
      services {
        id
        name
        description
        durationMinutes
        bookableOnline
        maxPerBooking
        texts {
          language
          name
          description
        }
        requiredDocuments {
          documentId
          name
          description
          mandatory
          uploadable
          texts {
            language
            name
            description
          }
        }
      }
    }
  }
`);

/** The draft of this office, mirrored into sessionStorage on every change. */
function useDraft(slug: string) {
  const [draft, setDraft] = useState(() => loadDraft(slug));
  useEffect(() => saveDraft(slug, draft), [slug, draft]);
  const update = useCallback(
    (change: Partial<BookingDraft> | ((d: BookingDraft) => BookingDraft)) =>
      setDraft((d) => (typeof change === 'function' ? change(d) : { ...d, ...change })),
    [],
  );
  return [draft, update] as const;
}

/**
 * /booking/:slug/termin/* — the four steps: services, day and time, contact and uploads, review. A step whose
 * earlier steps are not done sends the visitor back to the first open one (e.g. a bookmark of a later step).
 */
export function BookingFlow() {
  const { slug = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(BookingOfficeQueryDoc, { variables: { slug } });
  const [draft, update] = useDraft(slug);
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const office = data?.office;
  const services = useMemo(() => office?.services.filter((s) => s.bookableOnline) ?? [], [office]);
  const paths = useMemo(() => stepPaths(slug), [slug]);

  // Services that are no longer offered are dropped from the draft.
  const chosen = draft.services.filter((c) => services.some((s) => s.id === c.serviceId));
  const flow = useMemo<Flow | null>(
    () => (office ? { office, services, draft, update, issues, setIssues, paths } : null),
    [office, services, draft, update, issues, paths],
  );

  if (!data) return <QueryState loading={loading} error={error} onRetry={() => void refetch()} />;
  if (!office || !flow) return <OfficeNotFound />;

  const servicesDone = chosen.length > 0;
  const timeDone = servicesDone && draft.start !== null;
  const contactDone = timeDone && contactIssues(draft).length === 0;
  return (
    <FlowContext.Provider value={flow}>
      <Routes>
        <Route index element={<ServicesStep />} />
        <Route path="zeit" element={servicesDone ? <TimeStep /> : <Navigate to={paths.services} replace />} />
        <Route
          path="kontakt"
          element={timeDone ? <ContactStep /> : <Navigate to={servicesDone ? paths.time : paths.services} replace />}
        />
        <Route
          path="pruefen"
          element={
            contactDone ? (
              <ReviewStep />
            ) : (
              <Navigate to={timeDone ? paths.contact : servicesDone ? paths.time : paths.services} replace />
            )
          }
        />
        <Route path="*" element={<Navigate to={paths.services} replace />} />
      </Routes>
    </FlowContext.Provider>
  );
}
