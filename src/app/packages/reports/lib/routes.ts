// Pages of the reports subpackage (only the way in, 报表, is in the main package's routes).
import type { ReportDrillRef } from '../../../../contract';

const q = encodeURIComponent;
const ROOT = '/packages/reports/pages';

export const reportRoutes = {
  /** `title` says on the list what number it explains. */
  drill: (ref: ReportDrillRef, title: string) =>
    `${ROOT}/drill/index?metric=${q(ref.metric)}&bucketStart=${q(ref.bucketStart)}${ref.groupId ? `&groupId=${q(ref.groupId)}` : ''}${ref.key !== undefined ? `&key=${q(ref.key)}` : ''}&title=${q(title)}`,
  export: `${ROOT}/export/index`,
  exports: `${ROOT}/exports/index`,
};
