import { ADAPTER_HARNESSES } from '../harness/index.js';
import { describeConformance } from './index.js';

describeConformance(ADAPTER_HARNESSES);
