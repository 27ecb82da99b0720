import { type ComponentType, lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { canModerateFeedback } from '../features/feedback/feedback-policy.js';
import { AppLayout } from '../features/layout/app-layout.js';
import { HomeRedirect } from '../features/reports/home-redirect.js';
import {
  canCreateProgramme,
  canManageChannels,
  canManageDirectory,
  canManageUsers,
  canReviewReports,
} from '../shared/policy.js';
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
// Supervision (督查): dashboard, notices, assessment, districts.
const DashboardPage = named(() => import('../features/supervision/dashboard/dashboard-page.js'), 'DashboardPage');
const NoticesPage = named(() => import('../features/supervision/notices/notices-page.js'), 'NoticesPage');
const NoticePage = named(() => import('../features/supervision/notices/notice-page.js'), 'NoticePage');
const AssessmentPage = named(() => import('../features/supervision/assessment/assessment-page.js'), 'AssessmentPage');
const DistrictsPage = named(() => import('../features/supervision/districts/districts-page.js'), 'DistrictsPage');
// Reports (进展报告): my work, the report form, the review queue, the inbox.
const MyWorkPage = named(() => import('../features/reports/my-work-page.js'), 'MyWorkPage');
const ReportFormPage = named(() => import('../features/reports/report-form-page.js'), 'ReportFormPage');
const ReportPage = named(() => import('../features/reports/report-form-page.js'), 'ReportPage');
const ReviewPage = named(() => import('../features/reports/review-page.js'), 'ReviewPage');
const InboxPage = named(() => import('../features/inbox/inbox-page.js'), 'InboxPage');
// Settings (设置): the working-day calendar, reminder channels, the delivery log.
const CalendarPage = named(() => import('../features/settings/calendar-page.js'), 'CalendarPage');
const ChannelsPage = named(() => import('../features/settings/channels-page.js'), 'ChannelsPage');
const DeliveriesPage = named(() => import('../features/settings/deliveries-page.js'), 'DeliveriesPage');
// 群众评价: residents' comments to moderate and satisfaction.
const FeedbackPage = named(() => import('../features/feedback/feedback-page.js'), 'FeedbackPage');
const BulletinImportPage = named(
  () => import('../features/bulletin-import/bulletin-import-page.js'),
  'BulletinImportPage',
);
// 进展情况通报: bulletins of a programme, drafted, edited and published by the office.
const BulletinsPage = named(() => import('../features/bulletins/bulletins-page.js'), 'BulletinsPage');
const BulletinPage = named(() => import('../features/bulletins/bulletin-page.js'), 'BulletinPage');
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
          <Route index element={<HomeRedirect />} />
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
          <Route path="dashboard" element={<DashboardPage />} />
          <Route path="notices" element={<NoticesPage />} />
          <Route path="notices/:id" element={<NoticePage />} />
          <Route path="programmes/:id/assessment" element={<AssessmentPage />} />
          <Route path="programmes/:id/districts" element={<DistrictsPage />} />
          <Route path="my-work" element={<MyWorkPage />} />
          <Route path="items/:id/reports/:period" element={<ReportFormPage />} />
          <Route path="reports/:id" element={<ReportPage />} />
          <Route
            path="programmes/:id/bulletin-import"
            element={
              <RequireRole allow={canReviewReports}>
                <BulletinImportPage />
              </RequireRole>
            }
          />
          <Route
            path="programmes/:id/review"
            element={
              <RequireRole allow={canReviewReports}>
                <ReviewPage />
              </RequireRole>
            }
          />
          <Route path="inbox" element={<InboxPage />} />
          <Route path="calendar" element={<CalendarPage />} />
          <Route
            path="channels"
            element={
              <RequireRole allow={canManageChannels}>
                <ChannelsPage />
              </RequireRole>
            }
          />
          <Route
            path="deliveries"
            element={
              <RequireRole allow={canManageChannels}>
                <DeliveriesPage />
              </RequireRole>
            }
          />
          <Route
            path="feedback"
            element={
              <RequireRole allow={canModerateFeedback}>
                <FeedbackPage />
              </RequireRole>
            }
          />
          <Route path="bulletins" element={<BulletinsPage />} />
          <Route path="bulletins/:id" element={<BulletinPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
