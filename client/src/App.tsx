/**
 * The route table. The editor (Tiptap + Yjs, the heavy part) is lazy-loaded so the
 * dashboard and sign-in screens stay small.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ErrorBoundary } from './components/ErrorBoundary';
import { FocusHeadingOnRouteChange } from './components/FocusHeadingOnRouteChange';
import { Skeleton } from './components/Feedback';
import { Layout } from './components/Layout';
import { RequireUser } from './components/RequireUser';
import { ShortcutSheet } from './components/ShortcutSheet';
import { AdminPage } from './admin/AdminPage';
import { LiveQueryUpdates } from './query/LiveQueryUpdates';
import { OfflineSupport } from './offline/OfflineSupport';
import { createQueryClient } from './query/queryClient';
import { AccountPage } from './pages/AccountPage';
import { DashboardPage } from './dashboard/DashboardPage';
import { InvitePage } from './pages/InvitePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RegisterPage } from './pages/RegisterPage';
import { SetupPage } from './pages/SetupPage';
import { RealtimeProvider } from './realtime/RealtimeContext';
import { SessionProvider } from './session/SessionContext';
import { TrashPage } from './trash/TrashPage';
import { WorkspacePage } from './workspace/WorkspacePage';

const EditorPage = lazy(() => import('./editor/EditorPage'));
const SearchPage = lazy(() => import('./search/SearchPage'));

/** The whole client. */
export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <ErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <OfflineSupport />
        <BrowserRouter>
          <SessionProvider>
            <RealtimeProvider>
              <LiveQueryUpdates />
              <FocusHeadingOnRouteChange />
              <ShortcutSheet />
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route path="/setup" element={<SetupPage />} />
                <Route path="/register" element={<RegisterPage />} />
                <Route path="/invite/:token" element={<InvitePage />} />
                <Route
                  path="/"
                  element={
                    <RequireUser>
                      <DashboardPage />
                    </RequireUser>
                  }
                />
                <Route
                  path="/admin"
                  element={
                    <RequireUser>
                      <AdminPage />
                    </RequireUser>
                  }
                />
                <Route
                  path="/account"
                  element={
                    <RequireUser>
                      <AccountPage />
                    </RequireUser>
                  }
                />
                <Route
                  path="/w/:workspaceId"
                  element={
                    <RequireUser>
                      <WorkspacePage />
                    </RequireUser>
                  }
                />
                <Route
                  path="/w/:workspaceId/trash"
                  element={
                    <RequireUser>
                      <TrashPage />
                    </RequireUser>
                  }
                />
                <Route
                  path="/search"
                  element={
                    <RequireUser>
                      <Suspense fallback={<Skeleton lines={4} />}>
                        <SearchPage />
                      </Suspense>
                    </RequireUser>
                  }
                />
                <Route
                  path="/documents/:documentId"
                  element={
                    <RequireUser>
                      <Suspense
                        fallback={
                          <Layout isWide>
                            <Skeleton lines={8} />
                          </Layout>
                        }
                      >
                        <EditorPage />
                      </Suspense>
                    </RequireUser>
                  }
                />
                <Route path="*" element={<NotFoundPage />} />
              </Routes>
            </RealtimeProvider>
          </SessionProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </ErrorBoundary>
  );
}
