import { CONFORMANCE_HARNESSES } from '../harness/index.js';
import { describeConformance } from '@oauth-ro/conformance';

describeConformance(CONFORMANCE_HARNESSES);
