export { academicDatabase } from './adapters/db/academic-database';
export { createAcademicService } from './academic-service';
export { readAcademicConfig } from './config';
