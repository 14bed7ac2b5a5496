import { CONFORMANCE_HARNESSES } from '../harness/index.js';
import { describeConformance } from './index.js';

describeConformance(CONFORMANCE_HARNESSES);
