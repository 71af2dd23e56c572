/**
 * Jest's Node environment, loaded in each worker's own process (not in a test's sandbox): the
 * filter of restify's DEP0111 warning must sit on that process, where Node emits the warning.
 */
import '../../src/http-parser-warning';
import { TestEnvironment } from 'jest-environment-node';

export default TestEnvironment;
