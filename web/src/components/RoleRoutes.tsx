import { Route, Routes } from 'react-router';
import { useCurrentUser } from '../auth/currentUser';
import { NotFoundPage, routesFor } from '../routes';
import { DocumentTitle } from './DocumentTitle';

/** The routes the current role may see; everything else is 页面不存在. */
export function RoleRoutes() {
  const me = useCurrentUser();
  return (
    <Routes>
      {routesFor(me.role).map(({ path, title, Page }) => (
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
          <DocumentTitle title="页面不存在">
            <NotFoundPage />
          </DocumentTitle>
        }
      />
    </Routes>
  );
}
