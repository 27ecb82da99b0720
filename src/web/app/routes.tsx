import { type ComponentType, lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AppLayout } from '../features/layout/app-layout.js';
import { canCreateProgramme, canManageDirectory, canManageUsers } from '../shared/policy.js';
import { Loading } from '../shared/query-state.js';
import { RequireRole, RequireSession } from './require-session.js';

// Each page is its own chunk: the first load carries only the shell and the sign-in page.
const named = <K extends string, M extends Record<K, ComponentType>>(load: () => Promise<M>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const LoginPage = named(() => import('../features/login/login-page.js'), 'LoginPage');
const ProgrammeListPage = named(() => import('../features/programmes/programme-list-page.js'), 'ProgrammeListPage');
const ProgrammePage = named(() => import('../features/programmes/programme-page.js'), 'ProgrammePage');
const ImportPage = named(() => import('../features/import/import-page.js'), 'ImportPage');
const ItemPage = named(() => import('../features/items/item-page.js'), 'ItemPage');
const JurisdictionsPage = named(() => import('../features/admin/jurisdictions-page.js'), 'JurisdictionsPage');
const UnitsPage = named(() => import('../features/admin/units-page.js'), 'UnitsPage');
const PeoplePage = named(() => import('../features/admin/people-page.js'), 'PeoplePage');
const UsersPage = named(() => import('../features/admin/users-page.js'), 'UsersPage');
const NotFoundPage = named(() => import('../features/layout/not-found-page.js'), 'NotFoundPage');

export function AppRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          element={
            <RequireSession>
              <AppLayout />
            </RequireSession>
          }
        >
          <Route index element={<Navigate to="/programmes" replace />} />
          <Route path="programmes" element={<ProgrammeListPage />} />
          <Route
            path="programmes/import"
            element={
              <RequireRole allow={canCreateProgramme}>
                <ImportPage />
              </RequireRole>
            }
          />
          <Route path="programmes/:id" element={<ProgrammePage />} />
          <Route path="items/:id" element={<ItemPage />} />
          <Route
            path="jurisdictions"
            element={
              <RequireRole allow={canManageDirectory}>
                <JurisdictionsPage />
              </RequireRole>
            }
          />
          <Route
            path="units"
            element={
              <RequireRole allow={canManageDirectory}>
                <UnitsPage />
              </RequireRole>
            }
          />
          <Route
            path="people"
            element={
              <RequireRole allow={canManageDirectory}>
                <PeoplePage />
              </RequireRole>
            }
          />
          <Route
            path="users"
            element={
              <RequireRole allow={canManageUsers}>
                <UsersPage />
              </RequireRole>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
