import { startReportPage } from './controller';

// report.html?tab=ID: the full report of any open tab in a page of its own; report.html?har opens a HAR file.
startReportPage({ follow: false });
