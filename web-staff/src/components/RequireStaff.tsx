import { QueryState } from '@bc/schema';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../session/me';

/** Renders the nested routes for a signed-in staff member; sends everyone else to the login page. */
export function RequireStaff() {
  const location = useLocation();
  const { data, loading, error, refetch } = useMe();
  if (!data) return <QueryState loading={loading} error={error} onRetry={() => void refetch()} />;
  if (!data.me) return <Navigate to="/login" replace state={{ from: location }} />;
  return <Outlet />;
}
