import { Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { RequireAuth } from './auth/RequireAuth';
import { SessionWatcher } from './auth/SessionWatcher';
import { DocumentTitle } from './components/DocumentTitle';
import { ErrorBoundary } from './components/ErrorBoundary';
import { PageSpin } from './components/PageSpin';
import { RoleRoutes } from './components/RoleRoutes';
import { AppLayout, publicRoutes } from './routes';

export function App() {
  return (
    <ErrorBoundary>
      <SessionWatcher />
      <Suspense fallback={<PageSpin fullScreen />}>
        <Routes>
          {publicRoutes.map(({ path, title, Page }) => (
            <Route
              key={path}
              path={path}
              element={
                <DocumentTitle title={title}>
                  <Page />
                </DocumentTitle>
              }
            />
          ))}
          <Route
            path="*"
            element={
              <RequireAuth>
                <AppLayout>
                  <RoleRoutes />
                </AppLayout>
              </RequireAuth>
            }
          />
        </Routes>
      </Suspense>
    </ErrorBoundary>
  );
}
