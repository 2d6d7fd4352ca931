import { startReportPage } from '../report/controller';

// The side panel (Chrome) or sidebar (Firefox): the full report of ?tab=ID, or of the active tab as it changes.
startReportPage({ follow: true });
