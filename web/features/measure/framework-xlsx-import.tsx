import { Alert, Button, FileButton, List } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { ApiError } from '../../lib/api-client.js';
import { useSession } from '../auth/use-session.js';
import { type ConsistencyT, useCT } from './consistency-i18n.js';
import { analysisApi } from './measure-analysis-api.js';
import { useMT } from './measure-i18n.js';

/** "rows.12.maxPoints" → row 12, column maxPoints; "rules.3…" → row 3 of the rules sheet; others as they come. */
function rowLabel(field: string, t: ReturnType<typeof useMT>, ct: ConsistencyT): string {
  const rule = /^(?:body\.)?rules\.(\d+)/.exec(field);
  if (rule) return ct('c.xlsxRow', { row: rule[1] });
  const m = /^(?:body\.)?rows\.(\d+)(?:\.(.+))?$/.exec(field);
  if (!m) return field === 'file' ? '' : field;
  return m[2] ? t('m.xlsx.rowColumn', { row: m[1], column: m[2] }) : t('m.xlsx.row', { row: m[1] });
}

const rowOf = (field: string) => /(?:rows|rules)\.(\d+)/.exec(field)?.[1] ?? '';

/** Upload of a framework workbook; the server imports all rows or none and lists each bad row. */
// Returns the button and the error list apart so the page can place the list below its toolbar.
export function useFrameworkXlsxImport(onDone: (r: { framework: { id: number } }) => void) {
  const t = useMT();
  const ct = useCT();
  const session = useSession();
  const upload = useMutation({
    mutationFn: (file: File) => analysisApi.importFrameworkXlsx(file, session.data?.csrfToken ?? ''),
    onSuccess: onDone,
  });
  const problem = upload.error instanceof ApiError ? upload.error.problem : null;
  const button = (
    <FileButton
      onChange={(f) => f && upload.mutate(f)}
      accept="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,.xlsx"
    >
      {(props) => (
        <Button {...props} variant="default" loading={upload.isPending}>
          {t('m.xlsx.import')}
        </Button>
      )}
    </FileButton>
  );
  const errors = upload.error ? (
    <Alert color="red" role="alert" title={t('m.xlsx.failed')} w="100%" data-testid="xlsx-errors">
      {problem?.errors?.length ? (
        <List size="sm" spacing={2}>
          {problem.errors.slice(0, 50).map((e) => {
            const where = rowLabel(e.field, t, ct);
            return (
              <List.Item key={`${e.field}:${e.code}`}>
                {/* Most server messages already name their row; add it only when missing. */}
                {where && !e.message.includes(String(rowOf(e.field))) ? <b>{where}: </b> : null}
                {e.message}
              </List.Item>
            );
          })}
        </List>
      ) : (
        (problem?.detail ?? upload.error.message)
      )}
    </Alert>
  ) : null;
  return { button, errors };
}
