import { problemType, ProblemException } from '#eventsourcing';

const PROJECTION = /^[a-z0-9][a-z0-9-]{0,99}$/;
const ROW_KEY = /^[A-Za-z0-9._:@-]+(\/[A-Za-z0-9._:@-]+)*$/;

/**
 * The read model and row key of `rows/:projection/<row key>`: the key may hold slashes
 * (`diaspora-2025/diaspora-youth-forum-2025`), so it comes from a wildcard and is checked here.
 */
export function rowParams(params: Record<string, unknown>): { projection: string; rowKey: string } {
  const projection = String(params.projection ?? '');
  const rowKey = String(params['*'] ?? '');
  const errors = [
    ...(PROJECTION.test(projection)
      ? []
      : [
          {
            field: 'projection',
            message: 'projection must be a read model name such as plan-implementation',
          },
        ]),
    ...(rowKey.length <= 300 && ROW_KEY.test(rowKey)
      ? []
      : [{ field: 'rowKey', message: 'rowKey must be segments of A-Z a-z 0-9 . _ : @ - separated by /' }]),
  ];
  if (errors.length === 0) return { projection, rowKey };
  throw new ProblemException({
    type: problemType('validation'),
    title: 'The request is not valid',
    status: 400,
    detail: 'One or more fields are missing or wrong',
    errors,
  });
}
