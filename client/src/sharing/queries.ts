/** Data hooks of the share dialog: who may use a document, and its link reach. */
import { api } from '../api/client';
import { queryKeys } from '../query/queryKeys';
import { useApiQuery } from '../query/useApiQuery';

/** The document's access list (owners only; load it only while the dialog is open). */
export function useDocumentAccess(documentId: string, options: { enabled: boolean }) {
  return useApiQuery({
    queryKey: queryKeys.documentAccess(documentId),
    load: () => api.documents.access(documentId),
    enabled: options.enabled,
  });
}
