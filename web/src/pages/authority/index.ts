// The pages of the 卫生行政部门 (authority); routes.tsx loads this module lazily, as one chunk.
export { AuthorityHomePage } from './home/AuthorityHomePage';
