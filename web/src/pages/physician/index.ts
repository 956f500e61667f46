// The pages of the 医师 (physician); routes.tsx loads this module lazily, as one chunk.
export { PhysicianHomePage } from './home/PhysicianHomePage';
